/**
 * Table 三 of the annual report (收到和处理政府信息公开申请情况, 国办公开办函〔2021〕30号, legal-rules
 * §3.2) built from plain case data, its three identities checked, and a drill-down from any cell to
 * the cases behind it.
 *
 * Counting rules for report year Y (Y-01-01 … Y-12-31). "Received" is the legal receipt date
 * (条例 Art. 31); "closed" is the day the agency concluded the application: the date of the reply
 * (答复作出之日), or the day it determined the application 视为放弃 / 不再处理 (Art. 30; 109号).
 *
 *   一、本年新收      received in Y.
 *   二、上年结转      received before Y and not closed before Y (still open on 31 Dec of Y−1).
 *   三（一）…（六）   closed in Y, in the row of its outcome (`OUTCOMES[outcome].reportRow`),
 *                    whenever it was received: carried-over cases concluded in Y count here.
 *   三（七）总计      closed in Y — counted on its own, not as the sum of the rows above, so that a
 *                    closed case without a known outcome shows as a broken identity.
 *   四、结转下年度继续办理  received in or before Y and not closed in or before Y (open on 31 Dec).
 *   总计 column      every case of the row, counted on its own (a case whose applicant type is not
 *                    one of the six shows as a broken identity).
 *
 * So 四 of Y is exactly 二 of Y+1, and for sound data 一 + 二 = 三（七）+ 四 in every column: the
 * cases open at some time in Y are either concluded in Y or still open at its end. A case received
 * on 20 December and answered on 12 January is 一 and 四 in its first year, 二 and 三 in the next.
 *
 * 补正 (Art. 30): the reply period restarts from receipt of the corrected application, but the
 * application is the same one. By default ('original') it counts as received on its original
 * receipt date, so a report for Y depends only on what happened by 31 December of Y and does not
 * change when a correction arrives in January. 'corrected' counts it as received when the corrected
 * application arrived (when one did), as some agencies do; a report for Y built before and after a
 * January correction then differs. A case closed 视为放弃 for want of correction is 三（六）1 in the
 * year it was closed.
 */
import { APPLICANT_TYPES, type ApplicantType } from '../cases/applicant-type.js';
import { OUTCOMES, type Outcome } from '../cases/outcome.js';
import type { IsoDate } from '../common/clock/clock.js';
import {
  TABLE3_COLUMN_LABELS,
  TABLE3_COLUMNS,
  TABLE3_ROWS,
  table3RowShortName,
  type Table3Column,
  type Table3Row,
} from './annual-report.layout.js';
import { isIsoDate, reportYearRange } from './report-period.js';

/** What the builders need of a case. The case module fills it from its cases and events. */
export interface ReportCase {
  readonly caseId: string;
  /** The agency the application was made to (the one whose report counts it). */
  readonly agencyId: string;
  /** The table's column (registered at intake). */
  readonly applicantType: ApplicantType;
  /** 收到申请之日 of the original application (Art. 31). */
  readonly receivedOn: IsoDate;
  /** 收到补正申请之日 (Art. 30), when the applicant answered a 补正 notice; otherwise absent or null. */
  readonly correctionReceivedOn?: IsoDate | null;
  /** The day the application was concluded (reply date, or the day it was treated as 视为放弃); null while open. */
  readonly closedOn: IsoDate | null;
  /** The final outcome; read only when the case is closed. */
  readonly outcome: Outcome | null;
  /**
   * How many cases this row stands for (default 1). A query may pass one row per group of cases
   * that the year's counting cannot tell apart (same agency, applicant type, outcome, and dates on
   * the same side of 1 January and 31 December): the counts are then exact while drill-downs and
   * identity checks name the group's caseId.
   */
  readonly count?: number;
}

/** Which date makes an application received in a year; see the file comment. */
export type ReceiptDateBasis = 'original' | 'corrected';

export interface Table3Options {
  /** Default 'original'. */
  readonly receiptDate?: ReceiptDateBasis;
}

export type Table3Cells = Readonly<Record<Table3Row, Readonly<Record<Table3Column, number>>>>;

export interface Table3 {
  readonly year: number;
  /** The agency the table is for; null for the county-wide table of every case given. */
  readonly agencyId: string | null;
  readonly cells: Table3Cells;
}

export interface Table3ByAgency {
  readonly countyWide: Table3;
  /** One table per agency that has a case in the input (all zero if none counts in the year), by agency id. */
  readonly agencies: readonly Table3[];
}

export interface Table3Cell {
  readonly row: Table3Row;
  readonly column: Table3Column;
  /** Only cases of this agency; absent or null for every case given. */
  readonly agencyId?: string | null;
}

