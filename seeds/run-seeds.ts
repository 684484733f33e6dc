import type { DataSource } from 'typeorm';
import { seedDemoCounty } from './demo-county.seed.js';

export interface SeedResult {
  /** Demo data is present (seeded now or earlier): the demo logins are worth printing. */
  seededDemo: boolean;
}

/**
 * All seeds, idempotent, in one transaction. Reference data (holiday calendars, once they exist) is
 * always loaded; the demo county only when DEMO_DATA is on (the default outside production).
 */
export async function runSeeds(dataSource: DataSource, options: { demo: boolean }): Promise<SeedResult> {
  return dataSource.transaction(async (manager) => {
    if (!options.demo) return { seededDemo: false };
    await seedDemoCounty(manager);
    return { seededDemo: true };
  });
}
