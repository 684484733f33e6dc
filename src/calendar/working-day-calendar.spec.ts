import { seedCalendarYears } from '../../seeds/holiday-calendars.seed-data.js';
import { type DomainError } from '../common/errors/domain-error.js';
import type { CalendarYearData } from './calendar-data.js';
import { WorkingDayCalendar } from './working-day-calendar.js';

/**
 * Working days as the 条例 counts them (legal-rules §5), on the official schedules 2019–2026 (seeded
 * from the State Council notices) and the statutory fallback for 2027, which is not published: today
 * is 2026-11-27.
 */
const official = seedCalendarYears();
const calendar = WorkingDayCalendar.fromYears(official);

describe('W2–W4: n working days after a date (the day itself is not counted; 调休 Saturdays and Sundays count)', () => {
  // legal-rules §5.5, computed by hand from the 2025/2026 notices.
  it.each([
    [
      '2026-02-12',
      7,
      '2026-02-28',
      '补正 window over 春节: 2/14 and 2/28 are make-up Saturdays, the 7th day is one',
    ],
    ['2026-02-12', 20, '2026-03-18', '20-day reply period spanning 春节'],
    ['2025-12-26', 20, '2026-01-26', 'crosses the year; 2026-01-04 (Sunday) is a working day'],
    ['2025-09-26', 20, '2025-10-30', '9/28 Sunday and 10/11 Saturday count'],
    ['2026-09-18', 20, '2026-10-22', '9/20 Sunday and 10/10 Saturday count'],
    ['2026-09-18', 40, '2026-11-19', 'the same, extended by 20 working days (Art. 33)'],
    ['2026-04-30', 20, '2026-06-01', '5/9 Saturday counts'],
  ])('legal-rules §5.5: received %s, %i working days → %s (%s)', (from, n, due) => {
    const result = calendar.addWorkingDays(from, n);
    expect(result.date).toBe(due);
    expect(result.provisional).toBe(false);
    expect(result.provisionalYears).toEqual([]);
  });

  it.each([
    // Receipt on a day off: the period still starts the next day (W2), the next working day counts first.
    [
      '2026-10-03',
      20,
      '2026-11-03',
      'received on 国庆节 (Saturday): 10/8 is the 1st day, 10/10 make-up Saturday the 3rd',
    ],
    [
      '2026-02-17',
      7,
      '2026-03-03',
      'received on 春节 (正月初一): 2/24 is the 1st day, 2/28 make-up Saturday the 5th',
    ],
    ['2026-02-14', 1, '2026-02-24', 'received on a make-up Saturday: the next working day is after 春节'],
    ['2026-03-07', 1, '2026-03-09', 'received on an ordinary Saturday'],
    // Make-up Sundays.
    [
      '2019-02-01',
      2,
      '2019-02-03',
      '2019: 2/2 Saturday and 2/3 Sunday are make-up days, a deadline can fall on a Sunday',
    ],
    ['2024-02-08', 2, '2024-02-18', '2024: 春节 2/10–17, the make-up Sunday 2/18 is the 2nd day'],
    [
      '2019-04-26',
      1,
      '2019-04-28',
      '2019 劳动节 after the adjustment notice (国办发明电〔2019〕3号): Sunday 4/28 counts',
    ],
    ['2019-04-30', 1, '2019-05-05', 'the same notice: 5/1–4 off, Sunday 5/5 is the next working day'],
    // Year boundaries.
    ['2018-12-28', 1, '2018-12-29', 'the 2019 notice makes Saturday 2018-12-29 a working day'],
    ['2018-12-28', 2, '2019-01-02', '2018-12-30 to 2019-01-01 off under the 2019 notice'],
    ['2022-12-30', 1, '2023-01-03', 'the 2023 notice: 2022-12-31 to 2023-01-02 off'],
    ['2023-12-29', 1, '2024-01-02', '元旦 2024 on a Monday'],
    ['2025-12-31', 1, '2026-01-04', '2026: 1/1–3 off, Sunday 1/4 worked'],
    // The 2020 extension (国办发明电〔2020〕1号): 春节 until 2/2, the make-up Saturday 2/1 became a day off.
    ['2020-01-23', 1, '2020-02-03', 'received the day before 春节 2020: nothing counts until 2/3'],
    ['2020-01-17', 7, '2020-02-04', '1/19 make-up Sunday counts; 1/24–2/2 off'],
    // 国庆 and 中秋 together.
    ['2020-09-25', 6, '2020-10-10', '2020: 9/27 Sunday counts, 10/1–8 off, Saturday 10/10 is the 6th day'],
    ['2023-09-27', 3, '2023-10-08', '2023: 9/29–10/6 off, Saturday 10/7 and Sunday 10/8 worked'],
  ])('received %s, %i working days → %s (%s)', (from, n, due) => {
    expect(calendar.addWorkingDays(from, n).date).toBe(due);
  });

  it('0 working days is the date itself', () => {
    expect(calendar.addWorkingDays('2026-10-01', 0).date).toBe('2026-10-01');
  });

  it('nextWorkingDay is the first working day strictly after; sameOrNextWorkingDay keeps a working day', () => {
    expect(calendar.nextWorkingDay('2026-09-30').date).toBe('2026-10-08');
    expect(calendar.nextWorkingDay('2026-10-09').date).toBe('2026-10-10');
    expect(calendar.sameOrNextWorkingDay('2026-10-09').date).toBe('2026-10-09');
    expect(calendar.sameOrNextWorkingDay('2026-10-01').date).toBe('2026-10-08');
  });
});

