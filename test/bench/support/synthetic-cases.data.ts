/**
 * The vocabulary of the synthetic county (synthetic-cases.ts): agencies with their share of the
 * applications, what people ask each kind of agency for, places, names, and the mixes of channel,
 * applicant type and outcome. Shares are relative weights, not percentages.
 */
import type { AgencyType } from '../../../src/agencies/agency-type.js';
import type { ApplicantType } from '../../../src/cases/applicant-type.js';
import type { DeliveryMethod, RequestedForm } from '../../../src/cases/case-details.js';
import type { Channel } from '../../../src/cases/channel.js';
import type { Outcome } from '../../../src/cases/outcome.js';

export type Weighted<T> = readonly (readonly [T, number])[];

export type TopicDomain =
  | 'land'
  | 'housing'
  | 'police'
  | 'social'
  | 'market'
  | 'environment'
  | 'education'
  | 'agri'
  | 'transport'
  | 'finance'
  | 'health'
  | 'general';

export interface SyntheticAgency {
  name: string;
  shortName: string;
  type: AgencyType;
  /** Share of the county's applications. */
  weight: number;
  domain: TopicDomain;
  reconsiderationBody: string;
  isSupervisor?: boolean;
}

const COUNTY = '郯城县人民政府';

/**
 * 30 organs of a county, the busiest first in practice: land and housing draw most applications
 * (征收、拆迁), then the towns where the land is.
 */
