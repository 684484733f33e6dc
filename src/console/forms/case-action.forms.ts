import type { AuthUser } from '../../auth/auth-user.js';
import type { CaseAction } from '../../cases/case.workflow.js';
import type { CasesService } from '../../cases/cases.service.js';
import * as Dto from '../../cases/dto/case-actions.dto.js';
import type { CaseDetailResponse } from '../../cases/dto/case-response.dto.js';
import { bool, defined, int, lines, text, type FormBody } from './form-values.js';
import { outcomeFromForm } from './outcome.form.js';
import { evidenceFromForm } from './registration.form.js';

/** One workflow step as a console form: how its fields become the API's DTO, and which command runs. */
export interface CaseActionForm {
  readonly action: CaseAction;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each entry pairs its own DTO class
  readonly dto: new () => any;
  readonly fromForm: (body: FormBody, timeZone: string) => Record<string, unknown>;
  readonly run: (
    cases: CasesService,
    user: AuthUser,
    caseId: string,
    dto: never,
  ) => Promise<CaseDetailResponse>;
  /** The sentence of the confirmation shown after the step. */
  readonly done: string;
  /** What to do next, when the step calls for a letter (the notice is issued on its own). */
  readonly next?: (dto: never) => string | null;
}

const version = (body: FormBody) => ({ version: int(body, 'version') });

function form<D>(
  action: CaseAction,
  dto: new () => D,
  fromForm: (body: FormBody, timeZone: string) => Record<string, unknown>,
  run: (cases: CasesService, user: AuthUser, caseId: string, dto: D) => Promise<CaseDetailResponse>,
  done: string,
  next?: (dto: D) => string | null,
): CaseActionForm {
  return {
    action,
    dto,
    fromForm: (body, tz) => defined({ ...version(body), ...fromForm(body, tz) }),
    run: run as CaseActionForm['run'],
    done,
    next: next as CaseActionForm['next'],
  };
}

/**
 * Every step the case page offers (the transition table decides which are shown: the case detail's
 * allowedActions). URL slugs are the action names with hyphens: /case/:id/request-correction.
 */
