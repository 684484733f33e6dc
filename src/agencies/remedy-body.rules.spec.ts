import type { AgencyType } from './agency-type.js';
import { defaultReconsiderationBody, type AgencyNode } from './remedy-body.rules.js';

const node = (id: string, type: AgencyType, parentId: string | null = null): AgencyNode => ({
  id,
  type,
  name: `${id}-name`,
  officeAddress: `${id}-address`,
  parentId,
});

// A county as the rule sees it: the county government, a department, a town, the tax bureau and its
// branch, a police station set up by the public-security bureau, a street office set up by the county.
const COUNTY = new Map(
  [
    node('gov', 'county_government'),
    node('dept', 'county_department', 'gov'),
    node('town', 'town', 'gov'),
    node('tax', 'vertical'),
    node('tax-branch', 'vertical', 'tax'),
    node('orphan-dept', 'county_department'),
  ].map((n) => [n.id, n]),
);

describe('defaultReconsiderationBody (复议法 2023)', () => {
  it.each<[string, AgencyType, string | null, string, string]>([
    [
      'a county department → the county government',
      'county_department',
      'gov',
      'gov',
      '第二十四条第一款第（一）项',
    ],
    ['a town → the county government', 'town', 'gov', 'gov', '第二十四条第一款第（二）项'],
    ['a dispatched organ of a department → 本级人民政府', 'dispatched', 'dept', 'gov', '第二十四条第四款'],
    [
      'a dispatched organ of the county government → it',
      'dispatched',
      'gov',
      'gov',
      '第二十四条第一款第（三）项',
    ],
    ['a dispatched organ of the tax bureau → the tax bureau', 'dispatched', 'tax', 'tax', '第二十七条'],
    ['a vertical branch → its next-level department', 'vertical', 'tax', 'tax', '第二十七条'],
  ])('%s', (_label, type, parentId, bodyId, article) => {
    const result = defaultReconsiderationBody({ type, parentId }, COUNTY);
    expect(result).toEqual({
      derivable: true,
      name: `${bodyId}-name`,
      address: `${bodyId}-address`,
      basis: expect.stringContaining(article),
    });
  });

  it.each<[string, AgencyType, string | null, string]>([
    [
      'the county government (the city government is not an agency here)',
      'county_government',
      null,
      '上一级',
    ],
    ['a vertical agency without a recorded superior', 'vertical', null, '上一级主管部门'],
    ['a county department without the county government as parent', 'county_department', null, '县人民政府'],
    ['a town under a department', 'town', 'dept', '县人民政府'],
    ['a dispatched organ of a department outside any government', 'dispatched', 'orphan-dept', '设立'],
    ['a dispatched organ whose parent is unknown', 'dispatched', 'missing', '设立'],
  ])('must be typed for %s', (_label, type, parentId, hint) => {
    const result = defaultReconsiderationBody({ type, parentId }, COUNTY);
    expect(result).toEqual({ derivable: false, reason: expect.stringContaining(hint) });
  });

  it('never offers the pre-2024 superior-department venue for a county department', () => {
    const withDepartmentParent = new Map(COUNTY).set('sub', node('sub', 'county_department', 'dept'));
    expect(
      defaultReconsiderationBody({ type: 'county_department', parentId: 'dept' }, withDepartmentParent),
    ).toEqual(expect.objectContaining({ derivable: false }));
  });
});
