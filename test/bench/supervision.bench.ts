/**
 * Supervision on the 1,000,000-case synthetic county (test/bench/support/synthetic-cases.ts, real
 * schema, as the services would have written it): the county-wide dashboard figures of 2026 and the
 * county-wide annual report for 2026, each against a plain SQL aggregation of the same figures on
 * the case table, in the same run. Checks first that both sides give the same numbers.
 *
 *   npm run bench -- supervision          (BENCH_CASES=100000 for a quicker run; BENCH_ITERATIONS=15)
 *
 * Aims (issue 7): dashboard ≤ 300 ms, annual report ≤ 2 s (p50 and p95 printed).
 */
import assert from 'node:assert/strict';
import { DataSource } from 'typeorm';
import { AgencyScope } from '../../src/auth/agency-scope.js';
import { CalendarService } from '../../src/calendar/calendar.service.js';
import { APPLICANT_TYPES } from '../../src/cases/applicant-type.js';
import { OUTCOMES } from '../../src/cases/outcome.js';
import { FixedClock } from '../../src/common/clock/clock.js';
import { dataSourceOptions } from '../../src/database/data-source-options.js';
import { TABLE3_ROWS } from '../../src/supervision/annual-report.layout.js';
import { AnnualReportsBuilder } from '../../src/supervision/annual-reports.builder.js';
import { SupervisionQueries } from '../../src/supervision/supervision-queries.js';
import { timelinessFromAggregates } from '../../src/supervision/timeliness-aggregates.rules.js';
import { WorkingDayIndexService } from '../../src/supervision/working-day-index.service.js';
import { openBenchDatabase } from './support/bench-database.js';
import { percentile } from './support/compare.js';

const TODAY = '2026-11-27';
const YEAR = 2026;
const PERIOD = { from: '2026-01-01', to: '2026-12-31' };

interface Contender {
  readonly name: string;
  readonly run: () => Promise<unknown>;
}

/** Runs the contenders interleaved (so that the machine's noise falls on all of them) and prints p50/p95. */
async function measure(
  title: string,
  baseline: Contender,
  others: readonly Contender[],
  iterations: number,
): Promise<void> {
  const all = [baseline, ...others];
  const samples = new Map<string, number[]>(all.map((c) => [c.name, []]));
  for (const c of all) await c.run(); // warm caches and plans
  for (let i = 0; i < iterations; i++) {
    for (const c of all) {
      const t0 = performance.now();
      await c.run();
      samples.get(c.name)!.push(performance.now() - t0);
    }
  }
  const base = percentile(samples.get(baseline.name)!, 50);
  process.stdout.write(`\n${title} (${iterations} runs each)\n`);
  console.table(
    all.map((c) => {
      const s = samples.get(c.name)!;
      return {
        contender: c.name,
        'p50 ms': percentile(s, 50).toFixed(0),
        'p95 ms': percentile(s, 95).toFixed(0),
        'min ms': Math.min(...s).toFixed(0),
        [`p50 × ${baseline.name}`]: (percentile(s, 50) / base).toFixed(2),
      };
    }),
  );
}

/** The same dashboard figures as one plain aggregation per breakdown over the case table. */
function plainDashboardSql(groupBy: string): string {
  return `
    WITH c AS (
      SELECT c.*, ($1::int[])[c.closed_on - DATE '2000-01-01' + 1] - ($1::int[])[c.clock_started_on - DATE '2000-01-01' + 1]
                  - c.excluded_working_days AS wd
        FROM disclosure_case c)
    SELECT ${groupBy} AS k,
           count(*) FILTER (WHERE received_on BETWEEN $2 AND $3)::int AS received,
           count(*) FILTER (WHERE closed_on BETWEEN $2 AND $3)::int AS closed,
           count(*) FILTER (WHERE closed_on BETWEEN $2 AND $3 AND closed_on > due_on)::int AS late,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY wd) FILTER (WHERE closed_on BETWEEN $2 AND $3 AND due_on IS NOT NULL) AS median,
           percentile_disc(0.9) WITHIN GROUP (ORDER BY wd) FILTER (WHERE closed_on BETWEEN $2 AND $3 AND due_on IS NOT NULL) AS p90,
           count(*) FILTER (WHERE closed_on IS NULL)::int AS open,
           count(*) FILTER (WHERE closed_on IS NULL AND due_on < $4)::int AS overdue
      FROM c
     WHERE received_on BETWEEN $2 AND $3 OR closed_on BETWEEN $2 AND $3 OR closed_on IS NULL
     GROUP BY 1`;
}

/** Table 三 as one plain aggregation over cases and applicants: a FILTER per row, grouped by applicant type. */
function plainTable3Sql(): string {
  const outcomesOf = (reportRow: string) =>
    Object.entries(OUTCOMES)
      .filter(([, o]) => o.reportRow === reportRow)
      .map(([code]) => `'${code}'`)
      .join(', ');
  const rows: Array<[string, string]> = [
    ['received', `c.received_on BETWEEN $1 AND $2`],
    ['carried_over', `c.received_on < $1 AND (c.closed_on IS NULL OR c.closed_on >= $1)`],
    ...[...new Set(Object.values(OUTCOMES).map((o) => o.reportRow))].map((reportRow): [string, string] => [
      reportRow,
      `c.closed_on BETWEEN $1 AND $2 AND c.outcome IN (${outcomesOf(reportRow)})`,
    ]),
    ['results_total', `c.closed_on BETWEEN $1 AND $2`],
    ['carried_forward', `c.received_on <= $2 AND (c.closed_on IS NULL OR c.closed_on > $2)`],
  ];
  return `SELECT a.type, ${rows.map(([row, condition]) => `count(*) FILTER (WHERE ${condition})::int AS "${row}"`).join(',\n')}
            FROM disclosure_case c JOIN applicant a ON a.id = c.applicant_id
           GROUP BY a.type`;
}

