import { AGENCY_TYPE_LABELS, AGENCY_TYPES } from '../agencies/agency-type.js';
import { APPLICANT_TYPE_LABELS, APPLICANT_TYPES } from '../cases/applicant-type.js';
import { ID_DOCUMENT_TYPES } from '../cases/applicant.entity.js';
import {
  DELIVERY_METHOD_LABELS,
  DELIVERY_METHODS,
  REQUESTED_FORM_LABELS,
  REQUESTED_FORMS,
} from '../cases/case-details.js';
import { CASE_STATUS_LABELS, CASE_STATUSES } from '../cases/case-status.js';
import { CHANNEL_LABELS, CHANNELS } from '../cases/channel.js';
import { DRAFTABLE_OUTCOMES, WITHHOLDING_GROUNDS } from '../cases/outcome.rules.js';
import { OUTCOMES } from '../cases/outcome.js';
import { ROLE_LABELS, ROLES } from '../auth/role.js';

/** Option lists for selects and radios, labelled in Chinese from the domain's own label tables. */
export interface Choice {
  readonly value: string;
  readonly label: string;
}

const choices = <T extends string>(values: readonly T[], labels: Record<T, string>): Choice[] =>
  values.map((value) => ({ value, label: labels[value] }));

export const ID_TYPE_LABELS: Record<string, string> = {
  resident_id: '居民身份证',
  credit_code: '统一社会信用代码',
  passport: '护照',
  other: '其他证件',
};

/** What each channel asks for (条例 Art. 31), shown above its evidence fields. */
export const CHANNEL_HINTS: Record<string, string> = {
  in_person: '以提交之日为收到申请之日（第三十一条第（一）项）。',
  oral: '申请人口头提出、由本机关代为填写的，以提出之日为收到申请之日（第二十九条、第三十一条第（一）项）。',
  post_signed: '以本机关签收之日为收到申请之日，请按邮件签收记录填写（第三十一条第（二）项）。',
  post_unsigned: '平常信函须在收到当日与申请人确认，以确认之日为收到申请之日（第三十一条第（二）项）。',
  online: '平台自动确认提交成功的，以提交之日为收到申请之日（第三十一条第（三）项、指导案例26号）。',
  fax: '以双方确认之日为收到申请之日（第三十一条第（三）项）。',
};

export function registrationChoices() {
  return {
    channels: CHANNELS.map((value) => ({
      value,
      label: CHANNEL_LABELS[value],
      channelHint: CHANNEL_HINTS[value],
    })),
    applicantTypes: choices(APPLICANT_TYPES, APPLICANT_TYPE_LABELS),
    idTypes: ID_DOCUMENT_TYPES.map((value) => ({ value, label: ID_TYPE_LABELS[value] })),
    requestedForms: choices(REQUESTED_FORMS, REQUESTED_FORM_LABELS),
    deliveryMethods: choices(DELIVERY_METHODS, DELIVERY_METHOD_LABELS),
    yesNo: [
      { value: 'true', label: '是，平台已显示“提交成功”' },
      { value: 'false', label: '否，须与申请人另行确认' },
    ],
  };
}

export const outcomeChoices = (): Choice[] =>
  DRAFTABLE_OUTCOMES.map((value) => ({ value, label: OUTCOMES[value].label }));
export const groundChoices = (): Choice[] =>
  WITHHOLDING_GROUNDS.map((value) => ({ value, label: OUTCOMES[value].label }));
export const statusChoices = (): Choice[] => choices(CASE_STATUSES, CASE_STATUS_LABELS);
export const roleChoices = (): Choice[] => choices(ROLES, ROLE_LABELS);
export const agencyTypeChoices = (): Choice[] => choices(AGENCY_TYPES, AGENCY_TYPE_LABELS);

/** What the outcome fields need (templates/console/partials/outcome-fields.hbs): draft and 当场答复. */
export const outcomeFormChoices = () => ({
  outcomes: outcomeChoices(),
  grounds: groundChoices(),
  defaultBases: Object.fromEntries(Object.entries(OUTCOMES).map(([k, v]) => [k, v.basis])),
});
