import { isOrganisation, type ApplicantType } from '../cases/applicant-type.js';
import {
  DELIVERY_METHOD_LABELS,
  REQUESTED_FORM_LABELS,
  type DeliveryMethod,
  type OutcomeDetail,
  type RequestedForm,
} from '../cases/case-details.js';
import type { HistoryEvent } from '../cases/case-history.rules.js';
import type { CaseStatus } from '../cases/case-status.js';
import type { Channel } from '../cases/channel.js';
import type { ClockResult } from '../cases/clock.rules.js';
import { OUTCOMES, type Outcome } from '../cases/outcome.js';
import { basisFor, DRAFTABLE_OUTCOMES } from '../cases/outcome.rules.js';
import type { IsoDate } from '../common/clock/clock.js';
import { DomainError } from '../common/errors/domain-error.js';
import { LETTER_TYPES, OUTCOME_LETTERS, type DocumentSeries } from './letter-types.js';
import type {
  AgencyVm,
  ApplicantLetterVm,
  ApplicationVm,
  FeeBandVm,
  LetterBaseVm,
  LetterType,
  LetterViewModels,
  PartyVm,
  ProcedureVm,
  ProvisionVm,
  ReplyVm,
} from './letter-view-models.js';
import {
  preIssueCheck,
  type PreIssueDeadlines,
  type PreIssueFinding,
  type PreIssueResult,
} from './pre-issue.rules.js';
import {
  remedyParagraph,
  remedyProfileProblems,
  type RemedyProfile,
  type RemedyTable,
} from './remedy.rules.js';

/*
 * From a real case to the view model of each of its letters (pure: the clock comes in as a function
 * of the events, "today" as a value). Facts come from the case, its events and the agency profile;
 * the handler's words only where the templates take them (reasons, the search performed, the 补正
 * items, the matter a party is consulted on, the access instructions).
 */

/** The agency as its letters print it, with its remedy profile (src/agencies/agency.entity.ts). */
export interface AgencyLetterProfile extends RemedyProfile {
  readonly name: string;
  readonly officeAddress: string;
  readonly officePostcode: string;
  readonly officePhone: string;
  readonly officeHours: string;
  readonly website: string;
}

export interface ConsultationFacts {
  readonly id: string;
  readonly kind: 'third_party' | 'agency';
  readonly partyName: string;
  readonly matter: string;
  readonly dispatchedOn: IsoDate;
}

/** A letter of the case already issued and not superseded. */
export interface IssuedLetterFacts {
  readonly type: LetterType;
  readonly subject: string;
  readonly documentNumber: string | null;
  readonly letterDate: IsoDate;
  readonly viewModel: Readonly<Record<string, unknown>>;
}

export interface CaseLetterFacts {
  readonly today: IsoDate;
  readonly case: {
    readonly caseNumber: string;
    readonly status: CaseStatus;
    readonly receivedOn: IsoDate;
    readonly channel: Channel;
    readonly informationSought: string;
    readonly requestedForm: RequestedForm;
    readonly deliveryMethod: DeliveryMethod;
    readonly outcome: Outcome | null;
    readonly outcomeDetail: OutcomeDetail | null;
    readonly repliedOn: IsoDate | null;
  };
  readonly applicant: { readonly name: string; readonly type: ApplicantType };
  readonly agency: AgencyLetterProfile;
  /** 附注's 联系人: the case's handler (or whoever issues when nobody is assigned). */
  readonly contactPerson: string;
  /** The case's events in order (case_event: seq, action, data). */
  readonly events: readonly HistoryEvent[];
  readonly consultations: readonly ConsultationFacts[];
  readonly letters: readonly IssuedLetterFacts[];
  /** The applicant's applications to this agency since the first of the month of receipt (Art. 35). */
  readonly applicationsSinceMonthStart: number;
  readonly remedyTable: RemedyTable;
  /** The statutory clock over these events, as of today (clock.rules.ts with the agency's calendar). */
  readonly clockOf: (events: readonly HistoryEvent[]) => ClockResult;
}

