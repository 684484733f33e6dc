import { DataSource } from 'typeorm';
import { CaseEvent } from '../../src/cases/case-event.entity.js';
import { CaseSweepService } from '../../src/cases/case-sweep.service.js';
import { DisclosureCase } from '../../src/cases/disclosure-case.entity.js';
import { DEMO_APP } from '../support/auth.js';
import { Given } from '../support/cases.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * Lapses of statutory periods run exactly once with several app instances on one database, and
 * catch up when an instance starts after the period has ended (pg-boss runs the sweep at start).
 */
describe('background lapses with two instances', () => {
  let a: TestApp;
  let b: TestApp | undefined;

  beforeAll(async () => {
    a = await createTestApp(DEMO_APP);
  });
  afterAll(async () => {
    await b?.close();
    await a.close();
  });

  const lapseEvents = (t: TestApp, caseId: string) =>
    t.app.get(DataSource).getRepository(CaseEvent).countBy({ caseId, action: 'lapse_correction' });

  it('two sweeps running at once close each lapsed case once', async () => {
    const given = new Given(a);
    const agency = await given.agencyId('tc-zrzyj');
    const cases = await Promise.all([1, 2, 3].map(() => given.caseIn(agency, 'awaiting_correction')));
    b = await createTestApp({ ...DEMO_APP, seed: false, database: a.database });
    const results = await Promise.all([
      a.app.get(CaseSweepService).sweep('2026-12-14'),
      b.app.get(CaseSweepService).sweep('2026-12-14'),
    ]);
    expect(results[0].correctionLapses + results[1].correctionLapses).toBe(3);
    for (const c of cases) expect(await lapseEvents(a, c.id)).toBe(1);
    await b.close();
    b = undefined;
  });

  it('the job queue catches up at start: a period that ended while nobody ran is closed', async () => {
    const given = new Given(a);
    const c = await given.caseIn(await given.agencyId('tc-jtj'), 'awaiting_correction');
    // An instance starting on 14 December, after the period (ending 11 December) — with jobs on.
    b = await createTestApp({
      ...DEMO_APP,
      seed: false,
      database: a.database,
      now: '2026-12-14T09:00:00+08:00',
      env: { ...DEMO_APP.env, JOBS_ENABLED: 'true' },
    });
    const repo = a.app.get(DataSource).getRepository(DisclosureCase);
    const deadline = Date.now() + 30_000;
    while (
      (await repo.findOneByOrFail({ id: c.id })).status !== 'deemed_withdrawn' &&
      Date.now() < deadline
    ) {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect((await repo.findOneByOrFail({ id: c.id })).status).toBe('deemed_withdrawn');
    expect(await lapseEvents(a, c.id)).toBe(1);
  });
});