describe('W5/W7: a deadline reaching into 2027, whose notice is not published, is provisional', () => {
  it.each([
    ['2026-12-10', 20, '2027-01-08', '元旦 2027 (Friday) off by the statute'],
    ['2026-12-31', 1, '2027-01-04', '1/1 off, then the weekend'],
    [
      '2027-01-29',
      7,
      '2027-02-15',
      '春节 2027: 除夕 2/5 to 初三 2/8 off, Art. 6 compensation for 初一/初二 on the weekend: 2/9, 2/10',
    ],
    [
      '2027-04-28',
      3,
      '2027-05-05',
      '劳动节 2027 on Saturday and Sunday: compensated Monday 5/3 and Tuesday 5/4',
    ],
  ])('received %s, %i working days → %s, provisional for 2027 (%s)', (from, n, due) => {
    const result = calendar.addWorkingDays(from, n);
    expect(result.date).toBe(due);
    expect(result.provisional).toBe(true);
    expect(result.provisionalYears).toEqual([2027]);
    expect(result.summary).toContain('2027 年的放假安排尚未发布');
    expect(result.explanation.filter((s) => s.date >= '2027-01-01').every((s) => s.provisional)).toBe(true);
  });

  it('is not provisional when the period ends before 2027, even if computed late in 2026', () => {
    const result = calendar.addWorkingDays('2026-12-01', 20);
    expect(result.date).toBe('2026-12-29');
    expect(result.provisional).toBe(false);
  });

  it('becomes final once the 2027 notice is loaded', () => {
    const year2027: CalendarYearData = {
      year: 2027,
      status: 'published',
      sources: [
        {
          title: '国务院办公厅关于2027年部分节假日安排的通知',
          documentNumber: null,
          url: null,
          publishedOn: null,
          note: null,
        },
      ],
      days: [
        { date: '2027-01-01', kind: 'holiday', name: '元旦', note: null },
        { date: '2027-01-02', kind: 'holiday', name: '元旦', note: null },
        { date: '2027-01-03', kind: 'holiday', name: '元旦', note: null },
      ],
    };
    const result = calendar.withYear(year2027).addWorkingDays('2026-12-10', 20);
    expect(result.date).toBe('2027-01-08');
    expect(result.provisional).toBe(false);
    expect(calendar.addWorkingDays('2026-12-10', 20).provisional).toBe(true);
  });

  it('a year loaded as provisional (an admin draft) still flags its results', () => {
    const draft: CalendarYearData = { year: 2027, status: 'provisional', sources: [], days: [] };
    expect(calendar.withYear(draft).addWorkingDays('2026-12-31', 1)).toMatchObject({
      date: '2027-01-01',
      provisionalYears: [2027],
    });
  });
});

describe('what a day is', () => {
  it.each([
    ['2026-02-14', { working: true, kind: 'makeup_workday', name: '春节', provisional: false }],
    ['2026-02-15', { working: false, kind: 'holiday', name: '春节', provisional: false }],
    ['2026-03-07', { working: false, kind: 'weekend', provisional: false }],
    ['2026-03-09', { working: true, kind: 'workday', provisional: false }],
    ['2018-12-29', { working: true, kind: 'makeup_workday', name: '元旦', provisional: false }],
    ['2018-12-28', { working: true, kind: 'workday', provisional: true }],
    ['2027-05-03', { working: false, kind: 'holiday', name: '劳动节补假', provisional: true }],
    ['2027-01-04', { working: true, kind: 'workday', provisional: true }],
  ])('%s', (date, expected) => {
    expect(calendar.dayInfo(date)).toMatchObject({ date, ...expected });
    expect(calendar.isWorkingDay(date)).toBe(expected.working);
  });

  it('keeps both 2020 notices: the extension turned the make-up Saturday 2020-02-01 into a day off', () => {
    expect(calendar.dayInfo('2020-02-01')).toMatchObject({ working: false, kind: 'holiday', name: '春节' });
    expect(calendar.dayInfo('2020-02-01').note).toContain('国办发明电〔2020〕1号');
    const [y2020] = official.filter((y) => y.year === 2020);
    expect(y2020.sources.map((s) => s.documentNumber)).toEqual([
      '国办发明电〔2019〕16号',
      '国办发明电〔2020〕1号',
    ]);
    // holiday-cn's "work resumes" marker on Monday 2020-02-03 is not a make-up day.
    expect(calendar.dayInfo('2020-02-03')).toMatchObject({ working: true, kind: 'workday' });
  });
});