/** What the issuer chooses, where the case does not say it. */
export interface LetterOptions {
  /** The consultation a 征求意见书/函 or its notice to the applicant is about. */
  readonly consultationId?: string;
  /** 说明理由告知书: the day by which the applicant is asked to explain (Art. 35). */
  readonly explanationDeadline?: IsoDate;
  /** A reply letter's date (作出答复之日); default: the case's reply date, else today (a preview). */
  readonly replyDate?: IsoDate;
}

export interface CaseLetterDraft<T extends LetterType = LetterType> {
  readonly type: T;
  readonly title: string;
  readonly series: DocumentSeries | null;
  /** What the letter is the document of: `case`, `event:<seq>` (a step) or `consultation:<id>`. */
  readonly subject: string;
  /** Everything but the 发文字号, which is assigned inside the issuing transaction. */
  readonly viewModel: LetterViewModels[T];
  readonly deadlines: PreIssueDeadlines;
  /** What the builder found that the template cannot show (added to the pre-issue check). */
  readonly findings: readonly PreIssueFinding[];
}

const 条例 = '《中华人民共和国政府信息公开条例》';
const NO_DEADLINES: PreIssueDeadlines = {
  replyDueDate: null,
  originalReplyDueDate: null,
  correctionNoticeDueDate: null,
};

/** The reply letters a handler's outcome leads to (not 视为放弃 / 撤回, which come from lapses). */
export const REPLY_LETTER_TYPES: readonly LetterType[] = [
  ...new Set(DRAFTABLE_OUTCOMES.map((o) => OUTCOME_LETTERS[o])),
];

export function isReplyLetter(type: LetterType): boolean {
  return REPLY_LETTER_TYPES.includes(type);
}

function notApplicable(type: LetterType, detail: string): DomainError {
  return new DomainError('LETTER_NOT_APPLICABLE', `${LETTER_TYPES[type].title}：${detail}`, {
    extensions: { letterType: type },
  });
}

/**
 * The draft of one letter of the case. Throws LETTER_NOT_APPLICABLE when the case has not reached
 * the step the letter documents (no 补正 asked, no extension approved…), VALIDATION_FAILED when an
 * option the letter needs is missing.
 */
export function draftCaseLetter<T extends LetterType>(
  facts: CaseLetterFacts,
  type: T,
  options: LetterOptions = {},
): CaseLetterDraft<T> {
  const builder = BUILDERS[type] as Builder<T> | undefined;
  if (!builder) throw new DomainError('LETTER_TYPE_UNKNOWN', `没有这种文书：${String(type)}`);
  const built = builder(facts, options, type);
  return {
    type,
    title: LETTER_TYPES[type].title,
    series: LETTER_TYPES[type].series,
    subject: built.subject,
    viewModel: built.viewModel,
    deadlines: built.deadlines ?? NO_DEADLINES,
    findings: built.findings ?? [],
  };
}

/**
 * The pre-issue check of a draft: the builder's findings and preIssueCheck(). Until the 发文字号 is
 * assigned (previews, and the check before the number is taken) its absence is not a finding.
 */
export function checkCaseLetter(draft: CaseLetterDraft, profile: RemedyProfile): PreIssueResult {
  const result = preIssueCheck({
    type: draft.type,
    viewModel: draft.viewModel,
    remedyProfile: profile,
    deadlines: draft.deadlines,
  });
  const numberPending = draft.viewModel.documentNumber === null;
  const all = [...draft.findings, ...result.errors, ...result.warnings].filter(
    (f) => !(numberPending && f.code === 'DOCUMENT_NUMBER_MISSING'),
  );
  const errors = all.filter((f) => f.severity === 'error');
  return { ok: errors.length === 0, errors, warnings: all.filter((f) => f.severity === 'warning') };
}

// ───────────────────────────── builders ─────────────────────────────

interface Built<T extends LetterType> {
  subject: string;
  viewModel: LetterViewModels[T];
  deadlines?: PreIssueDeadlines;
  findings?: PreIssueFinding[];
}
type Builder<T extends LetterType> = (facts: CaseLetterFacts, options: LetterOptions, type: T) => Built<T>;

