import {
  checkResidentIdNumber,
  checkUnifiedSocialCreditCode,
  isChinesePhoneNumber,
  isRealDate,
} from './identity-numbers.js';

describe('checkResidentIdNumber (GB 11643)', () => {
  // Check characters of the made-up numbers were computed independently (Python, from the standard).
  it.each([
    ['11010519491231002X'], // the standard's own example
    ['371322199003070013'],
    ['371322200002291231'], // born on 29 February 2000
  ])('accepts %s', (id) => {
    expect(checkResidentIdNumber(id, '2026-11-27')).toEqual({ valid: true });
  });

  it.each([
    ['11010519491231002', '应为 18 位'],
    ['110105194912310021', '校验位不正确'],
    ['11010519491331002X', '出生日期'],
    ['11010520300101002X', '出生日期'], // in the future
    ['010105194912310021', '行政区划'],
    ['110105491231002', '第一代'],
    ['11010519491231002Y', '应为 18 位'],
    ['440524188001010014', '出生日期'], // check digit right, but born before 1900
  ])('rejects %s (%s)', (id, reason) => {
    const result = checkResidentIdNumber(id, '2026-11-27');
    expect(result.valid).toBe(false);
    expect(result.valid === false && result.reason).toContain(reason);
  });

  it('accepts a lower-case x', () => {
    expect(checkResidentIdNumber('11010519491231002x', '2026-11-27').valid).toBe(true);
  });
});

describe('checkUnifiedSocialCreditCode (GB 32100)', () => {
  it.each([
    ['91350100M000100Y43'],
    ['91110000600037341L'],
    ['11100000000013127D'],
    ['91371322MA3C51111Q'],
    ['52371300MJE1234562'],
  ])('accepts %s', (code) => {
    expect(checkUnifiedSocialCreditCode(code)).toEqual({ valid: true });
  });

  it.each([
    ['91350100M000100Y44', '校验位'],
    ['91350100M000100Y4', '18 位'],
    ['91350100M0001O0Y43', '不允许的字符'],
    ['91AB0100M000100Y43', '行政区划'],
  ])('rejects %s (%s)', (code, reason) => {
    const result = checkUnifiedSocialCreditCode(code);
    expect(result.valid === false && result.reason).toContain(reason);
  });
});

describe('isChinesePhoneNumber', () => {
  it.each([
    '13800138000',
    '+86 138 0013 8000',
    '0539-6200001',
    '05396200001',
    '010-12345678-123',
    '400-123-4567',
  ])('accepts %s', (phone) => expect(isChinesePhoneNumber(phone)).toBe(true));
  it.each(['12345', '1380013800', '23800138000', 'abc'])('rejects %s', (phone) =>
    expect(isChinesePhoneNumber(phone)).toBe(false),
  );
});

describe('isRealDate', () => {
  it.each([
    ['2026-02-28', true],
    ['2026-02-29', false],
    ['2024-02-29', true],
    ['2026-13-01', false],
    ['2026-1-01', false],
  ])('%s → %s', (date, expected) => expect(isRealDate(date)).toBe(expected));
});
