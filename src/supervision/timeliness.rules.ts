/**
 * Timeliness figures for supervisors (条例 Art. 33 reply periods, Art. 47 supervision): received,
 * closed, on time or late, working days to reply, and what is open, paused, due soon or overdue
 * now — overall and by agency, handler and month — plus the at-risk list.
 *
 * Working-day arithmetic is the calendar module's: the caller passes, per case, the due date in
 * force, the working days taken excluding paused time and the working days remaining as of today.
 *
 * Definitions (dates are legal dates, compared as `YYYY-MM-DD`):
 * - received: receivedOn within the period; closed: closedOn within the period.
 * - on time (按期办结): closed on or before the due date in force, closedOn <= dueOn; late
 *   (逾期已办): closedOn > dueOn. Only cases closed in the period that had a due date count in either
 *   (closedWithDeadline): a case closed 视为放弃 while waiting for a 补正 had no reply period running.
 * - onTimeRate = closedOnTime / closedWithDeadline; null when nothing closed with a deadline.
 * - median and p90 of workingDaysTaken over the same closed-with-deadline cases (paused time already
 *   excluded by the caller). Median: the middle value, or the mean of the two middle values; p90:
 *   nearest rank, the smallest value with at least 90 % of the sample at or below it.
 * - Current figures describe the cases as they are on `today`, whatever the period: open (在办)
 *   = not closed; paused (暂停计时) = open with the clock paused; dueSoon (即将逾期) = open, not
 *   paused, due today or within the next `dueSoonWithin` (3) working days; overdueOpen (逾期未办)
 *   = open and dueOn < today, paused or not (a pause does not cure lateness already incurred).
 * - By month: received counts in its receipt month, the closure figures in their closing month;
 *   current figures are not split by month.
 */
import type { IsoDate } from '../common/clock/clock.js';
import { DomainError } from '../common/errors/domain-error.js';
import { checkPeriod, isIsoDate, monthsOf, type DateRange } from './report-period.js';

/** What the timeliness figures need of a case. The case module fills it from its clock. */
export interface TimelinessCase {
  readonly caseId: string;
  readonly agencyId: string;
  /** 承办人; null while not yet assigned. */
  readonly handlerId: string | null;
  /** 收到申请之日 (Art. 31). */
  readonly receivedOn: IsoDate;
  /**
   * The due date in force (after 补正 restart, excluded consultation/fee time and an approved
   * extension); for a closed case, the one in force when it closed. Null when no reply period runs
   * (waiting for a 补正, or closed 视为放弃 without one).
   */
  readonly dueOn: IsoDate | null;
  /** Reply date; null while open. */
  readonly closedOn: IsoDate | null;
  /** Working days from the start of the reply period to closure (or to today while open), paused time excluded. */
  readonly workingDaysTaken: number | null;
  /** The clock is paused now (征求第三方/其他机关意见, waiting for a fee). */
  readonly paused: boolean;
  /** Working days from today to dueOn: 0 due today, 1 due the next working day, negative when overdue; null without dueOn. */
  readonly remainingWorkingDays: number | null;
}

export interface TimelinessQuery extends DateRange {
  /** The day the current figures describe (from the injected Clock). */
  readonly today: IsoDate;
  /** Working days ahead that count as 即将逾期; default 3. */
  readonly dueSoonWithin?: number;
}

export interface FlowFigures {
  readonly received: number;
  readonly closed: number;
  /** Closed in the period with a due date: the denominator of onTimeRate. */
  readonly closedWithDeadline: number;
  readonly closedOnTime: number;
  /** 逾期已办. */
  readonly closedLate: number;
  readonly onTimeRate: number | null;
  readonly medianWorkingDays: number | null;
  readonly p90WorkingDays: number | null;
}

export interface CurrentFigures {
  /** 在办. */
  readonly open: number;
  /** 暂停计时. */
  readonly paused: number;
  /** 即将逾期. */
  readonly dueSoon: number;
  /** 逾期未办. */
  readonly overdueOpen: number;
}

export type TimelinessFigures = FlowFigures & CurrentFigures;

export interface TimelinessReport {
  readonly period: DateRange;
  readonly today: IsoDate;
  readonly overall: TimelinessFigures;
  readonly byAgency: readonly { readonly agencyId: string; readonly figures: TimelinessFigures }[];
  /** Per handler within an agency; handlerId null gathers the agency's unassigned cases. */
  readonly byHandler: readonly {
    readonly agencyId: string;
    readonly handlerId: string | null;
    readonly figures: TimelinessFigures;
  }[];
  /** Every month the period touches, in order, including empty ones. */
  readonly byMonth: readonly { readonly month: string; readonly figures: FlowFigures }[];
}

/**
 * The counts behind one row of figures (the county, an agency, a handler, a month). How the working
 * days are kept is the subclass's: every value here (Tally), a histogram in the aggregate path.
 */
export abstract class FigureCounts {
  received = 0;
  closed = 0;
  closedOnTime = 0;
  closedLate = 0;
  open = 0;
  paused = 0;
  dueSoon = 0;
  overdueOpen = 0;

