/**
 * The timeliness report (timeliness.rules.ts) from counts a database has already grouped, so that a
 * county-wide dashboard over a million cases moves a few thousand rows, not the cases. The
 * definitions are computeTimeliness's; the only difference is that working days come as a
 * histogram (value → how many cases), from which the median and the nearest-rank p90 are read
 * exactly. A test holds the two functions to the same answers on the same cases.
 */
import type { IsoDate } from '../common/clock/clock.js';
import { DomainError } from '../common/errors/domain-error.js';
import { checkPeriod, isIsoDate, monthsOf } from './report-period.js';
import {
  countsOf,
  FigureCounts,
  handlerCountsOf,
  timelinessReportOf,
  type HandlerCounts,
  type TimelinessCase,
  type TimelinessReport,
} from './timeliness.rules.js';

/**
 * One grouped row. `handler` rows are grouped by agency, handler, lateness and working days and carry
 * every count; `closing_month` rows by the month of closing, lateness and working days (closure
 * figures); `receipt_month` rows by the month of receipt (received).
 */
export interface TimelinessAggregate {
  readonly set: 'handler' | 'closing_month' | 'receipt_month';
  readonly agencyId: string | null;
  /** null on a `handler` row: the agency's unassigned cases. */
  readonly handlerId: string | null;
  /** `YYYY-MM` on month rows. */
  readonly month: string | null;
  /** Closed in the period with a due date: after it (true) or on/before it (false); otherwise null. */
  readonly late: boolean | null;
  /** Working days taken by those (paused time excluded); null when unknown or not such a case. */
  readonly workingDays: number | null;
  readonly received: number;
  readonly closed: number;
  readonly open: number;
  readonly paused: number;
  readonly dueSoon: number;
  readonly overdueOpen: number;
}

/** The k-th smallest value (0-based) of a histogram. */
function kth(histogram: ReadonlyMap<number, number>, sortedValues: readonly number[], k: number): number {
  let seen = 0;
  for (const value of sortedValues) {
    seen += histogram.get(value)!;
    if (k < seen) return value;
  }
  throw new Error('rank outside the sample');
}

/** Median of a histogram: the middle value, or the mean of the two middle values; null when empty. */
export function histogramMedian(histogram: ReadonlyMap<number, number>): number | null {
  const n = [...histogram.values()].reduce((s, c) => s + c, 0);
  if (n === 0) return null;
  const values = [...histogram.keys()].sort((a, b) => a - b);
  const mid = Math.floor(n / 2);
  return n % 2 === 1
    ? kth(histogram, values, mid)
    : (kth(histogram, values, mid - 1) + kth(histogram, values, mid)) / 2;
}

/** Nearest-rank percentile of a histogram; null when empty. */
export function histogramNearestRank(histogram: ReadonlyMap<number, number>, p: number): number | null {
  const n = [...histogram.values()].reduce((s, c) => s + c, 0);
  if (n === 0) return null;
  const rank = Math.min(Math.max(1, Math.ceil((p / 100) * n)), n);
  return kth(
    histogram,
    [...histogram.keys()].sort((a, b) => a - b),
    rank - 1,
  );
}

class Sum extends FigureCounts {
  readonly histogram = new Map<number, number>();

  add(row: TimelinessAggregate): void {
    this.received += row.received;
    this.closed += row.closed;
    this.open += row.open;
    this.paused += row.paused;
    this.dueSoon += row.dueSoon;
    this.overdueOpen += row.overdueOpen;
    if (row.late === null) return;
    if (row.late) this.closedLate += row.closed;
    else this.closedOnTime += row.closed;
    if (row.workingDays !== null) {
      this.histogram.set(row.workingDays, (this.histogram.get(row.workingDays) ?? 0) + row.closed);
    }
  }

  protected workingDayStats(): { median: number | null; p90: number | null } {
    return { median: histogramMedian(this.histogram), p90: histogramNearestRank(this.histogram, 90) };
  }
}

