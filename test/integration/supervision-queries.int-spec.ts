import { runSeeds } from '../../seeds/run-seeds.js';
import { AgencyScope } from '../../src/auth/agency-scope.js';
import { CalendarService } from '../../src/calendar/calendar.service.js';
import type { ApplicantType } from '../../src/cases/applicant-type.js';
import type { Outcome } from '../../src/cases/outcome.js';
import { FixedClock, type IsoDate } from '../../src/common/clock/clock.js';
import { buildAnnualReports } from '../../src/supervision/annual-report.rules.js';
import { AnnualReportsBuilder } from '../../src/supervision/annual-reports.builder.js';
import { parseReportClassKey, representativeOf } from '../../src/supervision/report-classes.rules.js';
import { SupervisionQueries } from '../../src/supervision/supervision-queries.js';
import { buildTable3ByAgency, drillDownTable3, type ReportCase } from '../../src/supervision/table3.rules.js';
import {
  aggregateTimelinessCases,
  timelinessFromAggregates,
  type TimelinessAggregate,
} from '../../src/supervision/timeliness-aggregates.rules.js';
import {
  computeTimeliness,
  listAtRiskCases,
  type TimelinessCase,
} from '../../src/supervision/timeliness.rules.js';
import { WorkingDayIndexService } from '../../src/supervision/working-day-index.service.js';
import { generateCases, type CaseDataSet } from '../bench/support/synthetic-cases.js';
import { openTestDataSource, type TestDataSource } from '../support/test-database.js';

const TODAY = '2026-11-27';

/**
 * The set-based queries against the pure rules on the synthetic county (thousands of cases with
 * real histories): every figure the database groups must be what the pure builders give for the
 * cases read one by one, with working days counted by the calendar itself, not by the index.
 */
