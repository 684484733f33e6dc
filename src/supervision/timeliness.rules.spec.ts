import {
  computeTimeliness,
  countOpenCasesByBand,
  listAtRiskCases,
  openCaseBand,
  median,
  nearestRank,
  type CurrentFigures,
  type FlowFigures,
  type TimelinessCase,
} from './timeliness.rules.js';

function tc(
  caseId: string,
  agencyId: string,
  handlerId: string | null,
  receivedOn: string,
  dueOn: string | null,
  closedOn: string | null,
  more: Partial<TimelinessCase> = {},
): TimelinessCase {
  return {
    caseId,
    agencyId,
    handlerId,
    receivedOn,
    dueOn,
    closedOn,
    workingDaysTaken: null,
    paused: false,
    remainingWorkingDays: null,
    ...more,
  };
}

// Today is Friday 2026-11-27; remaining working days are as the calendar module would give them.
const TODAY = '2026-11-27';
const CASES: readonly TimelinessCase[] = [
  tc('t1', 'a1', 'h1', '2026-10-20', '2026-11-17', '2026-11-10', { workingDaysTaken: 15 }), // on time
  tc('t2', 'a1', 'h1', '2026-11-02', '2026-11-30', '2026-11-30', { workingDaysTaken: 20 }), // on the due date: on time
  tc('t3', 'a1', 'h2', '2026-10-09', '2026-11-06', '2026-11-09', { workingDaysTaken: 21 }), // one day late
  tc('t4', 'a1', 'h2', '2026-11-03', '2026-12-01', null, { remainingWorkingDays: 2 }), // due soon
  tc('t5', 'a1', null, '2026-11-25', null, null), // waiting for a 补正: no reply period runs
  tc('t6', 'a2', 'h3', '2026-10-15', '2026-11-12', null, { remainingWorkingDays: -11 }), // overdue
  tc('t7', 'a2', 'h3', '2026-11-05', '2026-12-03', null, { paused: true, remainingWorkingDays: 4 }), // paused
  tc('t8', 'a2', 'h3', '2026-11-10', null, '2026-11-20'), // 视为放弃 without a 补正: no deadline
  tc('t9', 'a2', 'h4', '2026-10-29', '2026-11-27', null, { remainingWorkingDays: 0 }), // due today
  tc('t10', 'a2', 'h4', '2026-09-01', '2026-09-29', '2026-10-15', { workingDaysTaken: 25 }), // late, in October
  tc('t11', 'a1', 'h1', '2026-11-12', '2026-12-10', '2026-11-13', { workingDaysTaken: 1 }), // on time
  tc('t12', 'a2', 'h3', '2026-10-08', '2026-11-05', null, { paused: true, remainingWorkingDays: -16 }), // paused, overdue
];

const NO_FLOW: FlowFigures = {
  received: 0,
  closed: 0,
  closedWithDeadline: 0,
  closedOnTime: 0,
  closedLate: 0,
  onTimeRate: null,
  medianWorkingDays: null,
  p90WorkingDays: null,
};
const NOTHING_OPEN: CurrentFigures = { open: 0, paused: 0, dueSoon: 0, overdueOpen: 0 };
const flow = (f: Partial<FlowFigures>): FlowFigures => ({ ...NO_FLOW, ...f });
const figures = (f: Partial<FlowFigures & CurrentFigures>) => ({ ...NO_FLOW, ...NOTHING_OPEN, ...f });

// November: received t2 t4 t5 t7 t8 t11; closed t1 t2 t3 t8 t11, of which t8 had no deadline;
// working days 1, 15, 20, 21.
const NOVEMBER = flow({
  received: 6,
  closed: 5,
  closedWithDeadline: 4,
  closedOnTime: 3,
  closedLate: 1,
  onTimeRate: 0.75,
  medianWorkingDays: 17.5,
  p90WorkingDays: 21,
});
// Now: open t4 t5 t6 t7 t9 t12; paused t7 t12; due soon t4 t9 (t7 is paused); overdue t6 t12.
const NOW: CurrentFigures = { open: 6, paused: 2, dueSoon: 2, overdueOpen: 2 };

