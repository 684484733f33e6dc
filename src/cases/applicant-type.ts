/**
 * Applicant types exactly as the annual report's table 三 columns need them (国办公开办函〔2021〕30号):
 * 自然人, and 法人或其他组织 split into five.
 */
export const APPLICANT_TYPES = [
  'natural_person', // 自然人
  'commercial_enterprise', // 商业企业
  'research_institution', // 科研机构
  'public_interest_org', // 社会公益组织
  'legal_service_org', // 法律服务机构
  'other_org', // 其他
] as const;
export type ApplicantType = (typeof APPLICANT_TYPES)[number];

export const APPLICANT_TYPE_LABELS: Record<ApplicantType, string> = {
  natural_person: '自然人',
  commercial_enterprise: '商业企业',
  research_institution: '科研机构',
  public_interest_org: '社会公益组织',
  legal_service_org: '法律服务机构',
  other_org: '其他',
};

export const isOrganisation = (type: ApplicantType): boolean => type !== 'natural_person';