function agencyVm(agency: AgencyLetterProfile): AgencyVm {
  return {
    name: agency.name,
    address: agency.officeAddress,
    postcode: agency.officePostcode,
    phone: agency.officePhone,
    officeHours: agency.officeHours,
    website: agency.website,
    // No seal image is configured per agency yet: the letter prints the placeholder for the real seal.
    sealImage: null,
  };
}

function base(facts: CaseLetterFacts, date: IsoDate): LetterBaseVm {
  return {
    agency: agencyVm(facts.agency),
    documentNumber: null,
    date,
    contact: { person: facts.contactPerson, phone: facts.agency.officePhone },
  };
}

function applicationVm(facts: CaseLetterFacts): ApplicationVm {
  return {
    caseNumber: facts.case.caseNumber,
    // Art. 31: the receipt date of the application itself, never a later registration date.
    receivedOn: facts.case.receivedOn,
    channel: facts.case.channel,
    informationSought: facts.case.informationSought,
  };
}

/** The application as a consulted party sees it: the applicant is not identified (how it arrived neither). */
function consultedApplication(
  facts: CaseLetterFacts,
): Pick<ApplicationVm, 'caseNumber' | 'receivedOn' | 'informationSought'> {
  const { caseNumber, receivedOn, informationSought } = applicationVm(facts);
  return { caseNumber, receivedOn, informationSought };
}

function applicantLetter(facts: CaseLetterFacts, date: IsoDate): ApplicantLetterVm {
  return {
    ...base(facts, date),
    applicant: { name: facts.applicant.name, organisation: isOrganisation(facts.applicant.type) },
    application: applicationVm(facts),
  };
}

const lastEvent = (events: readonly HistoryEvent[], action: string): HistoryEvent | undefined =>
  [...events].reverse().find((e) => e.action === action);

const before = (events: readonly HistoryEvent[], seq: number) => events.filter((e) => e.seq < seq);

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

function requireDate(field: string, value: IsoDate | undefined, message: string): IsoDate {
  if (!value) throw DomainError.validation([{ field, message }]);
  return value;
}

function consultationOf(
  facts: CaseLetterFacts,
  type: LetterType,
  options: LetterOptions,
  kind?: 'third_party' | 'agency',
): ConsultationFacts {
  if (!options.consultationId) {
    throw DomainError.validation([{ field: 'consultationId', message: '须指明是哪一项征求意见' }]);
  }
  const found = facts.consultations.find((k) => k.id === options.consultationId);
  if (!found) throw notApplicable(type, '本案没有这项征求意见');
  if (kind && found.kind !== kind) {
    throw notApplicable(
      type,
      kind === 'third_party'
        ? '这项征求意见的对象是行政机关，应出具征求意见函'
        : '这项征求意见的对象是第三方，应出具征求意见书',
    );
  }
  return found;
}

/**
 * A consulted third party addressed as 贵单位 or 您: the consultation records only a name, so an
 * organisation is recognised by its name (a legal person's name carries its form; a person's name
 * has 2–4 characters).
 */
export function looksLikeOrganisation(name: string): boolean {
  const trimmed = name.trim();
  return (
    trimmed.length > 4 ||
    /(公司|集团|企业|合作社|厂|店|行|社|会|院|所|校|中心|局|委|办|站|队|部|处|室|馆|政府|银行|医院|学校|单位)$/.test(
      trimmed,
    )
  );
}

/** The earlier steps a reply recites: 补正, 征求意见, extension (template partial `procedure`). */
function procedureVm(facts: CaseLetterFacts, clock: ClockResult): ProcedureVm {
  const received = lastEvent(facts.events, 'receive_correction');
  const requested = received
    ? lastEvent(before(facts.events, received.seq), 'request_correction')
    : undefined;
  const consultations = [...facts.consultations].sort((a, b) => a.dispatchedOn.localeCompare(b.dispatchedOn));
  // A third party is never named to the applicant (Art. 32 protects its interests); an agency is.
  const parties = [...new Set(consultations.map((k) => (k.kind === 'third_party' ? '第三方' : k.partyName)))];
  return {
    correction:
      received && requested
        ? { noticeDate: text(requested.data.noticeSentOn), receivedOn: text(received.data.receivedOn) }
        : null,
    consultation: consultations.length
      ? { sentOn: consultations[0].dispatchedOn, party: parties.join('和') }
      : null,
    extension:
      clock.extension?.counted && clock.extension.notifiedOn && clock.dueOn
        ? { noticeDate: clock.extension.notifiedOn, newDueDate: clock.dueOn }
        : null,
  };
}

