import { seedCalendarYears } from '../../seeds/holiday-calendars.seed-data.js';
import { WorkingDayCalendar } from '../calendar/working-day-calendar.js';
import { computeClock, type ClockEvent } from './clock.rules.js';

/**
 * The statutory clock on the official 2025–2026 schedules. Every expected date was counted by hand
 * from the State Council notices (legal-rules.md §5.2–5.5); the day of an event is not counted.
 */
const calendar = WorkingDayCalendar.fromYears(seedCalendarYears());
const on = { feePausesClock: true };
const received = (date: string): ClockEvent => ({ type: 'received', on: date, rule: '第三十一条第（一）项' });
const clock = (events: ClockEvent[], today: string, options = on) =>
  computeClock(events, calendar, today, options);

describe('reply period (Art. 33: 20 working days from receipt, the day of receipt not counted)', () => {
  it.each([
    ['2026-02-12', '2026-03-18', 'spans 春节 2026 (2/15–2/23 off; 2/14 and 2/28 make-up Saturdays count)'],
    ['2025-12-26', '2026-01-26', 'crosses the year; Sunday 2026-01-04 is a make-up working day'],
    ['2025-09-26', '2025-10-30', '国庆中秋 2025; Sunday 9/28 and Saturday 10/11 count'],
    ['2026-09-18', '2026-10-22', '国庆 2026; Sunday 9/20 and Saturday 10/10 count'],
    ['2026-04-30', '2026-06-01', '劳动节 2026; Saturday 5/9 counts'],
    ['2026-10-03', '2026-11-03', 'received on a holiday (online, auto-confirmed on 国庆)'],
  ])('received %s → due %s (%s)', (receivedOn, due) => {
    const result = clock([received(receivedOn)], receivedOn);
    expect(result).toMatchObject({ state: 'running', dueOn: due, originalDueOn: due, provisional: false });
  });

  it('gives the 补正 window: 7 WD, here ending on a make-up Saturday (Art. 30)', () => {
    expect(clock([received('2026-02-12')], '2026-02-12').correctionNoticeDueOn).toBe('2026-02-28');
  });

  it('counts remaining working days from today: 0 on the due date, negative when overdue', () => {
    const events = [received('2026-03-02')];
    expect(clock(events, '2026-03-02').remainingWorkingDays).toBe(20);
    expect(clock(events, '2026-03-30')).toMatchObject({
      dueOn: '2026-03-30',
      remainingWorkingDays: 0,
      overdue: false,
    });
    expect(clock(events, '2026-03-31')).toMatchObject({ remainingWorkingDays: -1, overdue: true });
    // A weekend after the due date is not a working day: still one day late on the Monday after.
    expect(clock(events, '2026-04-01').remainingWorkingDays).toBe(-2);
  });

  it('explains every step, citing the articles, with the calendar trace of the due date', () => {
    const result = clock([received('2026-02-12')], '2026-02-12');
    const text = result.explanation.map((s) => s.text).join('\n');
    expect(text).toContain('第三十三条第二款');
    expect(text).toContain('2026-03-18');
    const due = result.explanation.find((s) => s.kind === 'due');
    expect(due?.days?.some((d) => d.reason.includes('春节'))).toBe(true);
    expect(due?.days?.filter((d) => d.kind === 'makeup_counted').map((d) => d.date)).toEqual([
      '2026-02-14',
      '2026-02-28',
    ]);
  });
});

