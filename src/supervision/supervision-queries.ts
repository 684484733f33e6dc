import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { ApplicantType } from '../cases/applicant-type.js';
import type { Outcome } from '../cases/outcome.js';
import type { AgencyScope } from '../auth/agency-scope.js';
import { formatDayNumber, parseIsoDate } from '../calendar/iso-date.js';
import type { IsoDate } from '../common/clock/clock.js';
import type { DateRange } from './report-period.js';
import { monthsOf, reportYearRange } from './report-period.js';
import type { ReportClass, ReportClassKeyParts, YearSide } from './report-classes.rules.js';
import type { RemedyKind, RemedyResult } from './remedy.js';
import type { ReportCase } from './table3.rules.js';
import type { RemedyRecord as RemedyRecordRow } from './table4.rules.js';
import { AggregateRows, type TimelinessAggregate } from './timeliness-aggregates.rules.js';
import type { TimelinessCase } from './timeliness.rules.js';
import { WorkingDayIndexService, type WorkingDayIndexParams } from './working-day-index.service.js';

/** Positional parameters for hand-written SQL: `p.add(value)` returns its placeholder. */
class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** `AND f.agency_id = ANY(…)` for a limited scope, '' for all agencies. */
function scopeFilter(scope: AgencyScope, p: Params, column = 'f.agency_id'): string {
  return scope.isAll ? '' : `AND ${column} = ANY(${p.add([...(scope.agencyIds as string[])])}::uuid[])`;
}

/** The working-day arithmetic of one query: ordinal(date) for the row's agency, and its join. */
function ordinals(index: WorkingDayIndexParams, p: Params, agencyExpr = 'f.agency_id') {
  const array = p.add(index.ordinals);
  const join = index.hasVariants
    ? index.variantJoin(p.add(index.variantAgencies), p.add(index.variantNumbers), agencyExpr, 'v')
    : '';
  return {
    join,
    of: (dateExpr: string) => index.sql(array, dateExpr, index.hasVariants ? 'v.variant' : null),
  };
}

/** SQL of the year sides (report-classes.rules.ts) of the fact row `f`. */
function yearSides(p: Params, year: number) {
  const { from, to } = reportYearRange(year);
  const start = `${p.add(from)}::date`;
  const end = `${p.add(to)}::date`;
  return {
    received: `CASE WHEN f.received_on < ${start} THEN 'before' WHEN f.received_on <= ${end} THEN 'in' ELSE 'after' END`,
    closed: `CASE WHEN f.closed_on IS NULL THEN 'open' WHEN f.closed_on < ${start} THEN 'before'
                  WHEN f.closed_on <= ${end} THEN 'in' ELSE 'after' END`,
    // countsInYear(): not received and closed before the year; not received after it unless closed in it.
    counted: `NOT (f.received_on < ${start} AND coalesce(f.closed_on < ${start}, false))
              AND NOT (f.received_on > ${end} AND (f.closed_on IS NULL OR f.closed_on < ${start} OR f.closed_on > ${end}))`,
  };
}

/** For each day of the period, the index of its month in `months` (monthsOf(period)). */
function monthIndexOfDays(period: DateRange, months: readonly string[]): number[] {
  const out: number[] = [];
  let m = 0;
  for (let d = parseIsoDate(period.from); d <= parseIsoDate(period.to); d++) {
    const month = formatDayNumber(d).slice(0, 7);
    while (months[m] !== month) m++;
    out.push(m);
  }
  return out;
}

interface AggregateRow {
  g: number;
  agency_id: string | null;
  handler_id: string | null;
  month: number | null;
  late: boolean | null;
  wd: number | null;
  received: number;
  closed: number;
  open: number;
  paused: number;
  due_soon: number;
  overdue: number;
}

export interface ClassMember {
  readonly caseId: string;
  readonly agencyId: string;
  readonly applicantType: ApplicantType;
  readonly receivedOn: IsoDate;
  readonly closedOn: IsoDate | null;
  readonly outcome: Outcome | null;
}

