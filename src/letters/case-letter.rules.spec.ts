import { seedCalendarYears } from '../../seeds/holiday-calendars.seed-data.js';
import { WorkingDayCalendar } from '../calendar/working-day-calendar.js';
import type { OutcomeDetail } from '../cases/case-details.js';
import { clockEventsOf, type HistoryEvent } from '../cases/case-history.rules.js';
import { computeClock } from '../cases/clock.rules.js';
import { DRAFTABLE_OUTCOMES } from '../cases/outcome.rules.js';
import type { Outcome } from '../cases/outcome.js';
import {
  checkCaseLetter,
  draftCaseLetter,
  looksLikeOrganisation,
  printedBasis,
  splitSpecialProcedure,
  type CaseLetterFacts,
} from './case-letter.rules.js';
import { renderLetterHtml } from './letter-renderer.js';
import { OUTCOME_LETTERS } from './letter-types.js';
import type { LetterType } from './letter-view-models.js';
import { DEFAULT_REMEDY_TABLE } from './remedy.rules.js';

/**
 * A case received online on 2026-02-12 (legal-rules §5.5: 补正 notice by 2026-02-28, reply by
 * 2026-03-18 over the Spring Festival), on the official calendar, with the real clock rules.
 */
const calendar = WorkingDayCalendar.fromYears(seedCalendarYears());
const register: HistoryEvent = {
  seq: 1,
  action: 'register',
  data: { receivedOn: '2026-02-12', receiptRule: '第三十一条第（三）项' },
};
const assign: HistoryEvent = { seq: 2, action: 'assign', data: {} };

function facts(overrides: Partial<CaseLetterFacts> & { caseChanges?: object; today?: string } = {}) {
  const today = overrides.today ?? '2026-03-10';
  const base: CaseLetterFacts = {
    today,
    case: {
      caseNumber: '2026-00012',
      status: 'investigating',
      receivedOn: '2026-02-12',
      channel: 'online',
      informationSought: '郯城街道新村社区2025年集体土地征收补偿安置方案',
      requestedForm: 'paper',
      deliveryMethod: 'post',
      outcome: null,
      outcomeDetail: null,
      repliedOn: null,
      ...overrides.caseChanges,
    },
    applicant: { name: '张三', type: 'natural_person' },
    agency: {
      name: '郯城县自然资源局',
      officeAddress: '山东省临沂市郯城县建设路20号',
      officePostcode: '276100',
      officePhone: '0539-6200101',
      officeHours: '工作日 8:30—17:30',
      website: 'http://www.tancheng.gov.cn',
      reconsiderationBodyName: '郯城县人民政府',
      reconsiderationBodyAddress: '山东省临沂市郯城县人民路100号',
      courtName: '有管辖权的人民法院',
    },
    contactPerson: '李明',
    events: [register, assign],
    consultations: [],
    letters: [],
    applicationsSinceMonthStart: 1,
    remedyTable: DEFAULT_REMEDY_TABLE,
    clockOf: (events) => computeClock(clockEventsOf(events), calendar, today, { feePausesClock: true }),
  };
  return { ...base, ...overrides };
}

const replyFacts = (outcome: Outcome, detail: Partial<OutcomeDetail>, extra: Partial<CaseLetterFacts> = {}) =>
  facts({
    ...extra,
    caseChanges: {
      status: 'approved',
      outcome,
      outcomeDetail: { basis: '', reasons: '经审查，理由如下。', ...detail },
    },
  });

const codes = (result: { errors: readonly { code: string }[]; warnings: readonly { code: string }[] }) => ({
  errors: result.errors.map((f) => f.code),
  warnings: result.warnings.map((f) => f.code),
});