describe('extension (Art. 33 para 2: approved, ≤ 20 WD, counted once notified before the original due date)', () => {
  const base = [received('2026-09-18')];
  const approved: ClockEvent = { type: 'extension_approved', on: '2026-10-20', days: 20, approver: '王主任' };

  it('extends to 40 WD when notified before the original due date', () => {
    const result = clock([...base, approved, { type: 'extension_notified', on: '2026-10-21' }], '2026-10-21');
    expect(result).toMatchObject({
      originalDueOn: '2026-10-22',
      dueOn: '2026-11-19',
      extension: { counted: true },
    });
  });

  it('counts a notification on the original due date itself', () => {
    const result = clock([...base, approved, { type: 'extension_notified', on: '2026-10-22' }], '2026-10-22');
    expect(result.dueOn).toBe('2026-11-19');
  });

  it('does not extend when the applicant is told after the original due date', () => {
    const result = clock([...base, approved, { type: 'extension_notified', on: '2026-10-23' }], '2026-10-23');
    expect(result).toMatchObject({ dueOn: '2026-10-22', overdue: true, extension: { counted: false } });
    expect(result.explanation.map((s) => s.text).join()).toContain('不产生延期效力');
  });

  it('does not extend while the approved extension is not yet notified', () => {
    expect(clock([...base, approved], '2026-10-20')).toMatchObject({
      dueOn: '2026-10-22',
      extension: { counted: false },
    });
  });
});

describe('consultations (Art. 32, 34; excluded from the period by Art. 33 para 3)', () => {
  const base = [received('2026-03-02')]; // 20 WD → 2026-03-30
  const third = (id: string, dispatched: string): ClockEvent => ({
    type: 'consultation_started',
    consultationId: id,
    kind: 'third_party',
    party: '某公司',
    on: dispatched,
  });

  it('excludes the working days from the day after dispatch to the day the opinion arrives', () => {
    const events: ClockEvent[] = [
      ...base,
      third('a', '2026-03-09'),
      { type: 'consultation_party_received', consultationId: 'a', on: '2026-03-10' },
      { type: 'consultation_replied', consultationId: 'a', on: '2026-03-20' },
    ];
    // 5 WD counted before dispatch; 3/10–3/20 (9 WD) excluded; 15 WD from 3/20 cross 清明 (4/4–4/6).
    expect(clock(events, '2026-03-23')).toMatchObject({
      state: 'running',
      excludedWorkingDays: 9,
      dueOn: '2026-04-13',
    });
  });

  it('counts overlapping consultations once', () => {
    const events: ClockEvent[] = [
      ...base,
      third('a', '2026-03-09'),
      { type: 'consultation_replied', consultationId: 'a', on: '2026-03-20' },
      {
        type: 'consultation_started',
        consultationId: 'b',
        kind: 'agency',
        party: '县住建局',
        on: '2026-03-16',
      },
      { type: 'consultation_replied', consultationId: 'b', on: '2026-03-25' },
    ];
    expect(clock(events, '2026-03-26')).toMatchObject({ excludedWorkingDays: 12, dueOn: '2026-04-16' });
  });

  it('is paused while a consultation is open, with the due date projected as if it ended today', () => {
    const events: ClockEvent[] = [...base, third('a', '2026-03-09')];
    const result = clock(events, '2026-03-25');
    expect(result).toMatchObject({ state: 'paused', dueOn: '2026-04-16', remainingWorkingDays: 15 });
    expect(result.pauses[0]).toMatchObject({ open: true, to: '2026-03-25' });
  });

  it('ends the pause when the party’s 15 working days lapse without an opinion', () => {
    const events: ClockEvent[] = [
      ...base,
      third('a', '2026-03-09'),
      { type: 'consultation_party_received', consultationId: 'a', on: '2026-03-10' },
    ];
    // The party's period: 3/10 + 15 WD = 3/31; 15 WD remain after it → 4/22.
    expect(clock(events, '2026-04-01')).toMatchObject({ state: 'running', dueOn: '2026-04-22' });
  });

  it('does not stretch a period that had already ended', () => {
    const events: ClockEvent[] = [...base, third('a', '2026-04-01')];
    const result = clock(events, '2026-04-02');
    expect(result).toMatchObject({ dueOn: '2026-03-30', overdue: true, excludedWorkingDays: 0 });
  });
});

