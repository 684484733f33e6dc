import type { Role } from './role.js';
import {
  normaliseUsername,
  roleAssignmentProblems,
  USERNAME_PATTERN,
  type AgencyFacts,
} from './user.rules.js';

const department: AgencyFacts = { id: 'd', active: true, isSupervisor: false };
const office: AgencyFacts = { id: 'o', active: true, isSupervisor: true };
const closed: AgencyFacts = { id: 'c', active: false, isSupervisor: false };

describe('normaliseUsername', () => {
  it.each([
    ['ZhangSan', 'zhangsan'],
    ['  li.si ', 'li.si'],
    ['ｗａｎｇ５', 'wang5'], // full-width, as a Chinese IME types it
  ])('%s → %s', (raw, expected) => {
    expect(normaliseUsername(raw)).toBe(expected);
    expect(USERNAME_PATTERN.test(expected)).toBe(true);
  });

  it.each(['a', '-start', 'has space', '张三', `a${'b'.repeat(40)}`])('refuses %s', (name) => {
    expect(USERNAME_PATTERN.test(normaliseUsername(name))).toBe(false);
  });
});

describe('roleAssignmentProblems', () => {
  it.each<[string, Role[], AgencyFacts | null, boolean]>([
    ['a clerk in a department', ['clerk'], department, true],
    ['several roles at once', ['clerk', 'handler', 'approver'], department, true],
    ['a supervisor in the supervising office', ['supervisor'], office, true],
    ['an admin without agency', ['admin'], null, true],
    ['an admin in an agency', ['admin'], department, true],
    ['staying in a deactivated agency', ['clerk'], closed, false],
  ])('accepts %s', (_label, roles, agency, agencyChanged) => {
    expect(roleAssignmentProblems(roles, agency, { agencyChanged })).toEqual([]);
  });

  it.each<[string, Role[], AgencyFacts | null, boolean, string, string]>([
    ['no role', [], department, false, 'roles', '至少选择一个角色'],
    ['a clerk without agency', ['clerk'], null, true, 'agencyId', '必须属于一个机关'],
    ['an admin who also handles, without agency', ['admin', 'handler'], null, true, 'agencyId', '必须属于'],
    ['a supervisor in a department', ['supervisor'], department, true, 'roles', '督查角色'],
    ['joining a deactivated agency', ['clerk'], closed, true, 'agencyId', '已停用'],
  ])('refuses %s', (_label, roles, agency, agencyChanged, field, message) => {
    expect(roleAssignmentProblems(roles, agency, { agencyChanged })).toEqual(
      expect.arrayContaining([{ field, message: expect.stringContaining(message) }]),
    );
  });
});
