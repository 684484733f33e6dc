import type { EntityManager } from 'typeorm';
import { contentHashOf } from '../src/calendar/calendar-import.rules.js';
import { loadYears, logChange, saveYear, SEED_ACTOR } from '../src/calendar/calendar-store.js';
import { CalendarYear } from '../src/calendar/calendar-year.entity.js';
import { seedCalendarYears } from './holiday-calendars.seed-data.js';

export interface HolidaySeedResult {
  inserted: number[];
  updated: number[];
  /** Years an admin has loaded (origin `import`): never overwritten by the seeds. */
  keptAdminYears: number[];
}

/**
 * The official schedules 2019–2026, as reference data (always, whatever DEMO_DATA says). Idempotent:
 *
 * - a year that is missing is inserted (origin `seed`);
 * - a year the seeds loaded earlier is replaced only if the seed data changed (its content hash differs),
 *   e.g. when a release corrects a schedule;
 * - a year an admin has loaded (origin `import`, through the API or the CLI) is never touched: the admin
 *   replaced it with a newer or corrected notice on purpose, and the seed data cannot be newer than the
 *   notice the admin had in hand.
 *
 * Every insert or update is logged in calendar_change like an admin's import.
 */
export async function seedHolidayCalendars(manager: EntityManager): Promise<HolidaySeedResult> {
  const result: HolidaySeedResult = { inserted: [], updated: [], keptAdminYears: [] };
  const existing = new Map((await manager.find(CalendarYear)).map((y) => [y.year, y]));
  const before = new Map((await loadYears(manager)).map((y) => [y.year, y]));
  for (const data of seedCalendarYears()) {
    const hash = contentHashOf(data);
    const current = existing.get(data.year);
    if (current?.origin === 'import') {
      result.keptAdminYears.push(data.year);
      continue;
    }
    if (current?.contentHash === hash) continue;
    await saveYear(manager, data, {
      origin: 'seed',
      format: 'holiday-cn',
      contentHash: hash,
      actor: SEED_ACTOR,
      at: new Date(),
    });
    await logChange(manager, {
      action: current ? 'year_seed_updated' : 'year_seeded',
      year: data.year,
      actor: SEED_ACTOR,
      details: {
        format: 'holiday-cn',
        contentHashBefore: current?.contentHash ?? null,
        contentHashAfter: hash,
        sources: data.sources,
        dayCountBefore: before.get(data.year)?.days.length ?? null,
        dayCountAfter: data.days.length,
      },
    });
    (current ? result.updated : result.inserted).push(data.year);
  }
  return result;
}
