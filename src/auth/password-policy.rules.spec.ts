import { passwordProblems } from './password-policy.rules.js';

describe('passwordProblems', () => {
  it.each(['Tancheng#2026', 'correct-Horse-battery', 'Zx9!kq2@Lm', '郯城县Gov2026!'])(
    'accepts %s',
    (password) => {
      expect(passwordProblems(password, { username: 'zhangsan' })).toEqual([]);
    },
  );

  it.each<[string, string, { username?: string; currentPassword?: string }, string]>([
    ['too short', 'Ab1!xyz', {}, '至少 10 个字符'],
    ['too long', `Ab1!${'x'.repeat(130)}`, {}, '不能超过 128 个字符'],
    ['only two classes', 'abcdefgh12', {}, '至少三类'],
    ['only letters', 'AbcdefghIJ', {}, '至少三类'],
    ['containing the username', 'Zhangsan#2026', { username: 'zhangsan' }, '不能包含用户名'],
    ['a well-known pattern', 'MyPassword1!', {}, '弱密码'],
    ['a digit run', 'Ab!12345678', {}, '弱密码'],
    ['a repeated character', 'Abc1!aaaaxyz', {}, '相同的字符'],
    [
      'the current password again',
      'Tancheng#2026',
      { currentPassword: 'Tancheng#2026' },
      '不能与当前密码相同',
    ],
  ])('refuses %s', (_label, password, context, message) => {
    expect(passwordProblems(password, context)).toEqual(
      expect.arrayContaining([expect.stringContaining(message)]),
    );
  });

  it('ignores usernames too short to matter', () => {
    expect(passwordProblems('Tancheng#2026', { username: 'ta' })).toEqual([]);
  });
});