  /** Median and nearest-rank p90 of the working days taken by the cases closed with a deadline. */
  protected abstract workingDayStats(): { median: number | null; p90: number | null };

  flow(): FlowFigures {
    const closedWithDeadline = this.closedOnTime + this.closedLate;
    const { median: medianWorkingDays, p90: p90WorkingDays } = this.workingDayStats();
    return {
      received: this.received,
      closed: this.closed,
      closedWithDeadline,
      closedOnTime: this.closedOnTime,
      closedLate: this.closedLate,
      onTimeRate: closedWithDeadline === 0 ? null : this.closedOnTime / closedWithDeadline,
      medianWorkingDays,
      p90WorkingDays,
    };
  }

  figures(): TimelinessFigures {
    const current: CurrentFigures = {
      open: this.open,
      paused: this.paused,
      dueSoon: this.dueSoon,
      overdueOpen: this.overdueOpen,
    };
    return { ...this.flow(), ...current };
  }
}

class Tally extends FigureCounts {
  readonly workingDays: number[] = [];

  protected workingDayStats(): { median: number | null; p90: number | null } {
    const sorted = [...this.workingDays].sort((a, b) => a - b);
    return { median: median(sorted), p90: nearestRank(sorted, 90) };
  }
}

/** A handler's row: the agency it works for, the handler (null: the agency's unassigned cases). */
export interface HandlerCounts<C extends FigureCounts> {
  readonly agencyId: string;
  readonly handlerId: string | null;
  readonly counts: C;
}

/** The handler row of a map keyed by agency and handler, created on first use. */
export function handlerCountsOf<C extends FigureCounts>(
  map: Map<string, HandlerCounts<C>>,
  agencyId: string,
  handlerId: string | null,
  create: () => C,
): HandlerCounts<C> {
  const key = `${agencyId}\u0000${handlerId ?? '\u0001'}`;
  let row = map.get(key);
  if (row === undefined) map.set(key, (row = { agencyId, handlerId, counts: create() }));
  return row;
}

/** The counts of a keyed map, created on first use. */
export function countsOf<K, C extends FigureCounts>(map: Map<K, C>, key: K, create: () => C): C {
  let counts = map.get(key);
  if (counts === undefined) map.set(key, (counts = create()));
  return counts;
}

const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The report from its counts, rows in a stable order (agencies and handlers by id, months in order). */
export function timelinessReportOf(
  head: {
    readonly from: IsoDate;
    readonly to: IsoDate;
    readonly today: IsoDate;
    readonly months: readonly string[];
  },
  overall: FigureCounts,
  byAgency: ReadonlyMap<string, FigureCounts>,
  byHandler: Iterable<HandlerCounts<FigureCounts>>,
  byMonth: ReadonlyMap<string, FigureCounts>,
): TimelinessReport {
  return {
    period: { from: head.from, to: head.to },
    today: head.today,
    overall: overall.figures(),
    byAgency: [...byAgency.entries()]
      .sort(([a], [b]) => byId(a, b))
      .map(([agencyId, counts]) => ({ agencyId, figures: counts.figures() })),
    byHandler: [...byHandler]
      .sort((a, b) => byId(a.agencyId, b.agencyId) || byId(a.handlerId ?? '', b.handlerId ?? ''))
      .map(({ agencyId, handlerId, counts }) => ({ agencyId, handlerId, figures: counts.figures() })),
    byMonth: head.months.map((month) => ({ month, figures: byMonth.get(month)!.flow() })),
  };
}

/** Median of an ascending sample; null when empty. */
export function median(sorted: readonly number[]): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const mid = Math.floor(n / 2);
  return n % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Nearest-rank percentile of an ascending sample; null when empty. */
export function nearestRank(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1];
}

export function computeTimeliness(
  cases: readonly TimelinessCase[],
  query: TimelinessQuery,
): TimelinessReport {
  const { from, to } = checkPeriod(query);
  const today = query.today;
  if (!isIsoDate(today))
    throw DomainError.validation([{ field: 'today', message: '应为 YYYY-MM-DD 格式的日期' }]);
  const dueSoonWithin = query.dueSoonWithin ?? 3;

  const overall = new Tally();
  const byAgency = new Map<string, Tally>();
  const byHandler = new Map<string, HandlerCounts<Tally>>();
  const months = monthsOf({ from, to });
  const byMonth = new Map<string, Tally>(months.map((m) => [m, new Tally()]));

  for (const c of cases) {
    const handler = handlerCountsOf(byHandler, c.agencyId, c.handlerId, () => new Tally());
    const groups = [overall, countsOf(byAgency, c.agencyId, () => new Tally()), handler.counts];

    if (c.receivedOn >= from && c.receivedOn <= to) {
      for (const g of groups) g.received += 1;
      const month = byMonth.get(c.receivedOn.slice(0, 7));
      if (month !== undefined) month.received += 1;
    }
    if (c.closedOn !== null) {
      if (c.closedOn >= from && c.closedOn <= to) {
        const month = byMonth.get(c.closedOn.slice(0, 7));
        for (const g of month === undefined ? groups : [...groups, month]) {
          g.closed += 1;
          if (c.dueOn === null) continue;
          if (c.closedOn <= c.dueOn) g.closedOnTime += 1;
          else g.closedLate += 1;
          if (c.workingDaysTaken !== null) g.workingDays.push(c.workingDaysTaken);
        }
      }
      continue;
    }
    const dueSoon =
      !c.paused &&
      c.dueOn !== null &&
      c.dueOn >= today &&
      c.remainingWorkingDays !== null &&
      c.remainingWorkingDays <= dueSoonWithin;
    const overdue = c.dueOn !== null && c.dueOn < today;
    for (const g of groups) {
      g.open += 1;
      if (c.paused) g.paused += 1;
      if (dueSoon) g.dueSoon += 1;
      if (overdue) g.overdueOpen += 1;
    }
  }

  return timelinessReportOf({ from, to, today, months }, overall, byAgency, byHandler.values(), byMonth);
}

