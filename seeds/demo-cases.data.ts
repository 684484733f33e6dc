import type { ApplicantDto } from '../src/cases/dto/applicant.dto.js';
import type { CaseScript } from '../src/supervision/case-script.js';
import type { RemedyKind, RemedyResult } from '../src/supervision/remedy.js';

/**
 * The demo county's applications of 2026 (and one from December 2025), built through the real
 * services on the days below so that the dashboard, the reminders and the 2026 annual report have
 * something true to show: replies on time and late, 补正 lapsed and answered, consultations,
 * an extension, withdrawals, most outcomes of table 三, open cases overdue and due soon, two remedy
 * records for table 四. Names are invented; the ID numbers only have valid check digits.
 */
export interface DemoCase {
  readonly agencyCode: string;
  readonly script: CaseScript;
  readonly remedy?: {
    kind: RemedyKind;
    filedOn: string;
    body: string;
    caseReference: string;
    result: RemedyResult;
    decidedOn: string | null;
  };
}

const person = (name: string, idNumber: string, phone: string): Partial<ApplicantDto> => ({
  type: 'natural_person',
  name,
  idType: 'resident_id',
  idNumber,
  phone,
  address: '山东省临沂市郯城县郯城街道（演示地址）',
});

const organisation = (type: ApplicantDto['type'], name: string): Partial<ApplicantDto> => ({
  type,
  name,
  idType: 'credit_code',
  idNumber: '91350100M000100Y43',
  phone: '05396201234',
  address: '山东省临沂市郯城县人民路（演示地址）',
});

const WANG = person('王建国', '371322198003150211', '13805391001');
const LI = person('李秀英', '371322197507084321', '13805391002');
const ZHANG = person('张伟', '371322199201211542', '13805391003');
const LIU = person('刘洋', '371322196811092364', '13805391004');
const CHEN = person('陈静', '37132220010502307X', '13805391005');
const ZHAO = person('赵磊', '371322198509175483', '13805391006');

