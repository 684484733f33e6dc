import { seedCalendarYears } from '../../seeds/holiday-calendars.seed-data.js';
import { statutoryHolidays } from './statutory-holidays.rules.js';
import { WorkingDayCalendar } from './working-day-calendar.js';

/** 《全国年节及纪念日放假办法》 as the fallback for unpublished years (legal-rules W5). */
const days = (year: number) => statutoryHolidays(year).days.map((d) => [d.date, d.name]);

describe('the statutory holidays of a year without a published notice', () => {
  it('2027 under the 2024 revision: 元旦1, 春节4 (除夕–初三), 清明1, 劳动节2, 端午1, 中秋1, 国庆3, and Art. 6 compensation', () => {
    expect(statutoryHolidays(2027).ruleSet.id).toBe('2024');
    expect(days(2027)).toEqual([
      ['2027-01-01', '元旦'],
      ['2027-02-05', '春节'], // 除夕 (Friday)
      ['2027-02-06', '春节'], // 正月初一 (Saturday) → compensated
      ['2027-02-07', '春节'], // 初二 (Sunday) → compensated
      ['2027-02-08', '春节'], // 初三
      ['2027-02-09', '春节补假'],
      ['2027-02-10', '春节补假'],
      ['2027-04-05', '清明节'],
      ['2027-05-01', '劳动节'], // Saturday
      ['2027-05-02', '劳动节'], // Sunday
      ['2027-05-03', '劳动节补假'],
      ['2027-05-04', '劳动节补假'],
      ['2027-06-09', '端午节'],
      ['2027-09-15', '中秋节'],
      ['2027-10-01', '国庆节'],
      ['2027-10-02', '国庆节'], // Saturday
      ['2027-10-03', '国庆节'], // Sunday
      ['2027-10-04', '国庆节补假'],
      ['2027-10-05', '国庆节补假'],
    ]);
  });

  it('2024 under the 2013 revision: 春节3 = 正月初一至初三, 劳动节1', () => {
    expect(statutoryHolidays(2024).ruleSet.id).toBe('2013');
    expect(days(2024).filter(([, name]) => name.startsWith('春节') || name.startsWith('劳动节'))).toEqual([
      ['2024-02-10', '春节'], // 初一, Saturday
      ['2024-02-11', '春节'], // Sunday
      ['2024-02-12', '春节'],
      ['2024-02-13', '春节补假'],
      ['2024-02-14', '春节补假'],
      ['2024-05-01', '劳动节'],
    ]);
  });

  it('2010 under the 2007 revision: 春节 = 除夕、初一、初二', () => {
    expect(statutoryHolidays(2010).ruleSet.id).toBe('2007');
    expect(days(2010).filter(([, name]) => name === '春节')).toEqual([
      ['2010-02-13', '春节'],
      ['2010-02-14', '春节'],
      ['2010-02-15', '春节'],
    ]);
  });

  it('2005 under the 1999 revision: no 清明/端午/中秋, 劳动节 three days', () => {
    expect(statutoryHolidays(2005).ruleSet.id).toBe('1999');
    expect(new Set(days(2005).map(([, name]) => name.replace('补假', '')))).toEqual(
      new Set(['元旦', '春节', '劳动节', '国庆节']),
    );
  });

  it('two holidays on one date (中秋 = 国庆, 2020) give one more day, as every notice did', () => {
    expect(days(2020).filter(([date]) => date >= '2020-10-01' && date <= '2020-10-09')).toEqual([
      ['2020-10-01', '中秋节、国庆节'],
      ['2020-10-02', '国庆节'],
      ['2020-10-03', '国庆节'],
      ['2020-10-05', '国庆节补假'], // 10/1 is both: one more day
      ['2020-10-06', '国庆节补假'],
    ]);
  });

  it('cites the revision and the article on every day', () => {
    for (const day of statutoryHolidays(2027).days) {
      expect(day.note).toContain('2024年11月10日修订');
      expect(day.note).toMatch(day.compensation ? /第六条/ : /第二条/);
    }
  });

  it('refuses years before 2000', () => {
    expect(() => statutoryHolidays(1999)).toThrow(RangeError);
  });
});

describe('why Art. 6 compensation: over a year the fallback loses exactly the working days the notices did', () => {
  const official = WorkingDayCalendar.fromYears(seedCalendarYears());
  const fallback = WorkingDayCalendar.fromYears([]);
  const workingDaysIn = (calendar: WorkingDayCalendar, year: number) =>
    calendar.workingDaysBetween(`${year - 1}-12-31`, `${year}-12-31`).workingDays;

  it.each([2019, 2021, 2022, 2023, 2024, 2025, 2026])('%i', (year) => {
    expect(workingDaysIn(fallback, year)).toBe(workingDaysIn(official, year));
  });

  it('2020, but for the two days of the 春节 extension (国办发明电〔2020〕1号: 1/31 and the make-up Saturday 2/1)', () => {
    expect(workingDaysIn(fallback, 2020) - workingDaysIn(official, 2020)).toBe(2);
  });
});
