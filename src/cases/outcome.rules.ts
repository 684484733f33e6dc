import type { IsoDate } from '../common/clock/dates.js';
import type { FieldError } from '../common/errors/domain-error.js';
import type { OutcomeDetail } from './case-details.js';
import { OUTCOMES, type Outcome } from './outcome.js';

/** Outcomes a handler can draft; the others come from workflow steps (withdrawal, lapses). */
export const DRAFTABLE_OUTCOMES: readonly Outcome[] = (Object.keys(OUTCOMES) as Outcome[]).filter(
  (o) => !['deemed_withdrawn_correction', 'deemed_withdrawn_fee', 'withdrawn'].includes(o),
);

/** Grounds that may justify the withheld part of a 部分公开 reply (Art. 37 with Art. 14–16, 36(7)). */
export const WITHHOLDING_GROUNDS: readonly Outcome[] = [
  'withheld_state_secret',
  'withheld_prohibited_by_law',
  'withheld_security_stability',
  'withheld_third_party',
  'withheld_internal_affairs',
  'withheld_process_info',
  'withheld_enforcement_file',
  'special_procedure',
];

const MIN_REASONS = 10;

/**
 * Checks that an outcome carries the facts a court asks for (信息公开司法解释 Art. 5, 12; legal-rules
 * §1.8): an empty list means the draft is complete. Field paths are under `detail`.
 */
export function validateOutcome(
  outcome: Outcome,
  detail: Partial<OutcomeDetail>,
  facts: { readonly receivedOn?: IsoDate } = {},
): FieldError[] {
  const errors: FieldError[] = [];
  const need = (field: keyof OutcomeDetail, value: unknown, message: string) => {
    if (typeof value !== 'string' || value.trim() === '') errors.push({ field: `detail.${field}`, message });
  };
  const spec = OUTCOMES[outcome];
  if (!DRAFTABLE_OUTCOMES.includes(outcome)) {
    errors.push({ field: 'outcome', message: '该结果由撤回或逾期流程自动产生，不能在答复中选择' });
    return errors;
  }
  if (spec.requiresReasons) {
    // The outcome's own article is printed unless the handler gives a more precise basis; where the
    // outcome has none (其他), or rests on another law (Art. 14: 其他法律、行政法规禁止公开), it must be given.
    if (!basisFor(outcome, detail)) {
      errors.push({ field: 'detail.basis', message: '须写明答复的法律依据（条、款、项）' });
    } else if (outcome === 'withheld_prohibited_by_law' && !detail.basis?.trim()) {
      errors.push({
        field: 'detail.basis',
        message: '须写明禁止公开的法律、行政法规的名称和条款（第十四条）',
      });
    }
    if ((detail.reasons ?? '').trim().length < MIN_REASONS) {
      errors.push({
        field: 'detail.reasons',
        message: `须说明理由（不少于 ${MIN_REASONS} 个字），否则答复可能因未说明理由被撤销`,
      });
    }
  }
  switch (outcome) {
    case 'already_public':
      need(
        'accessInstructions',
        detail.accessInstructions,
        '第三十六条第（一）项：须告知获取该信息的方式、途径（如网址、查阅地点）',
      );
      break;
    case 'partially_disclosed':
      // Art. 37: give what can be given and the reasons for what is withheld.
      need('withheldParts', detail.withheldParts, '第三十七条：须写明不予公开的部分');
      if (!detail.withheldGrounds?.length) {
        errors.push({ field: 'detail.withheldGrounds', message: '第三十七条：须写明不予公开部分的理由类别' });
      } else if (detail.withheldGrounds.some((g) => !WITHHOLDING_GROUNDS.includes(g))) {
        errors.push({
          field: 'detail.withheldGrounds',
          message: '不予公开部分的理由只能是第十四、十五、十六条或第三十六条第（七）项所列情形',
        });
      }
      break;
    case 'not_held':
      // Art. 36(4); 信息公开司法解释 Art. 5: the agency bears the burden of showing it searched.
      need('searchDescription', detail.searchDescription, '第三十六条第（四）项：须说明检索的范围和方式');
      break;
    case 'not_responsible':
      need(
        'competentAgency',
        detail.competentAgency?.name,
        '第三十六条第（五）项：须告知负责公开该信息的行政机关名称',
      );
      if (!detail.competentAgency?.contact?.trim()) {
        errors.push({
          field: 'detail.competentAgency.contact',
          message: '第三十六条第（五）项：须告知该机关的联系方式',
        });
      }
      break;
    case 'repeat_application':
      if (!detail.earlierReply?.date || !detail.earlierReply.reference?.trim()) {
        errors.push({
          field: 'detail.earlierReply',
          message: '第三十六条第（六）项：须写明此前答复的日期和文号',
        });
      } else if (facts.receivedOn && detail.earlierReply.date >= facts.receivedOn) {
        // A repeat of an application already answered: that answer came before this application.
        errors.push({
          field: 'detail.earlierReply.date',
          message: `第三十六条第（六）项：此前答复的日期须早于本次申请的收到日期 ${facts.receivedOn}`,
        });
      }
      break;
    case 'petition_complaint':
      need(
        'properChannel',
        detail.properChannel,
        '第三十九条第一款：应告知通过相应渠道（信访、投诉、举报）提出',
      );
      break;
    case 'special_procedure':
      need(
        'specialProcedure',
        detail.specialProcedure,
        '第三十六条第（七）项：须写明所依据的法律、行政法规和办理途径',
      );
      break;
    default:
      break;
  }
  // Art. 40: a form other than the one requested needs its reason.
  if (detail.providedForm?.trim() && !detail.formReason?.trim()) {
    errors.push({ field: 'detail.formReason', message: '第四十条：未按申请人要求的形式提供的，须说明理由' });
  }
  return errors;
}

/** The printed legal basis: the handler's own, or the outcome's default. */
export function basisFor(outcome: Outcome, detail: Partial<OutcomeDetail>): string {
  return detail.basis?.trim() || OUTCOMES[outcome].basis;
}
