import { checkRemedyRecord, type RemedyCaseFacts, type RemedyRecordFacts } from './remedy-record.rules.js';

const TODAY = '2026-11-27';
const closedCase: RemedyCaseFacts = {
  closedOn: '2026-03-10',
  dueOn: '2026-03-12',
  outcome: 'disclosed',
  servedOn: '2026-03-12',
  others: [],
};
const reconsideration: RemedyRecordFacts = {
  kind: 'reconsideration',
  filedOn: '2026-04-01',
  result: 'pending',
  decidedOn: null,
};

const openOverdue: RemedyCaseFacts = {
  closedOn: null,
  dueOn: '2026-11-20',
  outcome: null,
  servedOn: null,
  others: [],
};

describe('checkRemedyRecord', () => {
  it.each([
    ['after the due date', '2026-11-23', [], 1],
    ['on the due date', '2026-11-20', ['filedOn'], 0],
  ] as const)(
    'takes a remedy against 逾期未答复 on an open case filed %s',
    (_what, filedOn, fields, notices) => {
      const result = checkRemedyRecord({ ...reconsideration, filedOn }, openOverdue, TODAY);
      expect(result.errors.map((e) => e.field)).toEqual(fields);
      expect(result.notices).toHaveLength(notices);
    },
  );

  it('refuses a remedy on an open case whose period is not known (awaiting 补正)', () => {
    const result = checkRemedyRecord(reconsideration, { ...openOverdue, dueOn: null }, TODAY);
    expect(result.errors.map((e) => e.field)).toEqual(['filedOn']);
  });

  it.each([
    ['a pending reconsideration after the reply', reconsideration, closedCase, []],
    [
      'filed before the reply existed',
      { ...reconsideration, filedOn: '2026-03-09' },
      closedCase,
      ['filedOn'],
    ],
    ['filed in the future', { ...reconsideration, filedOn: '2026-11-28' }, closedCase, ['filedOn']],
    [
      'pending with a decision date',
      { ...reconsideration, decidedOn: '2026-05-01' },
      closedCase,
      ['decidedOn'],
    ],
    ['decided without a date', { ...reconsideration, result: 'upheld' }, closedCase, ['decidedOn']],
    [
      'decided before it was filed',
      { ...reconsideration, result: 'corrected', decidedOn: '2026-03-31' },
      closedCase,
      ['decidedOn'],
    ],
    [
      'a suit after reconsideration without one',
      { ...reconsideration, kind: 'litigation_after_reconsideration' },
      closedCase,
      ['kind'],
    ],
    [
      'a suit after a reconsideration filed earlier',
      { ...reconsideration, kind: 'litigation_after_reconsideration', filedOn: '2026-06-01' },
      { ...closedCase, others: [{ ...reconsideration, result: 'upheld', decidedOn: '2026-05-20' }] },
      [],
    ],
  ] as const)('%s → errors on %j', (_what, record, c, fields) => {
    expect(checkRemedyRecord(record, c, TODAY).errors.map((e) => e.field)).toEqual(fields);
  });

  it.each([
    [
      'direct suit against 不予公开 (复议前置, 复议法 Art. 23)',
      { ...reconsideration, kind: 'litigation_direct' },
      { ...closedCase, outcome: 'withheld_process_info' },
      /第二十三条/,
    ],
    ['direct suit against 予以公开', { ...reconsideration, kind: 'litigation_direct' }, closedCase, null],
    [
      'reconsideration 61 days after service (复议法 Art. 20)',
      { ...reconsideration, filedOn: '2026-05-12' },
      closedCase,
      /60 日/,
    ],
    ['reconsideration on day 60', { ...reconsideration, filedOn: '2026-05-11' }, closedCase, null],
    [
      'suit 16 days after the reconsideration decision (行诉法 Art. 45)',
      { ...reconsideration, kind: 'litigation_after_reconsideration', filedOn: '2026-06-05' },
      { ...closedCase, others: [{ ...reconsideration, result: 'upheld', decidedOn: '2026-05-20' }] },
      /十五日/,
    ],
  ] as const)('%s → notice %s', (_what, record, c, notice) => {
    const { errors, notices } = checkRemedyRecord(record, c, TODAY);
    expect(errors).toEqual([]);
    if (notice === null) expect(notices).toEqual([]);
    else expect(notices).toEqual([expect.stringMatching(notice)]);
  });
});