// ── Placement of one case ─────────────────────────────────────────────────────────────────────────

const WIDTH = TABLE3_COLUMNS.length; // 7
const TOTAL = WIDTH - 1;
const ROW_INDEX = new Map<Table3Row, number>(TABLE3_ROWS.map((row, i) => [row, i]));
const bit = (row: Table3Row): number => 1 << ROW_INDEX.get(row)!;
const RECEIVED = bit('received');
const CARRIED_OVER = bit('carried_over');
const RESULTS_TOTAL = bit('results_total');
const CARRIED_FORWARD = bit('carried_forward');
const INTAKE = RECEIVED | CARRIED_OVER;
const DISPOSAL = RESULTS_TOTAL | CARRIED_FORWARD;
const RESULT_ROWS = TABLE3_ROWS.reduce((m, row) => (isResultRow(row) ? m | bit(row) : m), 0);
const OUTCOME_BIT = new Map<string, number>(
  Object.entries(OUTCOMES).map(([code, spec]) => [code, bit(spec.reportRow)]),
);
const COLUMN_INDEX = new Map<string, number>(APPLICANT_TYPES.map((type, i) => [type, i]));

function isResultRow(row: Table3Row): boolean {
  return row !== 'received' && row !== 'carried_over' && row !== 'results_total' && row !== 'carried_forward';
}

interface YearBounds {
  readonly start: IsoDate;
  readonly end: IsoDate;
  readonly corrected: boolean;
}

function bounds(year: number, options: Table3Options | undefined): YearBounds {
  const { from, to } = reportYearRange(year);
  return { start: from, end: to, corrected: options?.receiptDate === 'corrected' };
}

/** The rows a case counts in, as a bit set over TABLE3_ROWS (at most three bits). */
function rowMask(c: ReportCase, b: YearBounds): number {
  const receivedOn = (b.corrected && c.correctionReceivedOn) || c.receivedOn;
  const closedOn = c.closedOn;
  let mask = 0;
  if (receivedOn >= b.start) {
    if (receivedOn <= b.end) mask |= RECEIVED;
  } else if (closedOn === null || closedOn >= b.start) {
    mask |= CARRIED_OVER;
  }
  if (closedOn !== null && closedOn >= b.start && closedOn <= b.end) {
    mask |= RESULTS_TOTAL | (c.outcome === null ? 0 : (OUTCOME_BIT.get(c.outcome) ?? 0));
  } else if (receivedOn <= b.end && (closedOn === null || closedOn > b.end)) {
    mask |= CARRIED_FORWARD;
  }
  return mask;
}

function rowsOfMask(mask: number): Table3Row[] {
  return TABLE3_ROWS.filter((_, i) => (mask & (1 << i)) !== 0);
}

/** The rows of the year's table 三 in which the case is counted (in printed order); [] if none. */
export function table3RowsOf(c: ReportCase, year: number, options?: Table3Options): Table3Row[] {
  return rowsOfMask(rowMask(c, bounds(year, options)));
}

function inColumn(c: ReportCase, column: Table3Column): boolean {
  return column === 'total' || c.applicantType === column;
}

// ── Builders ──────────────────────────────────────────────────────────────────────────────────────

function addCase(counts: Int32Array, mask: number, column: number | undefined, n: number): void {
  for (let m = mask; m !== 0; m &= m - 1) {
    const base = (31 - Math.clz32(m & -m)) * WIDTH;
    counts[base + TOTAL] += n;
    if (column !== undefined) counts[base + column] += n;
  }
}

function toTable(year: number, agencyId: string | null, counts: Int32Array): Table3 {
  const cells = {} as Record<Table3Row, Record<Table3Column, number>>;
  TABLE3_ROWS.forEach((row, r) => {
    const line = {} as Record<Table3Column, number>;
    TABLE3_COLUMNS.forEach((column, k) => (line[column] = counts[r * WIDTH + k]));
    cells[row] = line;
  });
  return { year, agencyId, cells };
}

/** Table 三 for the year over every case given (the caller chooses the scope: one agency, the county…). */
export function buildTable3(cases: readonly ReportCase[], year: number, options?: Table3Options): Table3 {
  const b = bounds(year, options);
  const counts = new Int32Array(TABLE3_ROWS.length * WIDTH);
  for (const c of cases) {
    const mask = rowMask(c, b);
    if (mask !== 0) addCase(counts, mask, COLUMN_INDEX.get(c.applicantType), c.count ?? 1);
  }
  return toTable(year, null, counts);
}

