import { OUTCOME_CODES, OUTCOMES, type Outcome } from '../cases/outcome.js';
import type { RequiredReconsiderationBody } from '../agencies/remedy-body.rules.js';
import { DomainError } from '../common/errors/domain-error.js';

/**
 * Which remedy wording a reply takes (legal-rules §4.3):
 * - `review_first`: 复议前置 — 复议法 Art. 23 para 1(四) makes reconsideration mandatory before suing
 *   when an agency 不予公开, and Art. 23 para 2 obliges the agency to say so in the act itself;
 * - `split`: 部分公开 — 复议前置 for the withheld part, both routes for the rest;
 * - `either`: reconsideration within 60 days (复议法 Art. 20) or litigation within 6 months
 *   (行政诉讼法 Art. 46);
 * - `none`: no decision against the applicant (a withdrawal the applicant asked for).
 */
export const REMEDY_MODES = ['review_first', 'split', 'either', 'none'] as const;
export type RemedyMode = (typeof REMEDY_MODES)[number];

export type RemedyTable = Readonly<Record<Outcome, RemedyMode>>;

/** Outcomes that are 不予公开 in the words of 复议法 Art. 23(四): only `review_first` is lawful for them. */
export const WITHHELD_OUTCOMES = [
  'withheld_state_secret',
  'withheld_prohibited_by_law',
  'withheld_security_stability',
  'withheld_third_party',
  'withheld_internal_affairs',
  'withheld_process_info',
  'withheld_enforcement_file',
] as const satisfies readonly Outcome[];

/**
 * The shipped defaults (legal-rules §4.3). Contested (legal-rules §9, README "Remedy wording"):
 * whether 信息不存在, 非本机关, 不予处理 etc. also fall under Art. 23(四); they default to both routes.
 * `special_procedure` (Art. 36(7)) is counted as 不予公开 row 8 in the annual report, so it takes the
 * 复议前置 wording conservatively: telling an applicant to seek reconsideration first never costs
 * them a route, while omitting a mandatory 复议前置 notice is itself unlawful (Art. 23 para 2).
 */
export const DEFAULT_REMEDY_TABLE: RemedyTable = Object.freeze({
  already_public: 'either',
  disclosed: 'either',
  partially_disclosed: 'split',
  withheld_state_secret: 'review_first',
  withheld_prohibited_by_law: 'review_first',
  withheld_security_stability: 'review_first',
  withheld_third_party: 'review_first',
  withheld_internal_affairs: 'review_first',
  withheld_process_info: 'review_first',
  withheld_enforcement_file: 'review_first',
  special_procedure: 'review_first',
  not_held: 'either',
  not_responsible: 'either',
  needs_creation: 'either',
  unclear_after_correction: 'either',
  petition_complaint: 'either',
  repeat_application: 'either',
  publication_request: 'either',
  excessive_requests: 'either',
  confirmation_request: 'either',
  deemed_withdrawn_correction: 'either',
  deemed_withdrawn_fee: 'either',
  withdrawn: 'none',
  other: 'either',
});

/**
 * Validates an override (a JSON object `{ "<outcome>": "<mode>" }`) and merges it onto the defaults.
 * The law sets a floor the override cannot go below: 不予公开 always takes 复议前置 (Art. 23), 部分公开
 * keeps it for the withheld part, and only 部分公开 can be `split`.
 */
export function parseRemedyTable(input: unknown): RemedyTable {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new TypeError('救济条款配置应为 JSON 对象：{ "结果代码": "review_first|split|either|none" }');
  }
  const problems: string[] = [];
  const table: Record<string, RemedyMode> = { ...DEFAULT_REMEDY_TABLE };
  for (const [key, value] of Object.entries(input)) {
    if (!(OUTCOME_CODES as string[]).includes(key)) {
      problems.push(`${key}：不是已知的办理结果代码`);
      continue;
    }
    if (!(REMEDY_MODES as readonly string[]).includes(value as string)) {
      problems.push(`${key}：${JSON.stringify(value)} 不是 ${REMEDY_MODES.join('、')} 之一`);
      continue;
    }
    const mode = value as RemedyMode;
    if ((WITHHELD_OUTCOMES as readonly string[]).includes(key) && mode !== 'review_first') {
      problems.push(`${key}：不予公开必须告知先申请行政复议（行政复议法第二十三条）`);
    } else if (key === 'partially_disclosed' && mode !== 'split' && mode !== 'review_first') {
      problems.push(`${key}：部分公开中不予公开的部分必须告知先申请行政复议（行政复议法第二十三条）`);
    } else if (key !== 'partially_disclosed' && mode === 'split') {
      problems.push(`${key}：只有部分公开可以区分救济途径`);
    } else {
      table[key] = mode;
    }
  }
  if (problems.length > 0) throw new TypeError(`救济条款配置有误：${problems.join('；')}`);
  return Object.freeze(table) as RemedyTable;
}

