import type { EntityManager } from 'typeorm';
import { Agency } from '../src/agencies/agency.entity.js';
import { defaultReconsiderationBody, type AgencyNode } from '../src/agencies/remedy-body.rules.js';
import { DEMO_AGENCIES } from './demo-county.data.js';

/**
 * The demo county. Inserts what is missing (by agency code) and never overwrites: an admin's edits
 * to a demo agency survive restarts. Reconsideration bodies not given in the data are derived by the
 * same rule the admin API uses. Returns how many agencies were inserted.
 */
export async function seedDemoCounty(manager: EntityManager): Promise<number> {
  const repo = manager.getRepository(Agency);
  const nodes = new Map<string, AgencyNode>((await repo.find()).map((a) => [a.id, a]));
  let inserted = 0;
  for (const demo of DEMO_AGENCIES) {
    if (await repo.existsBy({ code: demo.code })) continue;
    const parent = demo.parentCode ? await repo.findOneByOrFail({ code: demo.parentCode }) : null;
    const { parentCode: _parentCode, reconsiderationBodyName, reconsiderationBodyAddress, ...fields } = demo;
    const derived = defaultReconsiderationBody({ type: demo.type, parentId: parent?.id ?? null }, nodes);
    let body: Pick<
      Agency,
      'reconsiderationBodyName' | 'reconsiderationBodyAddress' | 'reconsiderationBodyDerived'
    >;
    if (reconsiderationBodyName !== undefined) {
      body = {
        reconsiderationBodyName,
        reconsiderationBodyAddress: reconsiderationBodyAddress ?? '',
        reconsiderationBodyDerived: false,
      };
    } else if (derived.derivable) {
      body = {
        reconsiderationBodyName: derived.name,
        reconsiderationBodyAddress: derived.address,
        reconsiderationBodyDerived: true,
      };
    } else {
      throw new Error(`Demo agency ${demo.code}: ${derived.reason}`);
    }
    const saved = await repo.save(
      repo.create({
        ...fields,
        ...body,
        isSupervisor: demo.isSupervisor ?? false,
        parentId: parent?.id ?? null,
      }),
    );
    nodes.set(saved.id, saved);
    inserted++;
  }
  return inserted;
}
