import {
  DOCUMENT_NUMBER_PATTERN,
  formatChineseDate,
  formatDocumentNumber,
  formatYuan,
  isIsoDate,
} from './letter-format.js';
import { seriesPrefix } from './letter-types.js';

describe('letter formats', () => {
  // GB/T 9704-2012 7.3.5.4: Arabic numerals, no leading zeros.
  it.each([
    ['2026-03-08', '2026年3月8日'],
    ['2026-12-31', '2026年12月31日'],
    ['2027-01-01', '2027年1月1日'],
  ])('dates %s as %s', (iso, printed) => {
    expect(formatChineseDate(iso)).toBe(printed);
  });

  it.each(['2026-02-30', '2026-3-8', '08/03/2026', ''])('refuses the date %j', (value) => {
    expect(isIsoDate(value)).toBe(false);
    expect(() => formatChineseDate(value)).toThrow('不是合法日期');
  });

  // GB/T 9704-2012 7.2.5: 六角括号, no 第, no leading zeros.
  it.each([
    ['郯自然资信复', 2026, 12, '郯自然资信复〔2026〕12号'],
    ['郯自然资信复', 2026, 1, '郯自然资信复〔2026〕1号'],
    [' 郯政信复 ', 2027, 100, '郯政信复〔2027〕100号'],
  ])('numbers %s/%i/%i as %s', (prefix, year, sequence, printed) => {
    expect(formatDocumentNumber(prefix, year, sequence)).toBe(printed);
    expect(printed).toMatch(DOCUMENT_NUMBER_PATTERN);
  });

  it.each([
    ['', 2026, 1],
    ['郯政信复', 26, 1],
    ['郯政信复', 2026, 0],
    ['郯政信复', 2026, 1.5],
  ])('refuses the number %j/%i/%i', (prefix, year, sequence) => {
    expect(() => formatDocumentNumber(prefix, year, sequence)).toThrow(TypeError);
  });

  it.each([
    '郯自然资信复[2026]12号',
    '郯自然资信复〔2026〕012号',
    '郯自然资信复〔2026〕第12号',
    '郯自然资信复(2026)12号',
  ])('does not take %s for a well-formed 发文字号', (number) => {
    expect(number).not.toMatch(DOCUMENT_NUMBER_PATTERN);
  });

  it.each([
    ['郯自然资信复', 'reply', '郯自然资信复'],
    ['郯自然资信复', 'correction', '郯自然资信补'],
    ['郯自然资信复', 'fee', '郯自然资信费'],
    ['郯政信', 'extension', '郯政信延'],
  ] as const)('derives the %s prefix of the %s series: %s', (prefix, series, expected) => {
    expect(seriesPrefix(prefix, series)).toBe(expected);
  });

  it.each([
    [0, '0.00元'],
    [1700, '1700.00元'],
    [12.5, '12.50元'],
  ])('prints %d yuan as %s', (amount, printed) => {
    expect(formatYuan(amount)).toBe(printed);
  });
});