/** The agency's remedy profile (fields of src/agencies/agency.entity.ts). */
export interface RemedyProfile {
  /** Full official name of the one competent reconsideration body (复议法 Art. 24, 27). */
  readonly reconsiderationBodyName: string;
  readonly reconsiderationBodyAddress: string;
  /** A named court, or 有管辖权的人民法院. */
  readonly courtName: string;
  /**
   * The body the law names for this agency by its type and parent (复议法 Art. 24;
   * src/agencies/remedy-body.rules.ts requiredReconsiderationBody), or null/absent where the recorded
   * body stands (the county government, vertical agencies).
   */
  readonly requiredReconsiderationBody?: RequiredReconsiderationBody | null;
}

/** What the letter calls itself in the remedy sentence: 本答复 / 本告知书 / 本决定. */
export type ActName = '答复' | '告知书' | '决定';

const DEFAULT_COURT = '有管辖权的人民法院';

/**
 * Two bodies in one name: "A或者B", "A或B", "A、B", "A/B", "A，B", "A; B", "A or B" — the pre-2024
 * dual venue. ("和" and "及" are not separators: they occur in real names, 自然资源和规划局.)
 */
const SEVERAL_BODIES = /或|、|[/／,，;；]|\bor\b/i;

/**
 * Problems with a remedy profile that make any remedy sentence unlawful or misleading: the one rule
 * for the letters (pre-issue check, remedyParagraph) and for saving an agency (AgenciesService), so a
 * profile the letters would refuse cannot be saved and one stored before cannot be printed.
 */
export function remedyProfileProblems(profile: RemedyProfile): string[] {
  const body = profile.reconsiderationBodyName.trim();
  const required = profile.requiredReconsiderationBody ?? null;
  // 复议法 Art. 20 para 3: a letter that does not name the reconsideration body leaves the applicant's
  // time limit running for up to a year.
  if (body === '') return ['未设置行政复议机关'];
  // Since 2024-01-01 one body is competent (复议法 Art. 24, 27): "向××或者××申请" is the outdated dual venue.
  if (SEVERAL_BODIES.test(body)) {
    return [
      `行政复议机关只能有一个，不能写成“${body}”（2024年1月1日起不再向上级主管部门或者本级人民政府二选一）` +
        (required ? `，应为“${required.name}”` : ''),
    ];
  }
  // 复议法 Art. 24: a county department's, a town's, a dispatched organ's body is the county government
  // — no longer the superior department (legal-rules §4.1, §4.3 item 5).
  if (required && body !== required.name.trim()) {
    return [`依照${required.basis}，本机关的行政复议机关应为“${required.name}”，不能写成“${body}”`];
  }
  return [];
}

/**
 * The remedy paragraph of a reply, from the agency's remedy profile and the outcome
 * (legal-rules §4.3): one reconsideration body by its full name (and address when known), 60 days
 * from receipt of the letter (复议法 Art. 20, calendar days), litigation within 6 months (行政诉讼法
 * Art. 46) or, where 复议前置 applies, within 15 days of the reconsideration decision (行政诉讼法
 * Art. 45). Returns null when the outcome takes no remedy sentence.
 */
export function remedyParagraph(
  profile: RemedyProfile,
  outcome: Outcome,
  act: ActName,
  table: RemedyTable = DEFAULT_REMEDY_TABLE,
): string | null {
  const mode = table[outcome];
  if (mode === undefined) throw new TypeError(`救济条款配置缺少办理结果 ${outcome}`);
  if (mode === 'none') return null;
  const problems = remedyProfileProblems(profile);
  if (problems.length > 0) {
    throw new DomainError('LETTER_REMEDY_PROFILE_INVALID', problems.join('；'), {
      extensions: { outcome, label: OUTCOMES[outcome].label },
    });
  }
  const body = profile.reconsiderationBodyName.trim();
  const address = profile.reconsiderationBodyAddress.trim();
  const bodyWithAddress = address === '' ? body : `${body}（地址：${address}）`;
  const court = profile.courtName.trim() === '' ? DEFAULT_COURT : profile.courtName.trim();
  const self = `本${act}`;

  // `lead` is the clause before the comma: 如对本答复不服 / 对本答复中不予公开的部分不服的.
  const bothRoutes = (lead: string, bodyText: string) =>
    `${lead}，可以自收到${self}之日起60日内向${bodyText}申请行政复议，` +
    `或者自收到${self}之日起6个月内向${court}提起行政诉讼。`;
  const reviewFirst = (lead: string, bodyText: string) =>
    `${lead}，应当自收到${self}之日起60日内先向${bodyText}申请行政复议；` +
    `对行政复议决定不服的，可以自收到行政复议决定书之日起15日内依法向${court}提起行政诉讼；` +
    `行政复议机关逾期不作决定的，可以自行政复议期满之日起15日内依法向${court}提起行政诉讼。`;
  const article23 = '根据《中华人民共和国行政复议法》第二十三条的规定，';

  switch (mode) {
    case 'either':
      return bothRoutes(`如对${self}不服`, bodyWithAddress);
    case 'review_first':
      return article23 + reviewFirst(`如对${self}不服`, bodyWithAddress);
    case 'split':
      return (
        article23 +
        reviewFirst(`对${self}中不予公开的部分不服的`, bodyWithAddress) +
        bothRoutes(`对${self}的其他内容不服的`, body)
      );
  }
}
