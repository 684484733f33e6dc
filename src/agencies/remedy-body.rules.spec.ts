import type { AgencyType } from './agency-type.js';
import {
  defaultReconsiderationBody,
  requiredReconsiderationBody,
  type AgencyNode,
} from './remedy-body.rules.js';

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
  // The article cited is exactly what legal-rules §4.1 quotes: Art. 24 para 1 (一) for departments and
  // para 4 for 派出机构 of departments; towns/street offices and 派出机关 of the county government cite
  // the article alone (the item for 派出机关 is not quoted there, and a town type may be a street office).
  it.each<[string, AgencyType, string | null, string, string, boolean]>([
    [
      'a county department → the county government',
      'county_department',
      'gov',
      'gov',
      '行政复议法第二十四条第一款第（一）项',
      true,
    ],
    ['a town → the county government', 'town', 'gov', 'gov', '行政复议法第二十四条', true],
    [
      'a dispatched organ of a department → 本级人民政府',
      'dispatched',
      'dept',
      'gov',
      '行政复议法第二十四条第四款',
      true,
    ],
    [
      'a dispatched organ of the county government → it',
      'dispatched',
      'gov',
      'gov',
      '行政复议法第二十四条',
      true,
    ],
    [
      'a dispatched organ of the tax bureau → the tax bureau (a suggestion)',
      'dispatched',
      'tax',
      'tax',
      '行政复议法第二十七条',
      false,
    ],
    [
      'a vertical branch → its next-level department (a suggestion)',
      'vertical',
      'tax',
      'tax',
      '行政复议法第二十七条',
      false,
    ],
  ])('%s', (_label, type, parentId, bodyId, basis, fixed) => {
    const result = defaultReconsiderationBody({ type, parentId }, COUNTY);
    expect(result).toEqual({
      derivable: true,
      name: `${bodyId}-name`,
      address: `${bodyId}-address`,
      basis,
      fixed,
    });
    expect(requiredReconsiderationBody({ type, parentId }, COUNTY)).toEqual(
      fixed ? { name: `${bodyId}-name`, basis } : null,
    );
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
    expect(requiredReconsiderationBody({ type, parentId }, COUNTY)).toBeNull();
  });

  it('never offers the pre-2024 superior-department venue for a county department', () => {
    const withDepartmentParent = new Map(COUNTY).set('sub', node('sub', 'county_department', 'dept'));
    expect(
      defaultReconsiderationBody({ type: 'county_department', parentId: 'dept' }, withDepartmentParent),
    ).toEqual(expect.objectContaining({ derivable: false }));
  });
});
