/**
 * Table 四 of the annual report (政府信息公开行政复议、行政诉讼情况, 国办公开办函〔2021〕30号,
 * legal-rules §3.3): 15 columns — 行政复议, 行政诉讼 未经复议直接起诉, 行政诉讼 复议后起诉, each
 * 结果维持 / 结果纠正 / 其他结果 / 尚未审结 / 总计 — built from remedy records.
 *
 * Counting rules for report year Y. The format prints no counting instructions we could read
 * (legal-rules §9), so the choice is an option:
 *
 *   'filed_in_year' (default): a record counts in the year it was filed (复议申请 / 起诉), once.
 *     Its column is its result if it was decided on or before `statusAsOf` (default 31 December of
 *     Y), otherwise 尚未审结. A published report therefore never changes when a case pending at
 *     year-end is decided later, and no record is counted in two years.
 *   'active_in_year': a record counts in every year it was pending at some time: filed on or before
 *     31 December of Y and not decided before 1 January of Y. Decided in Y → its result; still
 *     pending at `statusAsOf` → 尚未审结 (and again next year). This mirrors table 三's carry-over,
 *     but 总计 then counts long cases in more than one year.
 *
 * A reconsideration and the lawsuit that follows it are two records (行政复议, then 复议后起诉).
 * A record belongs to the agency whose act is challenged: when the reconsideration body is a
 * co-defendant only the original actor counts the case (国办公开办函〔2016〕201号, legal-rules §1.11).
 */
import type { IsoDate } from '../common/clock/clock.js';
import { TABLE4_COLUMNS, table4Column, type Table4Column } from './annual-report.layout.js';
import {
  REMEDY_KIND_LABELS,
  REMEDY_KINDS,
  REMEDY_RESULT_LABELS,
  REMEDY_RESULTS,
  type RemedyKind,
  type RemedyResult,
} from './remedy.js';
import { isIsoDate, reportYearRange } from './report-period.js';

/** One 行政复议 or 行政诉讼 about a disclosure case. */
export interface RemedyRecord {
  readonly recordId: string;
  readonly caseId: string;
  /** The agency whose reply (or failure to reply) is challenged. */
  readonly agencyId: string;
  readonly kind: RemedyKind;
  /** 申请行政复议 / 提起诉讼 date. */
  readonly filedOn: IsoDate;
  /** 'pending' while undecided (尚未审结). */
  readonly result: RemedyResult;
  /** Date of the decision or judgment; null while pending. */
  readonly decidedOn: IsoDate | null;
}

export type Table4Basis = 'filed_in_year' | 'active_in_year';

export interface Table4Options {
  /** Default 'filed_in_year'. */
  readonly basis?: Table4Basis;
  /** The day results are read as of; default 31 December of the year (a decision after it is 尚未审结). */
  readonly statusAsOf?: IsoDate;
}

export interface Table4 {
  readonly year: number;
  /** The agency the table is for; null for every record given. */
  readonly agencyId: string | null;
  readonly cells: Readonly<Record<Table4Column, number>>;
}

export interface Table4ByAgency {
  readonly countyWide: Table4;
  readonly agencies: readonly Table4[];
}

interface Bounds {
  readonly start: IsoDate;
  readonly end: IsoDate;
  readonly asOf: IsoDate;
  readonly activeInYear: boolean;
}

function boundsOf(year: number, options: Table4Options | undefined): Bounds {
  const { from, to } = reportYearRange(year);
  return {
    start: from,
    end: to,
    asOf: options?.statusAsOf ?? to,
    activeInYear: options?.basis === 'active_in_year',
  };
}

const KNOWN_KINDS = new Set<string>(REMEDY_KINDS);
const KNOWN_RESULTS = new Set<string>(REMEDY_RESULTS);

/** Decided (with a final result) as of the day; a final result without a date counts as decided. */
function decidedBy(r: RemedyRecord, day: IsoDate): boolean {
  return r.result !== 'pending' && (r.decidedOn === null || r.decidedOn <= day);
}

/**
 * The result column a record counts in for the year (its kind's 总计 too), or null when it is not
 * counted in that year. An unknown result still counts in 总计 only, so the identity shows it.
 */
function placement(r: RemedyRecord, b: Bounds): RemedyResult | 'unknown' | null {
  if (!KNOWN_KINDS.has(r.kind)) return null;
  const counted = b.activeInYear
    ? r.filedOn <= b.end && !(r.result !== 'pending' && r.decidedOn !== null && r.decidedOn < b.start)
    : r.filedOn >= b.start && r.filedOn <= b.end;
  if (!counted) return null;
  if (!KNOWN_RESULTS.has(r.result)) return 'unknown';
  return decidedBy(r, b.asOf) ? r.result : 'pending';
}

function emptyCells(): Record<Table4Column, number> {
  return Object.fromEntries(TABLE4_COLUMNS.map((c) => [c, 0])) as Record<Table4Column, number>;
}

function add(cells: Record<Table4Column, number>, r: RemedyRecord, column: RemedyResult | 'unknown'): void {
  cells[table4Column(r.kind, 'total')] += 1;
  if (column !== 'unknown') cells[table4Column(r.kind, column)] += 1;
}