/** In one pass: the county-wide table of every case given and one table per agency. */
export function buildTable3ByAgency(
  cases: readonly ReportCase[],
  year: number,
  options?: Table3Options,
): Table3ByAgency {
  const b = bounds(year, options);
  const size = TABLE3_ROWS.length * WIDTH;
  const all = new Int32Array(size);
  const byAgency = new Map<string, Int32Array>();
  for (const c of cases) {
    let counts = byAgency.get(c.agencyId);
    if (counts === undefined) byAgency.set(c.agencyId, (counts = new Int32Array(size)));
    const mask = rowMask(c, b);
    if (mask === 0) continue;
    const column = COLUMN_INDEX.get(c.applicantType);
    const n = c.count ?? 1;
    addCase(all, mask, column, n);
    addCase(counts, mask, column, n);
  }
  return {
    countyWide: toTable(year, null, all),
    agencies: [...byAgency.keys()].sort().map((id) => toTable(year, id, byAgency.get(id)!)),
  };
}

/** The ids of the cases counted in one cell, in input order: what a supervisor sees on clicking it. */
export function drillDownTable3(
  cases: readonly ReportCase[],
  year: number,
  cell: Table3Cell,
  options?: Table3Options,
): string[] {
  const b = bounds(year, options);
  const rowBit = bit(cell.row);
  const agencyId = cell.agencyId ?? null;
  return cases
    .filter(
      (c) =>
        (agencyId === null || c.agencyId === agencyId) &&
        inColumn(c, cell.column) &&
        (rowMask(c, b) & rowBit) !== 0,
    )
    .map((c) => c.caseId);
}

// ── Identities (legal-rules §3.2) ─────────────────────────────────────────────────────────────────

export type Table3Identity =
  /** 一 + 二 = 三（七）+ 四, in every column (the format's own note in the corner cell). */
  | 'intake_equals_disposal'
  /** 三（七）总计 = the sum of 三（一）…（六）3, in every column. */
  | 'results_total_equals_result_rows'
  /** 总计 column = 自然人 + the five 法人或其他组织 columns, in every row. */
  | 'total_equals_applicant_columns';

export interface Table3Violation {
  readonly identity: Table3Identity;
  readonly agencyId: string | null;
  /** The row where a row identity fails; null for the column identities. */
  readonly row: Table3Row | null;
  /** The column where a column identity fails; null for the row identity. */
  readonly column: Table3Column | null;
  readonly left: number;
  readonly right: number;
  /** Chinese, for the report screen. */
  readonly message: string;
  /** The cases that make the two sides differ (when cases were given); see findReportCaseAnomalies for why. */
  readonly caseIds: readonly string[];
}

/**
 * Checks the three identities of table 三 and returns every violation (an empty list when the
 * table is consistent). With the cases the table was built from, each violation names the cases
 * that break it: for 一+二 = 三（七）+四 those counted on one side only, for 三（七） those closed
 * in the year without a known outcome, for 总计 those whose applicant type is not one of the six.
 */
export function checkTable3Identities(
  table: Table3,
  cases: readonly ReportCase[] = [],
  options?: Table3Options,
): Table3Violation[] {
  const b = bounds(table.year, options);
  // The cases are classified only when something is wrong: a sound table costs no pass over them.
  let masks: Int32Array | undefined;
  const masksOf = (): Int32Array => {
    if (masks === undefined) {
      masks = new Int32Array(cases.length);
      for (let i = 0; i < cases.length; i++) {
        const c = cases[i];
        if (table.agencyId === null || c.agencyId === table.agencyId) masks[i] = rowMask(c, b);
      }
    }
    return masks;
  };
  const cells = table.cells;
  const violations: Table3Violation[] = [];
  const violation = (
    identity: Table3Identity,
    row: Table3Row | null,
    column: Table3Column | null,
    left: number,
    right: number,
    message: string,
    breaks: (c: ReportCase, mask: number) => boolean,
  ): void => {
    const m = masksOf();
    const caseIds: string[] = [];
    for (let i = 0; i < cases.length; i++) {
      if (m[i] !== 0 && breaks(cases[i], m[i])) caseIds.push(cases[i].caseId);
    }
    violations.push({ identity, agencyId: table.agencyId, row, column, left, right, message, caseIds });
  };

  for (const column of TABLE3_COLUMNS) {
    const label = TABLE3_COLUMN_LABELS[column];
    const one = cells.received[column];
    const two = cells.carried_over[column];
    const seven = cells.results_total[column];
    const four = cells.carried_forward[column];
    if (one + two !== seven + four) {
      violation(
        'intake_equals_disposal',
        null,
        column,
        one + two,
        seven + four,
        `“${label}”列：一（${one}）加二（${two}）之和为 ${one + two}，三（七）（${seven}）加四（${four}）之和为 ${seven + four}，两者不等`,
        (c, mask) => inColumn(c, column) && ((mask & INTAKE) !== 0) !== ((mask & DISPOSAL) !== 0),
      );
    }
    const rowsSum = TABLE3_ROWS.filter(isResultRow).reduce((sum, row) => sum + cells[row][column], 0);
    if (seven !== rowsSum) {
      violation(
        'results_total_equals_result_rows',
        null,
        column,
        seven,
        rowsSum,
        `“${label}”列：三（七）总计为 ${seven}，三（一）至（六）各项之和为 ${rowsSum}，两者不等`,
        (c, mask) => inColumn(c, column) && ((mask & RESULTS_TOTAL) !== 0) !== ((mask & RESULT_ROWS) !== 0),
      );
    }
  }
  for (const row of TABLE3_ROWS) {
    const total = cells[row].total;
    const columnsSum = APPLICANT_TYPES.reduce((sum, type) => sum + cells[row][type], 0);
    if (total !== columnsSum) {
      const rowBit = bit(row);
      violation(
        'total_equals_applicant_columns',
        row,
        null,
        total,
        columnsSum,
        `${table3RowShortName(row)}行：总计为 ${total}，自然人与法人或其他组织各列之和为 ${columnsSum}，两者不等`,
        (c, mask) => (mask & rowBit) !== 0 && !COLUMN_INDEX.has(c.applicantType),
      );
    }
  }
  return violations;
}

