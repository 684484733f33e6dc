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
  | {
      readonly derivable: true;
      readonly name: string;
      readonly address: string;
      readonly basis: string;
      /**
       * True where the law names the body (复议法 Art. 24: county departments, towns, organs set up by
       * the county government or its departments): no other body may be printed. False where the rule
       * only suggests it (Art. 27: the superior of a vertical agency, as recorded here).
       */
      readonly fixed: boolean;
    }
  | { readonly derivable: false; readonly reason: string };

const ARTICLE_24 = '行政复议法第二十四条';

/** The body the law fixes for an agency, with its article. */
export interface RequiredReconsiderationBody {
  readonly name: string;
  readonly basis: string;
}

/**
 * The default 行政复议机关 printed in an agency's replies (legal-rules.md §4.1, 复议法 2023, in force
 * 2024-01-01). The rule fills it in when it follows from the agency's type and its parent in this
 * installation; where Art. 24 names the body (`fixed`), an admin may type its address but not another
 * body (requiredReconsiderationBody); elsewhere the typed body stands.
 *
 * - county department → the county government (Art. 24 para 1 (一): 本级人民政府工作部门);
 * - town / street office → the county government (Art. 24: a 乡镇 is the 下一级人民政府, para 1 (二);
 *   a street office is the county government's 派出机关 — legal-rules §4.1 does not quote that item,
 *   so the article is cited without it);
 * - dispatched organ: a 派出机关 of the county government → that government (Art. 24, item not quoted
 *   in legal-rules); a 派出机构 of a county department → 本级人民政府, the department's government
 *   (Art. 24 para 4); one set up by a vertical agency → that agency, its 上一级主管部门 (Art. 27);
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
    // Art. 24 names the body; Art. 27 only says "上一级主管部门", which the record may not reflect.
    fixed: basis.startsWith(ARTICLE_24),
  });
  switch (agency.type) {
    case 'county_government':
      return {
        derivable: false,
        reason:
          '县级人民政府的行政复议机关是上一级（设区的市）人民政府（行政复议法第二十四条），请填写其全称和地址',
      };
    case 'county_department':
      if (parent?.type === 'county_government') return body(parent, `${ARTICLE_24}第一款第（一）项`);
      return { derivable: false, reason: '县政府工作部门须以县人民政府为上级机关，才能确定行政复议机关' };
    case 'town':
      if (parent?.type === 'county_government') {
        return body(parent, ARTICLE_24);
      }
      return {
        derivable: false,
        reason: '乡镇人民政府／街道办事处须以县人民政府为上级机关，才能确定行政复议机关',
      };
    case 'dispatched': {
      if (parent?.type === 'county_government') return body(parent, ARTICLE_24);
      if (parent?.type === 'county_department') {
        const government = parent.parentId ? agencies.get(parent.parentId) : undefined;
        if (government?.type === 'county_government') return body(government, `${ARTICLE_24}第四款`);
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

/**
 * The body an agency's letters must name, where the law fixes it (复议法 Art. 24, see above), or null
 * where the body the admin records stands (the county government: the city government; vertical
 * agencies: their 上一级主管部门, Art. 27).
 */
export function requiredReconsiderationBody(
  agency: { readonly type: AgencyType; readonly parentId: string | null },
  agencies: ReadonlyMap<string, AgencyNode>,
): RequiredReconsiderationBody | null {
  const body = defaultReconsiderationBody(agency, agencies);
  return body.derivable && body.fixed ? { name: body.name, basis: body.basis } : null;
}

/**
 * Bodies an agency's profile may never name, whatever its type (so also where the typed body stands):
 * the agency itself (no organ reviews its own act) and, for a vertical agency, the county government —
 * 复议法 Art. 27 sends 垂直领导的行政机关 (税务、海关、金融、外汇、国家安全…) to their 上一级主管部门.
 */
export function forbiddenReconsiderationBodies(
  agency: { readonly type: AgencyType; readonly name: string },
  agencies: ReadonlyMap<string, AgencyNode>,
): { readonly name: string; readonly message: string }[] {
  const out = [{ name: agency.name, message: `行政复议机关不能是本机关自己（“${agency.name}”）` }];
  if (agency.type === 'vertical') {
    for (const node of agencies.values()) {
      if (node.type !== 'county_government') continue;
      out.push({
        name: node.name,
        message: `实行垂直领导的机关向上一级主管部门申请行政复议（行政复议法第二十七条），不能是“${node.name}”`,
      });
    }
  }
  return out;
}
