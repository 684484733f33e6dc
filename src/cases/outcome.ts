/**
 * The final outcome of a case: exactly one per closed case, each mapped to one row of the annual
 * report's table 三 (国办公开办函〔2021〕30号) and to the article it rests on. Several outcomes can
 * share a row (已主动公开 and 予以公开 are both 三(一)) because their letters differ.
 */
export const REPORT_ROWS = [
  'disclosed', // 三（一）予以公开
  'partially_disclosed', // 三（二）部分公开（区分处理的，只计这一情形，不计其他情形）
  'withheld_1', // 三（三）1.属于国家秘密
  'withheld_2', // 2.其他法律行政法规禁止公开
  'withheld_3', // 3.危及“三安全一稳定”
  'withheld_4', // 4.保护第三方合法权益
  'withheld_5', // 5.属于三类内部事务信息
  'withheld_6', // 6.属于四类过程性信息
  'withheld_7', // 7.属于行政执法案卷
  'withheld_8', // 8.属于行政查询事项
  'unavailable_1', // 三（四）1.本机关不掌握相关政府信息
  'unavailable_2', // 2.没有现成信息需要另行制作
  'unavailable_3', // 3.补正后申请内容仍不明确
  'not_processed_1', // 三（五）1.信访举报投诉类申请
  'not_processed_2', // 2.重复申请
  'not_processed_3', // 3.要求提供公开出版物
  'not_processed_4', // 4.无正当理由大量反复申请
  'not_processed_5', // 5.要求行政机关确认或重新出具已获取信息
  'other_1', // 三（六）1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请
  'other_2', // 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请
  'other_3', // 3.其他
] as const;
export type ReportRow = (typeof REPORT_ROWS)[number];

export interface OutcomeSpec {
  readonly reportRow: ReportRow;
  /** Short Chinese label for lists and forms. */
  readonly label: string;
  /** The provision the reply rests on, as printed: 第三十六条第（二）项 … */
  readonly basis: string;
  /** A refusal of some kind: the letter must give the legal basis and reasons (信息公开司法解释 Art. 5, 12). */
  readonly requiresReasons: boolean;
}

