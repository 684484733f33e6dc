import type { AgencyType } from './agency-type.js';

/** What the rule needs to know about an agency and its ancestors. */
export interface AgencyNode {
  readonly id: string;
  readonly type: AgencyType;
  readonly name: string;
  readonly officeAddress: string;
  readonly parentId: string | null;
}

export type ReconsiderationBodyDefault =
  | { readonly derivable: true; readonly name: string; readonly address: string; readonly basis: string }
  | { readonly derivable: false; readonly reason: string };

/**
 * The default 行政复议机关 printed in an agency's replies (legal-rules.md §4.1, 复议法 2023, in force
 * 2024-01-01). An admin may overwrite it; the rule only fills it in when it follows from the agency's
 * type and its parent in this installation:
 *
 * - county department → the county government (Art. 24 para 1 (一): 本级人民政府工作部门);
 * - town / street office → the county government (Art. 24 para 1 (二) 下一级人民政府, (三) 派出机关);
 * - dispatched organ: a 派出机关 of the county government → that government (Art. 24 para 1 (三)); a
 *   派出机构 of a county department → 本级人民政府, the department's government (Art. 24 para 4); one
 *   set up by a vertical agency → that agency, its 上一级主管部门 (Art. 27);
 * - vertical agency (税务、海关、金融…) → the next-level department (Art. 27), known only when recorded
 *   as its parent;
 * - the county government → the 设区的市 government (Art. 24 para 1 (二)), which is not an agency of
 *   this installation: it must be typed.
 *
 * The address is the body's own office address as recorded; the pre-2024 "or the superior
 * department" alternative no longer exists and is never produced.
 */
export function defaultReconsiderationBody(
  agency: { readonly type: AgencyType; readonly parentId: string | null },
  agencies: ReadonlyMap<string, AgencyNode>,
): ReconsiderationBodyDefault {
  const parent = agency.parentId ? agencies.get(agency.parentId) : undefined;
  const body = (node: AgencyNode, basis: string): ReconsiderationBodyDefault => ({
    derivable: true,
    name: node.name,
    address: node.officeAddress,
    basis,
  });
  switch (agency.type) {
    case 'county_government':
      return {
        derivable: false,
        reason:
          '县级人民政府的行政复议机关是上一级（设区的市）人民政府（行政复议法第二十四条），请填写其全称和地址',
      };
    case 'county_department':
      if (parent?.type === 'county_government') return body(parent, '行政复议法第二十四条第一款第（一）项');
      return { derivable: false, reason: '县政府工作部门须以县人民政府为上级机关，才能确定行政复议机关' };
    case 'town':
      if (parent?.type === 'county_government') {
        return body(parent, '行政复议法第二十四条第一款第（二）项、第（三）项');
      }
      return {
        derivable: false,
        reason: '乡镇人民政府／街道办事处须以县人民政府为上级机关，才能确定行政复议机关',
      };
    case 'dispatched': {
      if (parent?.type === 'county_government') return body(parent, '行政复议法第二十四条第一款第（三）项');
      if (parent?.type === 'county_department') {
        const government = parent.parentId ? agencies.get(parent.parentId) : undefined;
        if (government?.type === 'county_government') return body(government, '行政复议法第二十四条第四款');
      }
      if (parent?.type === 'vertical') return body(parent, '行政复议法第二十七条');
      return { derivable: false, reason: '派出机构须记录设立它的机关，才能确定行政复议机关' };
    }
    case 'vertical':
      if (parent?.type === 'vertical') return body(parent, '行政复议法第二十七条');
      return {
        derivable: false,
        reason: '实行垂直领导的机关向上一级主管部门申请行政复议（行政复议法第二十七条），请填写其全称和地址',
      };
  }
}
