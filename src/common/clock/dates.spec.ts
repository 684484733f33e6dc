import { dateInTimeZone } from './dates.js';

describe('dateInTimeZone', () => {
  it.each([
    ['2026-11-26T15:59:59Z', 'Asia/Shanghai', '2026-11-26'],
    ['2026-11-26T16:00:00Z', 'Asia/Shanghai', '2026-11-27'], // midnight in Shanghai
    ['2026-11-26T16:00:00Z', 'UTC', '2026-11-26'],
    ['2026-12-31T23:30:00-05:00', 'America/New_York', '2026-12-31'],
    ['2026-12-31T23:30:00-05:00', 'Asia/Shanghai', '2027-01-01'],
  ])('%s in %s is %s', (instant, timeZone, date) => {
    expect(dateInTimeZone(new Date(instant), timeZone)).toBe(date);
  });

  it('gives each time zone its own date when zones alternate (formatters are kept per zone)', () => {
    const instant = new Date('2026-11-26T20:00:00Z');
    expect([
      dateInTimeZone(instant, 'Asia/Shanghai'),
      dateInTimeZone(instant, 'UTC'),
      dateInTimeZone(instant, 'Asia/Shanghai'),
    ]).toEqual(['2026-11-27', '2026-11-26', '2026-11-27']);
  });
});
