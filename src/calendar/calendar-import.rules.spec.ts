import fs from 'node:fs';
import { diffYear } from './calendar-diff.rules.js';
import { contentHashOf, OWN_FORMAT, parseCalendarYear, toOwnFormat } from './calendar-import.rules.js';
import { WorkingDayCalendar } from './working-day-calendar.js';

const holidayCn = (year: number): unknown =>
  JSON.parse(fs.readFileSync(`seeds/data/holidays/${year}.json`, 'utf8'));

const ok = (input: unknown, year: number) => {
  const parsed = parseCalendarYear(input, year);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed;
};

const errorsOf = (input: unknown, year: number) => {
  const parsed = parseCalendarYear(input, year);
  if (parsed.ok) throw new Error('expected errors');
  return parsed.errors;
};

const source = {
  title: '国务院办公厅关于2027年部分节假日安排的通知',
  documentNumber: null,
  url: null,
  publishedOn: null,
};

describe('reading a year in the holiday-cn format (shared/data/holidays)', () => {
  it.each([2019, 2021, 2022, 2023, 2024, 2025, 2026])(
    '%i is accepted as published, without warnings',
    (year) => {
      const parsed = ok(holidayCn(year), year);
      expect(parsed.format).toBe('holiday-cn');
      expect(parsed.data.status).toBe('published');
      expect(parsed.warnings).toEqual([]);
      expect(parsed.data.sources[0].url).toMatch(/^https?:\/\/www\.gov\.cn\//);
    },
  );

  it('2019: the 元旦 days of December 2018 belong to the 2019 notice', () => {
    const parsed = ok(holidayCn(2019), 2019);
    expect(parsed.data.days.slice(0, 3).map((d) => [d.date, d.kind])).toEqual([
      ['2018-12-29', 'makeup_workday'],
      ['2018-12-30', 'holiday'],
      ['2018-12-31', 'holiday'],
    ]);
    expect(parsed.data.sources).toHaveLength(2);
  });

  it('2020: both notices are kept; the "work resumes" Monday 2020-02-03 is dropped with a warning', () => {
    const parsed = ok(holidayCn(2020), 2020);
    expect(parsed.data.sources.map((s) => s.url)).toEqual([
      'http://www.gov.cn/zhengce/zhengceku/2019-11/21/content_5454164.htm',
      'http://www.gov.cn/zhengce/zhengceku/2020-01/27/content_5472352.htm',
    ]);
    expect(parsed.data.days.find((d) => d.date === '2020-02-03')).toBeUndefined();
    expect(parsed.data.days.find((d) => d.date === '2020-02-01')).toMatchObject({ kind: 'holiday' });
    expect(parsed.warnings).toEqual([expect.stringContaining('2020-02-03（周一）')]);
  });

  it('an unpublished year (papers and days empty, like holiday-cn 2027.json) cannot be loaded', () => {
    expect(errorsOf({ year: 2027, papers: [], days: [] }, 2027)).toEqual([
      { field: 'papers', message: '为空：2027 年的放假安排尚未发布，不能导入' },
    ]);
  });

  it('a day marked both off and, on a weekday, worked is a contradiction, not a warning', () => {
    const input = {
      year: 2027,
      papers: ['https://www.gov.cn/x.htm'],
      days: [
        { name: '国庆节', date: '2027-10-05', isOffDay: true },
        { name: '国庆节', date: '2027-10-05', isOffDay: false },
      ],
    };
    expect(errorsOf(input, 2027)).toEqual([
      { field: 'days[1].date', message: '2027-10-05 同时被标为放假和调休上班' },
    ]);
  });
});

describe('reading a year in our own format', () => {
  it('round-trips, with the same content hash whatever the key or day order', () => {
    const data = ok(holidayCn(2026), 2026).data;
    const own = toOwnFormat(data) as { days: unknown[] };
    const reparsed = ok({ ...own, days: [...own.days].reverse() }, 2026);
    expect(reparsed.format).toBe('gip-desk');
    expect(reparsed.data).toEqual(data);
    expect(contentHashOf(reparsed.data)).toBe(contentHashOf(data));
  });

  it('keeps titles, document numbers, dates and notes', () => {
    const parsed = ok(
      {
        format: OWN_FORMAT,
        year: 2027,
        sources: [
          { ...source, documentNumber: '国办发明电〔2026〕9号', publishedOn: '2026-11-20', note: '测试' },
        ],
        days: [{ date: '2027-02-06', kind: 'holiday', name: '春节', note: '正月初一' }],
      },
      2027,
    );
    expect(parsed.data.sources[0].documentNumber).toBe('国办发明电〔2026〕9号');
    expect(parsed.data.days[0].note).toBe('正月初一');
    expect(parsed.data.status).toBe('published');
  });
});

describe('bad imports are rejected with every error listed', () => {
  it('dates outside the year, impossible dates, repeats, contradictions, make-up weekdays, bad fields — all at once', () => {
    const input = {
      format: OWN_FORMAT,
      year: 2027,
      sources: [{ ...source, url: 'ftp://x', extra: 1 }],
      days: [
        { date: '2027-02-30', kind: 'holiday', name: '春节' }, // 0 impossible
        { date: '2026-05-01', kind: 'holiday', name: '劳动节' }, // 1 outside the year
        { date: '2027-10-01', kind: 'holiday', name: '国庆节' }, // 2
        { date: '2027-10-01', kind: 'holiday', name: '国庆节' }, // 3 repeated
        { date: '2027-09-26', kind: 'holiday', name: '国庆节' }, // 4
        { date: '2027-09-26', kind: 'makeup_workday', name: '国庆节' }, // 5 both off and worked
        { date: '2027-09-29', kind: 'makeup_workday', name: '国庆节' }, // 6 a Wednesday
        { date: '2027-01-01', kind: 'day_off', name: '' }, // 7 bad kind and name
      ],
    };
    expect(errorsOf(input, 2027)).toEqual([
      { field: 'sources[0].extra', message: '不允许的字段' },
      { field: 'sources[0].url', message: '必须是 http(s) 网址' },
      { field: 'days[0].date', message: '不是合法的日期（YYYY-MM-DD）' },
      { field: 'days[7].kind', message: '必须是 holiday（放假）或 makeup_workday（调休上班）' },
      { field: 'days[7].name', message: '必须是 1–40 个字符的节日名称' },
      { field: 'days[1].date', message: '2026-05-01 不在 2027 年内（只允许 2026 年 12 月的元旦调休日）' },
      { field: 'days[3].date', message: '2027-10-01 重复出现' },
      { field: 'days[5].date', message: '2027-09-26 同时被标为放假和调休上班' },
      { field: 'days[6].date', message: '2027-09-29 是周三：调休上班日只能是周六或周日' },
    ]);
  });

  it.each([
    ['not an object', 'x', 2027, ''],
    ['an unknown format', { year: 2027, days: [] }, 2027, ''],
    [
      'a year that differs from the address',
      { year: 2026, papers: ['https://www.gov.cn/x'], days: [] },
      2027,
      'year',
    ],
    ['a year before 1949', { year: 1948, papers: ['https://www.gov.cn/x'], days: [] }, 1948, 'year'],
    [
      'a published year without a notice',
      { format: OWN_FORMAT, year: 2027, sources: [], days: [] },
      2027,
      'sources',
    ],
    [
      'a bad status',
      { format: OWN_FORMAT, year: 2027, status: 'final', sources: [source], days: [] },
      2027,
      'status',
    ],
    ['days that are not a list', { year: 2027, papers: ['https://www.gov.cn/x'], days: {} }, 2027, 'days'],
  ])('%s', (_what, input, year, field) => {
    expect(errorsOf(input, year).map((e) => e.field)).toContain(field);
  });

  it('a provisional draft may come without a notice', () => {
    expect(
      ok({ format: OWN_FORMAT, year: 2027, status: 'provisional', sources: [], days: [] }, 2027).data.status,
    ).toBe('provisional');
  });
});

describe('the dry-run diff: days whose status, kind or name changes', () => {
  it('loading 2027 over the statutory fallback lists the days the notice arranges differently', () => {
    const before = WorkingDayCalendar.fromYears([]);
    const after = before.withYear({
      year: 2027,
      status: 'published',
      sources: [{ ...source, note: null }],
      days: [
        { date: '2027-01-01', kind: 'holiday', name: '元旦', note: null },
        { date: '2027-02-20', kind: 'makeup_workday', name: '春节', note: null },
        { date: '2027-02-11', kind: 'holiday', name: '春节', note: null },
      ],
    });
    const changes = diffYear(before, after, 2027);
    expect(changes.map((c) => [c.date, c.before?.kind, c.after?.kind, c.after?.name])).toEqual(
      expect.arrayContaining([
        ['2027-02-05', 'holiday', 'workday', null],
        ['2027-02-11', 'workday', 'holiday', '春节'],
        ['2027-02-20', 'weekend', 'makeup_workday', '春节'],
        ['2027-05-03', 'holiday', 'workday', null],
      ]),
    );
    expect(changes.find((c) => c.date === '2027-01-01')).toBeUndefined();
  });

  it('loading a year before 2000 (no statutory fallback) shows its days as new, not as an error', () => {
    const before = WorkingDayCalendar.fromYears([]);
    const after = before.withYear({
      year: 1990,
      status: 'published',
      sources: [{ ...source, note: null }],
      days: [],
    });
    const changes = diffYear(before, after, 1990);
    expect(changes).toHaveLength(365);
    expect(changes[0]).toEqual({
      date: '1990-01-01',
      weekday: '周一',
      before: null,
      after: { working: true, kind: 'workday', name: null },
    });
  });
});