describe('working days between two dates: the half-open interval (a, b]', () => {
  it.each([
    ['2026-02-12', '2026-03-18', 20],
    ['2026-03-18', '2026-02-12', -20],
    ['2026-02-12', '2026-02-12', 0],
    ['2026-09-18', '2026-11-19', 40],
    ['2026-10-01', '2026-10-07', 0],
    ['2025-12-26', '2026-01-26', 20],
  ])('(%s, %s] has %i working days', (a, b, n) => {
    expect(calendar.workingDaysBetween(a, b).workingDays).toBe(n);
  });

  it('lists the days of the interval, counted or skipped', () => {
    const result = calendar.workingDaysBetween('2026-09-30', '2026-10-10');
    expect(result.explanation.map((s) => [s.date, s.kind, s.ordinal ?? null])).toEqual([
      ['2026-10-01', 'skipped', null],
      ['2026-10-02', 'skipped', null],
      ['2026-10-03', 'skipped', null],
      ['2026-10-04', 'skipped', null],
      ['2026-10-05', 'skipped', null],
      ['2026-10-06', 'skipped', null],
      ['2026-10-07', 'skipped', null],
      ['2026-10-08', 'counted', 1],
      ['2026-10-09', 'counted', 2],
      ['2026-10-10', 'makeup_counted', 3],
    ]);
    expect(result.workingDays).toBe(3);
  });
});

describe('W6: calendar-day and month periods end on the next working day after a 法定休假日 (民诉法 Art. 85)', () => {
  it.each([
    ['2026-08-02', 60, '2026-10-08', 'the 60th day is 10/1 (国庆节): moved past the holiday'],
    ['2026-07-31', 60, '2026-09-29', 'the 60th day is a Tuesday'],
    ['2026-02-01', 15, '2026-02-24', 'the 15th day is in 春节'],
    ['2026-08-11', 60, '2026-10-10', 'the 60th day is a make-up Saturday: a working day, not moved'],
    ['2026-05-05', 60, '2026-07-06', 'the 60th day is an ordinary Saturday'],
  ])('%s + %i days → %s (%s)', (from, n, due) => {
    expect(calendar.addCalendarDays(from, n).date).toBe(due);
  });

  it.each([
    ['2026-03-31', 6, '2026-09-30', false, 'the corresponding day'],
    ['2025-08-17', 6, '2026-02-24', false, '2026-02-17 is 春节'],
    ['2026-08-31', 6, '2027-03-01', true, 'no 31 February: the month end, a Sunday in unpublished 2027'],
  ])('%s + %i months → %s (provisional: %s; %s)', (from, n, due, provisional) => {
    const result = calendar.addMonths(from, n);
    expect(result.date).toBe(due);
    expect(result.provisional).toBe(provisional);
  });

  it('explains the move', () => {
    const result = calendar.addCalendarDays('2026-08-02', 60);
    expect(result.explanation[0]).toMatchObject({ date: '2026-10-01', kind: 'skipped' });
    expect(result.explanation[0].reason).toContain('第 60 日');
    expect(result.explanation.at(-1)).toMatchObject({ date: '2026-10-08', kind: 'moved' });
    expect(result.summary).toContain('民事诉讼法第八十五条');
  });

  it('says when nothing moves', () => {
    const result = calendar.addCalendarDays('2026-07-31', 60);
    expect(result.explanation).toEqual([
      expect.objectContaining({ date: '2026-09-29', kind: 'counted', reason: '第 60 日（期间届满日）' }),
    ]);
  });
});