/** A basis typed as "第三十六条第（四）项" refers to the 条例: printed with its full name. */
export function printedBasis(basis: string): string {
  const trimmed = basis.trim();
  return trimmed.startsWith('第') ? `${条例}${trimmed}` : trimmed;
}

/** Art. 37 with the ground of the withheld part (Arts. 14–16, 36(7)). */
const GROUND_ARTICLES: Partial<Record<Outcome, string>> = {
  withheld_state_secret: '第十四条',
  withheld_prohibited_by_law: '第十四条',
  withheld_security_stability: '第十四条',
  withheld_third_party: '第十五条',
  withheld_internal_affairs: '第十六条第一款',
  withheld_process_info: '第十六条第二款',
  withheld_enforcement_file: '第十六条第二款',
  special_procedure: '第三十六条第（七）项',
};

function partialBasis(detail: OutcomeDetail): string {
  const typed = printedBasis(basisFor('partially_disclosed', detail));
  // The handler's own basis stands when it already names the ground (or another law).
  if (/第十[四五六]条|法》/.test(typed)) return typed;
  const articles = [
    ...new Set((detail.withheldGrounds ?? []).map((g) => GROUND_ARTICLES[g]).filter(Boolean)),
  ];
  return `${条例}${[...articles, '第三十七条'].join('、')}`;
}

function provisionVm(facts: CaseLetterFacts, detail: OutcomeDetail): ProvisionVm {
  const provided = detail.providedForm?.trim();
  // Art. 40: a form other than the one asked for is given with its reason.
  const form = provided
    ? `${provided}${detail.formReason?.trim() ? `（${detail.formReason.trim()}）` : ''}`
    : REQUESTED_FORM_LABELS[facts.case.requestedForm];
  const instructions = detail.accessInstructions?.trim();
  const method = `${DELIVERY_METHOD_LABELS[facts.case.deliveryMethod]}${instructions ? `，${instructions}` : ''}`;
  return { form, method, attachments: [] };
}

/**
 * 按特别规定办理 (Art. 36(7)): the case records one text naming the law and where to go, e.g.
 * “《不动产登记暂行条例》第二十七条，到县不动产登记中心查询”. The law is what stands in 《》 (with
 * its article); the office is the remaining phrase naming an office. The competent agency, when the
 * handler gave one, is the office.
 */
export function splitSpecialProcedure(
  value: string,
  competentAgency?: { name: string; contact: string },
): { specialRules: string; office: { name: string; address: string; phone: string } } {
  const citation =
    /《[^《》]+》(?:第[一二三四五六七八九十百零〇\d]+条(?:第[一二三四五六七八九十\d]+款)?(?:第（?[一二三四五六七八九十\d]+）?项)?)?/g;
  const rules = value.match(citation) ?? [];
  const rest = value.replace(citation, '');
  const officeName =
    rest
      .split(/[，,；;。\n]/)
      .map((part) =>
        part
          .trim()
          .replace(/^.*?(?:到|向|前往)/, '')
          .replace(/(查询|办理|申请|咨询|查阅|调取)+$/, '')
          .trim(),
      )
      .find((part) => /(中心|局|所|处|机构|窗口|大厅|站|院|馆|办公室|委员会|政府|科|股)$/.test(part)) ?? '';
  return {
    specialRules: rules.join('、'),
    office: competentAgency?.name.trim()
      ? { name: competentAgency.name.trim(), address: '', phone: competentAgency.contact.trim() }
      : { name: officeName, address: '', phone: '' },
  };
}

