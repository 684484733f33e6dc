import type { Role } from '../src/auth/role.js';
import { DEMO_AGENCIES } from './demo-county.data.js';

/**
 * One password for every demo account, printed by `npm start` when the demo county is seeded
 * (never in production, where demo accounts are not created at all). It satisfies the password policy.
 */
export const DEMO_PASSWORD = 'Tancheng@2026';

export interface DemoUser {
  readonly username: string;
  readonly displayName: string;
  readonly agencyCode: string;
  readonly roles: readonly Role[];
}

const SUPERVISING_OFFICE = 'tc-gov-office';
const PER_AGENCY: ReadonlyArray<{ role: Role; title: string }> = [
  { role: 'clerk', title: '登记员' },
  { role: 'handler', title: '承办人' },
  { role: 'approver', title: '审核人' },
];

/** `<agency>.<role>` (e.g. zrzyj.clerk) for clerk, handler and approver in every demo agency. */
export function demoUsername(agencyCode: string, role: Role): string {
  return `${agencyCode.replace(/^tc-/, '')}.${role}`;
}

export const DEMO_USERS: readonly DemoUser[] = [
  ...DEMO_AGENCIES.flatMap((agency) =>
    PER_AGENCY.map(({ role, title }) => ({
      username: demoUsername(agency.code, role),
      displayName: `${agency.shortName}${title}`,
      agencyCode: agency.code,
      roles: [role],
    })),
  ),
  // The 政府信息公开工作主管部门 (条例 Art. 3) supervises every agency.
  {
    username: demoUsername(SUPERVISING_OFFICE, 'supervisor'),
    displayName: '县政府办督查',
    agencyCode: SUPERVISING_OFFICE,
    roles: ['supervisor'],
  },
  { username: 'admin', displayName: '系统管理员', agencyCode: SUPERVISING_OFFICE, roles: ['admin'] },
];
