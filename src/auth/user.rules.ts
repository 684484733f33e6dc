import type { FieldError } from '../common/errors/domain-error.js';
import type { Role } from './role.js';

/** Lower-case ASCII letters, digits, `.`, `_`, `-`; 2–40 characters, starting with a letter or digit. */
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{1,39}$/;

/** Usernames compare case-insensitively and ignore full-width forms typed with a Chinese IME. */
export function normaliseUsername(raw: string): string {
  return raw.normalize('NFKC').trim().toLowerCase();
}

export interface AgencyFacts {
  readonly id: string;
  readonly active: boolean;
  readonly isSupervisor: boolean;
}

/**
 * Whether these roles may be held in this agency. Only a pure installation admin may belong to no
 * agency; the supervisor role belongs to the 政府信息公开工作主管部门 (条例 Art. 3: the county government
 * office), whose agency carries `isSupervisor`. A deactivated agency takes no new members.
 */
export function roleAssignmentProblems(
  roles: readonly Role[],
  agency: AgencyFacts | null,
  options: { readonly agencyChanged: boolean },
): FieldError[] {
  const problems: FieldError[] = [];
  if (roles.length === 0) problems.push({ field: 'roles', message: '至少选择一个角色' });
  const adminOnly = roles.length > 0 && roles.every((r) => r === 'admin');
  if (!agency && !adminOnly) {
    problems.push({ field: 'agencyId', message: '除仅有管理员角色的用户外，用户必须属于一个机关' });
  }
  if (agency && roles.includes('supervisor') && !agency.isSupervisor) {
    problems.push({
      field: 'roles',
      message: '督查角色只能授予政府信息公开工作主管部门（县政府办公室）的用户',
    });
  }
  if (agency && !agency.active && options.agencyChanged) {
    problems.push({ field: 'agencyId', message: '该机关已停用，不能再加入用户' });
  }
  return problems;
}
