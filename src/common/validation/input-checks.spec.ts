import { duplicateParameterErrors, hasUnsafeCharacters, unsafeTextErrors } from './input-checks.js';

describe('hasUnsafeCharacters', () => {
  it.each([
    ['张三', false],
    ['line one\nline two\r\n\tindented', false],
    ['emoji 😀 and 𠀀 (a supplementary ideograph)', false],
    ['\u007f (DEL is not C0)', false],
    ['NUL \u0000', true],
    ['bell \u0007', true],
    ['vertical tab \u000b', true],
    ['escape \u001b[31m', true],
    ['lone high surrogate \ud800', true],
    ['lone low surrogate \udc00 here', true],
    ['reversed pair \udc00\ud800', true],
  ])('%j → %s', (value, unsafe) => {
    expect(hasUnsafeCharacters(value)).toBe(unsafe);
  });
});

describe('unsafeTextErrors', () => {
  const message = '不能包含控制字符或无效字符';

  it('names every field with an unsafe string by its dotted path', () => {
    expect(
      unsafeTextErrors({
        name: 'ok',
        applicant: { name: 'a\u0000', agent: { phone: '\ud800' } },
        items: ['fine', 'bad\u0001', 'worse\u0002'],
        docs: [{ title: 'x\u0000' }],
        count: 3,
        nothing: null,
      }),
    ).toEqual([
      { field: 'applicant.name', code: 'safeText', message },
      { field: 'applicant.agent.phone', code: 'safeText', message },
      { field: 'items', code: 'safeText', message },
      { field: 'docs.0.title', code: 'safeText', message },
    ]);
  });

  it('reports a bad key on its parent, and a bare string on its parameter name', () => {
    expect(unsafeTextErrors({ detail: { ['k\u0000']: 1 } })).toEqual([
      { field: 'detail', code: 'safeText', message },
    ]);
    expect(unsafeTextErrors('a\u0000', 'q')).toEqual([{ field: 'q', code: 'safeText', message }]);
    expect(unsafeTextErrors({ fine: ['a', { b: 'c' }] })).toEqual([]);
  });
});

describe('duplicateParameterErrors', () => {
  it('flags a repeated parameter unless it is declared as a list', () => {
    const isList = (name: string) => name === 'status';
    expect(duplicateParameterErrors({ page: ['2', '3'], status: ['a', 'b'], q: 'x' }, isList)).toEqual([
      { field: 'page', code: 'duplicateParameter', message: '参数重复' },
    ]);
  });
});
