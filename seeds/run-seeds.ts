import type { DataSource } from 'typeorm';
import { seedDemoCounty } from './demo-county.seed.js';
import { DEMO_PASSWORD, DEMO_USERS, type DemoUser } from './demo-users.data.js';
import { seedDemoUsers } from './demo-users.seed.js';
import { seedHolidayCalendars, type HolidaySeedResult } from './holiday-calendars.seed.js';

export interface SeedResult {
  /** Demo data is present (seeded now or earlier): the demo logins are worth printing. */
  seededDemo: boolean;
  /** The demo accounts and their password, when they were seeded (never in production). */
  demoLogins?: { readonly password: string; readonly users: readonly DemoUser[] };
  /** What the holiday-calendar seed did (absent when seeding was skipped). */
  holidayCalendars?: HolidaySeedResult;
}

export interface SeedOptions {
  /** DEMO_DATA: the demo county's agencies. */
  demo: boolean;
  /** Demo accounts with a published password: only outside production. */
  demoUsers: boolean;
  now: Date;
}

/**
 * All seeds, idempotent, in one transaction. Reference data (the holiday calendars 2019–2026) is
 * always loaded; the demo county only when DEMO_DATA is on (the default outside production), its
 * demo accounts only outside production.
 */
export async function runSeeds(dataSource: DataSource, options: SeedOptions): Promise<SeedResult> {
  return dataSource.transaction(async (manager) => {
    const holidayCalendars = await seedHolidayCalendars(manager);
    if (!options.demo) return { seededDemo: false, holidayCalendars };
    await seedDemoCounty(manager);
    if (!options.demoUsers) return { seededDemo: true, holidayCalendars };
    await seedDemoUsers(manager, options.now);
    return { seededDemo: true, demoLogins: { password: DEMO_PASSWORD, users: DEMO_USERS }, holidayCalendars };
  });
}
