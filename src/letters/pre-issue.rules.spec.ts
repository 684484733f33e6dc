import fs from 'node:fs';
import path from 'node:path';
import { findTemplatesDir } from './letter-renderer.js';
import { LETTER_TYPE_CODES } from './letter-types.js';
import type { LetterType, LetterViewModels } from './letter-view-models.js';
import { preIssueCheck, remedyErrors, type PreIssueDeadlines } from './pre-issue.rules.js';
import type { RemedyProfile } from './remedy.rules.js';

const templates = findTemplatesDir();
const sample = <T extends LetterType>(type: T): LetterViewModels[T] =>
  JSON.parse(
    fs.readFileSync(path.join(templates, 'letters', type, 'sample.json'), 'utf8'),
  ) as LetterViewModels[T];

const PROFILE: RemedyProfile = {
  reconsiderationBodyName: '郯城县人民政府',
  reconsiderationBodyAddress: '山东省临沂市郯城县人民路100号',
  courtName: '有管辖权的人民法院',
};
// Received 2026-02-12: 补正 by 2026-02-28 (7 WD over the Spring Festival), reply by 2026-03-18 (20 WD).
const ON_TIME: PreIssueDeadlines = {
  replyDueDate: '2026-03-18',
  originalReplyDueDate: '2026-03-18',
  correctionNoticeDueDate: '2026-02-28',
};

type Row = [
  title: string,
  type: LetterType,
  change: Record<string, unknown>,
  deadlines: Partial<PreIssueDeadlines>,
  errors: string[],
  warnings: string[],
];