describe('computeTimeliness for November 2026', () => {
  const report = computeTimeliness(CASES, { from: '2026-11-01', to: '2026-11-30', today: TODAY });

  it('overall', () => {
    expect(report.overall).toEqual({ ...NOVEMBER, ...NOW });
    expect(report.byMonth).toEqual([{ month: '2026-11', figures: NOVEMBER }]);
  });

  it.each([
    [
      'a1',
      figures({
        ...{
          received: 4,
          closed: 4,
          closedWithDeadline: 4,
          closedOnTime: 3,
          closedLate: 1,
          onTimeRate: 0.75,
        },
        ...{ medianWorkingDays: 17.5, p90WorkingDays: 21, open: 2, dueSoon: 1 },
      }),
    ],
    ['a2', figures({ received: 2, closed: 1, open: 4, paused: 2, dueSoon: 1, overdueOpen: 2 })],
  ])('agency %s', (agencyId, expected) => {
    expect(report.byAgency.find((a) => a.agencyId === agencyId)?.figures).toEqual(expected);
  });

  it('by handler, unassigned cases first within their agency', () => {
    expect(report.byHandler.map((h) => [h.agencyId, h.handlerId, h.figures])).toEqual([
      ['a1', null, figures({ received: 1, open: 1 })],
      [
        'a1',
        'h1',
        figures({
          ...{ received: 2, closed: 3, closedWithDeadline: 3, closedOnTime: 3, onTimeRate: 1 },
          ...{ medianWorkingDays: 15, p90WorkingDays: 20 },
        }),
      ],
      [
        'a1',
        'h2',
        figures({
          ...{ received: 1, closed: 1, closedWithDeadline: 1, closedLate: 1, onTimeRate: 0 },
          ...{ medianWorkingDays: 21, p90WorkingDays: 21, open: 1, dueSoon: 1 },
        }),
      ],
      ['a2', 'h3', figures({ received: 2, closed: 1, open: 3, paused: 2, overdueOpen: 2 })],
      ['a2', 'h4', figures({ open: 1, dueSoon: 1 })],
    ]);
  });
});

describe('computeTimeliness over two months', () => {
  it('splits received by receipt month and closures by closing month', () => {
    const report = computeTimeliness(CASES, { from: '2026-10-01', to: '2026-11-30', today: TODAY });
    expect(report.byMonth).toEqual([
      // received t1 t3 t6 t9 t12; closed t10, late.
      {
        month: '2026-10',
        figures: flow({
          ...{ received: 5, closed: 1, closedWithDeadline: 1, closedLate: 1, onTimeRate: 0 },
          ...{ medianWorkingDays: 25, p90WorkingDays: 25 },
        }),
      },
      { month: '2026-11', figures: NOVEMBER },
    ]);
    expect(report.overall).toMatchObject({ received: 11, closed: 6, closedOnTime: 3, closedLate: 2, ...NOW });
  });

  it('lists empty months of the period too', () => {
    const report = computeTimeliness([], { from: '2025-12-15', to: '2026-02-01', today: TODAY });
    expect(report.byMonth.map((m) => m.month)).toEqual(['2025-12', '2026-01', '2026-02']);
    expect(report.overall).toEqual(figures({}));
  });

  it('counts 即将逾期 within a chosen number of working days', () => {
    const report = computeTimeliness(CASES, {
      from: '2026-11-01',
      to: '2026-11-30',
      today: TODAY,
      dueSoonWithin: 0,
    });
    expect(report.overall.dueSoon).toBe(1); // t9, due today
  });

  it.each([
    [{ from: '2026-11-30', to: '2026-11-01', today: TODAY }, 'to'],
    [{ from: '2026-11-31', to: '2026-12-01', today: TODAY }, 'from'],
    [{ from: '2026-11-01', to: '2026-11-30', today: '27/11/2026' }, 'today'],
  ])('refuses period %j', (query, field) => {
    expect(() => computeTimeliness(CASES, query)).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED', errors: [expect.objectContaining({ field })] }),
    );
  });
});