export const SYNTHETIC_AGENCIES: readonly SyntheticAgency[] = [
  {
    name: '郯城县人民政府',
    shortName: '县政府',
    type: 'county_government',
    weight: 4,
    domain: 'general',
    reconsiderationBody: '临沂市人民政府',
  },
  {
    name: '郯城县人民政府办公室',
    shortName: '县政府办',
    type: 'county_department',
    weight: 2,
    domain: 'general',
    reconsiderationBody: COUNTY,
    isSupervisor: true,
  },
  {
    name: '郯城县自然资源局',
    shortName: '自然资源局',
    type: 'county_department',
    weight: 14,
    domain: 'land',
    reconsiderationBody: COUNTY,
  },
  {
    name: '郯城县住房和城乡建设局',
    shortName: '住建局',
    type: 'county_department',
    weight: 9,
    domain: 'housing',
    reconsiderationBody: COUNTY,
  },
  {
    name: '郯城县公安局',
    shortName: '公安局',
    type: 'county_department',
    weight: 5,
    domain: 'police',
    reconsiderationBody: COUNTY,
  },
  {
    name: '郯城县人力资源和社会保障局',
    shortName: '人社局',
    type: 'county_department',
    weight: 4,
    domain: 'social',
    reconsiderationBody: COUNTY,
  },
  {
    name: '郯城县市场监督管理局',
    shortName: '市场监管局',
    type: 'county_department',
    weight: 4,
    domain: 'market',
    reconsiderationBody: COUNTY,
  },
  {
    name: '临沂市生态环境局郯城县分局',
    shortName: '生态环境分局',
    type: 'dispatched',
    weight: 4,
    domain: 'environment',
    reconsiderationBody: '临沂市生态环境局',
  },
  {
    name: '郯城县教育和体育局',
    shortName: '教体局',
    type: 'county_department',
    weight: 3,
    domain: 'education',
    reconsiderationBody: COUNTY,
  },
  {
    name: '郯城县农业农村局',
    shortName: '农业农村局',
    type: 'county_department',
    weight: 3,
    domain: 'agri',
    reconsiderationBody: COUNTY,
  },
  {
    name: '郯城县交通运输局',
    shortName: '交通运输局',
    type: 'county_department',
    weight: 3,
    domain: 'transport',
    reconsiderationBody: COUNTY,
  },
  {
    name: '郯城县财政局',
    shortName: '财政局',
    type: 'county_department',
    weight: 3,
    domain: 'finance',
    reconsiderationBody: COUNTY,
  },
  {
    name: '郯城县卫生健康局',
    shortName: '卫健局',
    type: 'county_department',
    weight: 2.5,
    domain: 'health',
    reconsiderationBody: COUNTY,
  },
  {
    name: '郯城县民政局',
    shortName: '民政局',
    type: 'county_department',
    weight: 2,
    domain: 'social',
    reconsiderationBody: COUNTY,
  },
  {
    name: '郯城县水利局',
    shortName: '水利局',
    type: 'county_department',
    weight: 2,
    domain: 'agri',
    reconsiderationBody: COUNTY,
  },
  {
    name: '郯城县发展和改革局',
    shortName: '发改局',
    type: 'county_department',
    weight: 2,
    domain: 'finance',
    reconsiderationBody: COUNTY,
  },
  {
    name: '郯城县综合行政执法局',
    shortName: '综合执法局',
    type: 'county_department',
    weight: 3,
    domain: 'housing',
    reconsiderationBody: COUNTY,
  },
  {
    name: '郯城县应急管理局',
    shortName: '应急局',
    type: 'county_department',
    weight: 1.5,
    domain: 'market',
    reconsiderationBody: COUNTY,
  },
  {
    name: '郯城县审计局',
    shortName: '审计局',
    type: 'county_department',
    weight: 1,
    domain: 'finance',
    reconsiderationBody: COUNTY,
  },
  {
    name: '国家税务总局郯城县税务局',
    shortName: '税务局',
    type: 'vertical',
    weight: 1.5,
    domain: 'finance',
    reconsiderationBody: '国家税务总局临沂市税务局',
  },
  {
    name: '郯城县郯城街道办事处',
    shortName: '郯城街道',
    type: 'town',
    weight: 4,
    domain: 'land',
    reconsiderationBody: COUNTY,
  },
  {
    name: '郯城县马头镇人民政府',
    shortName: '马头镇',
    type: 'town',
    weight: 3,
    domain: 'land',
    reconsiderationBody: COUNTY,
  },
  {
    name: '郯城县重坊镇人民政府',
    shortName: '重坊镇',
    type: 'town',
    weight: 2,
    domain: 'land',
    reconsiderationBody: COUNTY,
  },
  {
    name: '郯城县李庄镇人民政府',
    shortName: '李庄镇',
    type: 'town',
    weight: 2,
    domain: 'agri',
    reconsiderationBody: COUNTY,
  },
  {
    name: '郯城县杨集镇人民政府',
    shortName: '杨集镇',
    type: 'town',
    weight: 2,
    domain: 'land',
    reconsiderationBody: COUNTY,
  },
  {
    name: '郯城县港上镇人民政府',
    shortName: '港上镇',
    type: 'town',
    weight: 2,
    domain: 'agri',
    reconsiderationBody: COUNTY,
  },
  {
    name: '郯城县高峰头镇人民政府',
    shortName: '高峰头镇',
    type: 'town',
    weight: 1.5,
    domain: 'land',
    reconsiderationBody: COUNTY,
  },
  {
    name: '郯城县庙山镇人民政府',
    shortName: '庙山镇',
    type: 'town',
    weight: 1.5,
    domain: 'agri',
    reconsiderationBody: COUNTY,
  },
  {
    name: '郯城县胜利镇人民政府',
    shortName: '胜利镇',
    type: 'town',
    weight: 1.5,
    domain: 'land',
    reconsiderationBody: COUNTY,
  },
  {
    name: '郯城县红花镇人民政府',
    shortName: '红花镇',
    type: 'town',
    weight: 1.5,
    domain: 'land',
    reconsiderationBody: COUNTY,
  },
];