describe('preIssueCheck', () => {
  it.each(LETTER_TYPE_CODES)('passes the sample %s as it is', (type) => {
    const result = preIssueCheck({
      type,
      viewModel: sample(type),
      remedyProfile: PROFILE,
      deadlines: ON_TIME,
    });
    expect([...result.errors, ...result.warnings]).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it.each<Row>([
    // 信息公开司法解释 Art. 5, 12: a refusal gives its legal basis and its reasons.
    [
      '不予公开 without a legal basis',
      'reply_withheld',
      { legalBasis: ' ' },
      {},
      ['LEGAL_BASIS_MISSING'],
      [],
    ],
    ['不予公开 without reasons', 'reply_withheld', { reasons: '' }, {}, ['REASONS_MISSING'], []],
    ['部分公开 without reasons', 'reply_partially_disclosed', { reasons: '' }, {}, ['REASONS_MISSING'], []],
    [
      '部分公开 citing Art. 37 only',
      'reply_partially_disclosed',
      { legalBasis: '《中华人民共和国政府信息公开条例》第三十七条' },
      {},
      [],
      ['WITHHELD_GROUND_NOT_CITED'],
    ],
    ['其他 without a basis', 'reply_other', { legalBasis: '' }, {}, ['LEGAL_BASIS_MISSING'], []],
    // Art. 36(5): the competent agency, name and contact.
    [
      '非本机关负责 without the competent agency',
      'reply_not_responsible',
      { competentAgency: { name: '', contact: '' } },
      {},
      ['COMPETENT_AGENCY_MISSING'],
      [],
    ],
    [
      '非本机关负责 without its contact',
      'reply_not_responsible',
      { competentAgency: { name: '郯城县住房和城乡建设局', contact: ' ' } },
      {},
      ['COMPETENT_AGENCY_MISSING'],
      [],
    ],
    // Art. 36(4): describe the search.
    [
      '信息不存在 without the search',
      'reply_not_held',
      { searchDescription: '' },
      {},
      ['SEARCH_DESCRIPTION_MISSING'],
      [],
    ],
    // Art. 36(6): the earlier reply.
    [
      '重复申请 without the earlier reply',
      'reply_repeat_application',
      { earlierReply: { documentNumber: '', date: '2026-01-20' } },
      {},
      ['EARLIER_REPLY_MISSING'],
      [],
    ],
    [
      '信访类 without the proper channel',
      'reply_petition_complaint',
      { properChannel: '' },
      {},
      ['PROPER_CHANNEL_MISSING'],
      [],
    ],
    [
      '特别规定 without the rules',
      'reply_special_procedure',
      { specialRules: '' },
      {},
      ['SPECIAL_RULES_MISSING'],
      [],
    ],
    [
      '补正后仍不明确 without a 补正',
      'reply_unavailable',
      { outcome: 'unclear_after_correction' },
      {},
      ['CORRECTION_MISSING'],
      [],
    ],
    // GB/T 9704 7.2.5.
    [
      'a reply without a number',
      'reply_disclosed',
      { documentNumber: null },
      {},
      ['DOCUMENT_NUMBER_MISSING'],
      [],
    ],
    [
      'a 补正告知书 without a number',
      'correction_notice',
      { documentNumber: '' },
      {},
      ['DOCUMENT_NUMBER_MISSING'],
      [],
    ],
    [
      'a number with square brackets',
      'reply_disclosed',
      { documentNumber: '郯自然资信复[2026]12号' },
      {},
      ['DOCUMENT_NUMBER_MALFORMED'],
      [],
    ],
    [
      'a number with a leading zero',
      'reply_disclosed',
      { documentNumber: '郯自然资信复〔2026〕012号' },
      {},
      ['DOCUMENT_NUMBER_MALFORMED'],
      [],
    ],
    ['a receipt slip needs no number', 'receipt', { documentNumber: null }, {}, [], []],
    // 复议法 Art. 20 para 3, 23, 24.
    ['a reply without a remedy paragraph', 'reply_not_held', { remedy: '' }, {}, ['REMEDY_MISSING'], []],
    // Art. 33 para 2: the extension is notified before the original period ends.
    ['an extension notified on the last day', 'extension_notice', { date: '2026-03-18' }, {}, [], []],
    [
      'an extension notified after the original due date',
      'extension_notice',
      { date: '2026-03-19' },
      {},
      ['EXTENSION_NOTICE_LATE'],
      [],
    ],
    [
      'an extension reciting another original due date',
      'extension_notice',
      { originalDueDate: '2026-03-20' },
      {},
      ['EXTENSION_DATES_INCONSISTENT'],
      [],
    ],
    // Art. 30: 补正 within 7 WD of receipt.
    ['a 补正 notice on the 7th working day', 'correction_notice', { date: '2026-02-28' }, {}, [], []],
    [
      'a 补正 notice after 7 working days',
      'correction_notice',
      { date: '2026-03-02' },
      {},
      ['CORRECTION_NOTICE_LATE'],
      [],
    ],
    // 109号: the fee notice within the processing period.
    ['a fee notice after the due date', 'fee_notice', { date: '2026-03-19' }, {}, ['FEE_NOTICE_LATE'], []],
    // Art. 33: a late reply may still be issued (the applicant is owed one), but it is flagged.
    ['a reply on its due date', 'reply_withheld', { date: '2026-03-18' }, {}, [], []],
    ['a reply after its due date', 'reply_withheld', { date: '2026-03-19' }, {}, [], ['REPLY_OVERDUE']],
    [
      'a reply within an extended period',
      'reply_withheld',
      { date: '2026-04-10' },
      { replyDueDate: '2026-04-16' },
      [],
      [],
    ],
    [
      'a letter dated before receipt',
      'reply_disclosed',
      { date: '2026-02-11' },
      {},
      ['DATED_BEFORE_RECEIPT'],
      [],
    ],
    [
      'no deadline known: no deadline finding',
      'reply_withheld',
      { date: '2026-05-19' },
      { replyDueDate: null },
      [],
      [],
    ],
  ])('%s', (_title, type, change, deadlines, errors, warnings) => {
    const result = preIssueCheck({
      type,
      viewModel: { ...sample(type), ...change } as LetterViewModels[typeof type],
      remedyProfile: PROFILE,
      deadlines: { ...ON_TIME, ...deadlines },
    });
    expect(result.errors.map((f) => f.code)).toEqual(errors);
    expect(result.warnings.map((f) => f.code)).toEqual(warnings);
    expect(result.ok).toBe(errors.length === 0);
    for (const finding of [...result.errors, ...result.warnings])
      expect(finding.article).toMatch(/第|GB\/T|〔\d{4}〕\d+号/);
  });

  it.each([
    ['no reconsideration body', { ...PROFILE, reconsiderationBodyName: '' }],
    ['a dual venue', { ...PROFILE, reconsiderationBodyName: '郯城县人民政府或者临沂市自然资源和规划局' }],
    [
      // Stored before saving checked it (or left by a change of type): refused at issue time too.
      'the superior department where Art. 24 names the county government',
      {
        ...PROFILE,
        reconsiderationBodyName: '临沂市自然资源和规划局',
        requiredReconsiderationBody: {
          name: '郯城县人民政府',
          basis: '行政复议法第二十四条第一款第（一）项',
        },
      },
    ],
  ])('refuses a reply when the agency profile has %s', (_title, remedyProfile) => {
    const result = preIssueCheck({
      type: 'reply_disclosed',
      viewModel: sample('reply_disclosed'),
      remedyProfile,
      deadlines: ON_TIME,
    });
    expect(result.errors.map((f) => f.code)).toEqual(['REMEDY_BODY_INVALID']);
    expect(result.errors[0].article).toContain('行政复议法');
    expect(remedyErrors(result)).toEqual(result.errors);
  });

  it('finds no remedy error in a reply whose only fault is elsewhere', () => {
    const result = preIssueCheck({
      type: 'reply_not_held',
      viewModel: { ...sample('reply_not_held'), searchDescription: '' },
      remedyProfile: PROFILE,
      deadlines: ON_TIME,
    });
    expect(result.errors.map((f) => f.code)).toEqual(['SEARCH_DESCRIPTION_MISSING']);
    expect(remedyErrors(result)).toEqual([]);
  });

  it('does not ask for a remedy body on a letter without a remedy paragraph', () => {
    const result = preIssueCheck({
      type: 'correction_notice',
      viewModel: sample('correction_notice'),
      remedyProfile: { ...PROFILE, reconsiderationBodyName: '' },
      deadlines: ON_TIME,
    });
    expect(result.ok).toBe(true);
  });
});
