import type { EntityManager } from 'typeorm';
import { Agency } from '../src/agencies/agency.entity.js';
import { DEMO_AGENCIES } from './demo-county.data.js';

/**
 * The demo county. Inserts what is missing (by agency code) and never overwrites: an admin's edits
 * to a demo agency survive restarts. Returns how many agencies were inserted.
 */
export async function seedDemoCounty(manager: EntityManager): Promise<number> {
  const repo = manager.getRepository(Agency);
  let inserted = 0;
  for (const demo of DEMO_AGENCIES) {
    if (await repo.existsBy({ code: demo.code })) continue;
    const parent = demo.parentCode ? await repo.findOneByOrFail({ code: demo.parentCode }) : null;
    const { parentCode: _parentCode, ...fields } = demo;
    await repo.insert({ ...fields, isSupervisor: demo.isSupervisor ?? false, parentId: parent?.id ?? null });
    inserted++;
  }
  return inserted;
}