// ── At-risk list ──────────────────────────────────────────────────────────────────────────────────

export interface AtRiskCase {
  readonly caseId: string;
  readonly agencyId: string;
  readonly handlerId: string | null;
  readonly dueOn: IsoDate;
  readonly remainingWorkingDays: number;
  readonly paused: boolean;
  /** dueOn is before today (逾期未办). */
  readonly overdue: boolean;
}

export interface AtRiskQuery {
  readonly today: IsoDate;
  /** Open cases due within this many working days are listed; default 5 (the first reminder). */
  readonly within?: number;
  /** Also list paused cases that are not yet overdue (their due date will move); default false. */
  readonly includePaused?: boolean;
}

/**
 * Open cases that are overdue or due within `within` working days, most urgent first: by remaining
 * working days, then due date, then case id. Overdue cases are listed even while paused.
 */
export function listAtRiskCases(cases: readonly TimelinessCase[], query: AtRiskQuery): AtRiskCase[] {
  const within = query.within ?? 5;
  const listed: AtRiskCase[] = [];
  for (const c of cases) {
    if (c.closedOn !== null || c.dueOn === null || c.remainingWorkingDays === null) continue;
    const overdue = c.dueOn < query.today;
    if (!overdue && (c.remainingWorkingDays > within || (c.paused && !query.includePaused))) continue;
    listed.push({
      caseId: c.caseId,
      agencyId: c.agencyId,
      handlerId: c.handlerId,
      dueOn: c.dueOn,
      remainingWorkingDays: c.remainingWorkingDays,
      paused: c.paused,
      overdue,
    });
  }
  return listed.sort(
    (a, b) =>
      a.remainingWorkingDays - b.remainingWorkingDays ||
      (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0) ||
      (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0),
  );
}

// ── Open cases by remaining working days ─────────────────────────────────────────────────────────

/** The bands of the dashboard's "open cases by remaining working days", most urgent first. */
export const OPEN_CASE_BANDS = [
  'overdue',
  'due_today',
  'within_3',
  'within_5',
  'within_10',
  'within_20',
  'beyond_20',
  'paused',
  'awaiting_correction',
] as const;
export type OpenCaseBand = (typeof OPEN_CASE_BANDS)[number];

export const OPEN_CASE_BAND_LABELS: Readonly<Record<OpenCaseBand, string>> = {
  overdue: '已逾期',
  due_today: '今天到期',
  within_3: '1—3 个工作日',
  within_5: '4—5 个工作日',
  within_10: '6—10 个工作日',
  within_20: '11—20 个工作日',
  beyond_20: '20 个工作日以上',
  paused: '暂停计时',
  awaiting_correction: '等待补正',
};

/**
 * The band of one open case. Overdue (dueOn before today) comes first, paused or not, as in
 * 逾期未办; a paused case not yet overdue is "paused" (its due date will move); a case with no reply
 * period running (waiting for a 补正, Art. 30) is "awaiting_correction"; the rest by the working days
 * left, so that due_today + within_3 are the 即将逾期 of the figures (≤ 3 WD, not paused).
 */
export function openCaseBand(c: TimelinessCase, today: IsoDate): OpenCaseBand {
  if (c.dueOn === null || c.remainingWorkingDays === null) return 'awaiting_correction';
  if (c.dueOn < today) return 'overdue';
  if (c.paused) return 'paused';
  const left = c.remainingWorkingDays;
  if (left <= 0) return 'due_today';
  if (left <= 3) return 'within_3';
  if (left <= 5) return 'within_5';
  if (left <= 10) return 'within_10';
  if (left <= 20) return 'within_20';
  return 'beyond_20';
}

/** How many open cases fall in each band (every band listed, closed cases ignored). */
export function countOpenCasesByBand(
  cases: readonly TimelinessCase[],
  today: IsoDate,
): Record<OpenCaseBand, number> {
  const counts = Object.fromEntries(OPEN_CASE_BANDS.map((b) => [b, 0])) as Record<OpenCaseBand, number>;
  for (const c of cases) if (c.closedOn === null) counts[openCaseBand(c, today)] += 1;
  return counts;
}
