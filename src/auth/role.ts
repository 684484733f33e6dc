/** The roles of architecture.md ("Who uses it"). A user holds one or more. */
export const ROLES = ['clerk', 'handler', 'approver', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  clerk: '登记员',
  handler: '承办人',
  approver: '审核人',
  supervisor: '督查',
  admin: '管理员',
};

/**
 * Roles that read across agencies. The supervisor belongs to the 政府信息公开工作主管部门 (条例 Art. 3,
 * Art. 47: it supervises every agency of the county); the admin manages the whole installation.
 * Everyone else reads only their own agency's records.
 */
export const CROSS_AGENCY_ROLES: readonly Role[] = ['supervisor', 'admin'];