/** What is asked of each kind of agency (the information sought is built from these). */
export const TOPICS: Record<TopicDomain, readonly string[]> = {
  land: [
    '土地征收补偿安置方案',
    '征地红线图',
    '建设用地批准书',
    '国有土地使用权出让合同',
    '土地征收公告',
    '征地社会稳定风险评估报告',
    '农用地转用审批材料',
    '违法占地查处决定',
    '土地利用总体规划调整方案',
    '征地补偿款发放明细',
  ],
  housing: [
    '房屋征收决定',
    '棚户区改造项目安置方案',
    '建设工程规划许可证',
    '商品房预售许可证',
    '老旧小区改造资金使用情况',
    '物业专项维修资金使用明细',
    '房屋拆迁评估报告',
    '违法建设认定文件',
    '城市道路维修计划',
    '建筑工程施工许可证',
  ],
  police: [
    '道路交通事故认定书',
    '户籍迁移审批材料',
    '治安行政处罚决定书',
    '警情处置记录',
    '交通违法处理依据',
  ],
  social: [
    '社会保险缴费基数核定文件',
    '最低生活保障审批名单',
    '工伤认定决定书',
    '事业单位招聘考试成绩',
    '养老保险待遇核定表',
    '临时救助资金发放明细',
  ],
  market: [
    '食品生产许可证审批材料',
    '企业登记档案',
    '行政处罚决定书',
    '产品质量监督抽查结果',
    '安全生产事故调查报告',
  ],
  environment: [
    '环境影响评价报告书',
    '排污许可证',
    '环境监测数据',
    '环境违法案件处罚决定',
    '建设项目环评批复',
  ],
  education: [
    '学校布局调整方案',
    '教师招聘考试成绩',
    '学区划分方案',
    '校舍建设项目资金使用情况',
    '民办学校审批材料',
  ],
  agri: [
    '农业补贴发放明细',
    '高标准农田建设项目资金使用情况',
    '河道治理工程招标文件',
    '水库移民后期扶持资金发放明细',
    '土地承包经营权确权资料',
  ],
  transport: [
    '道路建设项目立项批复',
    '客运线路经营许可',
    '公路养护资金使用情况',
    '道路维修工程招标文件',
    '城乡公交运营补贴发放明细',
  ],
  finance: [
    '财政预算执行情况',
    '专项资金拨付明细',
    '政府采购合同',
    '审计报告',
    '三公经费决算',
    '税收优惠审批材料',
  ],
  health: ['医疗机构执业许可材料', '医疗纠纷调查处理意见', '疫苗接种统计数据', '医保基金使用情况'],
  general: [
    '政府信息公开工作年度报告',
    '县政府常务会议纪要',
    '重大行政决策合法性审查意见',
    '行政规范性文件',
    '招商引资项目协议',
    '机构职能配置方案',
    '信访事项处理意见',
  ],
};

/** Words that end a request (Art. 29(二): description, document number or other features). */
export const TOPIC_SUFFIXES: Weighted<string> = [
  ['', 30],
  ['及其附件', 12],
  ['的批准文件', 12],
  ['的会议纪要', 8],
  ['的审批材料', 10],
  ['（含附图）', 5],
  ['的资金拨付明细', 6],
  ['的公告及送达记录', 6],
  ['的听证材料', 3],
  ['的制定依据', 8],
];

export const TOWNS: readonly string[] = [
  '郯城街道',
  '马头镇',
  '重坊镇',
  '李庄镇',
  '杨集镇',
  '港上镇',
  '高峰头镇',
  '庙山镇',
  '胜利镇',
  '红花镇',
  '归昌乡',
  '花园乡',
  '泉源乡',
];

export const VILLAGES: readonly string[] = [
  '前湖村',
  '后湖村',
  '大埠村',
  '沙墩村',
  '于圩村',
  '褚墩村',
  '麦坡村',
  '归义村',
  '高册村',
  '东风村',
  '西关村',
  '北关村',
  '南关村',
  '徐楼村',
  '王庄村',
  '孙庄村',
  '小埠村',
  '沂河村',
  '沭河村',
  '白马村',
  '清泉寺村',
  '郭庄村',
  '张楼村',
  '岭红埠村',
  '新村',
  '东岭村',
  '西岭村',
  '吴庄村',
  '姚湖村',
  '墩上村',
];

/** Complaints dressed as applications (Art. 39 para 1): they are answered with 不予处理 (信访类). */
export const PETITION_TEMPLATES: readonly string[] = [
  '投诉{place}违法建设，要求查处并书面答复处理结果',
  '举报{place}村干部违纪违法问题，要求处理',
  '要求查处{place}非法占用耕地行为并公开处理结果',
  '投诉{place}征地补偿不公，要求赔偿',
];