describe('draftCaseLetter: procedural letters from the case’s steps', () => {
  it('登记回执: the receipt date of Art. 31 and the due date of the case’s clock', () => {
    const draft = draftCaseLetter(facts({ today: '2026-02-13' }), 'receipt');
    expect(draft.viewModel).toMatchObject({
      date: '2026-02-13',
      documentNumber: null,
      application: { caseNumber: '2026-00012', receivedOn: '2026-02-12', channel: 'online' },
      replyDueDate: '2026-03-18',
      contact: { person: '李明', phone: '0539-6200101' },
    });
    expect(draft.subject).toBe('case');
  });

  it('登记回执: warns when the due date reaches into a year whose holidays are not published', () => {
    const late: HistoryEvent = {
      seq: 1,
      action: 'register',
      data: { receivedOn: '2026-12-10', receiptRule: 'x' },
    };
    const draft = draftCaseLetter(
      facts({ today: '2026-12-10', caseChanges: { receivedOn: '2026-12-10' }, events: [late] }),
      'receipt',
    );
    expect(codes(checkCaseLetter(draft, facts().agency))).toEqual({
      errors: [],
      warnings: ['DUE_DATE_PROVISIONAL'],
    });
    expect(draft.findings[0].message).toContain('2027年');
  });

  it('登记回执: refused while a 补正 is awaited (no reply period runs)', () => {
    const f = facts({
      events: [
        register,
        {
          seq: 2,
          action: 'request_correction',
          data: { noticeSentOn: '2026-02-13', periodEndsOn: '2026-03-06', items: ['x'] },
        },
      ],
    });
    expect(() => draftCaseLetter(f, 'receipt')).toThrow(
      expect.objectContaining({ code: 'LETTER_NOT_APPLICABLE' }),
    );
  });

  it('补正告知书: every item and the guidance at once, dated the day it was sent, measured against receipt + 7 WD', () => {
    const step: HistoryEvent = {
      seq: 3,
      action: 'request_correction',
      data: {
        noticeSentOn: '2026-03-02',
        periodEndsOn: '2026-03-13',
        items: ['写明地块', '写明年份'],
        guidance: '可参照宗地图',
      },
    };
    const draft = draftCaseLetter(facts({ events: [register, assign, step] }), 'correction_notice');
    expect(draft.viewModel).toMatchObject({
      date: '2026-03-02',
      items: ['写明地块', '写明年份', '可参照宗地图'],
      correctionDeadline: '2026-03-13',
    });
    expect(draft).toMatchObject({ subject: 'event:3', series: 'correction' });
    expect(draft.deadlines.correctionNoticeDueDate).toBe('2026-02-28');
    // Art. 30: sent after the 7th working day → refused, naming the article.
    expect(codes(checkCaseLetter(draft, facts().agency)).errors).toEqual(['CORRECTION_NOTICE_LATE']);
  });

  it.each([
    ['no extension approved', [register, assign], 'LETTER_NOT_APPLICABLE'],
    [
      'only requested',
      [register, assign, { seq: 3, action: 'request_extension', data: { days: 20, reason: '档案多' } }],
      'LETTER_NOT_APPLICABLE',
    ],
  ] as const)('延期答复告知书: refused with %s', (_title, events, code) => {
    expect(() => draftCaseLetter(facts({ events: [...events] }), 'extension_notice')).toThrow(
      expect.objectContaining({ code }),
    );
  });

  it.each([
    // Notified 03-16 (recorded): the letter bears that date; 20 WD more from the original due date.
    ['notified on 03-16', true, '2026-03-16', '2026-04-16', []],
    // Not yet notified: the letter is the notice, dated today (03-10).
    ['not yet notified', false, '2026-03-10', '2026-04-16', []],
  ] as const)(
    '延期答复告知书 (%s): original and extended due dates from the clock',
    (_t, notified, date, extended, errors) => {
      const events: HistoryEvent[] = [
        register,
        assign,
        { seq: 3, action: 'request_extension', data: { days: 20, reason: '需调取2019年以来的档案' } },
        {
          seq: 4,
          action: 'decide_extension',
          data: { approve: true, decidedOn: '2026-03-09', days: 20, approverName: '王审核' },
        },
        ...(notified ? [{ seq: 5, action: 'notify_extension', data: { notifiedOn: '2026-03-16' } }] : []),
      ];
      const draft = draftCaseLetter(
        facts({ events, today: notified ? '2026-03-17' : '2026-03-10' }),
        'extension_notice',
      );
      expect(draft.viewModel).toMatchObject({
        date,
        originalDueDate: '2026-03-18',
        extendedDueDate: extended,
        reasons: '需调取2019年以来的档案',
      });
      expect(codes(checkCaseLetter(draft, facts().agency)).errors).toEqual(errors);
    },
  );

  it('延期答复告知书 dated after the original due date is refused (Art. 33 para 2)', () => {
    const events: HistoryEvent[] = [
      register,
      { seq: 2, action: 'request_extension', data: { days: 20, reason: 'x' } },
      { seq: 3, action: 'decide_extension', data: { approve: true, decidedOn: '2026-03-09', days: 20 } },
    ];
    const draft = draftCaseLetter(facts({ events, today: '2026-03-19' }), 'extension_notice');
    expect(codes(checkCaseLetter(draft, facts().agency)).errors).toEqual(['EXTENSION_NOTICE_LATE']);
  });

  it('收费通知书: the bands and amount computed at the fee step, per page as 按量计收', () => {
    const step: HistoryEvent = {
      seq: 3,
      action: 'send_fee_notice',
      data: {
        sentOn: '2026-03-02',
        method: 'per_page',
        amountYuan: 1100,
        bands: [
          { from: 1, to: 30, yuanPerUnit: 0, units: 30, subtotal: 0 },
          { from: 31, to: 100, yuanPerUnit: 10, units: 70, subtotal: 700 },
          { from: 101, to: 120, yuanPerUnit: 20, units: 20, subtotal: 400 },
        ],
        paymentInstructions: '到县政务服务中心窗口缴纳',
      },
    };
    const draft = draftCaseLetter(facts({ events: [register, assign, step] }), 'fee_notice');
    expect(draft.viewModel).toMatchObject({
      date: '2026-03-02',
      fee: {
        method: 'per_volume',
        quantity: 120,
        amountYuan: 1100,
        bands: [
          { band: '第1—30页', quantity: 30, unitPriceYuan: 0, subtotalYuan: 0 },
          { band: '第31—100页', quantity: 70, unitPriceYuan: 10, subtotalYuan: 700 },
          { band: '第101—120页', quantity: 20, unitPriceYuan: 20, subtotalYuan: 400 },
        ],
      },
      payment: { method: '到县政务服务中心窗口缴纳', payee: '郯城县自然资源局', account: null, bank: null },
    });
    expect(draft.deadlines.replyDueDate).toBe('2026-03-18');
  });

  describe('consultations', () => {
    const consultations = [
      {
        id: 'k1',
        kind: 'third_party' as const,
        partyName: '郯城县某建材有限公司',
        matter: '涉及贵公司的报价',
        dispatchedOn: '2026-02-24',
      },
      {
        id: 'k2',
        kind: 'agency' as const,
        partyName: '郯城县住房和城乡建设局',
        matter: '共同制作的批复',
        dispatchedOn: '2026-02-25',
      },
    ];
    const f = facts({ consultations });

    it('征求意见书 to the third party: dated the dispatch, the applicant not identified', () => {
      const draft = draftCaseLetter(f, 'third_party_consultation', { consultationId: 'k1' });
      expect(draft.viewModel).toMatchObject({
        date: '2026-02-24',
        thirdParty: { name: '郯城县某建材有限公司', organisation: true },
        reasons: '涉及贵公司的报价',
      });
      expect(draft.viewModel.application).not.toHaveProperty('channel');
      expect(JSON.stringify(draft.viewModel)).not.toContain('张三');
      expect(draft.subject).toBe('consultation:k1');
    });

    it('征求意见函 to another agency: Art. 34 (its silence is consent, as the case treats it)', () => {
      const draft = draftCaseLetter(f, 'agency_consultation', { consultationId: 'k2' });
      expect(draft.viewModel).toMatchObject({
        basis: 'co_produced',
        consultedAgency: { organisation: true },
      });
    });

    it('征求意见告知书 to the applicant names no third party', () => {
      const draft = draftCaseLetter(f, 'consultation_applicant_notice', { consultationId: 'k1' });
      expect(draft.viewModel).toMatchObject({
        consultationSentOn: '2026-02-24',
        consultedParty: 'third_party',
      });
      expect(JSON.stringify(draft.viewModel)).not.toContain('建材');
    });

    it.each([
      ['no consultation chosen', 'third_party_consultation', {}, 'VALIDATION_FAILED'],
      [
        'an unknown consultation',
        'third_party_consultation',
        { consultationId: 'k9' },
        'LETTER_NOT_APPLICABLE',
      ],
      [
        'a 征求意见书 for an agency',
        'third_party_consultation',
        { consultationId: 'k2' },
        'LETTER_NOT_APPLICABLE',
      ],
      [
        'a 征求意见函 for a third party',
        'agency_consultation',
        { consultationId: 'k1' },
        'LETTER_NOT_APPLICABLE',
      ],
    ] as const)('refuses %s', (_title, type, options, code) => {
      expect(() => draftCaseLetter(f, type, options)).toThrow(expect.objectContaining({ code }));
    });

    it('a reply recites the consultation without naming the third party (Art. 33 para 3)', () => {
      const draft = draftCaseLetter(
        replyFacts('disclosed', { accessInstructions: '随本答复书提供复印件' }, { consultations }),
        'reply_disclosed',
      );
      expect(draft.viewModel.procedure.consultation).toEqual({
        sentOn: '2026-02-24',
        party: '第三方和郯城县住房和城乡建设局',
      });
    });
  });

  it('说明理由告知书: the month’s applications; the deadline is the issuer’s and must be later', () => {
    const f = facts({ applicationsSinceMonthStart: 46 });
    expect(
      draftCaseLetter(f, 'reason_request', { explanationDeadline: '2026-03-20' }).viewModel,
    ).toMatchObject({
      applicationCount: 46,
      countingSince: '2026-02-01',
      explanationDeadline: '2026-03-20',
    });
    expect(() => draftCaseLetter(f, 'reason_request')).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
    expect(() => draftCaseLetter(f, 'reason_request', { explanationDeadline: '2026-03-10' })).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
  });
});