describe('listAtRiskCases', () => {
  it.each<[string, { within?: number; includePaused?: boolean }, string[]]>([
    [
      'default: overdue first (paused or not), then due within 5 WD, not paused',
      {},
      ['t12', 't6', 't9', 't4'],
    ],
    ['with paused cases', { includePaused: true }, ['t12', 't6', 't9', 't4', 't7']],
    ['within 1 working day', { within: 1 }, ['t12', 't6', 't9']],
  ])('%s', (_name, options, caseIds) => {
    expect(listAtRiskCases(CASES, { today: TODAY, ...options }).map((c) => c.caseId)).toEqual(caseIds);
  });

  it('says which are overdue', () => {
    expect(listAtRiskCases(CASES, { today: TODAY })[0]).toEqual({
      caseId: 't12',
      agencyId: 'a2',
      handlerId: 'h3',
      dueOn: '2026-11-05',
      remainingWorkingDays: -16,
      paused: true,
      overdue: true,
    });
  });
});

describe('open cases by remaining working days', () => {
  it.each<[string, Partial<TimelinessCase> & { dueOn: string | null }, string]>([
    ['overdue', { dueOn: '2026-11-26', remainingWorkingDays: -1 }, 'overdue'],
    [
      'overdue while paused (a pause does not cure lateness)',
      { dueOn: '2026-11-05', remainingWorkingDays: -16, paused: true },
      'overdue',
    ],
    ['due today', { dueOn: TODAY, remainingWorkingDays: 0 }, 'due_today'],
    ['due the next working day', { dueOn: '2026-11-30', remainingWorkingDays: 1 }, 'within_3'],
    ['due in 3 working days', { dueOn: '2026-12-02', remainingWorkingDays: 3 }, 'within_3'],
    ['due in 4 working days', { dueOn: '2026-12-03', remainingWorkingDays: 4 }, 'within_5'],
    ['due in 10 working days', { dueOn: '2026-12-11', remainingWorkingDays: 10 }, 'within_10'],
    ['due in 20 working days', { dueOn: '2026-12-25', remainingWorkingDays: 20 }, 'within_20'],
    ['due in 21 working days (extended)', { dueOn: '2026-12-28', remainingWorkingDays: 21 }, 'beyond_20'],
    [
      'paused, not overdue (its due date will move)',
      { dueOn: '2026-12-03', remainingWorkingDays: 4, paused: true },
      'paused',
    ],
    ['waiting for a 补正: no reply period runs', { dueOn: null }, 'awaiting_correction'],
  ])('%s', (_name, more, band) => {
    expect(openCaseBand(tc('x', 'a1', null, '2026-11-01', more.dueOn, null, more), TODAY)).toBe(band);
  });

  it('counts every band, leaves closed cases out, and its due-soon bands add up to 即将逾期', () => {
    const counts = countOpenCasesByBand(CASES, TODAY);
    expect(counts).toEqual({
      overdue: 2, // t6, t12
      due_today: 1, // t9
      within_3: 1, // t4
      within_5: 0,
      within_10: 0,
      within_20: 0,
      beyond_20: 0,
      paused: 1, // t7
      awaiting_correction: 1, // t5
    });
    expect(counts.due_today + counts.within_3).toBe(NOW.dueSoon);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(NOW.open);
  });
});

describe('median and nearest-rank percentile', () => {
  it.each<[number[], number | null, number | null]>([
    [[], null, null],
    [[7], 7, 7],
    [[1, 15, 20, 21], 17.5, 21],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 5.5, 9],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 6, 10],
  ])('%j → median %p, p90 %p', (sample, med, p90) => {
    expect(median(sample)).toBe(med);
    expect(nearestRank(sample, 90)).toBe(p90);
  });
});
