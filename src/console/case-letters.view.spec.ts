import type { IssuedLetterDto, LetterDraftDto } from '../letters/dto/issued-letter.dto.js';
import { draftView, letterCandidates, replyLetterOf } from './case-letters.view.js';

const NOTHING = { consultations: [], extension: null, outcome: null, repliedOn: null };
const k = (id: string, kind: 'third_party' | 'agency', partyName: string) =>
  ({ id, kind, partyName }) as never;

describe('which letters a case has reached', () => {
  it.each<[string, Parameters<typeof letterCandidates>[0], string[], string[]]>([
    ['a new case: the receipt slip', NOTHING, ['register'], ['receipt']],
    ['补正 asked (Art. 30)', NOTHING, ['register', 'request_correction'], ['receipt', 'correction_notice']],
    [
      'a third party and an agency consulted (Art. 32, 34): a letter to each, and notices to the applicant',
      { ...NOTHING, consultations: [k('k1', 'third_party', '某公司'), k('k2', 'agency', '县住建局')] },
      ['register'],
      [
        'receipt',
        'third_party_consultation',
        'consultation_applicant_notice',
        'agency_consultation',
        'consultation_applicant_notice',
      ],
    ],
    ['a fee notice sent', NOTHING, ['register', 'send_fee_notice'], ['receipt', 'fee_notice']],
    [
      'an extension only requested: no notice yet',
      { ...NOTHING, extension: { status: 'requested' } as never },
      ['register'],
      ['receipt'],
    ],
    [
      'an extension approved (Art. 33 para 2)',
      { ...NOTHING, extension: { status: 'approved' } as never },
      ['register'],
      ['receipt', 'extension_notice'],
    ],
    [
      '视为放弃',
      { ...NOTHING, outcome: 'deemed_withdrawn_correction' },
      ['register', 'request_correction'],
      ['receipt', 'correction_notice', 'deemed_withdrawn'],
    ],
    ['withdrawn', { ...NOTHING, outcome: 'withdrawn' }, ['register'], ['receipt', 'withdrawal_confirmation']],
    [
      'replied on the spot: its reply letter',
      { ...NOTHING, outcome: 'already_public', repliedOn: '2026-11-27' },
      ['register', 'issue_reply'],
      ['receipt', 'reply_disclosed'],
    ],
    [
      'drafted, not replied: the reply letter is issued with the reply, not here',
      { ...NOTHING, outcome: 'not_held' },
      ['register'],
      ['receipt'],
    ],
  ])('%s', (_name, c, actions, types) => {
    expect(
      letterCandidates(
        c,
        actions.map((action) => ({ action })),
      ).map((x) => x.type),
    ).toEqual(types);
  });

  it('names the consulted party in the list', () => {
    const [, letter] = letterCandidates(
      { ...NOTHING, consultations: [k('k1', 'third_party', '某公司')] },
      [],
    );
    expect(letter).toEqual({
      type: 'third_party_consultation',
      consultationId: 'k1',
      label: '政府信息公开征求意见书（致某公司）',
    });
  });

  it.each([
    ['disclosed', 'reply_disclosed'],
    ['withheld_process_info', 'reply_withheld'],
    ['deemed_withdrawn_fee', null],
    [null, null],
  ])('previews the reply letter of %p: %p', (outcome, type) => {
    expect(replyLetterOf({ outcome: outcome as never })).toBe(type);
  });
});

describe('a document and its issued letter', () => {
  const draft = {
    type: 'correction_notice',
    subject: 'event:3',
    errors: [],
    warnings: [],
  } as unknown as LetterDraftDto;
  const letter = (subject: string, current: boolean) =>
    ({ id: subject, type: 'correction_notice', subject, current }) as unknown as IssuedLetterDto;

  it.each([
    ['the same step, standing', [letter('event:3', true)], 'event:3'],
    ['an earlier 补正 (another step)', [letter('event:1', true)], null],
    ['superseded by a correction', [letter('event:3', false)], null],
  ])('%s', (_name, issued, found) => {
    expect(
      draftView({ type: 'correction_notice', label: '补正告知书' }, draft, issued).issued?.id ?? null,
    ).toBe(found);
  });

  it('blocks issuing on an error and carries the consultation into the preview address', () => {
    const failing = {
      ...draft,
      errors: [{ severity: 'error', code: 'X', article: '第三十条', message: '超过 7 个工作日' }],
    } as unknown as LetterDraftDto;
    const view = draftView(
      { type: 'third_party_consultation', consultationId: 'k 1', label: '征求意见书' },
      failing,
      [],
    );
    expect(view.findings.blocking).toBe(true);
    expect(view.previewQuery).toBe('?consultationId=k%201');
  });
});
