import { consultationBlockers, type ConsultationFacts } from './consultation.rules.js';

const party = (over: Partial<ConsultationFacts> = {}): ConsultationFacts => ({
  kind: 'third_party',
  partyName: '某建材公司',
  periodEndsOn: '2026-12-18',
  repliedOn: null,
  result: null,
  ...over,
});
const PUBLIC_INTEREST = '该协议涉及公共财政资金使用，不公开将对公共利益造成重大影响。';
const grounds = (g: string[]) => ({ withheldGrounds: g }) as never;

describe('consultationBlockers (Art. 32, 34)', () => {
  it.each([
    // outcome, detail, consultations, reply day, errors, notices
    ['disclosed', {}, [party()], '2026-12-18', 1, 0], // period still running on its last day
    ['disclosed', {}, [party()], '2026-12-21', 0, 0], // run out: silence leaves it to the agency
    ['disclosed', {}, [party({ periodEndsOn: null })], '2027-03-01', 1, 0], // receipt unknown: period unknown
    ['disclosed', {}, [party({ kind: 'agency' })], '2026-12-01', 1, 0], // another agency too (Art. 34)
    ['not_held', {}, [party()], '2026-12-01', 0, 0], // a refusal does not wait
    ['disclosed', {}, [party({ repliedOn: '2026-12-01', result: 'consent' })], '2026-12-01', 0, 0],
    ['disclosed', {}, [party({ repliedOn: '2026-12-01', result: 'objection' })], '2026-12-01', 1, 0],
    [
      'disclosed',
      { reasons: PUBLIC_INTEREST },
      [party({ repliedOn: '2026-12-01', result: 'objection' })],
      '2026-12-01',
      0,
      1,
    ],
    // An agency's objection is not a third party's (Art. 34 has no veto).
    [
      'disclosed',
      {},
      [party({ kind: 'agency', repliedOn: '2026-12-01', result: 'objection' })],
      '2026-12-01',
      0,
      0,
    ],
    // 部分公开 withholding on the third-party ground has followed the objection.
    [
      'partially_disclosed',
      grounds(['withheld_third_party']),
      [party({ repliedOn: '2026-12-01', result: 'objection' })],
      '2026-12-01',
      0,
      0,
    ],
    [
      'partially_disclosed',
      grounds(['withheld_process_info']),
      [party({ repliedOn: '2026-12-01', result: 'objection' })],
      '2026-12-01',
      1,
      0,
    ],
    ['disclosed', {}, [party({ result: 'no_reply' })], '2026-12-01', 0, 0], // lapsed by the sweep
  ] as const)('%s %j with %j on %s → %i errors, %i notices', (outcome, detail, ks, on, errors, notices) => {
    const result = consultationBlockers(outcome, detail, ks, on);
    expect(result.errors).toHaveLength(errors);
    expect(result.notices).toHaveLength(notices);
    [...result.errors, ...result.notices].forEach((m) => expect(m).toMatch(/第三十[二四]条/));
  });
});
