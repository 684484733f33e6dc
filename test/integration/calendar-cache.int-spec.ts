import { DataSource } from 'typeorm';
import { runSeeds } from '../../seeds/run-seeds.js';
import { CalendarChange } from '../../src/calendar/calendar-change.entity.js';
import { contentHashOf } from '../../src/calendar/calendar-import.rules.js';
import { loadYears, logChange, saveYear } from '../../src/calendar/calendar-store.js';
import { CalendarYear } from '../../src/calendar/calendar-year.entity.js';
import { CALENDAR_REVALIDATE_MS, CalendarService } from '../../src/calendar/calendar.service.js';
import { FixedClock } from '../../src/common/clock/clock.js';
import { dataSourceOptions } from '../../src/database/data-source-options.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const actor = { userId: null, name: '测试', remoteAddress: null };

describe('holiday seeds and the calendar cache, on a real database', () => {
  let db: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = new DataSource(dataSourceOptions(db.url));
    await dataSource.initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  it('seeds 2019–2026 once, whatever DEMO_DATA says, and a second run changes nothing', async () => {
    const first = await runSeeds(dataSource, { demo: false, demoUsers: false, now: new Date() });
    expect(first.holidayCalendars?.inserted).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    const changes = await dataSource.getRepository(CalendarChange).count();
    const second = await runSeeds(dataSource, { demo: false, demoUsers: false, now: new Date() });
    expect(second.holidayCalendars).toEqual({ inserted: [], updated: [], keptAdminYears: [] });
    expect(await dataSource.getRepository(CalendarChange).count()).toBe(changes);
  });

  it('updates a seed-loaded year when the seed data changed (another content hash)', async () => {
    await dataSource.getRepository(CalendarYear).update({ year: 2021 }, { contentHash: '0'.repeat(64) });
    const result = await runSeeds(dataSource, { demo: false, demoUsers: false, now: new Date() });
    expect(result.holidayCalendars?.updated).toEqual([2021]);
    const last = await dataSource
      .getRepository(CalendarChange)
      .findOneOrFail({ where: {}, order: { id: 'DESC' } });
    expect(last).toMatchObject({ action: 'year_seed_updated', year: 2021 });
  });

  it('an instance trusts its cache for the revalidation window, then sees another instance’s change', async () => {
    const clock = new FixedClock(new Date('2026-11-27T10:00:00+08:00'));
    const other = new CalendarService(dataSource, clock);
    const before = await other.forAgency(null);
    expect(before.dayInfo('2027-01-04').working).toBe(true); // statutory fallback for 2027

    // Another instance loads 2027 (as the import service does: write, log the change).
    await dataSource.transaction(async (manager) => {
      const data = {
        year: 2027,
        status: 'published' as const,
        sources: [
          {
            title: '国务院办公厅关于2027年部分节假日安排的通知',
            documentNumber: null,
            url: null,
            publishedOn: null,
            note: null,
          },
        ],
        days: [{ date: '2027-01-04', kind: 'holiday' as const, name: '元旦', note: null }],
      };
      await saveYear(manager, data, {
        origin: 'import',
        format: 'gip-desk',
        contentHash: contentHashOf(data),
        actor,
        at: clock.now(),
      });
      await logChange(manager, { action: 'year_imported', year: 2027, actor, details: {} });
    });
    expect(await other.forAgency(null)).toBe(before); // still trusted: no query inside the window

    clock.advance(CALENDAR_REVALIDATE_MS);
    // Past the window the stale calendar is still answered at once while the check runs behind it
    // (a caller inside a transaction must not wait for another connection); the next call has it.
    expect(await other.forAgency(null)).toBe(before);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const after = await other.forAgency(null);
    expect(after).not.toBe(before);
    expect(after.dayInfo('2027-01-04')).toMatchObject({ working: false, name: '元旦', provisional: false });
    expect((await loadYears(dataSource.manager)).map((y) => y.year)).toContain(2027);

    clock.advance(CALENDAR_REVALIDATE_MS);
    expect(await other.forAgency(null)).toBe(after); // revalidated, unchanged: kept
  });
});
