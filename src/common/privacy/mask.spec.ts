import { maskIdNumber, maskIdNumbersInText, maskIdNumbersInUrl } from './mask.js';

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

  it('masks a number typed with hyphens', () => {
    expect(maskIdNumbersInText('q=110105-19491231-002X')).toBe('q=110105********002X');
  });
});

describe('maskIdNumbersInUrl (what the request log records)', () => {
  it.each([
    ['/api/v1/cases?applicant=11010519491231002X', '/api/v1/cases?applicant=110105********002X'],
    ['/api/v1/cases?applicant=110105%2019491231002X', '/api/v1/cases?applicant=110105********002X'],
    ['/api/v1/cases?applicant=110105+19491231002X', '/api/v1/cases?applicant=110105********002X'],
    ['/api/v1/cases?q=ID11010519491231002Xabc', '/api/v1/cases?q=ID110105********002Xabc'],
    ['/api/v1/cases?q=%E5%BC%A011010519491231002x', '/api/v1/cases?q=张110105********002x'],
    [
      '/api/v1/cases?q=%31%31%30%31%30%35%31%39%34%39%31%32%33%31%30%30%32%58',
      '/api/v1/cases?q=110105********002X',
    ],
    [
      '/register/checks?applicant.idNumber=110105194912310',
      '/register/checks?applicant.idNumber=110105*****2310',
    ],
    // Nothing to mask: logged as sent, still encoded.
    ['/case-list?q=%E5%BE%81%E6%94%B6&page=2', '/case-list?q=%E5%BE%81%E6%94%B6&page=2'],
    ['/case-list?q=%ZZ%E5', '/case-list?q=%ZZ%E5'],
    ['/x?order=12345678901234567890', '/x?order=12345678901234567890'],
  ])('%s → %s', (url, logged) => {
    expect(maskIdNumbersInUrl(url)).toBe(logged);
  });
});