export default async function supervisionBench(): Promise<void> {
  const cases = Number(process.env.BENCH_CASES ?? 1_000_000);
  const iterations = Number(process.env.BENCH_ITERATIONS ?? 15);
  const db = await openBenchDatabase({ cases });
  const dataSource = new DataSource({ ...dataSourceOptions(db.url), extra: { max: 4 } });
  await dataSource.initialize();
  try {
    await dataSource.query('VACUUM ANALYZE supervision_case_fact');
    const clock = new FixedClock(new Date(`${TODAY}T10:00:00+08:00`));
    const calendars = new CalendarService(dataSource, clock);
    const index = new WorkingDayIndexService(dataSource, calendars);
    const queries = new SupervisionQueries(dataSource, index);
    const builder = new AnnualReportsBuilder(queries);
    const all = AgencyScope.all();
    const params = await index.params(TODAY);
    const [{ n }] = (await dataSource.query(
      `SELECT count(*)::int AS n FROM supervision_case_fact`,
    )) as Array<{ n: number }>;
    process.stdout.write(`${n.toLocaleString('en-US')} cases (fact rows)\n`);

    const dashboard = async () =>
      timelinessFromAggregates(await queries.timelinessAggregates(all, PERIOD, TODAY), {
        ...PERIOD,
        today: TODAY,
      });
    const plainDashboard = async () =>
      Promise.all(
        [
          'NULL::text',
          'agency_id::text',
          `agency_id::text || '/' || coalesce(handler_id::text, '')`,
          `to_char(closed_on, 'YYYY-MM')`,
          `to_char(received_on, 'YYYY-MM')`,
        ].map((k) =>
          dataSource.query(plainDashboardSql(k), [
            params.ordinals.slice(0, params.length),
            PERIOD.from,
            PERIOD.to,
            TODAY,
          ]),
        ),
      );
    const oneAgency = AgencyScope.only(db.dataSet.agencies[2].id);
    const agencyDashboard = async () =>
      timelinessFromAggregates(await queries.timelinessAggregates(oneAgency, PERIOD, TODAY), {
        ...PERIOD,
        today: TODAY,
      });
    const monthDashboard = async () =>
      timelinessFromAggregates(
        await queries.timelinessAggregates(all, { from: '2026-11-01', to: '2026-11-30' }, TODAY),
        {
          from: '2026-11-01',
          to: '2026-11-30',
          today: TODAY,
        },
      );

    // Same figures on both sides before any timing means something.
    const ours = await dashboard();
    const [overall] = (await plainDashboard())[0] as Array<Record<string, number>>;
    assert.deepEqual(
      [
        ours.overall.received,
        ours.overall.closed,
        ours.overall.closedLate,
        ours.overall.medianWorkingDays,
        ours.overall.p90WorkingDays,
        ours.overall.open,
        ours.overall.overdueOpen,
      ],
      [
        overall.received,
        overall.closed,
        overall.late,
        Number(overall.median),
        Number(overall.p90),
        overall.open,
        overall.overdue,
      ],
    );
    process.stdout.write(
      `dashboard 2026: received ${ours.overall.received}, closed ${ours.overall.closed} (late ${ours.overall.closedLate}), ` +
        `median ${ours.overall.medianWorkingDays} WD, p90 ${ours.overall.p90WorkingDays} WD, open ${ours.overall.open}, ` +
        `overdue ${ours.overall.overdueOpen}, due soon ${ours.overall.dueSoon} — same as the plain aggregation\n`,
    );

    const report = async () => builder.build(all, YEAR);
    const plainReport = async () => dataSource.query(plainTable3Sql(), [PERIOD.from, PERIOD.to]);
    const built = await report();
    const plainCells = (await plainReport()) as Array<Record<string, number> & { type: string }>;
    for (const row of TABLE3_ROWS) {
      for (const type of APPLICANT_TYPES) {
        const plain = plainCells.find((c) => c.type === type)?.[row] ?? 0;
        assert.equal(built.report.table3.cells[row][type], plain, `${row}/${type}`);
      }
    }
    process.stdout.write(
      `table 三 ${YEAR}: 一 ${built.report.table3.cells.received.total}, 二 ${built.report.table3.cells.carried_over.total}, ` +
        `三（七） ${built.report.table3.cells.results_total.total}, 四 ${built.report.table3.cells.carried_forward.total}, ` +
        `consistent: ${built.report.consistent} — same cells as the plain aggregation\n`,
    );

    await measure(
      `Dashboard figures, county-wide, ${cases.toLocaleString('en-US')} cases`,
      { name: 'plain SQL (5 GROUP BYs)', run: plainDashboard },
      [
        { name: 'dashboard 2026 (county)', run: dashboard },
        { name: 'dashboard Nov 2026 (county)', run: monthDashboard },
        { name: 'dashboard 2026 (one agency)', run: agencyDashboard },
      ],
      iterations,
    );
    await measure(
      `Annual report ${YEAR}, county-wide, ${cases.toLocaleString('en-US')} cases`,
      { name: 'plain SQL table 三 (one scan)', run: plainReport },
      [{ name: 'annual report (三 + 四, identities, anomalies)', run: report }],
      iterations,
    );
  } finally {
    await dataSource.destroy();
    await db.close();
  }
}
