/**
 * The password policy (GB/T 22239-2019 等级保护 8.1.4.1: 身份鉴别信息具有复杂度要求). Length matters
 * most; three of four character classes is what county IT audits check; a few patterns every
 * dictionary attack tries first are refused outright.
 */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

const CLASSES: readonly RegExp[] = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z\d]/];

const WELL_KNOWN = [
  'password',
  'passw0rd',
  'p@ssw0rd',
  'qwerty',
  'asdfgh',
  'zxcvbn',
  '12345678',
  'abc123',
  'iloveyou',
  'admin123',
  'woaini',
];

export interface PasswordContext {
  readonly username?: string;
  /** The password being replaced: the new one must differ. */
  readonly currentPassword?: string;
}

/** The policy's objections to `password`, in Chinese for the person typing it; empty when it passes. */
export function passwordProblems(password: string, context: PasswordContext = {}): string[] {
  const problems: string[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) problems.push(`至少 ${PASSWORD_MIN_LENGTH} 个字符`);
  if (password.length > PASSWORD_MAX_LENGTH) problems.push(`不能超过 ${PASSWORD_MAX_LENGTH} 个字符`);
  if (CLASSES.filter((c) => c.test(password)).length < 3) {
    problems.push('须包含大写字母、小写字母、数字、符号中的至少三类');
  }
  const lower = password.toLowerCase();
  if (context.username && context.username.length >= 3 && lower.includes(context.username.toLowerCase())) {
    problems.push('不能包含用户名');
  }
  if (WELL_KNOWN.some((w) => lower.includes(w)))
    problems.push('不能包含常见的弱密码片段（如 password、123456、qwerty）');
  if (/(.)\1{3,}/.test(password)) problems.push('不能有连续四个以上相同的字符');
  if (context.currentPassword !== undefined && password === context.currentPassword) {
    problems.push('新密码不能与当前密码相同');
  }
  return problems;
}