/** Table 四 for the year over every record given. */
export function buildTable4(records: readonly RemedyRecord[], year: number, options?: Table4Options): Table4 {
  return buildTable4ByAgency(records, year, options).countyWide;
}

/** The county-wide table of every record given and one table per agency. */
export function buildTable4ByAgency(
  records: readonly RemedyRecord[],
  year: number,
  options?: Table4Options,
): Table4ByAgency {
  const b = boundsOf(year, options);
  const all = emptyCells();
  const byAgency = new Map<string, Record<Table4Column, number>>();
  for (const r of records) {
    let cells = byAgency.get(r.agencyId);
    if (cells === undefined) byAgency.set(r.agencyId, (cells = emptyCells()));
    const column = placement(r, b);
    if (column === null) continue;
    add(all, r, column);
    add(cells, r, column);
  }
  return {
    countyWide: { year, agencyId: null, cells: all },
    agencies: [...byAgency.keys()]
      .sort()
      .map((agencyId) => ({ year, agencyId, cells: byAgency.get(agencyId)! })),
  };
}

/** The records (and their cases) counted in one cell, in input order. */
export function drillDownTable4(
  records: readonly RemedyRecord[],
  year: number,
  cell: { readonly column: Table4Column; readonly agencyId?: string | null },
  options?: Table4Options,
): { recordId: string; caseId: string }[] {
  const b = boundsOf(year, options);
  const [kind, result] = cell.column.split('.') as [RemedyKind, RemedyResult | 'total'];
  const agencyId = cell.agencyId ?? null;
  return records
    .filter((r) => {
      if (r.kind !== kind || (agencyId !== null && r.agencyId !== agencyId)) return false;
      const column = placement(r, b);
      return column !== null && (result === 'total' || column === result);
    })
    .map((r) => ({ recordId: r.recordId, caseId: r.caseId }));
}

export interface Table4Violation {
  readonly agencyId: string | null;
  readonly kind: RemedyKind;
  /** 总计 of the group. */
  readonly left: number;
  /** 维持 + 纠正 + 其他 + 尚未审结. */
  readonly right: number;
  readonly message: string;
  /** The records counted in 总计 without a result column (when records were given). */
  readonly recordIds: readonly string[];
}

/** 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结 in each of the three groups; every violation. */
export function checkTable4Identities(
  table: Table4,
  records: readonly RemedyRecord[] = [],
  options?: Table4Options,
): Table4Violation[] {
  const b = boundsOf(table.year, options);
  const violations: Table4Violation[] = [];
  for (const kind of REMEDY_KINDS) {
    const total = table.cells[table4Column(kind, 'total')];
    const sum = REMEDY_RESULTS.reduce((s, result) => s + table.cells[table4Column(kind, result)], 0);
    if (total === sum) continue;
    const recordIds = records
      .filter((r) => r.kind === kind && (table.agencyId === null || r.agencyId === table.agencyId))
      .filter((r) => placement(r, b) === 'unknown')
      .map((r) => r.recordId);
    const parts = REMEDY_RESULTS.map((result) => REMEDY_RESULT_LABELS[result]).join('、');
    violations.push({
      agencyId: table.agencyId,
      kind,
      left: total,
      right: sum,
      message: `“${REMEDY_KIND_LABELS[kind]}”：总计为 ${total}，${parts}之和为 ${sum}，两者不等`,
      recordIds,
    });
  }
  return violations;
}

export type RemedyRecordProblem =
  | 'invalid_date'
  | 'unknown_kind'
  | 'unknown_result'
  | 'decided_without_date'
  | 'pending_with_date'
  | 'decided_before_filed';

export interface RemedyRecordAnomaly {
  readonly recordId: string;
  readonly caseId: string;
  readonly problem: RemedyRecordProblem;
  readonly message: string;
}

/** Records the table cannot count faithfully, with the reason. */
export function findRemedyRecordAnomalies(records: readonly RemedyRecord[]): RemedyRecordAnomaly[] {
  const anomalies: RemedyRecordAnomaly[] = [];
  for (const r of records) {
    const add = (problem: RemedyRecordProblem, message: string): void => {
      anomalies.push({ recordId: r.recordId, caseId: r.caseId, problem, message });
    };
    if (!KNOWN_KINDS.has(r.kind)) add('unknown_kind', `救济类型“${r.kind}”不属于年报表四的栏目`);
    if (!KNOWN_RESULTS.has(r.result)) add('unknown_result', `结果代码“${r.result}”不属于年报表四的栏目`);
    if (!isIsoDate(r.filedOn) || (r.decidedOn !== null && !isIsoDate(r.decidedOn))) {
      add('invalid_date', '申请（起诉）日期或审结日期不是有效日期');
      continue;
    }
    if (r.result === 'pending' && r.decidedOn !== null) add('pending_with_date', '尚未审结却登记了审结日期');
    if (r.result !== 'pending' && KNOWN_RESULTS.has(r.result) && r.decidedOn === null) {
      add('decided_without_date', '已有结果但未登记审结日期，按已审结统计');
    }
    if (r.decidedOn !== null && r.decidedOn < r.filedOn)
      add('decided_before_filed', '审结日期早于申请（起诉）日期');
  }
  return anomalies;
}
