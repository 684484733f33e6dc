import { OUTCOMES, type Outcome } from '../cases/outcome.js';
import type { IsoDate } from '../common/clock/clock.js';
import { DOCUMENT_NUMBER_PATTERN } from './letter-format.js';
import { LETTER_TYPES } from './letter-types.js';
import type { LetterType, LetterViewModels } from './letter-view-models.js';
import { remedyProfileProblems, type RemedyProfile } from './remedy.rules.js';

export interface PreIssueFinding {
  readonly severity: 'error' | 'warning';
  readonly code: string;
  /** The provision the finding rests on, as a clerk would look it up. */
  readonly article: string;
  readonly message: string;
}

export interface PreIssueResult {
  /** False when any finding is an error: the letter must not be issued. */
  readonly ok: boolean;
  readonly errors: readonly PreIssueFinding[];
  readonly warnings: readonly PreIssueFinding[];
}

/** The deadlines that matter, computed by the deadline engine (this check does no calendar arithmetic). */
export interface PreIssueDeadlines {
  /** The reply is due by this day (after extension and excluded pauses). */
  readonly replyDueDate: IsoDate | null;
  /** The reply was due by this day before any extension (an extension must be notified by then). */
  readonly originalReplyDueDate: IsoDate | null;
  /** Receipt + 7 working days: the last day for a 补正告知书. */
  readonly correctionNoticeDueDate: IsoDate | null;
}

export interface PreIssueInput<T extends LetterType = LetterType> {
  readonly type: T;
  readonly viewModel: LetterViewModels[T];
  readonly remedyProfile: RemedyProfile;
  readonly deadlines: PreIssueDeadlines;
}

const 条例 = '《政府信息公开条例》';
const 司法解释 = '《最高人民法院关于审理政府信息公开行政案件若干问题的规定》';

const blank = (value: unknown): boolean => typeof value !== 'string' || value.trim() === '';

type Fields = Partial<Record<string, unknown>> & {
  date?: IsoDate;
  documentNumber?: string | null;
  outcome?: Outcome;
  legalBasis?: string;
  reasons?: string;
  application?: { receivedOn?: IsoDate };
};

/**
 * Whether a letter may be issued: errors for what a court would fault (legal-rules §7.7, §8),
 * warnings for what the supervisor will see. Pure: the deadlines come in as inputs.
 */
export function preIssueCheck<T extends LetterType>(input: PreIssueInput<T>): PreIssueResult {
  const findings: PreIssueFinding[] = [];
  const error = (code: string, article: string, message: string) =>
    findings.push({ severity: 'error', code, article, message });
  const warning = (code: string, article: string, message: string) =>
    findings.push({ severity: 'warning', code, article, message });

  const spec = LETTER_TYPES[input.type];
  const vm = input.viewModel as unknown as Fields;
  const { deadlines } = input;
  const date = vm.date;

  // GB/T 9704-2012 7.2.5: every letter of a numbered series carries a well-formed 发文字号.
  if (spec.series !== null) {
    if (blank(vm.documentNumber)) {
      error('DOCUMENT_NUMBER_MISSING', 'GB/T 9704-2012 第7.2.5条', '缺少发文字号');
    } else if (!DOCUMENT_NUMBER_PATTERN.test((vm.documentNumber as string).trim())) {
      error(
        'DOCUMENT_NUMBER_MALFORMED',
        'GB/T 9704-2012 第7.2.5条',
        `发文字号“${vm.documentNumber}”格式不对：年份用六角括号〔〕，顺序号不编虚位，如“郯自然资信复〔2026〕12号”`,
      );
    }
  }

  if (date !== undefined && vm.application?.receivedOn !== undefined && date < vm.application.receivedOn) {
    error('DATED_BEFORE_RECEIPT', `${条例}第三十一条`, '成文日期早于收到申请之日');
  }

  // Refusals must give the legal basis and the reasons (信息公开司法解释 Art. 5, 12; 条例 Art. 36(3)).
  const outcome = vm.outcome;
  if (outcome !== undefined && outcome in OUTCOMES) {
    const requiresReasons = OUTCOMES[outcome].requiresReasons;
    if (requiresReasons && blank(vm.legalBasis)) {
      error(
        'LEGAL_BASIS_MISSING',
        `${司法解释}第五条、第十二条`,
        '不予公开或者不予提供、不予处理的答复必须写明法律依据',
      );
    }
    if (requiresReasons && blank(vm.reasons)) {
      error(
        'REASONS_MISSING',
        `${司法解释}第五条、第十二条；${条例}第三十六条第（三）项`,
        '答复必须说明理由',
      );
    }
    checkOutcomeFacts(outcome, vm, error, warning);
  }

  // 复议法 Art. 20 para 3, Art. 23 para 2: a reply must name the one competent reconsideration body.
  if (spec.act !== null) {
    for (const problem of remedyProfileProblems(input.remedyProfile)) {
      error('REMEDY_BODY_INVALID', '《行政复议法》第二十条第三款、第二十三条第二款、第二十四条', problem);
    }
    if (blank(vm.remedy)) {
      error('REMEDY_MISSING', '《行政复议法》第二十条第三款；《行政诉讼法》第四十六条', '缺少救济途径告知');
    }
  }

  if (date !== undefined) checkDeadlines(input.type, date, vm, deadlines, error, warning);

  const errors = findings.filter((f) => f.severity === 'error');
  const warnings = findings.filter((f) => f.severity === 'warning');
  return { ok: errors.length === 0, errors, warnings };
}

