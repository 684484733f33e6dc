import type { CaseDetailResponse, CaseEventResponse } from '../cases/dto/case-response.dto.js';
import { DRAFTABLE_OUTCOMES } from '../cases/outcome.rules.js';
import type {
  IssuedLetterDto,
  LetterDraftDto,
  PreIssueFindingDto,
} from '../letters/dto/issued-letter.dto.js';
import { LETTER_TYPES, OUTCOME_LETTERS } from '../letters/letter-types.js';
import type { LetterType } from '../letters/letter-view-models.js';

/**
 * The letters panel of the case page (pure): which documents the case has reached, from its detail and
 * timeline. The letters module decides in the end — a candidate whose draft it refuses
 * (LETTER_NOT_APPLICABLE) is left out — so this only saves asking about documents the case cannot have.
 */
export interface LetterCandidate {
  readonly type: LetterType;
  /** The consultation a 征求意见书/函 or its notice to the applicant is about. */
  readonly consultationId?: string;
  /** The title as the panel lists it (with the consulted party where there are several). */
  readonly label: string;
}

/** The reply letters the case page previews while the reply is being drafted and reviewed. */
export function replyLetterOf(c: Pick<CaseDetailResponse, 'outcome'>): LetterType | null {
  return c.outcome && DRAFTABLE_OUTCOMES.includes(c.outcome) ? OUTCOME_LETTERS[c.outcome] : null;
}

/**
 * The documents of the steps the case has taken, in the order of the procedure: the receipt slip;
 * the 补正告知书 once a correction was asked (Art. 30); the 征求意见书/函 and the notice to the applicant
 * for each consultation (Art. 32, 34); the 收费通知书 (国办函〔2020〕109号); the 延期答复告知书 once the
 * extension is approved (Art. 33 para 2); the reply letter of a reply made on the spot, and the
 * letters of a 视为放弃 or a withdrawal. The 说明理由告知书 (Art. 35) and the reply letter of a drafted
 * outcome are handled apart (a deadline to choose; issued with the reply).
 */
export function letterCandidates(
  c: Pick<CaseDetailResponse, 'consultations' | 'extension' | 'outcome' | 'repliedOn'>,
  events: readonly Pick<CaseEventResponse, 'action'>[],
): LetterCandidate[] {
  const happened = (action: string) => events.some((e) => e.action === action);
  const title = (type: LetterType) => LETTER_TYPES[type].title;
  const out: LetterCandidate[] = [{ type: 'receipt', label: title('receipt') }];
  if (happened('request_correction'))
    out.push({ type: 'correction_notice', label: title('correction_notice') });
  for (const k of c.consultations) {
    const type: LetterType = k.kind === 'agency' ? 'agency_consultation' : 'third_party_consultation';
    out.push({ type, consultationId: k.id, label: `${title(type)}（致${k.partyName}）` });
    out.push({
      type: 'consultation_applicant_notice',
      consultationId: k.id,
      label: `${title('consultation_applicant_notice')}（就征求${k.partyName}意见告知申请人）`,
    });
  }
  if (happened('send_fee_notice')) out.push({ type: 'fee_notice', label: title('fee_notice') });
  if (c.extension && (c.extension.status === 'approved' || c.extension.status === 'notified')) {
    out.push({ type: 'extension_notice', label: title('extension_notice') });
  }
  if (c.outcome === 'deemed_withdrawn_correction' || c.outcome === 'deemed_withdrawn_fee') {
    out.push({ type: 'deemed_withdrawn', label: title('deemed_withdrawn') });
  } else if (c.outcome === 'withdrawn') {
    out.push({ type: 'withdrawal_confirmation', label: title('withdrawal_confirmation') });
  } else if (c.repliedOn && replyLetterOf(c)) {
    // Replied without its letter (当场答复 at registration): the letter is issued on its own.
    const type = replyLetterOf(c) as LetterType;
    out.push({ type, label: title(type) });
  }
  return out;
}

export interface FindingsView {
  readonly errors: readonly PreIssueFindingDto[];
  readonly warnings: readonly PreIssueFindingDto[];
  /** An error: the letter (or the reply) cannot be issued as things stand. */
  readonly blocking: boolean;
}

export function findingsOf(draft: Pick<LetterDraftDto, 'errors' | 'warnings'>): FindingsView {
  return { errors: draft.errors, warnings: draft.warnings, blocking: draft.errors.length > 0 };
}

export interface DraftView {
  readonly type: LetterType;
  readonly label: string;
  readonly consultationId: string | null;
  readonly findings: FindingsView;
  /** The issued letter standing for this document, if any. */
  readonly issued: IssuedLetterDto | null;
  readonly previewQuery: string;
}

/** A document of the case and its standing letter (same type and subject, not superseded). */
export function draftView(
  candidate: LetterCandidate,
  draft: LetterDraftDto,
  issued: readonly IssuedLetterDto[],
): DraftView {
  const standing = issued.find((l) => l.type === draft.type && l.subject === draft.subject && l.current);
  return {
    type: draft.type,
    label: candidate.label,
    consultationId: candidate.consultationId ?? null,
    findings: findingsOf(draft),
    issued: standing ?? null,
    previewQuery: candidate.consultationId
      ? `?consultationId=${encodeURIComponent(candidate.consultationId)}`
      : '',
  };
}