describe('the explanation a clerk or a court reads', () => {
  it('lists every day, counted or skipped, with the reason (补正 window over 春节 2026)', () => {
    const result = calendar.addWorkingDays('2026-02-12', 7);
    expect(result.explanation.map((s) => [s.date, s.kind, s.reason, s.ordinal ?? null])).toEqual([
      ['2026-02-13', 'counted', '工作日', 1],
      ['2026-02-14', 'makeup_counted', '调休上班（春节）', 2],
      ['2026-02-15', 'skipped', '春节', null],
      ['2026-02-16', 'skipped', '春节', null],
      ['2026-02-17', 'skipped', '春节', null],
      ['2026-02-18', 'skipped', '春节', null],
      ['2026-02-19', 'skipped', '春节', null],
      ['2026-02-20', 'skipped', '春节', null],
      ['2026-02-21', 'skipped', '春节', null],
      ['2026-02-22', 'skipped', '春节', null],
      ['2026-02-23', 'skipped', '春节', null],
      ['2026-02-24', 'counted', '工作日', 3],
      ['2026-02-25', 'counted', '工作日', 4],
      ['2026-02-26', 'counted', '工作日', 5],
      ['2026-02-27', 'counted', '工作日', 6],
      ['2026-02-28', 'makeup_counted', '调休上班（春节）', 7],
    ]);
    expect(result.summary).toBe(
      '自2026-02-12（周四）的次日起计算 7 个工作日（起算日当日不计入，民事诉讼法第八十五条），' +
        '第 7 个工作日即期间届满日为 2026-02-28（周六）。' +
        '其间跳过春节 9 日；计入调休上班日 2 日（2026-02-14、2026-02-28）。',
    );
  });

  it('says when the start day is itself a day off', () => {
    expect(calendar.addWorkingDays('2026-10-03', 20).summary).toContain('起算日为国庆节');
  });

  it('serialises with the explanation (toJSON), e.g. for the API', () => {
    const json = JSON.parse(JSON.stringify(calendar.addWorkingDays('2025-09-26', 20)));
    expect(json).toMatchObject({
      from: '2025-09-26',
      date: '2025-10-30',
      provisional: false,
      provisionalYears: [],
    });
    expect(json.explanation).toHaveLength(34);
    expect(json.explanation[1]).toEqual({
      date: '2025-09-28',
      weekday: '周日',
      kind: 'makeup_counted',
      reason: '调休上班（国庆节、中秋节）',
      ordinal: 1,
    });
  });
});

describe('W8: an agency’s local days off (放假办法 Art. 4) count for that agency only', () => {
  const local = calendar.withOverlays([
    { date: '2026-03-10', name: '三月三', note: '自治县人民政府通知' },
    { date: '2026-10-01', name: '本地活动', note: null },
  ]);

  it('a local day off on a working day moves the deadline', () => {
    expect(local.addWorkingDays('2026-02-12', 20).date).toBe('2026-03-19');
    expect(local.dayInfo('2026-03-10')).toMatchObject({
      working: false,
      kind: 'local_closure',
      name: '三月三',
    });
    expect(local.addWorkingDays('2026-02-12', 20).explanation).toContainEqual(
      expect.objectContaining({ date: '2026-03-10', kind: 'skipped', reason: '本地放假（三月三）' }),
    );
  });

  it('a local day off on a national holiday changes nothing', () => {
    expect(local.dayInfo('2026-10-01')).toMatchObject({ kind: 'holiday', name: '国庆节' });
  });

  it('the national calendar and other years are untouched', () => {
    expect(calendar.addWorkingDays('2026-02-12', 20).date).toBe('2026-03-18');
    expect(local.addWorkingDays('2025-09-26', 20).date).toBe('2025-10-30');
    expect(local.nationalCalendar).toBe(calendar);
  });
});

describe('refusals', () => {
  const codeOf = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      return (error as DomainError).code;
    }
    return 'no error';
  };

  it.each([
    ['an impossible date', () => calendar.addWorkingDays('2026-02-30', 1), 'CALENDAR_DATE_INVALID'],
    ['a malformed date', () => calendar.addWorkingDays('2026-2-3', 1), 'CALENDAR_DATE_INVALID'],
    ['a negative count', () => calendar.addWorkingDays('2026-02-03', -1), 'VALIDATION_FAILED'],
    ['a fractional count', () => calendar.addWorkingDays('2026-02-03', 1.5), 'VALIDATION_FAILED'],
    ['a date after 2100', () => calendar.dayInfo('2101-01-01'), 'CALENDAR_DATE_OUT_OF_RANGE'],
    [
      'a period running past 2100',
      () => calendar.addWorkingDays('2100-12-30', 20),
      'CALENDAR_DATE_OUT_OF_RANGE',
    ],
    [
      'a year before 2000 that is not loaded',
      () => calendar.dayInfo('1999-06-01'),
      'CALENDAR_YEAR_UNAVAILABLE',
    ],
  ])('%s', (_what, fn, code) => {
    expect(codeOf(fn)).toBe(code);
  });
});