type Report = (code: string, article: string, message: string) => void;

/** Findings that mean the draft's remedy paragraph is missing or names no lawful body. */
export const REMEDY_FINDING_CODES: readonly string[] = ['REMEDY_BODY_INVALID', 'REMEDY_MISSING'];

/**
 * The errors for which a preview must not show the letter: without its remedy paragraph a draft looks
 * complete but is not (复议法 Art. 20 para 3, 23 para 2), so the preview shows these findings instead.
 */
export function remedyErrors(result: PreIssueResult): readonly PreIssueFinding[] {
  return result.errors.filter((f) => REMEDY_FINDING_CODES.includes(f.code));
}

function checkOutcomeFacts(outcome: Outcome, vm: Fields, error: Report, warning: Report): void {
  const get = (key: string) => vm[key] as Record<string, unknown> | null | undefined;
  switch (outcome) {
    case 'not_responsible': {
      const agency = get('competentAgency');
      if (!agency || blank(agency.name) || blank(agency.contact)) {
        error(
          'COMPETENT_AGENCY_MISSING',
          `${条例}第三十六条第（五）项`,
          '非本机关负责公开的，必须告知负责公开的行政机关的名称和联系方式',
        );
      }
      break;
    }
    case 'not_held':
      if (blank(vm.searchDescription)) {
        error(
          'SEARCH_DESCRIPTION_MISSING',
          `${条例}第三十六条第（四）项；${司法解释}第五条`,
          '告知信息不存在的，必须说明检索的范围、方式和结果',
        );
      }
      break;
    case 'repeat_application': {
      const earlier = get('earlierReply');
      if (!earlier || blank(earlier.documentNumber) || blank(earlier.date)) {
        error(
          'EARLIER_REPLY_MISSING',
          `${条例}第三十六条第（六）项`,
          '重复申请的，必须写明此前答复的文号和日期',
        );
      }
      break;
    }
    case 'petition_complaint':
      if (blank(vm.properChannel)) {
        error(
          'PROPER_CHANNEL_MISSING',
          `${条例}第三十九条第一款`,
          '信访、投诉、举报类申请应当告知相应的提出渠道',
        );
      }
      break;
    case 'special_procedure': {
      const office = get('competentOffice');
      if (blank(vm.specialRules) || !office || blank(office.name)) {
        error(
          'SPECIAL_RULES_MISSING',
          `${条例}第三十六条第（七）项`,
          '必须写明有特别规定的法律、行政法规和办理机构',
        );
      }
      break;
    }
    case 'unclear_after_correction': {
      const procedure = get('procedure');
      if (!procedure?.correction) {
        error(
          'CORRECTION_MISSING',
          `${条例}第三十条`,
          '以“补正后仍不明确”答复的，必须先发出补正告知书并载明补正情况',
        );
      }
      break;
    }
    case 'partially_disclosed':
      // Art. 37: the withheld part needs its own ground (Arts. 14–16 or a law), not just Art. 37.
      if (!blank(vm.legalBasis) && !/第十[四五六]条|法》/.test(vm.legalBasis as string)) {
        warning(
          'WITHHELD_GROUND_NOT_CITED',
          `${条例}第三十七条`,
          '部分公开的，应当同时引用不予公开部分的具体依据（如第十五条、第十六条）',
        );
      }
      break;
    default:
      break;
  }
}

function checkDeadlines(
  type: LetterType,
  date: IsoDate,
  vm: Fields,
  deadlines: PreIssueDeadlines,
  error: Report,
  warning: Report,
): void {
  if (
    type === 'correction_notice' &&
    deadlines.correctionNoticeDueDate !== null &&
    date > deadlines.correctionNoticeDueDate
  ) {
    error(
      'CORRECTION_NOTICE_LATE',
      `${条例}第三十条`,
      `补正告知书应当自收到申请之日起7个工作日内发出（至${deadlines.correctionNoticeDueDate}），已逾期`,
    );
  }
  if (type === 'extension_notice') {
    if (deadlines.originalReplyDueDate !== null && date > deadlines.originalReplyDueDate) {
      error(
        'EXTENSION_NOTICE_LATE',
        `${条例}第三十三条第二款`,
        `延期答复应当在原答复期限（至${deadlines.originalReplyDueDate}）届满前告知申请人，期满后告知视为逾期答复`,
      );
    }
    const original = vm.originalDueDate as IsoDate | undefined;
    if (
      deadlines.originalReplyDueDate !== null &&
      original !== undefined &&
      original !== deadlines.originalReplyDueDate
    ) {
      error(
        'EXTENSION_DATES_INCONSISTENT',
        `${条例}第三十三条第二款`,
        '告知书载明的原答复期限与系统计算的期限不一致',
      );
    }
  }
  if (type === 'fee_notice' && deadlines.replyDueDate !== null && date > deadlines.replyDueDate) {
    error(
      'FEE_NOTICE_LATE',
      '《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）',
      `收费通知应当在申请处理期限内（至${deadlines.replyDueDate}）发出`,
    );
  }
  if (LETTER_TYPES[type].outcomes.length > 0 && type !== 'withdrawal_confirmation') {
    if (deadlines.replyDueDate !== null && date > deadlines.replyDueDate) {
      warning(
        'REPLY_OVERDUE',
        `${条例}第三十三条`,
        `答复期限已于${deadlines.replyDueDate}届满，本答复逾期作出（逾期答复将被确认违法）`,
      );
    }
  }
}
