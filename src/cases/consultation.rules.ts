import type { IsoDate } from '../common/clock/dates.js';
import type { OutcomeDetail } from './case-details.js';
import type { Outcome } from './outcome.js';

/** A consultation as the reply rules see it (no TypeORM). */
export interface ConsultationFacts {
  readonly kind: 'third_party' | 'agency';
  readonly partyName: string;
  readonly periodEndsOn: IsoDate | null;
  readonly repliedOn: IsoDate | null;
  readonly result: 'consent' | 'objection' | 'no_reply' | 'deemed_consent' | null;
}

/** Outcomes that give out information a consulted party may have a say in. */
const DISCLOSING: readonly Outcome[] = ['disclosed', 'partially_disclosed'];

const MIN_PUBLIC_INTEREST_REASONS = 10;

/**
 * What consultations require of a reply made on `replyOn` (pure): `errors` refuse it, `notices` go
 * with it.
 *
 * - Art. 32, 34: a party consulted has 15 working days from receiving the request; information is not
 *   disclosed before it has answered or that period has run out (the period is unknown until its
 *   receipt is recorded).
 * - Art. 32: a third party's objection with reasonable grounds means 不予公开; the agency may still
 *   disclose where withholding would seriously affect the public interest, giving those reasons, and
 *   must tell the third party in writing what it discloses and why.
 */
export function consultationBlockers(
  outcome: Outcome,
  detail: Partial<OutcomeDetail>,
  consultations: readonly ConsultationFacts[],
  replyOn: IsoDate,
  options: { readonly pending?: boolean } = {},
): { errors: string[]; notices: string[] } {
  const errors: string[] = [];
  const notices: string[] = [];
  if (!DISCLOSING.includes(outcome)) return { errors, notices };
  const article = (k: ConsultationFacts) => (k.kind === 'third_party' ? '第三十二条' : '第三十四条');
  // `pending: false` (a draft going to review): a period still running may be over by the reply.
  for (const k of options.pending === false ? [] : consultations) {
    if (k.repliedOn || k.result) continue;
    if (k.periodEndsOn === null) {
      errors.push(
        `向“${k.partyName}”征求意见尚未登记对方收到日期，其 15 个工作日的意见期限未定；在对方答复或期限届满前不能作出公开的答复（${article(k)}）`,
      );
    } else if (k.periodEndsOn >= replyOn) {
      errors.push(
        `“${k.partyName}”的意见期限至 ${k.periodEndsOn}，尚未届满；在对方答复或期限届满前不能作出公开的答复（${article(k)}）`,
      );
    }
  }
  // A 部分公开 that withholds on the third-party ground (Art. 15) has followed the objection.
  const withholdsThirdParty =
    outcome === 'partially_disclosed' && (detail.withheldGrounds ?? []).includes('withheld_third_party');
  const objections = consultations.filter((k) => k.kind === 'third_party' && k.result === 'objection');
  if (objections.length && !withholdsThirdParty) {
    const names = objections.map((k) => `“${k.partyName}”`).join('、');
    if ((detail.reasons ?? '').trim().length < MIN_PUBLIC_INTEREST_REASONS) {
      errors.push(
        `第三方${names}不同意公开：只有认为不公开可能对公共利益造成重大影响的，才可以决定公开，须在答复草稿的理由中写明（不少于 ${MIN_PUBLIC_INTEREST_REASONS} 个字，第三十二条）；否则应不予公开`,
      );
    } else {
      notices.push(`须将决定公开的政府信息内容和理由书面告知第三方${names}（第三十二条）。`);
    }
  }
  return { errors, notices };
}
