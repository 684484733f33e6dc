import { seedCalendarYears } from '../../seeds/holiday-calendars.seed-data.js';
import { WorkingDayCalendar } from '../../src/calendar/working-day-calendar.js';
import { clockEventsOf } from '../../src/cases/case-history.rules.js';
import { CASE_TRANSITIONS } from '../../src/cases/case.workflow.js';
import { computeClock } from '../../src/cases/clock.rules.js';
import {
  checkResidentIdNumber,
  checkUnifiedSocialCreditCode,
} from '../../src/common/validation/identity-numbers.js';
import { generateCases, readCaseDataSet, type CaseDataSet } from '../bench/support/synthetic-cases.js';
import { openTestDataSource, type TestDataSource } from '../support/test-database.js';

/**
 * The benchmark's synthetic county must look like what the real service writes: every case's stored
 * status and clock equal a replay of its events through the clock rules, and every event is a step
 * of the workflow table. Otherwise list and dashboard benchmarks measure an impossible data set.
 */
describe('synthetic cases (benchmark data set)', () => {
  let db: TestDataSource;
  let dataSet: CaseDataSet;
  const asOf = '2026-11-27';

  beforeAll(async () => {
    db = await openTestDataSource();
    dataSet = await generateCases(db.dataSource, { cases: 4000, agencies: 12, seed: 7, asOf });
  }, 120_000);
  afterAll(() => db.close());

  const query = <T>(sql: string, params?: unknown[]) => db.dataSource.query<T[]>(sql, params);

  it('creates the requested cases with their agencies, users and applicants', async () => {
    expect(dataSet.counts.cases).toBe(4000);
    expect(dataSet.agencies).toHaveLength(12);
    expect(dataSet.agencies.every((a) => a.clerks.length && a.handlers.length && a.approvers.length)).toBe(
      true,
    );
    expect(dataSet.counts.openCases).toBeGreaterThan(0);
    expect(dataSet.counts.events).toBeGreaterThan(dataSet.counts.cases * 5);
    const read = await readCaseDataSet(db.dataSource);
    expect(read?.agencies.map((a) => a.id)).toEqual(dataSet.agencies.map((a) => a.id));
    expect(read?.supervisor).toEqual(dataSet.supervisor);
    await expect(generateCases(db.dataSource, { cases: 10, seed: 7 })).rejects.toThrow(/already holds/);
  });

  it('stores for every case the clock its events give (replayed through computeClock)', async () => {
    const calendar = WorkingDayCalendar.fromYears(seedCalendarYears());
    const cases = await query<Record<string, unknown> & { id: string }>(
      `SELECT id, status, clock_state, to_char(due_on, 'YYYY-MM-DD') AS due_on,
              to_char(original_due_on, 'YYYY-MM-DD') AS original_due_on,
              to_char(clock_started_on, 'YYYY-MM-DD') AS clock_started_on,
              to_char(correction_notice_due_on, 'YYYY-MM-DD') AS correction_notice_due_on,
              to_char(correction_period_ends_on, 'YYYY-MM-DD') AS correction_period_ends_on,
              excluded_working_days, clock_provisional, closed_late, to_char(closed_on, 'YYYY-MM-DD') AS closed_on, version
         FROM disclosure_case`,
    );
    const events = await query<{
      case_id: string;
      seq: number;
      action: string;
      data: Record<string, unknown>;
    }>(`SELECT case_id, seq, action, data FROM case_event ORDER BY case_id, seq`);
    const byCase = new Map<string, typeof events>();
    for (const e of events) byCase.set(e.case_id, [...(byCase.get(e.case_id) ?? []), e]);
    const mismatches: unknown[] = [];
    for (const c of cases) {
      const history = byCase.get(c.id) ?? [];
      const clock = computeClock(clockEventsOf(history), calendar, asOf, { feePausesClock: true });
      const replayed = {
        clock_state: clock.state,
        due_on: clock.dueOn,
        original_due_on: clock.originalDueOn,
        clock_started_on: clock.clockStartedOn,
        correction_notice_due_on: clock.correctionNoticeDueOn,
        correction_period_ends_on: clock.correctionPeriodEndsOn,
        excluded_working_days: clock.excludedWorkingDays,
        clock_provisional: clock.provisional,
        closed_late: clock.closedLate,
        closed_on: clock.stoppedOn,
        version: history.length,
      };
      const stored = Object.fromEntries(Object.keys(replayed).map((k) => [k, c[k]]));
      if (JSON.stringify(stored) !== JSON.stringify(replayed))
        mismatches.push({ id: c.id, stored, replayed });
    }
    expect(mismatches.slice(0, 3)).toEqual([]);
    // The mix is a real one: running, paused and waiting clocks, late replies, a few overdue cases.
    const states = new Set(cases.map((c) => c.clock_state));
    expect([...states].sort()).toEqual(['awaiting_correction', 'paused', 'running', 'stopped']);
    expect(cases.some((c) => c.closed_late === true)).toBe(true);
  });

  it('records only steps of the workflow table, numbered 1, 2, 3… and ending in the stored status', async () => {
    const allowed = new Set(CASE_TRANSITIONS.map((t) => `${t.action}:${t.from}:${t.to}`));
    const rows = await query<{ action: string; from_status: string | null; to_status: string; n: number }>(
      `SELECT action, from_status, to_status, count(*)::int AS n FROM case_event GROUP BY 1, 2, 3`,
    );
    const illegal = rows.filter(
      (r) => r.action !== 'register' && !allowed.has(`${r.action}:${r.from_status}:${r.to_status}`),
    );
    expect(illegal).toEqual([]);
    const [broken] = await query<{ gaps: number; chain: number; status: number }>(
      `SELECT
         (SELECT count(*)::int FROM (SELECT case_id FROM case_event GROUP BY case_id HAVING max(seq) <> count(*)) g) AS gaps,
         (SELECT count(*)::int FROM case_event e JOIN case_event prev ON prev.case_id = e.case_id AND prev.seq = e.seq - 1
           WHERE e.from_status IS DISTINCT FROM prev.to_status) AS chain,
         (SELECT count(*)::int FROM disclosure_case c JOIN case_event e ON e.case_id = c.id
           WHERE e.seq = c.version AND e.to_status <> c.status) AS status`,
    );
    expect(broken).toEqual({ gaps: 0, chain: 0, status: 0 });
  });

  it('numbers cases per agency and year without gaps, and continues the series for registration', async () => {
    const [row] = await query<{ bad: number }>(
      `SELECT count(*)::int AS bad FROM case_number_series s
        WHERE s.last_number <> (SELECT count(*) FROM disclosure_case c
                                 WHERE c.agency_id = s.agency_id AND c.case_number LIKE s.year || '-%')`,
    );
    expect(row.bad).toBe(0);
  });

  it('gives applicants valid identity numbers (GB 11643, GB 32100)', async () => {
    const rows = await query<{ id_type: string; id_number: string }>(
      `SELECT id_type, id_number FROM applicant WHERE id_type IN ('resident_id', 'credit_code')`,
    );
    const invalid = rows.filter((r) =>
      r.id_type === 'resident_id'
        ? !checkResidentIdNumber(r.id_number, asOf).valid
        : !checkUnifiedSocialCreditCode(r.id_number).valid,
    );
    expect(invalid.slice(0, 3)).toEqual([]);
  });
});
