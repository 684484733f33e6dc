import { addMonthsToDayNumber, formatDayNumber, isIsoDate, parseIsoDate, weekdayName } from './iso-date.js';

describe('legal dates YYYY-MM-DD', () => {
  it.each(['2026-02-28', '2024-02-29', '2000-02-29', '1949-01-01', '2100-12-31'])('%s is a date', (date) => {
    expect(isIsoDate(date)).toBe(true);
    expect(formatDayNumber(parseIsoDate(date))).toBe(date);
  });

  it.each([
    '2026-02-30',
    '2026-02-29',
    '2100-02-29',
    '2026-13-01',
    '2026-00-10',
    '2026-2-3',
    '20260203',
    '2026-02-03T00:00',
    '',
    'abc',
  ])('%s is not', (date) => {
    expect(isIsoDate(date)).toBe(false);
    expect(parseIsoDate(date)).toBeNaN();
  });

  it.each([
    ['1970-01-01', '周四'],
    ['2026-11-27', '周五'],
    ['2026-02-14', '周六'],
    ['2027-01-01', '周五'],
  ])('%s is a %s', (date, weekday) => {
    expect(weekdayName(parseIsoDate(date))).toBe(weekday);
  });

  it.each([
    ['2026-03-08', 6, '2026-09-08', false],
    ['2026-08-31', 6, '2027-02-28', true],
    ['2024-01-31', 1, '2024-02-29', true],
    ['2026-11-30', 3, '2027-02-28', true],
    ['2026-12-15', 1, '2027-01-15', false],
  ])('%s + %i months = %s (month end taken: %s) — 民法典 Art. 202', (from, months, to, clamped) => {
    const result = addMonthsToDayNumber(parseIsoDate(from), months);
    expect(formatDayNumber(result.dayNumber)).toBe(to);
    expect(result.clamped).toBe(clamped);
  });
});