export const CASE_ACTION_FORMS: readonly CaseActionForm[] = [
  form(
    'assign',
    Dto.AssignDto,
    (b) => ({ handlerId: text(b, 'handlerId') }),
    (s, u, id, d) => s.assign(u, id, d),
    '已分办。',
  ),
  form(
    'request_correction',
    Dto.RequestCorrectionDto,
    (b) => ({
      noticeSentOn: text(b, 'noticeSentOn'),
      items: lines(b, 'items'),
      periodEndsOn: text(b, 'periodEndsOn'),
      means: text(b, 'means'),
      guidance: text(b, 'guidance'),
    }),
    (s, u, id, d) => s.requestCorrection(u, id, d),
    '已登记补正告知，答复期限暂停计算，待申请人补正。',
    () => '请在下方“文书”中出具补正告知书送达申请人。',
  ),
  form(
    'receive_correction',
    Dto.ReceiveCorrectionDto,
    (b, tz) => ({
      evidence: evidenceFromForm(b, tz),
      informationSought: text(b, 'informationSought'),
      lateReason: text(b, 'lateReason'),
    }),
    (s, u, id, d) => s.receiveCorrection(u, id, d),
    '已登记收到补正，答复期限自收到补正之日起重新计算。',
  ),
  form(
    'start_consultation',
    Dto.StartConsultationDto,
    (b) => ({
      kind: text(b, 'kind'),
      partyName: text(b, 'partyName'),
      partyContact: text(b, 'partyContact'),
      matter: text(b, 'matter'),
      dispatchedOn: text(b, 'dispatchedOn'),
      partyReceivedOn: text(b, 'partyReceivedOn'),
    }),
    (s, u, id, d) => s.startConsultation(u, id, d),
    '已登记征求意见，征求意见所需时间不计入答复期限。',
    (d) =>
      `请在下方“文书”中出具${d.kind === 'agency' ? '征求意见函' : '征求意见书'}，并出具征求意见告知书告知申请人。`,
  ),
  form(
    'record_consultation_receipt',
    Dto.RecordConsultationReceiptDto,
    (b) => ({ consultationId: text(b, 'consultationId'), partyReceivedOn: text(b, 'partyReceivedOn') }),
    (s, u, id, d) => s.recordConsultationReceipt(u, id, d),
    '已登记被征求方收到征求意见书的日期。',
  ),
  form(
    'record_consultation_reply',
    Dto.RecordConsultationReplyDto,
    (b) => ({
      consultationId: text(b, 'consultationId'),
      repliedOn: text(b, 'repliedOn'),
      result: text(b, 'result'),
      summary: text(b, 'summary'),
    }),
    (s, u, id, d) => s.recordConsultationReply(u, id, d),
    '已登记收到的意见。',
  ),
  form(
    'send_fee_notice',
    Dto.SendFeeNoticeDto,
    (b) => ({
      sentOn: text(b, 'sentOn'),
      method: text(b, 'method'),
      pages: text(b, 'method') === 'per_page' ? int(b, 'pages') : undefined,
      items: text(b, 'method') === 'per_item' ? int(b, 'items') : undefined,
      justification: text(b, 'justification'),
      paymentInstructions: text(b, 'paymentInstructions'),
      applicantReceivedOn: text(b, 'applicantReceivedOn'),
    }),
    (s, u, id, d) => s.sendFeeNotice(u, id, d),
    '已登记收费通知。',
    () => '请在下方“文书”中出具收费通知书。',
  ),
  form(
    'record_fee_notice_receipt',
    Dto.RecordFeeNoticeReceiptDto,
    (b) => ({ applicantReceivedOn: text(b, 'applicantReceivedOn') }),
    (s, u, id, d) => s.recordFeeNoticeReceipt(u, id, d),
    '已登记申请人收到收费通知的日期。',
  ),
  form(
    'record_fee_payment',
    Dto.RecordFeePaymentDto,
    (b) => ({ paidOn: text(b, 'paidOn'), receiptNumber: text(b, 'receiptNumber') }),
    (s, u, id, d) => s.recordFeePayment(u, id, d),
    '已登记缴费。',
  ),
  form(
    'request_extension',
    Dto.RequestExtensionDto,
    (b) => ({ days: int(b, 'days'), reason: text(b, 'reason') }),
    (s, u, id, d) => s.requestExtension(u, id, d),
    '已提交延期申请，待审核人审批。',
  ),
  form(
    'decide_extension',
    Dto.DecideExtensionDto,
    (b) => ({ approve: bool(b, 'approve'), decidedOn: text(b, 'decidedOn'), comment: text(b, 'comment') }),
    (s, u, id, d) => s.decideExtension(u, id, d),
    '已审批延期申请。',
    (d) => (d.approve ? '请在下方“文书”中出具延期答复告知书，并在原答复期限届满前告知申请人。' : null),
  ),
  form(
    'notify_extension',
    Dto.NotifyExtensionDto,
    (b) => ({ notifiedOn: text(b, 'notifiedOn'), means: text(b, 'means') }),
    (s, u, id, d) => s.notifyExtension(u, id, d),
    '已登记告知申请人延期。',
  ),
  form(
    'set_art35_period',
    Dto.SetArt35PeriodDto,
    (b) => ({ dueOn: text(b, 'dueOn'), notifiedOn: text(b, 'notifiedOn'), reason: text(b, 'reason') }),
    (s, u, id, d) => s.setArt35Period(u, id, d),
    '已确定延迟答复期限。',
  ),
  form(
    'start_drafting',
    Dto.VersionedDto,
    () => ({}),
    (s, u, id, d) => s.startDrafting(u, id, d),
    '已开始拟稿。',
  ),
  form(
    'save_draft',
    Dto.SaveDraftDto,
    (b) => outcomeFromForm(b),
    (s, u, id, d) => s.saveDraft(u, id, d),
    '答复草稿已保存。',
  ),
  form(
    'submit_for_review',
    Dto.VersionedDto,
    () => ({}),
    (s, u, id, d) => s.submitForReview(u, id, d),
    '已提交审核。',
  ),
  form(
    'return_draft',
    Dto.ReturnDraftDto,
    (b) => ({ comment: text(b, 'comment') }),
    (s, u, id, d) => s.returnDraft(u, id, d),
    '已退回承办人修改。',
  ),
  form(
    'approve',
    Dto.CommentDto,
    (b) => ({ comment: text(b, 'comment') }),
    (s, u, id, d) => s.approve(u, id, d),
    '审核通过。',
  ),
  form(
    'issue_reply',
    Dto.IssueReplyDto,
    (b) => ({ repliedOn: text(b, 'repliedOn') }),
    (s, u, id, d) => s.issueReply(u, id, d),
    '已登记作出答复，答复期限停止计算。',
  ),
  form(
    'serve',
    Dto.ServeDto,
    (b) => ({ servedOn: text(b, 'servedOn'), means: text(b, 'means'), proof: text(b, 'proof') }),
    (s, u, id, d) => s.serve(u, id, d),
    '已登记送达。',
  ),
  form(
    'withdraw',
    Dto.WithdrawDto,
    (b) => ({ withdrawnOn: text(b, 'withdrawnOn'), means: text(b, 'means') }),
    (s, u, id, d) => s.withdraw(u, id, d),
    '已登记申请人撤回申请。',
  ),
  form(
    'archive',
    Dto.VersionedDto,
    () => ({}),
    (s, u, id, d) => s.archive(u, id, d),
    '已归档。',
  ),
];

export const slugOf = (action: CaseAction): string => action.replace(/_/g, '-');

export function actionFormFor(slug: string): CaseActionForm | undefined {
  return CASE_ACTION_FORMS.find((f) => slugOf(f.action) === slug);
}