/**
 * The set-based reads of supervision, on supervision_case_fact (one narrow row per case, kept by
 * triggers): grouped rows for the pure builders, never one query per case.
 */
@Injectable()
export class SupervisionQueries {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly index: WorkingDayIndexService,
  ) {}

  /**
   * Timeliness counts over the period as the rows aggregateTimelinessCases gives: closures by agency,
   * handler, lateness and working days taken, and by closing month, lateness and working days (one scan
   * of the cases closed in the period, two grouping sets); receipts by agency, handler and month (one
   * scan of the cases received in the period); the current figures of the open cases by agency and
   * handler (the partial index on open cases). Working days taken = working days from the start of the
   * current reply period (clock_started_on: the corrected application's receipt after a 补正) to closing,
   * minus the working days the clock excluded (excluded_working_days, stored by the clock projection).
   *
   * Why three narrow passes rather than one scan grouped three ways (measured on 1,000,000 cases,
   * README "How it stays fast"): each pass reads only the columns it groups, from a covering index
   * (migration SupervisionDashboardIndexes) instead of the table, and computes two aggregates instead of
   * six per grouping set; the month is a subscript of a per-day array rather than date_trunc/to_char.
   */
  async timelinessAggregates(
    scope: AgencyScope,
    period: DateRange,
    today: IsoDate,
    dueSoonWithin = 3,
  ): Promise<TimelinessAggregate[]> {
    const p = new Params();
    const ord = ordinals(
      await this.index.params(today, scope.isAll ? 'all' : [...(scope.agencyIds as string[])]),
      p,
    );
    const months = monthsOf(period);
    const from = `${p.add(period.from)}::date`;
    const to = `${p.add(period.to)}::date`;
    const day = `${p.add(today)}::date`;
    // monthOfDay[d]: index in `months` of the period's day d (0-based from `from`).
    const monthOfDay = p.add(monthIndexOfDays(period, months));
    const monthOf = (column: string) => `(${monthOfDay}::int[])[f.${column} - ${from} + 1]`;
    const scopeSql = scopeFilter(scope, p);
    const sql = `
      SELECT GROUPING(agency_id, handler_id, month)::int AS g, agency_id, handler_id, month, late, wd,
             0 AS received, count(*)::int AS closed, 0 AS open, 0 AS paused, 0 AS due_soon, 0 AS overdue
        FROM (SELECT f.agency_id, f.handler_id, ${monthOf('closed_on')} AS month,
                     CASE WHEN f.due_on IS NOT NULL THEN f.closed_on > f.due_on END AS late,
                     CASE WHEN f.due_on IS NOT NULL
                          THEN ${ord.of('f.closed_on')} - ${ord.of('f.clock_started_on')} - f.excluded_working_days END AS wd
                FROM supervision_case_fact f ${ord.join}
               WHERE f.closed_on BETWEEN ${from} AND ${to} ${scopeSql}) c
       GROUP BY GROUPING SETS ((agency_id, handler_id, late, wd), (month, late, wd))
      UNION ALL
      SELECT 8, f.agency_id, f.handler_id, ${monthOf('received_on')}, NULL, NULL,
             count(*)::int, 0, 0, 0, 0, 0
        FROM supervision_case_fact f
       WHERE f.received_on BETWEEN ${from} AND ${to} ${scopeSql}
       GROUP BY 2, 3, 4
      UNION ALL
      SELECT 9, f.agency_id, f.handler_id, NULL, NULL, NULL, 0, 0, count(*)::int,
             (count(*) FILTER (WHERE f.clock_state = 'paused'))::int,
             (count(*) FILTER (WHERE f.clock_state <> 'paused' AND f.due_on >= ${day}
                                 AND ${ord.of('f.due_on')} - ${ord.of(day)} <= ${p.add(dueSoonWithin)}::int))::int,
             (count(*) FILTER (WHERE f.due_on < ${day}))::int
        FROM supervision_case_fact f ${ord.join}
       WHERE f.closed_on IS NULL ${scopeSql}
       GROUP BY 2, 3`;
    const rows = await this.withWorkMem(
      (m) => m.query(sql, p.values) as Promise<AggregateRow[]>,
      // Each pass may hand its index scan to parallel workers (the grouping stays in the leader).
      [`SET LOCAL max_parallel_workers_per_gather = 2`, `SET LOCAL parallel_tuple_cost = 0`],
    );
    // g: GROUPING bits agency 4, handler 2, month 1 (1 = not a key of the row's set); 8 receipts, 9 open.
    const out = new AggregateRows();
    for (const r of rows) {
      const month = r.month === null ? null : months[r.month];
      const counts = {
        received: r.received,
        closed: r.closed,
        open: r.open,
        paused: r.paused,
        dueSoon: r.due_soon,
        overdueOpen: r.overdue,
      };
      if (r.g === 6) {
        out.add({
          set: 'closing_month',
          agencyId: null,
          handlerId: null,
          month,
          late: r.late,
          workingDays: r.wd,
          ...counts,
        });
        continue;
      }
      const byHandler = {
        set: 'handler' as const,
        agencyId: r.agency_id,
        handlerId: r.handler_id,
        month: null,
      };
      if (r.g === 8) {
        out.add({ ...byHandler, late: null, workingDays: null, ...counts });
        out.add({
          set: 'receipt_month',
          agencyId: null,
          handlerId: null,
          month,
          late: null,
          workingDays: null,
          ...counts,
        });
      } else {
        out.add({ ...byHandler, late: r.late, workingDays: r.wd, ...counts });
      }
    }
    return out.rows();
  }

  /**
   * One TimelinessCase per case received or closed in the period, or open: what timelinessAggregates
   * groups (for small scopes and for checking the grouped query), or with `atRiskWithin` only the
   * open cases overdue or due within that many working days (the at-risk list).
   */
  async timelinessCases(
    scope: AgencyScope,
    today: IsoDate,
    filter: { period: DateRange } | { atRiskWithin: number },
  ): Promise<TimelinessCase[]> {
    const p = new Params();
    const ord = ordinals(
      await this.index.params(today, scope.isAll ? 'all' : [...(scope.agencyIds as string[])]),
      p,
    );
    const day = `${p.add(today)}::date`;
    const remaining = `${ord.of('f.due_on')} - ${ord.of(day)}`;
    let where: string;
    if ('period' in filter) {
      const from = `${p.add(filter.period.from)}::date`;
      const to = `${p.add(filter.period.to)}::date`;
      where = `(f.received_on BETWEEN ${from} AND ${to} OR f.closed_on BETWEEN ${from} AND ${to} OR f.closed_on IS NULL)`;
    } else {
      // The partial index on open cases narrows by date first (local days only ever lengthen a period).
      const horizon = `(${day} + ${p.add(filter.atRiskWithin * 3 + 30)}::int)`;
      where = `f.closed_on IS NULL AND f.due_on IS NOT NULL AND f.due_on <= ${horizon}
               AND (f.due_on < ${day} OR ${remaining} <= ${p.add(filter.atRiskWithin)}::int)`;
    }
    const rows = (await this.dataSource.query(
      `SELECT f.case_id, f.agency_id, f.handler_id, f.received_on::text AS received_on, f.due_on::text AS due_on,
              f.closed_on::text AS closed_on, f.clock_state,
              ${ord.of('coalesce(f.closed_on, ' + day + ')')} - ${ord.of('f.clock_started_on')} - f.excluded_working_days AS wd,
              CASE WHEN f.due_on IS NOT NULL AND f.closed_on IS NULL THEN ${remaining} END AS remaining
         FROM supervision_case_fact f ${ord.join}
        WHERE ${where} ${scopeFilter(scope, p)}
        ORDER BY f.case_id`,
      p.values,
    )) as Array<{
      case_id: string;
      agency_id: string;
      handler_id: string | null;
      received_on: IsoDate;
      due_on: IsoDate | null;
      closed_on: IsoDate | null;
      clock_state: string;
      wd: number | null;
      remaining: number | null;
    }>;
    return rows.map((r) => ({
      caseId: r.case_id,
      agencyId: r.agency_id,
      handlerId: r.handler_id,
      receivedOn: r.received_on,
      dueOn: r.due_on,
      closedOn: r.closed_on,
      workingDaysTaken: r.wd,
      paused: r.closed_on === null && r.clock_state === 'paused',
      remainingWorkingDays: r.remaining,
    }));
  }

  /** Cases closed in the period after their due date (逾期已办), with the working days they were late. */
  async closedLateCases(
    scope: AgencyScope,
    period: DateRange,
    today: IsoDate,
  ): Promise<
    Array<{
      caseId: string;
      agencyId: string;
      handlerId: string | null;
      dueOn: IsoDate;
      closedOn: IsoDate;
      lateBy: number | null;
    }>
  > {
    const p = new Params();
    const ord = ordinals(
      await this.index.params(today, scope.isAll ? 'all' : [...(scope.agencyIds as string[])]),
      p,
    );
    const rows = (await this.dataSource.query(
      `SELECT f.case_id, f.agency_id, f.handler_id, f.due_on::text AS due_on, f.closed_on::text AS closed_on,
              ${ord.of('f.closed_on')} - ${ord.of('f.due_on')} AS late_by
         FROM supervision_case_fact f ${ord.join}
        WHERE f.closed_on BETWEEN ${p.add(period.from)}::date AND ${p.add(period.to)}::date
          AND f.closed_on > f.due_on ${scopeFilter(scope, p)}`,
      p.values,
    )) as Array<{
      case_id: string;
      agency_id: string;
      handler_id: string | null;
      due_on: IsoDate;
      closed_on: IsoDate;
      late_by: number | null;
    }>;
    return rows.map((r) => ({
      caseId: r.case_id,
      agencyId: r.agency_id,
      handlerId: r.handler_id,
      dueOn: r.due_on,
      closedOn: r.closed_on,
      lateBy: r.late_by,
    }));
  }

  /** The year's table 三 classes (report-classes.rules.ts): one GROUP BY over the fact rows. */
  async reportClasses(
    scope: AgencyScope,
    year: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ReportClass[]> {
    const p = new Params();
    const sides = yearSides(p, year);
    const rows = (await manager.query(
      `SELECT agency_id, applicant_type, outcome, received, closed, count(*)::int AS n
         FROM (SELECT f.agency_id, f.applicant_type, f.outcome, ${sides.received} AS received, ${sides.closed} AS closed
                 FROM supervision_case_fact f
                WHERE ${sides.counted} ${scopeFilter(scope, p)}) x
        GROUP BY 1, 2, 3, 4, 5`,
      p.values,
    )) as Array<{
      agency_id: string;
      applicant_type: ApplicantType;
      outcome: Outcome | null;
      received: YearSide;
      closed: YearSide | 'open';
      n: number;
    }>;
    return rows.map((r) => ({
      agencyId: r.agency_id,
      applicantType: r.applicant_type,
      outcome: r.outcome,
      received: r.received,
      closed: r.closed,
      count: r.n,
    }));
  }

  /**
   * Every case counted in the year, as ReportCase rows (tests, exports of small scopes); or with
   * `suspiciousOnly` the few whose dates or outcome may be anomalous (findReportCaseAnomalies
   * decides): closed before received or before the corrected application, corrected before received,
   * closed without an outcome. The correction date is clock_started_on when it differs from receipt.
   */
  async reportCases(
    scope: AgencyScope,
    year: number,
    options: { suspiciousOnly?: boolean } = {},
  ): Promise<ReportCase[]> {
    const p = new Params();
    const sides = yearSides(p, year);
    const suspicious = options.suspiciousOnly
      ? `AND (f.closed_on < f.received_on OR f.closed_on < f.clock_started_on OR f.clock_started_on < f.received_on
              OR (f.closed_on IS NOT NULL AND f.outcome IS NULL))`
      : '';
    const rows = (await this.dataSource.query(
      `SELECT f.case_id, f.agency_id, f.applicant_type, f.received_on::text AS received_on,
              CASE WHEN f.clock_started_on <> f.received_on THEN f.clock_started_on::text END AS corrected_on,
              f.closed_on::text AS closed_on, f.outcome
         FROM supervision_case_fact f
        WHERE ${sides.counted} ${suspicious} ${scopeFilter(scope, p)}
        ORDER BY f.received_on, f.case_id`,
      p.values,
    )) as Array<{
      case_id: string;
      agency_id: string;
      applicant_type: ApplicantType;
      received_on: IsoDate;
      corrected_on: IsoDate | null;
      closed_on: IsoDate | null;
      outcome: Outcome | null;
    }>;
    return rows.map((r) => ({
      caseId: r.case_id,
      agencyId: r.agency_id,
      applicantType: r.applicant_type,
      receivedOn: r.received_on,
      correctionReceivedOn: r.corrected_on,
      closedOn: r.closed_on,
      outcome: r.outcome,
    }));
  }

  /** The cases of some classes of the year, a page of them in receipt order, and how many in all. */
  async classMembers(
    classes: readonly ReportClassKeyParts[],
    year: number,
    page: { offset: number; limit: number },
  ): Promise<{ total: number; items: ClassMember[] }> {
    if (classes.length === 0) return { total: 0, items: [] };
    const p = new Params();
    const sides = yearSides(p, year);
    const keys = p.add(
      classes.map((k) => [k.agencyId, k.applicantType, k.outcome ?? '', k.received, k.closed].join('|')),
    );
    const rows = (await this.dataSource.query(
      `SELECT f.case_id, f.agency_id, f.applicant_type, f.received_on::text AS received_on,
              f.closed_on::text AS closed_on, f.outcome, count(*) OVER ()::int AS total
         FROM supervision_case_fact f
        WHERE ${sides.counted}
          AND concat_ws('|', f.agency_id, f.applicant_type, coalesce(f.outcome, ''), ${sides.received}, ${sides.closed})
              = ANY(${keys}::text[])
        ORDER BY f.received_on, f.case_id
        OFFSET ${p.add(page.offset)}::int LIMIT ${p.add(page.limit)}::int`,
      p.values,
    )) as Array<{
      case_id: string;
      agency_id: string;
      applicant_type: ApplicantType;
      received_on: IsoDate;
      closed_on: IsoDate | null;
      outcome: Outcome | null;
      total: number;
    }>;
    const total =
      rows[0]?.total ??
      (page.offset > 0 ? (await this.classMembers(classes, year, { offset: 0, limit: 1 })).total : 0);
    return {
      total,
      items: rows.map((r) => ({
        caseId: r.case_id,
        agencyId: r.agency_id,
        applicantType: r.applicant_type,
        receivedOn: r.received_on,
        closedOn: r.closed_on,
        outcome: r.outcome,
      })),
    };
  }

  /** Remedy records that may count in a year's table 四 (filed on or before its last day). */
  async remedyRecords(
    scope: AgencyScope,
    year: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<RemedyRecordRow[]> {
    const p = new Params();
    const rows = (await manager.query(
      `SELECT r.id, r.case_id, r.agency_id, r.kind, r.filed_on::text AS filed_on, r.result,
              r.decided_on::text AS decided_on
         FROM remedy_record r
        WHERE r.filed_on <= ${p.add(reportYearRange(year).to)}::date ${scopeFilter(scope, p, 'r.agency_id')}
        ORDER BY r.filed_on, r.id`,
      p.values,
    )) as Array<{
      id: string;
      case_id: string;
      agency_id: string;
      kind: RemedyKind;
      filed_on: IsoDate;
      result: RemedyResult;
      decided_on: IsoDate | null;
    }>;
    return rows.map((r) => ({
      recordId: r.id,
      caseId: r.case_id,
      agencyId: r.agency_id,
      kind: r.kind,
      filedOn: r.filed_on,
      result: r.result,
      decidedOn: r.decided_on,
    }));
  }

  /** Stores the class of every case counted in the year (in `scope`) under a lock, in the caller's transaction. */
  async snapshotLockCases(
    manager: EntityManager,
    lockId: string,
    scope: AgencyScope,
    year: number,
  ): Promise<number> {
    const p = new Params();
    const lock = p.add(lockId);
    const sides = yearSides(p, year);
    const rows = (await manager.query(
      `WITH inserted AS (
         INSERT INTO annual_report_lock_case (lock_id, case_id, agency_id, applicant_type, outcome, received_side, closed_side)
         SELECT ${lock}::uuid, f.case_id, f.agency_id, f.applicant_type, f.outcome, ${sides.received}, ${sides.closed}
           FROM supervision_case_fact f
          WHERE ${sides.counted} ${scopeFilter(scope, p)}
         RETURNING 1)
       SELECT count(*)::int AS n FROM inserted`,
      p.values,
    )) as Array<{ n: number }>;
    return rows[0].n;
  }

  /**
   * The cases whose class differs today from the one stored under the lock: new ones (before null),
   * gone ones (after null), changed ones.
   */
  async lockCaseDiff(
    lockId: string,
    scope: AgencyScope,
    year: number,
  ): Promise<
    Array<{ caseId: string; before: ReportClassKeyParts | null; after: ReportClassKeyParts | null }>
  > {
    const p = new Params();
    const lock = p.add(lockId);
    const sides = yearSides(p, year);
    const rows = (await this.dataSource.query(
      `SELECT coalesce(s.case_id, cur.case_id) AS case_id,
              s.agency_id AS b_agency, s.applicant_type AS b_type, s.outcome AS b_outcome,
              s.received_side AS b_received, s.closed_side AS b_closed,
              cur.agency_id AS a_agency, cur.applicant_type AS a_type, cur.outcome AS a_outcome,
              cur.received AS a_received, cur.closed AS a_closed
         FROM (SELECT * FROM annual_report_lock_case WHERE lock_id = ${lock}::uuid) s
         FULL JOIN (SELECT f.case_id, f.agency_id, f.applicant_type, f.outcome,
                           ${sides.received} AS received, ${sides.closed} AS closed
                      FROM supervision_case_fact f
                     WHERE ${sides.counted} ${scopeFilter(scope, p)}) cur ON cur.case_id = s.case_id
        WHERE s.case_id IS NULL OR cur.case_id IS NULL
           OR (s.agency_id, s.applicant_type, s.outcome, s.received_side, s.closed_side)
              IS DISTINCT FROM (cur.agency_id, cur.applicant_type, cur.outcome, cur.received, cur.closed)
        ORDER BY 1`,
      p.values,
    )) as Array<Record<string, string | null>>;
    const side = (r: Record<string, string | null>, prefix: 'b' | 'a'): ReportClassKeyParts | null =>
      r[`${prefix}_agency`] === null
        ? null
        : {
            agencyId: r[`${prefix}_agency`]!,
            applicantType: r[`${prefix}_type`] as ApplicantType,
            outcome: r[`${prefix}_outcome`] as Outcome | null,
            received: r[`${prefix}_received`] as YearSide,
            closed: r[`${prefix}_closed`] as YearSide | 'open',
          };
    return rows.map((r) => ({ caseId: r.case_id!, before: side(r, 'b'), after: side(r, 'a') }));
  }

  /** A grouped query over many rows needs room to hash its groups instead of sorting on disk. */
  private withWorkMem<T>(
    run: (manager: EntityManager) => Promise<T>,
    settings: readonly string[] = [],
  ): Promise<T> {
    return this.dataSource.transaction('READ COMMITTED', async (manager) => {
      await manager.query(`SET LOCAL work_mem = '64MB'`);
      for (const setting of settings) await manager.query(setting);
      return run(manager);
    });
  }
}
