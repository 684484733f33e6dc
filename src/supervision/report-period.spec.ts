import { checkReportYear, MAX_PERIOD_YEARS, periodProblems } from './report-period.js';

describe('statistics periods (dashboard, at-risk list, case exports)', () => {
  it.each<[string, { from?: string; to?: string }, Array<{ field: string; message: string }>]>([
    ['a year', { from: '2026-01-01', to: '2026-12-31' }, []],
    ['one day', { from: '2026-11-27', to: '2026-11-27' }, []],
    [`${MAX_PERIOD_YEARS} years to the day before`, { from: '2017-01-01', to: '2026-12-31' }, []],
    ['the calendar’s first and last days', { from: '1949-01-01', to: '1949-12-31' }, []],
    ['only one end given', { to: '2026-12-31' }, []],
    [
      `${MAX_PERIOD_YEARS} years and a day`,
      { from: '2016-12-31', to: '2026-12-31' },
      [{ field: 'to', message: '统计期间不能超过 10 年' }],
    ],
    [
      'a typo in the year',
      { from: '1000-01-01', to: '9999-12-31' },
      [
        { field: 'from', message: '日期须在 1949—2100 年之间' },
        { field: 'to', message: '日期须在 1949—2100 年之间' },
      ],
    ],
    [
      'ends swapped',
      { from: '2027-01-01', to: '2020-01-01' },
      [{ field: 'to', message: '结束日期不能早于开始日期' }],
    ],
    [
      'an impossible date',
      { from: '2026-02-30', to: '2026-03-01' },
      [{ field: 'from', message: '应为 YYYY-MM-DD 格式的日期' }],
    ],
  ])('%s', (_, period, errors) => {
    expect(periodProblems(period)).toEqual(errors);
  });
});

describe('report years one can ask for', () => {
  it.each([
    [2019, true],
    [2026, true],
    [2018, false],
    [2027, false],
    [2101, false],
    [Number.NaN, false],
    [2026.5, false],
  ])('%d on 2026-11-27 → %s', (year, ok) => {
    const check = () => checkReportYear(year, '2026-11-27');
    if (ok) expect(check).not.toThrow();
    else expect(check).toThrow('年度须在 2019 年（条例修订施行后的第一个年度）至 2026 年之间');
  });
});
