/**
 * The rows, columns and Chinese labels of tables 三 and 四 of the annual report, exactly as the
 * format 国办公开办函〔2021〕30号 prints them (legal-rules §3.2, §3.3). Builders, renderers and
 * exports all read these: a label is written once, here.
 */
import { APPLICANT_TYPE_LABELS, APPLICANT_TYPES, type ApplicantType } from '../cases/applicant-type.js';
import { REPORT_ROWS, type ReportRow } from '../cases/outcome.js';
import {
  REMEDY_KIND_LABELS,
  REMEDY_KINDS,
  REMEDY_RESULT_LABELS,
  REMEDY_RESULTS,
  type RemedyKind,
  type RemedyResult,
} from './remedy.js';

// ── Table 三 收到和处理政府信息公开申请情况 ────────────────────────────────────────────────────────

export const TABLE3_TITLE = '三、收到和处理政府信息公开申请情况';
/** The text of the merged top-left header cell (3 columns × 3 rows). */
export const TABLE3_CORNER_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
export const TABLE3_APPLICANT_HEADER = '申请人情况';
export const TABLE3_ORGANISATION_HEADER = '法人或其他组织';

/** The 7 numeric columns: 自然人, the five 法人或其他组织 sub-columns, 总计. */
export const TABLE3_COLUMNS = [...APPLICANT_TYPES, 'total'] as const;
export type Table3Column = ApplicantType | 'total';
export const TABLE3_COLUMN_LABELS: Readonly<Record<Table3Column, string>> = {
  ...APPLICANT_TYPE_LABELS,
  total: '总计',
};

/**
 * The 25 numeric rows in printed order: 一, 二, the 21 result rows of 三 (one per `ReportRow`),
 * 三（七）总计, 四.
 */
export const TABLE3_ROWS = [
  'received',
  'carried_over',
  ...REPORT_ROWS,
  'results_total',
  'carried_forward',
] as const;
export type Table3Row = 'received' | 'carried_over' | ReportRow | 'results_total' | 'carried_forward';

/**
 * Labels of a row at its three levels. `null` means the label to its left spans that level
 * (e.g. 一、本年新收… spans all three label columns, （一）予以公开 spans levels 2 and 3).
 */
export type RowLabels = readonly [level1: string, level2: string | null, level3: string | null];

const RESULTS = '三、本年度办理结果';
const WITHHELD = '（三）不予公开';
const UNAVAILABLE = '（四）无法提供';
const NOT_PROCESSED = '（五）不予处理';
const OTHER = '（六）其他处理';

export const TABLE3_ROW_LABELS: Readonly<Record<Table3Row, RowLabels>> = {
  received: ['一、本年新收政府信息公开申请数量', null, null],
  carried_over: ['二、上年结转政府信息公开申请数量', null, null],
  disclosed: [RESULTS, '（一）予以公开', null],
  partially_disclosed: [RESULTS, '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', null],
  withheld_1: [RESULTS, WITHHELD, '1.属于国家秘密'],
  withheld_2: [RESULTS, WITHHELD, '2.其他法律行政法规禁止公开'],
  withheld_3: [RESULTS, WITHHELD, '3.危及“三安全一稳定”'],
  withheld_4: [RESULTS, WITHHELD, '4.保护第三方合法权益'],
  withheld_5: [RESULTS, WITHHELD, '5.属于三类内部事务信息'],
  withheld_6: [RESULTS, WITHHELD, '6.属于四类过程性信息'],
  withheld_7: [RESULTS, WITHHELD, '7.属于行政执法案卷'],
  withheld_8: [RESULTS, WITHHELD, '8.属于行政查询事项'],
  unavailable_1: [RESULTS, UNAVAILABLE, '1.本机关不掌握相关政府信息'],
  unavailable_2: [RESULTS, UNAVAILABLE, '2.没有现成信息需要另行制作'],
  unavailable_3: [RESULTS, UNAVAILABLE, '3.补正后申请内容仍不明确'],
  not_processed_1: [RESULTS, NOT_PROCESSED, '1.信访举报投诉类申请'],
  not_processed_2: [RESULTS, NOT_PROCESSED, '2.重复申请'],
  not_processed_3: [RESULTS, NOT_PROCESSED, '3.要求提供公开出版物'],
  not_processed_4: [RESULTS, NOT_PROCESSED, '4.无正当理由大量反复申请'],
  not_processed_5: [RESULTS, NOT_PROCESSED, '5.要求行政机关确认或重新出具已获取信息'],
  other_1: [RESULTS, OTHER, '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'],
  other_2: [RESULTS, OTHER, '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'],
  other_3: [RESULTS, OTHER, '3.其他'],
  results_total: [RESULTS, '（七）总计', null],
  carried_forward: ['四、结转下年度继续办理', null, null],
};

/** Short name of a row for messages: 一, 二, 三（三）6, 三（七）, 四 … */
export function table3RowShortName(row: Table3Row): string {
  const [l1, l2, l3] = TABLE3_ROW_LABELS[row];
  const number1 = l1.slice(0, 1);
  if (l2 === null) return number1;
  const number2 = l2.slice(0, 3); // （三）
  if (l3 === null) return `${number1}${number2}`;
  return `${number1}${number2}${l3.slice(0, l3.indexOf('.'))}`;
}

// ── Table 四 政府信息公开行政复议、行政诉讼情况 ───────────────────────────────────────────────────

export const TABLE4_TITLE = '四、政府信息公开行政复议、行政诉讼情况';
export const TABLE4_LITIGATION_HEADER = '行政诉讼';

/** The 15 numeric columns in printed order, e.g. `reconsideration.upheld` … `litigation_direct.total`. */
export type Table4Column = `${RemedyKind}.${RemedyResult | 'total'}`;
export const TABLE4_COLUMNS: readonly Table4Column[] = REMEDY_KINDS.flatMap((kind) =>
  [...REMEDY_RESULTS, 'total' as const].map((result): Table4Column => `${kind}.${result}`),
);

export function table4Column(kind: RemedyKind, result: RemedyResult | 'total'): Table4Column {
  return `${kind}.${result}`;
}

/** Printed header of one column: group (行政复议 / 行政诉讼), sub-group (null for 行政复议), result label. */
export function table4ColumnLabels(column: Table4Column): readonly [string, string | null, string] {
  const [kind, result] = column.split('.') as [RemedyKind, RemedyResult | 'total'];
  return kind === 'reconsideration'
    ? [REMEDY_KIND_LABELS.reconsideration, null, REMEDY_RESULT_LABELS[result]]
    : [TABLE4_LITIGATION_HEADER, REMEDY_KIND_LABELS[kind], REMEDY_RESULT_LABELS[result]];
}