// ── Data problems that break the identities or distort the table ──────────────────────────────────

export type ReportCaseProblem =
  | 'invalid_date'
  | 'closed_before_received'
  | 'correction_before_receipt'
  | 'closed_before_correction'
  | 'closed_without_outcome'
  | 'unknown_outcome'
  | 'unknown_applicant_type'
  | 'duplicate_case_id';

export interface ReportCaseAnomaly {
  readonly caseId: string;
  readonly agencyId: string;
  readonly problem: ReportCaseProblem;
  /** Chinese, for the report screen. */
  readonly message: string;
}

/** Limits findReportCaseAnomalies to the cases a year's table 三 counts. */
export interface AnomalyScope {
  readonly year: number;
  readonly options?: Table3Options;
}

/**
 * Every case whose data the report cannot count faithfully, with the reason. With a scope, only
 * the cases counted in that year's table (and those whose dates cannot be read, which cannot be
 * placed at all), so that an old data error does not hold up this year's report.
 */
export function findReportCaseAnomalies(
  cases: readonly ReportCase[],
  scope?: AnomalyScope,
): ReportCaseAnomaly[] {
  const b = scope === undefined ? undefined : bounds(scope.year, scope.options);
  const anomalies: ReportCaseAnomaly[] = [];
  const seen = new Set<string>();
  // A county has a few thousand distinct dates and up to millions of cases: check each date once.
  const validDates = new Map<string, boolean>();
  const valid = (date: IsoDate | null): boolean => {
    if (date === null) return true;
    let ok = validDates.get(date);
    if (ok === undefined) validDates.set(date, (ok = isIsoDate(date)));
    return ok;
  };
  for (const c of cases) {
    const correction = c.correctionReceivedOn ?? null;
    const datesValid = valid(c.receivedOn) && valid(c.closedOn) && valid(correction);
    if (datesValid && b !== undefined && rowMask(c, b) === 0) continue;
    const duplicate = seen.has(c.caseId);
    seen.add(c.caseId);

    const add = (problem: ReportCaseProblem, message: string): void => {
      anomalies.push({ caseId: c.caseId, agencyId: c.agencyId, problem, message });
    };
    if (duplicate) add('duplicate_case_id', '同一案件重复出现，会被重复统计');
    if (!datesValid) {
      add('invalid_date', '收到申请、收到补正申请或办结的日期不是有效日期');
    } else {
      if (c.closedOn !== null && c.closedOn < c.receivedOn)
        add('closed_before_received', '办结日期早于收到申请日期');
      if (correction !== null && correction < c.receivedOn) {
        add('correction_before_receipt', '收到补正申请日期早于收到申请日期');
      }
      if (c.closedOn !== null && correction !== null && c.closedOn < correction) {
        add('closed_before_correction', '办结日期早于收到补正申请日期');
      }
    }
    if (c.closedOn !== null) {
      if (c.outcome === null) add('closed_without_outcome', '已办结但未登记办理结果');
      else if (!OUTCOME_BIT.has(c.outcome))
        add('unknown_outcome', `办理结果代码“${c.outcome}”无法对应年报栏目`);
    }
    if (!COLUMN_INDEX.has(c.applicantType)) {
      add('unknown_applicant_type', `申请人类型“${c.applicantType}”不属于年报的六类申请人`);
    }
  }
  return anomalies;
}