function replyBase(
  facts: CaseLetterFacts,
  type: LetterType,
  outcome: Outcome,
  date: IsoDate,
  clock: ClockResult,
): ReplyVm {
  const act = LETTER_TYPES[type].act;
  // A profile the remedy rules refuse gives no paragraph: the pre-issue check then names the fault
  // (复议法 Art. 20 para 3, 23 para 2) instead of the letter failing to render, and previews show that
  // finding instead of the letter (CaseLettersService.previewHtml).
  const remedy =
    act === null || remedyProfileProblems(facts.agency).length > 0
      ? ''
      : (remedyParagraph(facts.agency, outcome, act, facts.remedyTable) ?? '');
  return {
    ...applicantLetter(facts, date),
    procedure: procedureVm(facts, clock),
    legalBasis: printedBasis(basisFor(outcome, facts.case.outcomeDetail ?? { basis: '', reasons: '' })),
    remedy,
  };
}

/** A due date the letter promises that rests on a year whose holiday notice is not published yet. */
function provisional(clock: ClockResult): PreIssueFinding[] {
  if (!clock.provisional) return [];
  return [
    warning(
      'DUE_DATE_PROVISIONAL',
      `${条例}第三十三条；《全国年节及纪念日放假办法》`,
      `期限涉及尚未公布节假日安排的年份（${clock.provisionalYears.join('、')}年），按法定节假日推算，公布后可能变化`,
    ),
  ];
}

function warning(code: string, article: string, message: string): PreIssueFinding {
  return { severity: 'warning', code, article, message };
}
function error(code: string, article: string, message: string): PreIssueFinding {
  return { severity: 'error', code, article, message };
}

/** The reply letter of the case's outcome (Art. 36–39), dated the day the reply is made. */
function reply(facts: CaseLetterFacts, options: LetterOptions, type: LetterType): Built<LetterType> {
  const outcome = facts.case.outcome;
  if (!outcome || !DRAFTABLE_OUTCOMES.includes(outcome)) {
    throw notApplicable(type, '本案尚未拟定答复结果');
  }
  if (OUTCOME_LETTERS[outcome] !== type) {
    throw notApplicable(
      type,
      `本案的答复结果是“${OUTCOMES[outcome].label}”，应出具${LETTER_TYPES[OUTCOME_LETTERS[outcome]].title}`,
    );
  }
  const detail = facts.case.outcomeDetail ?? { basis: '', reasons: '' };
  const date = options.replyDate ?? facts.case.repliedOn ?? facts.today;
  // The clock as it stood before the reply stopped it: its due date is what the reply is measured by.
  const untilReply = facts.events.filter((e) => e.action !== 'issue_reply');
  const clock = facts.clockOf(untilReply);
  const vm = replyBase(facts, type, outcome, date, clock);
  const reasons = detail.reasons ?? '';
  const findings: PreIssueFinding[] = [];
  const deadlines: PreIssueDeadlines = {
    replyDueDate: clock.dueOn,
    originalReplyDueDate: clock.originalDueOn,
    correctionNoticeDueDate: null,
  };
  const extra: Record<string, unknown> = { outcome, reasons };
  switch (outcome) {
    case 'already_public':
      Object.assign(extra, {
        publication: { where: detail.accessInstructions?.trim() ?? '', url: null },
        provision: null,
      });
      break;
    case 'disclosed':
      Object.assign(extra, { publication: null, provision: provisionVm(facts, detail) });
      break;
    case 'partially_disclosed':
      Object.assign(extra, {
        provision: provisionVm(facts, detail),
        withheldPart: detail.withheldParts?.trim() ?? '',
        legalBasis: partialBasis(detail),
      });
      break;
    case 'special_procedure': {
      const split = splitSpecialProcedure(detail.specialProcedure ?? '', detail.competentAgency);
      Object.assign(extra, { specialRules: split.specialRules, competentOffice: split.office });
      break;
    }
    case 'not_held':
      extra.searchDescription = detail.searchDescription ?? '';
      break;
    case 'not_responsible':
      extra.competentAgency = {
        name: detail.competentAgency?.name ?? '',
        contact: detail.competentAgency?.contact ?? '',
      };
      break;
    case 'petition_complaint':
      extra.properChannel = detail.properChannel ?? '';
      break;
    case 'repeat_application':
      extra.earlierReply = {
        documentNumber: detail.earlierReply?.reference ?? '',
        date: detail.earlierReply?.date ?? '',
      };
      break;
    case 'publication_request':
      extra.publication = { title: '', howToObtain: detail.accessInstructions?.trim() ?? '' };
      break;
    case 'excessive_requests': {
      const request = facts.letters.find((l) => l.type === 'reason_request');
      extra.reasonRequest = request ? { date: request.letterDate, explanationReceivedOn: null } : null;
      if (!request) {
        findings.push(
          warning(
            'REASON_REQUEST_MISSING',
            `${条例}第三十五条`,
            '未先要求申请人说明理由即告知不予处理：第三十五条规定“认为申请理由不合理的”才告知不予处理，可能被认定程序违法',
          ),
        );
      } else {
        const deadline = text(request.viewModel.explanationDeadline);
        if (deadline && date <= deadline) {
          findings.push(
            error(
              'REASON_PERIOD_RUNNING',
              `${条例}第三十五条`,
              `说明理由的期限（至${deadline}）尚未届满，不能以申请人未说明理由为由不予处理`,
            ),
          );
        } else {
          findings.push(
            warning(
              'EXPLANATION_NOT_RECORDED',
              `${条例}第三十五条`,
              '本案未登记申请人的说明：答复书将载明申请人未在规定期限内说明理由，请核实',
            ),
          );
        }
      }
      break;
    }
    default:
      break;
  }
  return {
    subject: 'case',
    viewModel: { ...vm, ...extra } as LetterViewModels[LetterType],
    deadlines,
    findings,
  };
}

