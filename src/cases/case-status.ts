/**
 * The states of a case. Art. 45 asks for 登记、审核、办理、答复、归档; the side states are the statutory
 * waits (补正 Art. 30, 信息处理费 Art. 42) and the two ways a case ends without a reply.
 */
export const CASE_STATUSES = [
  'registered', // 已登记，待分办
  'investigating', // 办理中（检索、调查、征求意见）
  'awaiting_correction', // 待补正 (Art. 30): the reply clock is discarded
  'awaiting_fee', // 待缴费 (Art. 42, 国办函〔2020〕109号)
  'drafting', // 拟稿
  'in_review', // 待审核
  'approved', // 已审核，待签发
  'issued', // 已答复（答复书已作出）
  'served', // 已送达
  'withdrawn', // 申请人撤回
  'deemed_withdrawn', // 视为放弃申请（逾期不补正 / 逾期未缴费）
  'archived', // 已归档
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  registered: '已登记（待分办）',
  investigating: '办理中',
  awaiting_correction: '待补正',
  awaiting_fee: '待缴费',
  drafting: '拟稿中',
  in_review: '待审核',
  approved: '已审核（待签发）',
  issued: '已答复',
  served: '已送达',
  withdrawn: '已撤回',
  deemed_withdrawn: '视为放弃',
  archived: '已归档',
};

/** States in which the agency still owes a reply: the clock runs or pauses. */
export const OPEN_STATUSES: readonly CaseStatus[] = [
  'registered',
  'investigating',
  'awaiting_correction',
  'awaiting_fee',
  'drafting',
  'in_review',
  'approved',
];

export const isOpen = (status: CaseStatus): boolean => OPEN_STATUSES.includes(status);
