import { bool, errorMap, int, lines, localDateTimeToIso, many, text } from './form-values.js';

describe('form values', () => {
  it.each([
    ['  张三 ', '张三'],
    ['', undefined],
    ['   ', undefined],
    [undefined, undefined],
  ])('text(%p) is %p', (value, expected) => {
    expect(text({ f: value }, 'f')).toBe(expected);
  });

  it.each([
    ['12', 12],
    ['1.5', '1.5'],
    ['二十', '二十'],
    ['', undefined],
  ])('int(%p) is %p (anything else goes to validation as typed)', (value, expected) => {
    expect(int({ f: value }, 'f')).toBe(expected);
  });

  it('reads radio values as booleans', () => {
    expect(bool({ f: 'true' }, 'f')).toBe(true);
    expect(bool({ f: 'false' }, 'f')).toBe(false);
    expect(bool({}, 'f')).toBeUndefined();
  });

  it('reads one item per line and several checkbox values', () => {
    expect(lines({ f: '第一项\r\n\r\n  第二项 ' }, 'f')).toEqual(['第一项', '第二项']);
    expect(many({ f: ['a', 'b'] }, 'f')).toEqual(['a', 'b']);
    expect(many({ f: 'a' }, 'f')).toEqual(['a']);
  });

  it.each([
    ['2026-11-27T09:30', 'Asia/Shanghai', '2026-11-27T09:30:00+08:00'],
    ['2026-07-01T12:00', 'Europe/Berlin', '2026-07-01T12:00:00+02:00'],
    ['2026-01-01T12:00', 'Europe/Berlin', '2026-01-01T12:00:00+01:00'],
    ['昨天', 'Asia/Shanghai', '昨天'],
  ])('turns the wall time %p in %p into %p', (value, zone, expected) => {
    expect(localDateTimeToIso(value, zone)).toBe(expected);
  });

  it('keeps the first message per field', () => {
    expect(
      errorMap([
        { field: 'a', message: '一' },
        { field: 'a', message: '二' },
      ]),
    ).toEqual({ a: '一' });
  });
});
