import type { AgencyType } from './agency-type.js';
import type { AgencyNode } from './remedy-body.rules.js';

/**
 * Which kind of agency may sit under which, as the remedy rule (remedy-body.rules.ts) reads the tree:
 * the county government is the root; departments and towns hang under it; a dispatched organ under the
 * organ that set it up; a vertical agency under its superior vertical agency, if that is recorded.
 */
export const ALLOWED_PARENT_TYPES: Record<AgencyType, readonly AgencyType[] | 'none'> = {
  county_government: 'none',
  county_department: ['county_government'],
  town: ['county_government'],
  dispatched: ['county_government', 'county_department', 'vertical'],
  vertical: ['vertical'],
};

const PARENT_REQUIRED: Record<AgencyType, boolean> = {
  county_government: false,
  county_department: true,
  town: true,
  dispatched: true,
  vertical: false,
};

/** Why `parentId` cannot be the parent of this agency, or null when it can. */
export function parentProblem(
  agency: { readonly id?: string; readonly type: AgencyType },
  parentId: string | null,
  agencies: ReadonlyMap<string, AgencyNode>,
): string | null {
  const allowed = ALLOWED_PARENT_TYPES[agency.type];
  if (parentId === null) return PARENT_REQUIRED[agency.type] ? '须指定上级机关' : null;
  if (allowed === 'none') return '县级人民政府不设上级机关（上一级人民政府在复议机关中填写）';
  const parent = agencies.get(parentId);
  if (!parent) return '上级机关不存在';
  if (!allowed.includes(parent.type)) return '上级机关的类型不符合机关层级';
  // Walk up: the agency must not become its own ancestor.
  const seen = new Set<string>();
  for (
    let at: AgencyNode | undefined = parent;
    at;
    at = at.parentId ? agencies.get(at.parentId) : undefined
  ) {
    if (at.id === agency.id || seen.has(at.id)) return '上级机关不能是本机关或其下级机关';
    seen.add(at.id);
  }
  return null;
}