describe('补正 (Art. 30): the clock is discarded and restarts from the corrected application', () => {
  const base = [received('2026-03-02')];

  it('has no due date while waiting for the correction', () => {
    const events: ClockEvent[] = [
      ...base,
      { type: 'correction_requested', on: '2026-03-05', periodEndsOn: '2026-03-20' },
    ];
    expect(clock(events, '2026-03-10')).toMatchObject({
      state: 'awaiting_correction',
      dueOn: null,
      correctionPeriodEndsOn: '2026-03-20',
      correctionNoticeDueOn: '2026-03-11',
    });
  });

  it('restarts 20 WD from the receipt of the corrected application', () => {
    const events: ClockEvent[] = [
      ...base,
      { type: 'correction_requested', on: '2026-03-05', periodEndsOn: '2026-03-20' },
      { type: 'correction_received', on: '2026-03-16', rule: '第三十一条第（二）项' },
    ];
    expect(clock(events, '2026-03-16')).toMatchObject({
      state: 'running',
      originalReceivedOn: '2026-03-02',
      clockStartedOn: '2026-03-16',
      dueOn: '2026-04-14',
      correctionNoticeDueOn: '2026-03-25',
    });
  });

  it('stops when the case is deemed withdrawn', () => {
    const events: ClockEvent[] = [
      ...base,
      { type: 'correction_requested', on: '2026-03-05', periodEndsOn: '2026-03-20' },
      { type: 'stopped', on: '2026-03-21', reason: 'deemed_withdrawn' },
    ];
    expect(clock(events, '2026-03-23')).toMatchObject({
      state: 'stopped',
      dueOn: null,
      stopReason: 'deemed_withdrawn',
    });
  });
});

describe('fee wait (国办函〔2020〕109号; configurable, legal-rules §2.3)', () => {
  const events: ClockEvent[] = [
    received('2026-03-02'),
    { type: 'fee_notice_sent', on: '2026-03-09' },
    { type: 'fee_paid', on: '2026-03-13' },
  ];
  it('excludes the wait from notice to payment when so configured', () => {
    expect(clock(events, '2026-03-16')).toMatchObject({ excludedWorkingDays: 4, dueOn: '2026-04-03' });
  });
  it('does not when configured off', () => {
    expect(clock(events, '2026-03-16', { feePausesClock: false })).toMatchObject({
      excludedWorkingDays: 0,
      dueOn: '2026-03-30',
    });
  });
});

describe('Art. 35 and the end of the clock', () => {
  it('replaces the due date with the notified reasonable period', () => {
    const events: ClockEvent[] = [
      received('2026-03-02'),
      { type: 'art35_period_set', on: '2026-03-20', dueOn: '2026-05-29' },
    ];
    expect(clock(events, '2026-04-15')).toMatchObject({
      dueOn: '2026-05-29',
      art35DueOn: '2026-05-29',
      overdue: false,
    });
  });

  it('stops at the reply and says whether it was late', () => {
    const onTime = clock(
      [received('2026-03-02'), { type: 'stopped', on: '2026-03-30', reason: 'replied' }],
      '2026-04-20',
    );
    const late = clock(
      [received('2026-03-02'), { type: 'stopped', on: '2026-03-31', reason: 'replied' }],
      '2026-04-20',
    );
    expect(onTime).toMatchObject({
      state: 'stopped',
      closedLate: false,
      overdue: false,
      remainingWorkingDays: null,
    });
    expect(late).toMatchObject({ state: 'stopped', closedLate: true });
  });
});

describe('a year without a published schedule (today 2026-11-27: 2027 is not published)', () => {
  it('answers from the statutory holidays and says it is provisional', () => {
    // Dec 2026: 15 WD after 12/10; 2027-01-01 (元旦, Friday) off by the fallback; 1/4–1/8 count.
    const result = clock([received('2026-12-10')], '2026-12-10');
    expect(result).toMatchObject({ dueOn: '2027-01-08', provisional: true, provisionalYears: [2027] });
    expect(result.explanation.at(-1)?.text).toContain('2027');
  });
});
