import { canonicalJson } from './canonical-json.js';

describe('canonicalJson', () => {
  it.each([
    ['scalars', 'a', '"a"'],
    ['numbers as JSON writes them', 1.5, '1.5'],
    ['null', null, 'null'],
    ['non-finite numbers as null', Number.NaN, 'null'],
    ['keys sorted', { b: 1, a: 2 }, '{"a":2,"b":1}'],
    ['nested keys sorted', { z: { y: 1, x: [{ b: 1, a: 2 }] } }, '{"z":{"x":[{"a":2,"b":1}],"y":1}}'],
    ['undefined members dropped', { a: undefined, b: 1 }, '{"b":1}'],
    ['undefined array items as null', [undefined, 1], '[null,1]'],
    [
      'dates as ISO strings',
      { at: new Date('2026-11-27T02:00:00.000Z') },
      '{"at":"2026-11-27T02:00:00.000Z"}',
    ],
    ['Chinese text unescaped', { name: '郯城县' }, '{"name":"郯城县"}'],
  ])('%s', (_label, value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });

  it('gives the same text whatever the key order', () => {
    expect(canonicalJson({ roles: ['clerk'], agencyId: 'x' })).toBe(
      canonicalJson({ agencyId: 'x', roles: ['clerk'] }),
    );
  });
});