describe('draftCaseLetter: the reply letter of the outcome', () => {
  const CORRECTED: HistoryEvent[] = [
    register,
    {
      seq: 2,
      action: 'request_correction',
      data: { noticeSentOn: '2026-02-13', periodEndsOn: '2026-02-27', items: ['x'] },
    },
    { seq: 3, action: 'receive_correction', data: { receivedOn: '2026-02-26', receiptRule: '第三十一条' } },
  ];
  const DETAILS: Partial<Record<Outcome, Partial<OutcomeDetail>>> = {
    already_public: { accessInstructions: '郯城县人民政府网站“政府信息公开”栏目' },
    disclosed: { accessInstructions: '随本答复书提供复印件' },
    partially_disclosed: { withheldParts: '身份证号码', withheldGrounds: ['withheld_third_party'] },
    not_held: { searchDescription: '检索了档案室全部案卷' },
    not_responsible: { competentAgency: { name: '郯城县住房和城乡建设局', contact: '0539-6200103' } },
    repeat_application: { earlierReply: { date: '2026-01-12', reference: '郯自然资信复〔2026〕1号' } },
    petition_complaint: { properChannel: '郯城县信访局' },
    special_procedure: { specialProcedure: '《不动产登记暂行条例》第二十七条，到县不动产登记中心查询' },
    withheld_prohibited_by_law: { basis: '《中华人民共和国统计法》第三十九条' },
    confirmation_request: { basis: '《政府信息公开条例》第二条' },
    other: { basis: '第三十六条' },
  };

  it.each(DRAFTABLE_OUTCOMES)(
    '%s: renders, passes the check, and carries the remedy of the table',
    (outcome) => {
      const type = OUTCOME_LETTERS[outcome];
      const events = outcome === 'unclear_after_correction' ? CORRECTED : undefined;
      const draft = draftCaseLetter(
        replyFacts(outcome, DETAILS[outcome] ?? {}, events ? { events } : {}),
        type,
      );
      expect(draft).toMatchObject({
        subject: 'case',
        series: 'reply',
        viewModel: { outcome, date: '2026-03-10' },
      });
      const check = checkCaseLetter(draft, facts().agency);
      expect(check.errors).toEqual([]);
      const html = renderLetterHtml(type, draft.viewModel);
      expect(html).toContain('郯城县人民政府（地址：山东省临沂市郯城县人民路100号）');
      expect(html).not.toContain('undefined');
    },
  );

  it('refuses the letter of another outcome, and a reply without an outcome', () => {
    expect(() => draftCaseLetter(replyFacts('disclosed', {}), 'reply_withheld')).toThrow(
      expect.objectContaining({ code: 'LETTER_NOT_APPLICABLE' }),
    );
    expect(() => draftCaseLetter(facts(), 'reply_disclosed')).toThrow(
      expect.objectContaining({ code: 'LETTER_NOT_APPLICABLE' }),
    );
  });

  it('measures the reply against the case’s due date: a late reply is a warning (Art. 33)', () => {
    const draft = draftCaseLetter(replyFacts('disclosed', DETAILS.disclosed!), 'reply_disclosed', {
      replyDate: '2026-03-19',
    });
    expect(draft.deadlines.replyDueDate).toBe('2026-03-18');
    expect(codes(checkCaseLetter(draft, facts().agency))).toEqual({
      errors: [],
      warnings: ['REPLY_OVERDUE'],
    });
  });

  it.each([
    ['a blank reconsideration body', { reconsiderationBodyName: '' }],
    ['the pre-2024 dual venue', { reconsiderationBodyName: '临沂市自然资源局或郯城县人民政府' }],
  ])('refuses a reply when the agency profile has %s (复议法 Art. 20, 23)', (_title, change) => {
    const f = replyFacts('withheld_process_info', {});
    const agency = { ...f.agency, ...change };
    const draft = draftCaseLetter({ ...f, agency }, 'reply_withheld');
    expect(draft.viewModel.remedy).toBe('');
    const check = checkCaseLetter(draft, agency);
    expect(check.errors.map((e) => e.code)).toEqual(['REMEDY_BODY_INVALID', 'REMEDY_MISSING']);
    expect(check.errors.every((e) => e.article.includes('行政复议法'))).toBe(true);
  });

  it('refuses 补正后仍不明确 without a 补正, and recites the 补正 when there was one (Art. 30)', () => {
    const without = draftCaseLetter(replyFacts('unclear_after_correction', {}), 'reply_unavailable');
    expect(codes(checkCaseLetter(without, facts().agency)).errors).toEqual(['CORRECTION_MISSING']);
    const withCorrection = draftCaseLetter(
      replyFacts('unclear_after_correction', {}, { events: CORRECTED }),
      'reply_unavailable',
    );
    expect(withCorrection.viewModel.procedure.correction).toEqual({
      noticeDate: '2026-02-13',
      receivedOn: '2026-02-26',
    });
    // 20 WD from the corrected application (02-26; Saturday 02-28 is a make-up working day).
    expect(withCorrection.deadlines.replyDueDate).toBe('2026-03-25');
    expect(checkCaseLetter(withCorrection, facts().agency).ok).toBe(true);
  });

  it('部分公开 cites the withheld part’s ground with Art. 37', () => {
    const draft = draftCaseLetter(
      replyFacts('partially_disclosed', {
        basis: '第三十七条',
        withheldParts: '个人信息',
        withheldGrounds: ['withheld_third_party', 'withheld_process_info'],
      }),
      'reply_partially_disclosed',
    );
    expect(draft.viewModel.legalBasis).toBe(
      '《中华人民共和国政府信息公开条例》第十五条、第十六条第二款、第三十七条',
    );
    expect(codes(checkCaseLetter(draft, facts().agency)).warnings).toEqual([]);
  });

  it.each([
    ['no reason request', [], 'REASON_REQUEST_MISSING', 'warning'],
    ['a reason request still running', [{ deadline: '2026-03-20' }], 'REASON_PERIOD_RUNNING', 'error'],
    ['a lapsed reason request', [{ deadline: '2026-03-06' }], 'EXPLANATION_NOT_RECORDED', 'warning'],
  ] as const)('无正当理由大量反复申请 with %s (Art. 35)', (_title, requests, code, severity) => {
    const letters = requests.map((r) => ({
      type: 'reason_request' as LetterType,
      subject: 'case',
      documentNumber: '郯自然资信告〔2026〕6号',
      letterDate: '2026-02-26',
      viewModel: { explanationDeadline: r.deadline },
    }));
    const draft = draftCaseLetter(
      replyFacts('excessive_requests', {}, { letters }),
      'reply_excessive_requests',
    );
    expect(draft.viewModel.reasonRequest).toEqual(
      letters.length ? { date: '2026-02-26', explanationReceivedOn: null } : null,
    );
    const check = checkCaseLetter(draft, facts().agency);
    expect([...check.errors, ...check.warnings].map((f) => [f.code, f.severity])).toEqual([[code, severity]]);
  });

  it('视为放弃 (补正): the 补正告知书 with its 文号 and deadline; no overdue warning', () => {
    const events: HistoryEvent[] = [
      register,
      {
        seq: 2,
        action: 'request_correction',
        data: { noticeSentOn: '2026-02-13', periodEndsOn: '2026-02-27', items: ['x'] },
      },
      { seq: 3, action: 'lapse_correction', data: { deemedWithdrawnOn: '2026-02-28' } },
    ];
    const f = facts({
      events,
      caseChanges: {
        status: 'deemed_withdrawn',
        outcome: 'deemed_withdrawn_correction',
        outcomeDetail: { basis: '', reasons: '' },
      },
      letters: [
        {
          type: 'correction_notice',
          subject: 'event:2',
          documentNumber: '郯自然资信补〔2026〕3号',
          letterDate: '2026-02-13',
          viewModel: {},
        },
      ],
    });
    const draft = draftCaseLetter(f, 'deemed_withdrawn');
    expect(draft.viewModel).toMatchObject({
      outcome: 'deemed_withdrawn_correction',
      legalBasis: '《中华人民共和国政府信息公开条例》第三十条',
      notice: { date: '2026-02-13', documentNumber: '郯自然资信补〔2026〕3号', deadline: '2026-02-27' },
    });
    expect(checkCaseLetter(draft, f.agency)).toMatchObject({ ok: true, warnings: [] });
  });

  it('until the 文号 is assigned its absence is not a finding; a malformed one is', () => {
    const draft = draftCaseLetter(replyFacts('disclosed', DETAILS.disclosed!), 'reply_disclosed');
    expect(checkCaseLetter(draft, facts().agency).ok).toBe(true);
    const numbered = {
      ...draft,
      viewModel: { ...draft.viewModel, documentNumber: '郯自然资信复[2026]01号' },
    };
    expect(codes(checkCaseLetter(numbered, facts().agency)).errors).toEqual(['DOCUMENT_NUMBER_MALFORMED']);
  });
});

