import type { AgencyType } from './agency-type.js';
import { parentProblem } from './agency-hierarchy.rules.js';
import type { AgencyNode } from './remedy-body.rules.js';

const node = (id: string, type: AgencyType, parentId: string | null = null): AgencyNode => ({
  id,
  type,
  name: id,
  officeAddress: '',
  parentId,
});

const COUNTY = new Map(
  [
    node('gov', 'county_government'),
    node('dept', 'county_department', 'gov'),
    node('station', 'dispatched', 'dept'),
    node('tax', 'vertical'),
    node('tax-branch', 'vertical', 'tax'),
  ].map((n) => [n.id, n]),
);

describe('parentProblem', () => {
  it.each<[AgencyType, string | null]>([
    ['county_government', null],
    ['county_department', 'gov'],
    ['town', 'gov'],
    ['dispatched', 'gov'],
    ['dispatched', 'dept'],
    ['dispatched', 'tax'],
    ['vertical', null],
    ['vertical', 'tax'],
  ])('accepts a %s under %s', (type, parentId) => {
    expect(parentProblem({ type }, parentId, COUNTY)).toBeNull();
  });

  it.each<[string, { id?: string; type: AgencyType }, string | null, string]>([
    ['a county government with a parent', { type: 'county_government' }, 'gov', '不设上级'],
    ['a department without parent', { type: 'county_department' }, null, '须指定'],
    ['a department under a department', { type: 'county_department' }, 'dept', '类型'],
    ['a town under the tax bureau', { type: 'town' }, 'tax', '类型'],
    ['a vertical agency under the county government', { type: 'vertical' }, 'gov', '类型'],
    ['an unknown parent', { type: 'town' }, 'nowhere', '不存在'],
    ['itself', { id: 'tax', type: 'vertical' }, 'tax', '本机关'],
    ['its own descendant', { id: 'tax', type: 'vertical' }, 'tax-branch', '下级'],
  ])('refuses %s', (_label, agency, parentId, message) => {
    expect(parentProblem(agency, parentId, COUNTY)).toContain(message);
  });
});
