/**
 * Table 三 counts a case by its agency, applicant type and outcome and by where its receipt and
 * closing dates fall relative to the report year (before 1 January, within the year, after 31
 * December; open): nothing else about its dates matters (table3.rules.ts). So a database can group a
 * million cases into a few thousand classes, and the pure builders count one representative per
 * class with its `count`: the counting rules stay in one place, and the database does no more than
 * a GROUP BY. Each class names its cases by its key, which a query can turn back into case ids
 * (drill-down, identity violations).
 */
import type { ApplicantType } from '../cases/applicant-type.js';
import type { Outcome } from '../cases/outcome.js';
import type { IsoDate } from '../common/clock/clock.js';
import { reportYearRange } from './report-period.js';
import type { ReportCase } from './table3.rules.js';

/** Where a date lies relative to the report year. */
export type YearSide = 'before' | 'in' | 'after';
export const YEAR_SIDES: readonly YearSide[] = ['before', 'in', 'after'];

export interface ReportClass {
  readonly agencyId: string;
  readonly applicantType: ApplicantType;
  readonly outcome: Outcome | null;
  readonly received: YearSide;
  /** 'open' while the case is not closed. */
  readonly closed: YearSide | 'open';
  readonly count: number;
}

export type ReportClassKeyParts = Omit<ReportClass, 'count'>;

export function yearSideOf(date: IsoDate, year: number): YearSide {
  const { from, to } = reportYearRange(year);
  return date < from ? 'before' : date <= to ? 'in' : 'after';
}

/** The class of one case for the year (receipt by the original receipt date, the default basis). */
export function reportClassOf(c: ReportCase, year: number): ReportClassKeyParts {
  return {
    agencyId: c.agencyId,
    applicantType: c.applicantType,
    outcome: c.outcome,
    received: yearSideOf(c.receivedOn, year),
    closed: c.closedOn === null ? 'open' : yearSideOf(c.closedOn, year),
  };
}

/** A stable text key: `agency|type|outcome|received|closed` (outcome empty when null). */
export function reportClassKey(k: ReportClassKeyParts): string {
  return [k.agencyId, k.applicantType, k.outcome ?? '', k.received, k.closed].join('|');
}

export function parseReportClassKey(key: string): ReportClassKeyParts | null {
  const parts = key.split('|');
  if (parts.length !== 5) return null;
  const [agencyId, applicantType, outcome, received, closed] = parts;
  if (!YEAR_SIDES.includes(received as YearSide)) return null;
  if (closed !== 'open' && !YEAR_SIDES.includes(closed as YearSide)) return null;
  return {
    agencyId,
    applicantType: applicantType as ApplicantType,
    outcome: outcome === '' ? null : (outcome as Outcome),
    received: received as YearSide,
    closed: closed as YearSide | 'open',
  };
}

/**
 * Counted somewhere in the year's table 三: what a query selects before grouping. Nothing counts a
 * case received and closed before the year, or received after it unless it was (anomalously)
 * closed within it.
 */
export function countsInYear(k: Pick<ReportClassKeyParts, 'received' | 'closed'>): boolean {
  if (k.received === 'before') return k.closed !== 'before';
  if (k.received === 'after') return k.closed === 'in';
  return true;
}

/** One case standing for the class: its dates on the class's sides of the year. */
export function representativeOf(cls: ReportClass, year: number): ReportCase {
  const { from, to } = reportYearRange(year);
  const before = `${year - 1}-12-31`;
  const after = `${year + 1}-01-01`;
  const receivedOn = { before, in: from, after }[cls.received];
  const closedOn = cls.closed === 'open' ? null : { before, in: to, after }[cls.closed];
  return {
    caseId: reportClassKey(cls),
    agencyId: cls.agencyId,
    applicantType: cls.applicantType,
    receivedOn,
    correctionReceivedOn: null,
    closedOn,
    outcome: cls.outcome,
    count: cls.count,
  };
}

/** The classes of the cases counted in the year, as a database GROUP BY would give them. */
export function groupReportCases(cases: readonly ReportCase[], year: number): ReportClass[] {
  const groups = new Map<string, ReportClass>();
  for (const c of cases) {
    const parts = reportClassOf(c, year);
    if (!countsInYear(parts)) continue;
    const key = reportClassKey(parts);
    const found = groups.get(key);
    groups.set(key, { ...parts, count: (found?.count ?? 0) + (c.count ?? 1) });
  }
  return [...groups.values()];
}