describe('helpers', () => {
  it.each([
    ['第三十六条第（四）项', '《中华人民共和国政府信息公开条例》第三十六条第（四）项'],
    ['《中华人民共和国统计法》第三十九条', '《中华人民共和国统计法》第三十九条'],
    ['  第三十八条 ', '《中华人民共和国政府信息公开条例》第三十八条'],
  ])('prints the basis %j as %j', (typed, printed) => {
    expect(printedBasis(typed)).toBe(printed);
  });

  it.each([
    ['郯城县某建材有限公司', true],
    ['郯城县住房和城乡建设局', true],
    ['新村社区居民委员会', true],
    ['张三', false],
    ['欧阳小明', false],
  ])('addresses %s as an organisation: %s', (name, organisation) => {
    expect(looksLikeOrganisation(name)).toBe(organisation);
  });

  it.each([
    [
      '《不动产登记暂行条例》第二十七条，到县不动产登记中心查询',
      '《不动产登记暂行条例》第二十七条',
      '县不动产登记中心',
    ],
    ['依照《档案法》到郯城县档案馆查阅', '《档案法》', '郯城县档案馆'],
    ['请向市场监督管理局窗口查询企业登记档案', '', ''],
  ])('splits %j into the law %j and the office %j', (text, rules, office) => {
    const split = splitSpecialProcedure(text);
    expect(split.specialRules).toBe(rules);
    expect(split.office.name).toBe(office);
  });

  it('takes the competent agency the handler named as the office', () => {
    expect(
      splitSpecialProcedure('《不动产登记暂行条例》', { name: '郯城县不动产登记中心', contact: '0539-1' })
        .office,
    ).toEqual({
      name: '郯城县不动产登记中心',
      address: '',
      phone: '0539-1',
    });
  });
});
