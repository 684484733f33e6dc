import type { DataSource } from 'typeorm';
import { seedDemoCounty } from './demo-county.seed.js';
import { seedHolidayCalendars, type HolidaySeedResult } from './holiday-calendars.seed.js';

export interface SeedResult {
  /** Demo data is present (seeded now or earlier): the demo logins are worth printing. */
  seededDemo: boolean;
  holidayCalendars: HolidaySeedResult;
}

/**
 * All seeds, idempotent, in one transaction. Reference data (the holiday calendars 2019–2026) is
 * always loaded; the demo county only when DEMO_DATA is on (the default outside production).
 */
export async function runSeeds(dataSource: DataSource, options: { demo: boolean }): Promise<SeedResult> {
  return dataSource.transaction(async (manager) => {
    const holidayCalendars = await seedHolidayCalendars(manager);
    if (!options.demo) return { seededDemo: false, holidayCalendars };
    await seedDemoCounty(manager);
    return { seededDemo: true, holidayCalendars };
  });
}