export const DEMO_CASES: readonly DemoCase[] = [
  // 县自然资源局
  {
    agencyCode: 'tc-zrzyj',
    script: {
      receivedOn: '2025-12-15',
      applicant: WANG,
      informationSought: '郯城街道东关村2025年度集体土地征收补偿安置方案及批复文件',
      reply: { on: '2026-01-08', outcome: 'disclosed' },
      servedOn: '2026-01-09',
    },
  },
  {
    agencyCode: 'tc-zrzyj',
    script: {
      receivedOn: '2026-01-19',
      applicant: LI,
      informationSought: '郯城县国土空间总体规划（2021—2035年）文本及图件',
      reply: { on: '2026-02-03', outcome: 'already_public' },
    },
  },
  {
    agencyCode: 'tc-zrzyj',
    script: {
      receivedOn: '2026-03-09',
      applicant: organisation('commercial_enterprise', '郯城县鑫源建材有限公司'),
      informationSought: '2025年城区3号地块国有建设用地使用权出让合同及成交公示',
      consultation: { on: '2026-03-12', partyReceivedOn: '2026-03-13', repliedOn: '2026-03-27' },
      reply: { on: '2026-04-10', outcome: 'partially_disclosed' },
    },
  },
  {
    agencyCode: 'tc-zrzyj',
    script: {
      receivedOn: '2026-05-11',
      applicant: ZHANG,
      informationSought: '1998年郯城镇西关村宅基地审批档案',
      reply: { on: '2026-06-12', outcome: 'not_held' },
    },
  },
  {
    agencyCode: 'tc-zrzyj',
    script: {
      receivedOn: '2026-08-03',
      applicant: organisation('legal_service_org', '山东某律师事务所'),
      informationSought: '马头镇某项目用地预审的内部审查意见和会议纪要',
      reply: { on: '2026-08-21', outcome: 'withheld_process_info' },
      servedOn: '2026-08-24',
    },
    remedy: {
      kind: 'reconsideration',
      filedOn: '2026-09-10',
      body: '郯城县人民政府',
      caseReference: '郯政复〔2026〕21号',
      result: 'upheld',
      decidedOn: '2026-10-20',
    },
  },
  {
    agencyCode: 'tc-zrzyj',
    script: {
      receivedOn: '2026-09-01',
      applicant: LIU,
      informationSought: '我家附近那块地的有关文件',
      correction: { noticeOn: '2026-09-04', periodEndsOn: '2026-09-18' },
    },
  },
  {
    agencyCode: 'tc-zrzyj',
    script: {
      receivedOn: '2026-10-19',
      applicant: CHEN,
      informationSought: '郯城县2026年度土地利用计划指标分配情况',
    },
  },
  {
    agencyCode: 'tc-zrzyj',
    script: {
      receivedOn: '2026-10-30',
      applicant: WANG,
      informationSought: '东关村征收范围内地上附着物补偿标准',
      inReviewOn: '2026-11-24',
    },
  },
  {
    agencyCode: 'tc-zrzyj',
    script: {
      receivedOn: '2026-11-16',
      applicant: ZHAO,
      informationSought: '郯城县矿产资源总体规划（2021—2025年）',
    },
  },
  // 县教体局
  {
    agencyCode: 'tc-jtj',
    script: {
      receivedOn: '2026-02-09',
      applicant: LI,
      informationSought: '2026年城区义务教育学校招生划片范围',
      reply: { on: '2026-02-27', outcome: 'disclosed' },
    },
  },
  {
    agencyCode: 'tc-jtj',
    script: {
      receivedOn: '2026-04-13',
      applicant: ZHANG,
      informationSought: '反映某校教师违规补课问题，要求查处并答复',
      reply: { on: '2026-04-22', outcome: 'petition_complaint' },
    },
  },
  {
    agencyCode: 'tc-jtj',
    script: {
      receivedOn: '2026-06-15',
      applicant: organisation('research_institution', '临沂某教育研究院'),
      informationSought: '2021—2025年全县中小学教师编制及招聘计划',
      extension: { on: '2026-07-06', days: 20 },
      reply: { on: '2026-07-30', outcome: 'disclosed' },
    },
  },
  {
    agencyCode: 'tc-jtj',
    script: {
      receivedOn: '2026-10-26',
      applicant: CHEN,
      informationSought: '某民办学校办学许可审批材料',
      consultation: { on: '2026-11-20' },
    },
  },
  {
    agencyCode: 'tc-jtj',
    script: {
      receivedOn: '2026-11-23',
      applicant: organisation('public_interest_org', '郯城县某公益助学协会'),
      informationSought: '2026年家庭经济困难学生资助资金分配情况',
    },
  },
  // 县住建局
  {
    agencyCode: 'tc-zjj',
    script: {
      receivedOn: '2026-01-05',
      applicant: LIU,
      informationSought: '某小区不动产登记簿信息',
      reply: { on: '2026-01-20', outcome: 'not_responsible' },
    },
  },
  {
    agencyCode: 'tc-zjj',
    script: {
      receivedOn: '2026-03-16',
      applicant: organisation('commercial_enterprise', '郯城县某房地产开发有限公司'),
      informationSought: '城区某棚户区改造项目的施工许可证',
      reply: { on: '2026-04-03', outcome: 'disclosed' },
      servedOn: '2026-04-07',
    },
    remedy: {
      kind: 'litigation_direct',
      filedOn: '2026-06-10',
      body: '临沂市兰山区人民法院',
      caseReference: '（2026）鲁1302行初57号',
      result: 'pending',
      decidedOn: null,
    },
  },
  {
    agencyCode: 'tc-zjj',
    script: {
      receivedOn: '2026-05-18',
      applicant: ZHAO,
      informationSought: '某小区物业专项维修资金使用情况',
      withdrawnOn: '2026-05-25',
    },
  },
  {
    agencyCode: 'tc-zjj',
    script: {
      receivedOn: '2026-07-06',
      applicant: WANG,
      informationSought: '全县2020年以来每一个房地产项目的投资收益分析报告',
      reply: { on: '2026-07-24', outcome: 'needs_creation' },
    },
  },
  {
    agencyCode: 'tc-zjj',
    script: { receivedOn: '2026-10-27', applicant: LI, informationSought: '城区老旧小区改造2026年计划' },
  },
  {
    agencyCode: 'tc-zjj',
    script: { receivedOn: '2026-11-10', applicant: ZHANG, informationSought: '某安置房项目竣工验收备案材料' },
  },
  // 马头镇人民政府
  {
    agencyCode: 'tc-matou',
    script: {
      receivedOn: '2026-02-24',
      applicant: CHEN,
      informationSought: '马头镇2025年度财政预算执行情况',
      reply: { on: '2026-03-10', outcome: 'disclosed' },
    },
  },
  {
    agencyCode: 'tc-matou',
    script: {
      receivedOn: '2026-06-01',
      applicant: ZHAO,
      informationSought: '马头镇2025年度财政预算执行情况',
      reply: { on: '2026-06-08', outcome: 'repeat_application' },
    },
  },
  {
    agencyCode: 'tc-matou',
    script: {
      receivedOn: '2026-09-14',
      applicant: organisation('other_org', '马头镇某村股份经济合作社'),
      informationSought: '某村道路硬化工程招标文件及验收报告',
      reply: { on: '2026-10-09', outcome: 'disclosed' },
    },
  },
  {
    agencyCode: 'tc-matou',
    script: { receivedOn: '2026-11-24', applicant: LIU, informationSought: '马头镇2026年低保对象名单' },
  },
  // 县税务局
  {
    agencyCode: 'tc-tax',
    script: {
      receivedOn: '2026-03-23',
      applicant: organisation('commercial_enterprise', '郯城县某商贸有限公司'),
      informationSought: '竞争对手某公司2025年度纳税申报数据',
      reply: { on: '2026-04-09', outcome: 'withheld_third_party' },
    },
  },
  {
    agencyCode: 'tc-tax',
    script: {
      receivedOn: '2026-08-17',
      applicant: WANG,
      informationSought: '个人所得税专项附加扣除办理指引',
      reply: { on: '2026-08-28', outcome: 'disclosed' },
    },
  },
  {
    agencyCode: 'tc-tax',
    script: {
      receivedOn: '2026-11-18',
      applicant: organisation('legal_service_org', '郯城县某法律服务所'),
      informationSought: '2026年度税收优惠政策执行情况统计',
    },
  },
  // 县人民政府
  {
    agencyCode: 'tc-gov',
    script: {
      receivedOn: '2026-04-20',
      applicant: ZHANG,
      informationSought: '查询本人名下不动产登记信息',
      reply: { on: '2026-05-12', outcome: 'special_procedure' },
    },
  },
  {
    agencyCode: 'tc-gov',
    script: {
      receivedOn: '2026-07-20',
      applicant: organisation('commercial_enterprise', '郯城县某农业科技有限公司'),
      informationSought: '2026年县政府常务会议关于农业产业园的议定事项',
      reply: { on: '2026-08-07', outcome: 'disclosed' },
    },
  },
  {
    agencyCode: 'tc-gov',
    script: {
      receivedOn: '2026-11-02',
      applicant: CHEN,
      informationSought: '关于那个项目的文件',
      correction: { noticeOn: '2026-11-05', periodEndsOn: '2026-11-19', correctedOn: '2026-11-13' },
    },
  },
];
