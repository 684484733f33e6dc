/** Kinds of agency in a county, as they matter for the remedy clause (复议法 Art. 24, 27). */
export const AGENCY_TYPES = [
  'county_government', // 县人民政府
  'county_department', // 县政府工作部门
  'town', // 乡镇人民政府、街道办事处
  'vertical', // 实行垂直领导的机关（税务、海关、金融…）
  'dispatched', // 派出机构
] as const;
export type AgencyType = (typeof AGENCY_TYPES)[number];

export const AGENCY_TYPE_LABELS: Record<AgencyType, string> = {
  county_government: '县级人民政府',
  county_department: '县政府工作部门',
  town: '乡镇人民政府／街道办事处',
  vertical: '垂直管理部门',
  dispatched: '派出机构',
};