/** The same report computeTimeliness gives for the cases these rows were grouped from. */
export function timelinessFromAggregates(
  rows: readonly TimelinessAggregate[],
  query: { readonly from: IsoDate; readonly to: IsoDate; readonly today: IsoDate },
): TimelinessReport {
  const { from, to } = checkPeriod(query);
  if (!isIsoDate(query.today))
    throw DomainError.validation([{ field: 'today', message: '应为 YYYY-MM-DD 格式的日期' }]);
  const months = monthsOf({ from, to });
  const overall = new Sum();
  const byAgency = new Map<string, Sum>();
  const byHandler = new Map<string, HandlerCounts<Sum>>();
  const byMonth = new Map<string, Sum>(months.map((m) => [m, new Sum()]));

  for (const row of rows) {
    if (row.set === 'handler') {
      const agencyId = row.agencyId!;
      const handler = handlerCountsOf(byHandler, agencyId, row.handlerId, () => new Sum());
      for (const sum of [overall, countsOf(byAgency, agencyId, () => new Sum()), handler.counts])
        sum.add(row);
    } else {
      const month = byMonth.get(row.month!);
      if (month === undefined) continue;
      // Month rows carry only what is split by month: receipts, or closures with their lateness.
      month.add(
        row.set === 'receipt_month'
          ? { ...row, closed: 0, open: 0, paused: 0, dueSoon: 0, overdueOpen: 0, late: null }
          : { ...row, received: 0, open: 0, paused: 0, dueSoon: 0, overdueOpen: 0 },
      );
    }
  }

  return timelinessReportOf(
    { from, to, today: query.today, months },
    overall,
    byAgency,
    byHandler.values(),
    byMonth,
  );
}

/** Rows summed by their key (set, agency, handler, month, lateness, working days). */
export class AggregateRows {
  private readonly groups = new Map<string, TimelinessAggregate>();

  add(row: TimelinessAggregate): void {
    const key = [row.set, row.agencyId, row.handlerId, row.month, row.late, row.workingDays].join('\u0000');
    const found = this.groups.get(key);
    this.groups.set(
      key,
      found === undefined
        ? row
        : {
            ...found,
            received: found.received + row.received,
            closed: found.closed + row.closed,
            open: found.open + row.open,
            paused: found.paused + row.paused,
            dueSoon: found.dueSoon + row.dueSoon,
            overdueOpen: found.overdueOpen + row.overdueOpen,
          },
    );
  }

  rows(): TimelinessAggregate[] {
    return [...this.groups.values()];
  }
}

/**
 * What the dashboard query computes, written over plain cases: the rows timelinessFromAggregates
 * reads. A case adds its receipt, its closure and its current state each to its own `handler` row
 * (a receipt and the current state under lateness and working days null), so that the query can
 * count them in separate passes. The query must give the same rows (a test compares them); keep the
 * two in step.
 */
export function aggregateTimelinessCases(
  cases: readonly TimelinessCase[],
  query: {
    readonly from: IsoDate;
    readonly to: IsoDate;
    readonly today: IsoDate;
    readonly dueSoonWithin?: number;
  },
): TimelinessAggregate[] {
  const { from, to, today } = query;
  const dueSoonWithin = query.dueSoonWithin ?? 3;
  const out = new AggregateRows();
  const zero = { received: 0, closed: 0, open: 0, paused: 0, dueSoon: 0, overdueOpen: 0 };
  for (const c of cases) {
    const received = c.receivedOn >= from && c.receivedOn <= to;
    const closed = c.closedOn !== null && c.closedOn >= from && c.closedOn <= to;
    const open = c.closedOn === null;
    const handler = { set: 'handler' as const, agencyId: c.agencyId, handlerId: c.handlerId, month: null };
    const none = { late: null, workingDays: null };
    if (received) {
      out.add({ ...handler, ...none, ...zero, received: 1 });
      const month = c.receivedOn.slice(0, 7);
      out.add({
        set: 'receipt_month',
        agencyId: null,
        handlerId: null,
        month,
        ...none,
        ...zero,
        received: 1,
      });
    }
    if (closed) {
      const withDeadline = c.dueOn !== null;
      const late = withDeadline ? c.closedOn! > c.dueOn! : null;
      const workingDays = withDeadline ? c.workingDaysTaken : null;
      out.add({ ...handler, late, workingDays, ...zero, closed: 1 });
      const month = c.closedOn!.slice(0, 7);
      out.add({
        set: 'closing_month',
        agencyId: null,
        handlerId: null,
        month,
        late,
        workingDays,
        ...zero,
        closed: 1,
      });
    }
    if (open) {
      out.add({
        ...handler,
        ...none,
        ...zero,
        open: 1,
        paused: c.paused ? 1 : 0,
        dueSoon:
          !c.paused &&
          c.dueOn !== null &&
          c.dueOn >= today &&
          c.remainingWorkingDays !== null &&
          c.remainingWorkingDays <= dueSoonWithin
            ? 1
            : 0,
        overdueOpen: c.dueOn !== null && c.dueOn < today ? 1 : 0,
      });
    }
  }
  return out.rows();
}