describe('supervision queries on a synthetic county', () => {
  let db: TestDataSource;
  let dataSet: CaseDataSet;
  let queries: SupervisionQueries;
  let calendars: CalendarService;
  let reportCases: ReportCase[];
  let rows: Array<
    ReportCase & {
      handlerId: string | null;
      clockStartedOn: IsoDate;
      dueOn: IsoDate | null;
      clockState: string;
      excluded: number;
    }
  >;

  beforeAll(async () => {
    db = await openTestDataSource();
    await runSeeds(db.dataSource, {
      demo: false,
      demoUsers: false,
      now: new Date(`${TODAY}T10:00:00+08:00`),
    });
    dataSet = await generateCases(db.dataSource, { cases: 3000, agencies: 8, seed: 11, asOf: TODAY });
    // A case received in mid-2025 and still open (forgotten): carried over into 2026 and beyond.
    await db.dataSource.query(
      `UPDATE disclosure_case SET closed_on = NULL, replied_on = NULL, outcome = NULL, status = 'investigating',
              clock_state = 'running'
        WHERE id = (SELECT id FROM disclosure_case WHERE received_on BETWEEN '2025-06-01' AND '2025-06-30'
                       AND closed_on IS NOT NULL ORDER BY id LIMIT 1)`,
    );
    calendars = new CalendarService(db.dataSource, new FixedClock(new Date(`${TODAY}T10:00:00+08:00`)));
    queries = new SupervisionQueries(db.dataSource, new WorkingDayIndexService(db.dataSource, calendars));
    rows = (
      (await db.dataSource.query(
        `SELECT c.id, c.agency_id, a.type, c.received_on::text AS received_on, c.closed_on::text AS closed_on,
                c.outcome, c.handler_id, c.clock_started_on::text AS clock_started_on, c.due_on::text AS due_on,
                c.clock_state, c.excluded_working_days
           FROM disclosure_case c JOIN applicant a ON a.id = c.applicant_id ORDER BY c.id`,
      )) as Array<Record<string, string | number | null>>
    ).map((r) => ({
      caseId: r.id as string,
      agencyId: r.agency_id as string,
      applicantType: r.type as ApplicantType,
      receivedOn: r.received_on as IsoDate,
      closedOn: r.closed_on as IsoDate | null,
      outcome: r.outcome as Outcome | null,
      handlerId: r.handler_id as string | null,
      clockStartedOn: r.clock_started_on as IsoDate,
      dueOn: r.due_on as IsoDate | null,
      clockState: r.clock_state as string,
      excluded: r.excluded_working_days as number,
    }));
    reportCases = rows.map(({ caseId, agencyId, applicantType, receivedOn, closedOn, outcome }) => ({
      caseId,
      agencyId,
      applicantType,
      receivedOn,
      closedOn,
      outcome,
    }));
  }, 180_000);
  afterAll(() => db.close());

  it('reads one fact row per case, kept by the triggers', async () => {
    const [{ n }] = (await db.dataSource.query(
      `SELECT count(*)::int AS n FROM supervision_case_fact`,
    )) as Array<{ n: number }>;
    expect(n).toBe(dataSet.counts.cases);
  });

  it.each([2024, 2025, 2026])(
    'table 三 of %i from grouped classes equals the builder on every case',
    async (year) => {
      const classes = await queries.reportClasses(AgencyScope.all(), year);
      const grouped = buildTable3ByAgency(
        classes.map((c) => representativeOf(c, year)),
        year,
      );
      const plain = buildTable3ByAgency(reportCases, year);
      expect(grouped.countyWide).toEqual(plain.countyWide);
      for (const agency of plain.agencies) {
        const mine = grouped.agencies.find((a) => a.agencyId === agency.agencyId);
        if (agency.cells.received.total + agency.cells.carried_over.total > 0) expect(mine).toEqual(agency);
      }
      expect(
        plain.countyWide.cells.carried_over.total + plain.countyWide.cells.received.total,
      ).toBeGreaterThan(0);
    },
  );

  it('builds a consistent 2026 report, the same as the pure builders over every case', async () => {
    const built = await new AnnualReportsBuilder(queries).build(AgencyScope.all(), 2026);
    const plain = buildAnnualReports({ year: 2026, cases: reportCases, remedies: [] }).countyWide;
    expect(built.report.table3).toEqual(plain.table3);
    expect(built.report.caseAnomalies).toEqual(plain.caseAnomalies);
    expect(built.report.consistent).toBe(true);
  });

  it('drills down from cells to exactly the cases the builder counts there', async () => {
    const classes = (await queries.reportClasses(AgencyScope.all(), 2026)).map((c) =>
      representativeOf(c, 2026),
    );
    for (const cell of [
      { row: 'carried_over', column: 'total' },
      { row: 'carried_forward', column: 'natural_person' },
      { row: 'disclosed', column: 'commercial_enterprise' },
      { row: 'other_1', column: 'total' },
    ] as const) {
      const keys = drillDownTable3(classes, 2026, cell).map((k) => parseReportClassKey(k)!);
      const members = await queries.classMembers(keys, 2026, { offset: 0, limit: 100_000 });
      const expected = drillDownTable3(reportCases, 2026, cell);
      expect(members.total).toBe(expected.length);
      expect(members.items.map((m) => m.caseId).sort()).toEqual([...expected].sort());
    }
  });

  /** The cases of a period as computeTimeliness reads them, working days counted by the calendar. */
  async function timelinessCases(
    period: { from: IsoDate; to: IsoDate },
    agencyId?: string,
  ): Promise<TimelinessCase[]> {
    const calendar = await calendars.forAgency(null);
    return rows
      .filter((c) => agencyId === undefined || c.agencyId === agencyId)
      .filter(
        (c) =>
          c.closedOn === null ||
          (c.receivedOn >= period.from && c.receivedOn <= period.to) ||
          (c.closedOn >= period.from && c.closedOn <= period.to),
      )
      .map((c) => ({
        caseId: c.caseId,
        agencyId: c.agencyId,
        handlerId: c.handlerId,
        receivedOn: c.receivedOn,
        dueOn: c.dueOn,
        closedOn: c.closedOn,
        workingDaysTaken:
          calendar.workingDaysBetween(c.clockStartedOn, c.closedOn ?? TODAY).workingDays - c.excluded,
        paused: c.closedOn === null && c.clockState === 'paused',
        remainingWorkingDays:
          c.dueOn !== null && c.closedOn === null
            ? calendar.workingDaysBetween(TODAY, c.dueOn).workingDays
            : null,
      }));
  }

  it.each([
    ['2026', { from: '2026-01-01', to: '2026-12-31' }],
    ['November 2026', { from: '2026-11-01', to: '2026-11-30' }],
    ['mid-2025 to mid-2026', { from: '2025-07-01', to: '2026-06-30' }],
    ['15 July 2025 to 10 February 2026', { from: '2025-07-15', to: '2026-02-10' }],
  ])('timeliness for %s equals computeTimeliness over the cases', async (_name, period) => {
    const query = { ...period, today: TODAY };
    const grouped = timelinessFromAggregates(
      await queries.timelinessAggregates(AgencyScope.all(), period, TODAY),
      query,
    );
    expect(grouped).toEqual(computeTimeliness(await timelinessCases(period), query));
    expect(grouped.overall.closedLate).toBeGreaterThan(0);
  });

  it.each([
    ['2026', { from: '2026-01-01', to: '2026-12-31' }, undefined],
    ['15 July 2025 to 10 February 2026', { from: '2025-07-15', to: '2026-02-10' }, undefined],
    ['one agency, November 2026', { from: '2026-11-01', to: '2026-11-30' }, 2],
  ])(
    'the dashboard passes give exactly the rows aggregateTimelinessCases gives (%s)',
    async (_name, period, agency) => {
      const agencyId = agency === undefined ? undefined : dataSet.agencies[agency].id;
      const scope = agencyId === undefined ? AgencyScope.all() : AgencyScope.only(agencyId);
      const byKey = (r: TimelinessAggregate) =>
        [r.set, r.agencyId, r.handlerId, r.month, r.late, r.workingDays].join('|');
      const sorted = (rows: TimelinessAggregate[]) =>
        [...rows].sort((a, b) => byKey(a).localeCompare(byKey(b)));
      const fromQuery = await queries.timelinessAggregates(scope, period, TODAY);
      const fromCases = aggregateTimelinessCases(await timelinessCases(period, agencyId), {
        ...period,
        today: TODAY,
      });
      expect(sorted(fromQuery)).toEqual(sorted(fromCases));
      expect(new Set(fromQuery.map((r) => r.set))).toEqual(
        new Set(['handler', 'closing_month', 'receipt_month']),
      );
    },
  );

  it('timeliness of one agency equals computeTimeliness over its cases', async () => {
    const agencyId = dataSet.agencies[3].id;
    const period = { from: '2026-01-01', to: '2026-12-31' };
    const query = { ...period, today: TODAY };
    const rowsOfAgency = await queries.timelinessAggregates(AgencyScope.only(agencyId), period, TODAY);
    expect(timelinessFromAggregates(rowsOfAgency, query)).toEqual(
      computeTimeliness(await timelinessCases(period, agencyId), query),
    );
  });

  it('finds the at-risk cases the pure list finds', async () => {
    const candidates = await queries.timelinessCases(AgencyScope.all(), TODAY, { atRiskWithin: 5 });
    const all = await timelinessCases({ from: '2000-01-01', to: '2000-01-01' });
    expect(listAtRiskCases(candidates, { today: TODAY })).toEqual(listAtRiskCases(all, { today: TODAY }));
    expect(listAtRiskCases(candidates, { today: TODAY }).length).toBeGreaterThan(0);
  });
});
