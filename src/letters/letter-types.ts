import type { Outcome } from '../cases/outcome.js';
import type { LetterType } from './letter-view-models.js';
import { WITHHELD_OUTCOMES, type ActName } from './remedy.rules.js';

/**
 * Document-number series (发文字号序列): numbers run per agency, year and series. Replies use the
 * agency's own prefix (郯自然资信复); the other series replace its final 复 by their character
 * (郯自然资信补〔2026〕3号), or append it when the prefix does not end in 复.
 */
export const DOCUMENT_SERIES = ['reply', 'correction', 'extension', 'consultation', 'fee', 'notice'] as const;
export type DocumentSeries = (typeof DOCUMENT_SERIES)[number];

const SERIES_CHARACTER: Record<Exclude<DocumentSeries, 'reply'>, string> = {
  correction: '补',
  extension: '延',
  consultation: '征',
  fee: '费',
  notice: '告',
};

export function seriesPrefix(agencyPrefix: string, series: DocumentSeries): string {
  const prefix = agencyPrefix.trim();
  if (series === 'reply') return prefix;
  const character = SERIES_CHARACTER[series];
  return prefix.endsWith('复') ? `${prefix.slice(0, -1)}${character}` : `${prefix}${character}`;
}

export interface LetterTypeSpec {
  /** Printed title (GB/T 9704 7.3.1). */
  readonly title: string;
  /** Series of its 发文字号; null: identified by the case number only (the receipt slip). */
  readonly series: DocumentSeries | null;
  /** How the remedy paragraph names this letter; null: the letter takes no remedy paragraph. */
  readonly act: ActName | null;
  /** The outcomes this letter answers (final replies only). */
  readonly outcomes: readonly Outcome[];
}

/** The template registry: one folder `templates/letters/<type>/` per entry. */
export const LETTER_TYPES: Readonly<Record<LetterType, LetterTypeSpec>> = {
  receipt: { title: '政府信息公开申请登记回执', series: null, act: null, outcomes: [] },
  correction_notice: { title: '政府信息公开申请补正告知书', series: 'correction', act: null, outcomes: [] },
  extension_notice: { title: '政府信息公开申请延期答复告知书', series: 'extension', act: null, outcomes: [] },
  third_party_consultation: {
    title: '政府信息公开征求意见书',
    series: 'consultation',
    act: null,
    outcomes: [],
  },
  consultation_applicant_notice: {
    title: '政府信息公开申请征求意见告知书',
    series: 'notice',
    act: null,
    outcomes: [],
  },
  agency_consultation: { title: '政府信息公开征求意见函', series: 'consultation', act: null, outcomes: [] },
  fee_notice: { title: '政府信息公开信息处理费收费通知书', series: 'fee', act: null, outcomes: [] },
  reason_request: { title: '政府信息公开申请说明理由告知书', series: 'notice', act: null, outcomes: [] },
  reply_disclosed: {
    title: '政府信息公开申请答复书',
    series: 'reply',
    act: '答复',
    outcomes: ['already_public', 'disclosed'],
  },
  reply_partially_disclosed: {
    title: '政府信息公开申请答复书',
    series: 'reply',
    act: '答复',
    outcomes: ['partially_disclosed'],
  },
  reply_withheld: {
    title: '政府信息公开申请答复书',
    series: 'reply',
    act: '答复',
    outcomes: WITHHELD_OUTCOMES,
  },
  reply_special_procedure: {
    title: '政府信息公开申请告知书',
    series: 'reply',
    act: '告知书',
    outcomes: ['special_procedure'],
  },
  reply_not_held: { title: '政府信息公开申请答复书', series: 'reply', act: '答复', outcomes: ['not_held'] },
  reply_not_responsible: {
    title: '政府信息公开申请答复书',
    series: 'reply',
    act: '答复',
    outcomes: ['not_responsible'],
  },
  reply_unavailable: {
    title: '政府信息公开申请答复书',
    series: 'reply',
    act: '答复',
    outcomes: ['needs_creation', 'unclear_after_correction'],
  },
  reply_petition_complaint: {
    title: '政府信息公开申请告知书',
    series: 'reply',
    act: '告知书',
    outcomes: ['petition_complaint'],
  },
  reply_repeat_application: {
    title: '政府信息公开申请不予重复处理告知书',
    series: 'reply',
    act: '告知书',
    outcomes: ['repeat_application'],
  },
  reply_publication_request: {
    title: '政府信息公开申请告知书',
    series: 'reply',
    act: '告知书',
    outcomes: ['publication_request'],
  },
  reply_excessive_requests: {
    title: '政府信息公开申请不予处理告知书',
    series: 'reply',
    act: '告知书',
    outcomes: ['excessive_requests'],
  },
  reply_confirmation_request: {
    title: '政府信息公开申请告知书',
    series: 'reply',
    act: '告知书',
    outcomes: ['confirmation_request'],
  },
  reply_other: { title: '政府信息公开申请答复书', series: 'reply', act: '答复', outcomes: ['other'] },
  deemed_withdrawn: {
    title: '政府信息公开申请视为放弃告知书',
    series: 'reply',
    act: '告知书',
    outcomes: ['deemed_withdrawn_correction', 'deemed_withdrawn_fee'],
  },
  withdrawal_confirmation: {
    title: '政府信息公开申请撤回确认书',
    series: 'reply',
    act: null,
    outcomes: ['withdrawn'],
  },
};

export const LETTER_TYPE_CODES = Object.keys(LETTER_TYPES) as LetterType[];

/** Every outcome's letter (exhaustive: a new outcome without a letter does not compile). */
export const OUTCOME_LETTERS: Readonly<Record<Outcome, LetterType>> = {
  already_public: 'reply_disclosed',
  disclosed: 'reply_disclosed',
  partially_disclosed: 'reply_partially_disclosed',
  withheld_state_secret: 'reply_withheld',
  withheld_prohibited_by_law: 'reply_withheld',
  withheld_security_stability: 'reply_withheld',
  withheld_third_party: 'reply_withheld',
  withheld_internal_affairs: 'reply_withheld',
  withheld_process_info: 'reply_withheld',
  withheld_enforcement_file: 'reply_withheld',
  special_procedure: 'reply_special_procedure',
  not_held: 'reply_not_held',
  not_responsible: 'reply_not_responsible',
  needs_creation: 'reply_unavailable',
  unclear_after_correction: 'reply_unavailable',
  petition_complaint: 'reply_petition_complaint',
  repeat_application: 'reply_repeat_application',
  publication_request: 'reply_publication_request',
  excessive_requests: 'reply_excessive_requests',
  confirmation_request: 'reply_confirmation_request',
  deemed_withdrawn_correction: 'deemed_withdrawn',
  deemed_withdrawn_fee: 'deemed_withdrawn',
  withdrawn: 'withdrawal_confirmation',
  other: 'reply_other',
};