export const SURNAMES: readonly string[] = [
  ...'王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段钱汤尹黎易常武乔贺赖龚文',
];

export const GIVEN_NAME_CHARS: readonly string[] = [
  ...'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉兰萍红娥建国建军志强海燕淑珍凤兰春梅金凤玉梅德明保国立新文华振华家明晓东',
];

export const COMPANY_WORDS: readonly string[] = [
  '宏达',
  '鑫源',
  '华泰',
  '沂蒙',
  '银杏',
  '金桥',
  '恒信',
  '润丰',
  '东方',
  '永盛',
  '国泰',
  '瑞华',
  '鲁南',
  '顺通',
  '新时代',
];

export const COMPANY_KINDS: Record<Exclude<ApplicantType, 'natural_person'>, readonly string[]> = {
  commercial_enterprise: [
    '建材有限公司',
    '房地产开发有限公司',
    '商贸有限公司',
    '农业科技有限公司',
    '建筑工程有限公司',
    '物流有限公司',
  ],
  research_institution: ['农业科学研究所', '规划设计研究院', '环境科学研究院'],
  public_interest_org: ['公益服务中心', '环保志愿者协会', '助残公益协会'],
  legal_service_org: ['律师事务所', '法律服务所'],
  other_org: ['村民委员会', '业主委员会', '农民专业合作社'],
};

/** Digits 7–8 of a 居民身份证 number: 371322 is 郯城县, the others its neighbours in 临沂. */
export const RESIDENT_REGIONS: readonly string[] = [
  '371322',
  '371302',
  '371311',
  '371312',
  '371321',
  '371323',
  '371324',
  '371325',
  '371326',
  '371327',
  '371328',
  '371329',
  '320382',
];

export const CHANNELS: Weighted<Channel> = [
  ['online', 55],
  ['post_signed', 22],
  ['in_person', 15],
  ['post_unsigned', 5],
  ['oral', 2],
  ['fax', 1],
];

export const APPLICANT_TYPES: Weighted<ApplicantType> = [
  ['natural_person', 88],
  ['commercial_enterprise', 6],
  ['legal_service_org', 3],
  ['other_org', 2],
  ['research_institution', 0.5],
  ['public_interest_org', 0.5],
];

export const REQUESTED_FORMS: Weighted<RequestedForm> = [
  ['electronic', 50],
  ['paper', 45],
  ['inspection', 3],
  ['other', 2],
];

export const DELIVERY_METHODS: Weighted<DeliveryMethod> = [
  ['post', 40],
  ['email', 30],
  ['online', 15],
  ['pickup', 13],
  ['fax', 2],
];

/** Replies (Art. 36): the mix of a county's annual reports. Withdrawals and lapses come from the paths. */
export const REPLY_OUTCOMES: Weighted<Outcome> = [
  ['disclosed', 34],
  ['already_public', 10],
  ['partially_disclosed', 11],
  ['withheld_third_party', 3],
  ['withheld_process_info', 4],
  ['withheld_internal_affairs', 1.2],
  ['withheld_enforcement_file', 0.6],
  ['withheld_state_secret', 0.2],
  ['withheld_prohibited_by_law', 0.2],
  ['withheld_security_stability', 0.1],
  ['special_procedure', 1.5],
  ['not_held', 19],
  ['not_responsible', 5],
  ['needs_creation', 3],
  ['unclear_after_correction', 0.8],
  ['petition_complaint', 3],
  ['repeat_application', 2],
  ['publication_request', 0.3],
  ['excessive_requests', 0.4],
  ['confirmation_request', 0.4],
  ['other', 0.3],
];

/** Expands weights into `slots` equally likely entries, so that SQL picks with one array lookup. */
export function slotsOf<T>(weighted: Weighted<T>, slots = 1000): T[] {
  const total = weighted.reduce((s, [, w]) => s + w, 0);
  const out: T[] = [];
  let cumulative = 0;
  for (const [value, w] of weighted) {
    cumulative += w;
    const end = Math.round((cumulative / total) * slots);
    while (out.length < end) out.push(value);
  }
  return out;
}
