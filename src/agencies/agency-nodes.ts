import type { EntityManager } from 'typeorm';
import { Agency } from './agency.entity.js';
import {
  requiredReconsiderationBody,
  type AgencyNode,
  type RequiredReconsiderationBody,
} from './remedy-body.rules.js';

/** Every agency as the hierarchy and remedy rules see it (the table is small: one county). */
export async function loadAgencyNodes(m: EntityManager): Promise<Map<string, AgencyNode>> {
  const all = await m.find(Agency, {
    select: { id: true, type: true, name: true, officeAddress: true, parentId: true },
  });
  return new Map(all.map((a) => [a.id, agencyNodeOf(a)]));
}

export function agencyNodeOf(
  a: Pick<Agency, 'id' | 'type' | 'name' | 'officeAddress' | 'parentId'>,
): AgencyNode {
  return { id: a.id, type: a.type, name: a.name, officeAddress: a.officeAddress, parentId: a.parentId };
}

/**
 * The reconsideration body the law fixes for a stored agency (复议法 Art. 24), read from the current
 * tree: what its letters must name, whatever its profile says (null where the profile's body stands).
 */
export async function requiredBodyOf(
  m: EntityManager,
  agency: Pick<Agency, 'type' | 'parentId'>,
): Promise<RequiredReconsiderationBody | null> {
  return requiredReconsiderationBody(agency, await loadAgencyNodes(m));
}