export const OUTCOMES = {
  already_public: {
    reportRow: 'disclosed',
    label: '予以公开（已主动公开，告知获取途径）',
    basis: '《中华人民共和国政府信息公开条例》第三十六条第（一）项',
    requiresReasons: false,
  },
  disclosed: {
    reportRow: 'disclosed',
    label: '予以公开',
    basis: '《中华人民共和国政府信息公开条例》第三十六条第（二）项',
    requiresReasons: false,
  },
  partially_disclosed: {
    reportRow: 'partially_disclosed',
    label: '部分公开',
    basis: '《中华人民共和国政府信息公开条例》第三十七条',
    requiresReasons: true,
  },
  withheld_state_secret: {
    reportRow: 'withheld_1',
    label: '不予公开：属于国家秘密',
    basis: '《中华人民共和国政府信息公开条例》第十四条、第三十六条第（三）项',
    requiresReasons: true,
  },
  withheld_prohibited_by_law: {
    reportRow: 'withheld_2',
    label: '不予公开：其他法律行政法规禁止公开',
    basis: '《中华人民共和国政府信息公开条例》第十四条、第三十六条第（三）项',
    requiresReasons: true,
  },
  withheld_security_stability: {
    reportRow: 'withheld_3',
    label: '不予公开：危及“三安全一稳定”',
    basis: '《中华人民共和国政府信息公开条例》第十四条、第三十六条第（三）项',
    requiresReasons: true,
  },
  withheld_third_party: {
    reportRow: 'withheld_4',
    label: '不予公开：保护第三方合法权益',
    basis: '《中华人民共和国政府信息公开条例》第十五条、第三十六条第（三）项',
    requiresReasons: true,
  },
  withheld_internal_affairs: {
    reportRow: 'withheld_5',
    label: '不予公开：属于三类内部事务信息',
    basis: '《中华人民共和国政府信息公开条例》第十六条第一款、第三十六条第（三）项',
    requiresReasons: true,
  },
  withheld_process_info: {
    reportRow: 'withheld_6',
    label: '不予公开：属于四类过程性信息',
    basis: '《中华人民共和国政府信息公开条例》第十六条第二款、第三十六条第（三）项',
    requiresReasons: true,
  },
  withheld_enforcement_file: {
    reportRow: 'withheld_7',
    label: '不予公开：属于行政执法案卷',
    basis: '《中华人民共和国政府信息公开条例》第十六条第二款、第三十六条第（三）项',
    requiresReasons: true,
  },
  special_procedure: {
    reportRow: 'withheld_8',
    label: '属于行政查询事项（按特别规定办理）',
    basis: '《中华人民共和国政府信息公开条例》第三十六条第（七）项',
    requiresReasons: true,
  },
  not_held: {
    reportRow: 'unavailable_1',
    label: '无法提供：本机关不掌握（信息不存在）',
    basis: '《中华人民共和国政府信息公开条例》第三十六条第（四）项',
    requiresReasons: true,
  },
  not_responsible: {
    reportRow: 'unavailable_1',
    label: '无法提供：不属于本机关负责公开',
    basis: '《中华人民共和国政府信息公开条例》第三十六条第（五）项',
    requiresReasons: true,
  },
  needs_creation: {
    reportRow: 'unavailable_2',
    label: '无法提供：没有现成信息需要另行制作',
    basis: '《中华人民共和国政府信息公开条例》第三十八条',
    requiresReasons: true,
  },
  unclear_after_correction: {
    reportRow: 'unavailable_3',
    label: '无法提供：补正后申请内容仍不明确',
    basis: '《中华人民共和国政府信息公开条例》第三十条',
    requiresReasons: true,
  },
  petition_complaint: {
    reportRow: 'not_processed_1',
    label: '不予处理：信访举报投诉类申请',
    basis: '《中华人民共和国政府信息公开条例》第三十九条第一款',
    requiresReasons: true,
  },
  repeat_application: {
    reportRow: 'not_processed_2',
    label: '不予处理：重复申请',
    basis: '《中华人民共和国政府信息公开条例》第三十六条第（六）项',
    requiresReasons: true,
  },
  publication_request: {
    reportRow: 'not_processed_3',
    label: '不予处理：要求提供公开出版物',
    basis: '《中华人民共和国政府信息公开条例》第三十九条第二款',
    requiresReasons: true,
  },
  excessive_requests: {
    reportRow: 'not_processed_4',
    label: '不予处理：无正当理由大量反复申请',
    basis: '《中华人民共和国政府信息公开条例》第三十五条',
    requiresReasons: true,
  },
  confirmation_request: {
    reportRow: 'not_processed_5',
    label: '不予处理：要求行政机关确认或重新出具已获取信息',
    // No article of the 条例 names this case: the handler gives the basis.
    basis: '',
    requiresReasons: true,
  },
  deemed_withdrawn_correction: {
    reportRow: 'other_1',
    label: '其他处理：逾期不补正，视为放弃申请',
    basis: '《中华人民共和国政府信息公开条例》第三十条',
    requiresReasons: false,
  },
  deemed_withdrawn_fee: {
    reportRow: 'other_2',
    label: '其他处理：逾期未缴纳信息处理费，视为放弃申请',
    basis: '《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）',
    requiresReasons: false,
  },
  withdrawn: {
    reportRow: 'other_3',
    label: '其他处理：申请人撤回申请',
    basis: '',
    requiresReasons: false,
  },
  other: {
    reportRow: 'other_3',
    label: '其他处理：其他',
    basis: '',
    requiresReasons: true,
  },
} as const satisfies Record<string, OutcomeSpec>;

export type Outcome = keyof typeof OUTCOMES;
export const OUTCOME_CODES = Object.keys(OUTCOMES) as Outcome[];
