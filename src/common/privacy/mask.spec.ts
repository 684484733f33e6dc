import { maskIdNumber, maskIdNumbersInText } from './mask.js';

describe('maskIdNumber', () => {
  it.each([
    ['11010519491231002X', '110105********002X'],
    ['110105491231002', '110105*****1002'],
    ['91370000MA3C5EXU8Y', '**************XU8Y'],
    ['E12345678', '*****5678'],
    ['123', '***'],
    ['', ''],
    [null, null],
  ])('%s → %s', (input, expected) => {
    expect(maskIdNumber(input)).toBe(expected);
  });
});

describe('maskIdNumbersInText', () => {
  it('masks ID numbers in URLs and messages but leaves other numbers', () => {
    expect(maskIdNumbersInText('/api/v1/cases?q=11010519491231002X&page=2')).toBe(
      '/api/v1/cases?q=110105********002X&page=2',
    );
    expect(maskIdNumbersInText('case 2026-000123, phone 13800138000')).toBe(
      'case 2026-000123, phone 13800138000',
    );
    expect(maskIdNumbersInText('order 12345678901234567890')).toBe('order 12345678901234567890');
  });
});