const BUILDERS: { [T in LetterType]: Builder<T> } = {
  // 登记回执: the application as registered and the reply period "按目前情况".
  receipt: (facts, _options, type) => {
    const clock = facts.clockOf(facts.events);
    if (clock.state === 'awaiting_correction' || clock.dueOn === null) {
      throw notApplicable(
        type,
        '申请待补正，答复期限自收到补正后的申请之日起重新计算，此时不能出具载明答复期限的登记回执',
      );
    }
    return {
      subject: 'case',
      viewModel: { ...applicantLetter(facts, facts.today), replyDueDate: clock.dueOn },
      findings: provisional(clock),
    };
  },

  // 补正告知书 (Art. 30): the items of the 补正 step, dated the day it was sent.
  correction_notice: (facts, _options, type) => {
    const step = lastEvent(facts.events, 'request_correction');
    if (!step) throw notApplicable(type, '本案没有告知补正');
    const items = Array.isArray(step.data.items) ? step.data.items.map(String) : [];
    const guidance = text(step.data.guidance).trim();
    const date = text(step.data.noticeSentOn);
    return {
      subject: `event:${step.seq}`,
      viewModel: {
        ...applicantLetter(facts, date),
        // Art. 30: 指导和释明 goes with the items, all at once.
        items: guidance ? [...items, guidance] : items,
        correctionDeadline: text(step.data.periodEndsOn),
      },
      deadlines: {
        ...NO_DEADLINES,
        correctionNoticeDueDate: facts.clockOf(before(facts.events, step.seq)).correctionNoticeDueOn,
      },
    };
  },

  // 延期答复告知书 (Art. 33 para 2): once the head of the disclosure office has approved it; dated the
  // day the applicant is told (recorded, or today when the letter is how they are told).
  extension_notice: (facts, _options, type) => {
    const decision = [...facts.events]
      .reverse()
      .find((e) => e.action === 'decide_extension' && e.data.approve === true);
    if (!decision) throw notApplicable(type, '延期尚未经政府信息公开工作机构负责人同意');
    const request = lastEvent(before(facts.events, decision.seq), 'request_extension');
    const notified = facts.events.find((e) => e.seq > decision.seq && e.action === 'notify_extension');
    const date = notified ? text(notified.data.notifiedOn) : facts.today;
    const withNotice = notified
      ? facts.events
      : [
          ...facts.events,
          { seq: Number.MAX_SAFE_INTEGER, action: 'notify_extension', data: { notifiedOn: date } },
        ];
    const clock = facts.clockOf(withNotice);
    if (!clock.originalDueOn || !clock.dueOn) throw notApplicable(type, '本案当前没有进行中的答复期限');
    return {
      subject: `event:${decision.seq}`,
      viewModel: {
        ...applicantLetter(facts, date),
        originalDueDate: clock.originalDueOn,
        extendedDueDate: clock.dueOn,
        reasons: text(request?.data.reason),
      },
      deadlines: { ...NO_DEADLINES, originalReplyDueDate: clock.originalDueOn },
      findings: provisional(clock),
    };
  },

  // 征求意见书 to a third party (Art. 32): dated the day it was dispatched (the consultation step).
  third_party_consultation: (facts, options, type) => {
    const k = consultationOf(facts, type, options, 'third_party');
    return {
      subject: `consultation:${k.id}`,
      viewModel: {
        ...base(facts, k.dispatchedOn),
        thirdParty: { name: k.partyName, organisation: looksLikeOrganisation(k.partyName) },
        application: consultedApplication(facts),
        reasons: k.matter,
      },
    };
  },

  // 征求意见告知书 to the applicant: the consultation is under way, its time not counted (Art. 33 para 3).
  consultation_applicant_notice: (facts, options, type) => {
    const k = consultationOf(facts, type, options);
    return {
      subject: `consultation:${k.id}`,
      viewModel: {
        ...applicantLetter(facts, facts.today),
        consultationSentOn: k.dispatchedOn,
        consultedParty: k.kind,
      },
    };
  },

  // 征求意见函 to another agency. The case treats another agency's silence for 15 WD as consent
  // (lapse_consultation), which only Art. 34 (co-produced information) allows: the letter says so.
  agency_consultation: (facts, options, type) => {
    const k = consultationOf(facts, type, options, 'agency');
    const party: PartyVm = { name: k.partyName, organisation: true };
    return {
      subject: `consultation:${k.id}`,
      viewModel: {
        ...base(facts, k.dispatchedOn),
        consultedAgency: party,
        application: consultedApplication(facts),
        basis: 'co_produced',
        reasons: k.matter,
      },
    };
  },

  // 收费通知书 (Art. 42, 109号): the amount and bands computed at the fee step, dated the day it was sent.
  fee_notice: (facts, _options, type) => {
    const step = lastEvent(facts.events, 'send_fee_notice');
    if (!step) throw notApplicable(type, '本案没有发出收费通知');
    const perPage = step.data.method === 'per_page';
    const unit = perPage ? '页' : '件';
    const bands = (Array.isArray(step.data.bands) ? step.data.bands : []) as Array<{
      from: number;
      to: number | null;
      yuanPerUnit: number;
      units: number;
      subtotal: number;
    }>;
    const feeBands: FeeBandVm[] = bands.map((b) => ({
      band: b.to === null || b.to === b.from ? `第${b.from}${unit}` : `第${b.from}—${b.to}${unit}`,
      quantity: b.units,
      unitPriceYuan: b.yuanPerUnit,
      subtotalYuan: b.subtotal,
    }));
    const last = bands.at(-1);
    return {
      subject: `event:${step.seq}`,
      viewModel: {
        ...applicantLetter(facts, text(step.data.sentOn)),
        fee: {
          method: perPage ? 'per_volume' : 'per_item',
          // Per page: the pages; per item: the applicant's running count this month (109号 Art. 4).
          quantity: last ? (last.to ?? last.from) : 0,
          bands: feeBands,
          amountYuan: Number(step.data.amountYuan),
        },
        payment: {
          method: text(step.data.paymentInstructions),
          payee: facts.agency.name,
          account: null,
          bank: null,
        },
      },
      deadlines: { ...NO_DEADLINES, replyDueDate: facts.clockOf(before(facts.events, step.seq)).dueOn },
    };
  },

  // 说明理由告知书 (Art. 35): the applicant's applications this month; the issuer sets the deadline.
  reason_request: (facts, options) => {
    const deadline = requireDate(
      'explanationDeadline',
      options.explanationDeadline,
      '须写明申请人说明理由的期限（第三十五条）',
    );
    if (deadline <= facts.today) {
      throw DomainError.validation([{ field: 'explanationDeadline', message: '说明理由的期限须晚于今天' }]);
    }
    return {
      subject: 'case',
      viewModel: {
        ...applicantLetter(facts, facts.today),
        applicationCount: facts.applicationsSinceMonthStart,
        countingSince: `${facts.case.receivedOn.slice(0, 7)}-01`,
        explanationDeadline: deadline,
      },
    };
  },

  reply_disclosed: reply as Builder<'reply_disclosed'>,
  reply_partially_disclosed: reply as Builder<'reply_partially_disclosed'>,
  reply_withheld: reply as Builder<'reply_withheld'>,
  reply_special_procedure: reply as Builder<'reply_special_procedure'>,
  reply_not_held: reply as Builder<'reply_not_held'>,
  reply_not_responsible: reply as Builder<'reply_not_responsible'>,
  reply_unavailable: reply as Builder<'reply_unavailable'>,
  reply_petition_complaint: reply as Builder<'reply_petition_complaint'>,
  reply_repeat_application: reply as Builder<'reply_repeat_application'>,
  reply_publication_request: reply as Builder<'reply_publication_request'>,
  reply_excessive_requests: reply as Builder<'reply_excessive_requests'>,
  reply_confirmation_request: reply as Builder<'reply_confirmation_request'>,
  reply_other: reply as Builder<'reply_other'>,

  // 视为放弃 (Art. 30; 109号): the notice the applicant did not answer and its deadline.
  deemed_withdrawn: (facts, _options, type) => {
    const outcome = facts.case.outcome;
    if (outcome !== 'deemed_withdrawn_correction' && outcome !== 'deemed_withdrawn_fee') {
      throw notApplicable(type, '本案未被视为放弃申请');
    }
    const clock = facts.clockOf(facts.events);
    let notice: { date: IsoDate; documentNumber: string | null; deadline: IsoDate };
    if (outcome === 'deemed_withdrawn_correction') {
      const step = lastEvent(facts.events, 'request_correction');
      if (!step) throw notApplicable(type, '本案没有告知补正');
      notice = {
        date: text(step.data.noticeSentOn),
        documentNumber: numberOf(facts, 'correction_notice', `event:${step.seq}`),
        deadline: text(step.data.periodEndsOn),
      };
    } else {
      const step = lastEvent(facts.events, 'send_fee_notice');
      const lapse = lastEvent(facts.events, 'lapse_fee');
      const receipt = lastEvent(facts.events, 'record_fee_notice_receipt');
      const payBy = text(lapse?.data.payBy) || text(receipt?.data.payBy);
      if (!step || !payBy) throw notApplicable(type, '本案没有可查的收费通知和缴费期限');
      notice = {
        date: text(step.data.sentOn),
        documentNumber: numberOf(facts, 'fee_notice', `event:${step.seq}`),
        deadline: payBy,
      };
    }
    const vm = replyBase(facts, type, outcome, facts.today, clock);
    return {
      subject: 'case',
      viewModel: { ...vm, legalBasis: OUTCOMES[outcome].basis, outcome, notice },
    };
  },

  // 撤回确认书: the applicant withdrew; no decision against them, no remedy sentence.
  withdrawal_confirmation: (facts, _options, type) => {
    const step = lastEvent(facts.events, 'withdraw');
    if (facts.case.outcome !== 'withdrawn' || !step) throw notApplicable(type, '申请人没有撤回申请');
    return {
      subject: 'case',
      viewModel: {
        ...applicantLetter(facts, facts.today),
        outcome: 'withdrawn',
        withdrawnOn: text(step.data.withdrawnOn),
      },
    };
  },
};

function numberOf(facts: CaseLetterFacts, type: LetterType, subject: string): string | null {
  return facts.letters.find((l) => l.type === type && l.subject === subject)?.documentNumber ?? null;
}
