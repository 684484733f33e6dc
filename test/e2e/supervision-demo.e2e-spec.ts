import ExcelJS from 'exceljs';
import { DEMO_CASES } from '../../seeds/demo-cases.data.js';
import { CaseClockService } from '../../src/cases/case-clock.service.js';
import { DisclosureCase } from '../../src/cases/disclosure-case.entity.js';
import { DatabaseLifecycle } from '../../src/database/database-lifecycle.service.js';
import { as, DEMO_APP, signIn } from '../support/auth.js';
import { binary } from '../support/supervision.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * The demo county with its 2026 cases (DEMO_CASES, built through the real services): a supervisor
 * sees the county's timeliness and downloads a consistent annual report for 2026.
 */
describe('demo cases (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ ...DEMO_APP, env: { ...DEMO_APP.env, DEMO_CASES: 'true' } });
  }, 120_000);
  afterAll(() => t.close());

  it('are all there, once, each with a status and clock its events agree with', async () => {
    const cases = await t.dataSource.getRepository(DisclosureCase).find();
    expect(cases).toHaveLength(DEMO_CASES.length);
    // A second start finds them and adds none.
    await t.app.get(DatabaseLifecycle).bootstrap({ seed: true });
    expect(await t.dataSource.getRepository(DisclosureCase).count()).toBe(DEMO_CASES.length);
    const clocks = t.app.get(CaseClockService);
    for (const c of cases) {
      const clock = await clocks.compute(c, await clocks.eventsOf(t.dataSource.manager, c.id));
      expect({ case: c.caseNumber, dueOn: c.dueOn, state: c.clockState }).toEqual({
        case: c.caseNumber,
        dueOn: clock.dueOn,
        state: clock.state,
      });
    }
    const outcomes = new Set(cases.map((c) => c.outcome).filter(Boolean));
    expect(outcomes.size).toBeGreaterThanOrEqual(12);
  });

  it('give the supervisor a consistent 2026 report and its download', async () => {
    const supervisor = await signIn(t, 'gov-office.supervisor');
    const report = await as(t, supervisor).get('/api/v1/supervision/annual-reports/2026');
    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({ consistent: true, violations: [], anomalies: [] });
    const t3 = report.body.table3;
    expect(t3.received.total).toBe(DEMO_CASES.length - 1); // one was received in December 2025
    expect(t3.carried_over.total).toBe(1);
    expect(t3.received.total + t3.carried_over.total).toBe(t3.results_total.total + t3.carried_forward.total);
    expect(report.body.table4).toMatchObject({ 'reconsideration.upheld': 1, 'litigation_direct.pending': 1 });

    const xlsx = await as(t, supervisor)
      .get('/api/v1/supervision/annual-reports/2026/export?format=xlsx')
      .buffer(true)
      .parse(binary);
    expect(xlsx.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    expect(workbook.getWorksheet('表三')!.getCell('J5').value).toBe(t3.received.total);
  });

  it('show the county’s timeliness: late replies, overdue, due soon and paused cases', async () => {
    const supervisor = await signIn(t, 'gov-office.supervisor');
    const res = await as(t, supervisor).get('/api/v1/supervision/timeliness?from=2026-01-01&to=2026-12-31');
    expect(res.body.overall).toMatchObject({ received: DEMO_CASES.length - 1, closedLate: 1, paused: 1 });
    expect(res.body.overall.overdueOpen).toBeGreaterThanOrEqual(2);
    expect(res.body.byAgency.length).toBeGreaterThanOrEqual(6);
    const risk = await as(t, supervisor).get('/api/v1/supervision/at-risk');
    expect(risk.body.counts.overdue_open).toBe(res.body.overall.overdueOpen);
  });
});
