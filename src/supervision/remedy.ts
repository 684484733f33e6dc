/**
 * Administrative reconsideration and litigation about a disclosure reply (条例 Art. 51; 复议法,
 * 行诉法): the kinds and results table 四 of the annual report counts (legal-rules §3.3, §4).
 */

/** The three column groups: 行政复议, 行政诉讼 未经复议直接起诉, 行政诉讼 复议后起诉. */
export const REMEDY_KINDS = [
  'reconsideration',
  'litigation_direct',
  'litigation_after_reconsideration',
] as const;
export type RemedyKind = (typeof REMEDY_KINDS)[number];
export const REMEDY_KIND_LABELS: Readonly<Record<RemedyKind, string>> = {
  reconsideration: '行政复议',
  litigation_direct: '未经复议直接起诉',
  litigation_after_reconsideration: '复议后起诉',
};

/**
 * The four result columns of each group. Typical mapping of decisions [I, practice]: 维持 — 维持,
 * 驳回复议请求/诉讼请求; 纠正 — 撤销, 变更, 确认违法, 责令履行; 其他 — 撤回, 终止, 驳回起诉, 调解;
 * 尚未审结 — no decision yet.
 */
export const REMEDY_RESULTS = ['upheld', 'corrected', 'other', 'pending'] as const;
export type RemedyResult = (typeof REMEDY_RESULTS)[number];
export const REMEDY_RESULT_LABELS: Readonly<Record<RemedyResult | 'total', string>> = {
  upheld: '结果维持',
  corrected: '结果纠正',
  other: '其他结果',
  pending: '尚未审结',
  total: '总计',
};
