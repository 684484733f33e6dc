import { ROLE_LABELS, type Role } from '../auth/role.js';
import { CHANNEL_LABELS } from '../cases/channel.js';
import { CASE_ACTION_LABELS, type CaseAction } from '../cases/case.workflow.js';
import type { CaseDetailResponse, CaseEventResponse } from '../cases/dto/case-response.dto.js';
import { OUTCOMES, type Outcome } from '../cases/outcome.js';
import { DELIVERY_METHOD_LABELS, REQUESTED_FORM_LABELS } from '../cases/case-details.js';
import { chineseDate } from './console-format.js';
import { slugOf } from './forms/case-action.forms.js';
import { evidenceDefaults } from './forms/registration.form.js';

const CLOCK_STATE_LABELS: Record<string, string> = {
  running: '计时中',
  paused: '暂停计时',
  awaiting_correction: '等待补正（原期限作废）',
  stopped: '已停止',
};

const ACTOR_ROLE_LABELS: Record<string, string> = { ...ROLE_LABELS, system: '系统' } as Record<
  Role | 'system',
  string
>;

/** The order in which a case page offers its steps (the transition table decides which). */
const ACTION_ORDER: readonly CaseAction[] = [
  'assign',
  'start_drafting',
  'save_draft',
  'submit_for_review',
  'approve',
  'return_draft',
  'issue_reply',
  'serve',
  'request_correction',
  'receive_correction',
  'start_consultation',
  'record_consultation_receipt',
  'record_consultation_reply',
  'request_extension',
  'decide_extension',
  'notify_extension',
  'send_fee_notice',
  'record_fee_notice_receipt',
  'record_fee_payment',
  'set_art35_period',
  'withdraw',
  'archive',
];

/** Timeline notes whose sentence is their reason (reminders, report changes, remedy records). */
const NOTES_TOLD_BY_REASON: readonly string[] = [
  'reminder_sent',
  'report_changed',
  'remedy_recorded',
  'recompute',
];

/** Steps that close or end something: shown apart, after the everyday ones. */
const SERIOUS: readonly CaseAction[] = ['withdraw'];

export interface ActionState {
  readonly slug: string;
  readonly values: Record<string, unknown>;
  readonly errors: Record<string, string>;
  readonly message: string;
}

/** One line a person can read for an event of the timeline. */
export function describeEvent(e: Pick<CaseEventResponse, 'action' | 'data'>): string {
  const d = e.data as Record<string, unknown>;
  const date = (v: unknown) => chineseDate(v);
  switch (e.action) {
    case 'register':
      return String(d.receiptExplanation ?? '');
    case 'assign':
      return `承办人：${String(d.handlerName ?? '')}`;
    case 'request_correction':
      return `${date(d.noticeSentOn)}告知补正（${String(d.means ?? '')}），补正期限至${date(d.periodEndsOn)}。补正事项：${(d.items as string[] | undefined)?.join('；') ?? ''}`;
    case 'receive_correction':
      return String(d.receiptExplanation ?? '');
    case 'start_consultation':
      return `${date(d.dispatchedOn)}向“${String(d.partyName ?? '')}”发出征求意见书：${String(d.matter ?? '')}`;
    case 'record_consultation_receipt':
      return `“${String(d.partyName ?? '')}”于${date(d.partyReceivedOn)}收到征求意见书，意见期限至${date(d.periodEndsOn)}`;
    case 'record_consultation_reply':
      return `“${String(d.partyName ?? '')}”${date(d.repliedOn)}回复：${d.result === 'consent' ? '同意公开' : '不同意公开'}。${String(d.summary ?? '')}`;
    case 'send_fee_notice':
      return `${date(d.sentOn)}发出收费通知，金额 ${String(d.amountYuan ?? '')} 元（${String(d.feeExplanation ?? '')}）`;
    case 'record_fee_notice_receipt':
      return `申请人${date(d.applicantReceivedOn)}收到收费通知，缴费期限至${date(d.payBy)}`;
    case 'record_fee_payment':
      return `${date(d.paidOn)}缴费`;
    case 'request_extension':
      return `申请延长 ${String(d.days ?? '')} 个工作日：${String(d.reason ?? '')}`;
    case 'decide_extension':
      return `${d.approve ? '批准' : '不批准'}延期（${date(d.decidedOn)}）${d.comment ? `：${String(d.comment)}` : ''}`;
    case 'notify_extension':
      return `${date(d.notifiedOn)}告知申请人延期（${String(d.means ?? '')}）`;
    case 'set_art35_period':
      return `延迟答复期限至${date(d.dueOn)}，${date(d.notifiedOn)}告知申请人`;
    case 'save_draft':
      return `拟答复：${OUTCOMES[d.outcome as Outcome]?.label ?? ''}`;
    case 'issue_reply': {
      const letter = d.letter as { title?: string; documentNumber?: string | null } | undefined;
      const printed = letter?.title
        ? `，出具${letter.title}${letter.documentNumber ? `（${letter.documentNumber}）` : ''}`
        : '';
      return `${date(d.repliedOn)}作出答复${d.onTheSpot ? '（当场答复）' : ''}${printed}`;
    }
    case 'recompute':
      return `${String(d.cause ?? '')}，期限重新计算`;
    case 'letter_issued':
      return `${d.supersedesId ? '出具更正后的' : '出具'}${String(d.title ?? '')}${d.documentNumber ? `（${String(d.documentNumber)}）` : ''}，成文日期${date(d.letterDate)}`;
    case 'serve':
      return `${date(d.servedOn)}送达（${String(d.means ?? '')}；凭证：${String(d.proof ?? '')}）`;
    case 'withdraw':
      return `申请人${date(d.withdrawnOn)}撤回（${String(d.means ?? '')}）`;
    case 'lapse_correction':
    case 'lapse_fee':
      return `视为放弃申请（${date(d.deemedWithdrawnOn)}）`;
    default:
      return '';
  }
}

/** What a step's form starts with: today for its dates, the saved draft for the draft form. */
export function defaultsFor(
  action: CaseAction,
  c: CaseDetailResponse,
  today: string,
): Record<string, string | string[]> {
  const d = c.outcomeDetail;
  switch (action) {
    case 'request_correction':
      return { noticeSentOn: today };
    case 'receive_correction':
      return evidenceDefaults(c.channel, today);
    case 'start_consultation':
      return { kind: 'third_party', dispatchedOn: today };
    case 'record_consultation_receipt':
      return { partyReceivedOn: today };
    case 'record_consultation_reply':
      return { repliedOn: today, result: 'consent' };
    case 'send_fee_notice':
      return { sentOn: today, method: 'per_page' };
    case 'record_fee_notice_receipt':
      return { applicantReceivedOn: today };
    case 'record_fee_payment':
      return { paidOn: today };
    case 'request_extension':
      return { days: '20' };
    case 'decide_extension':
      return { decidedOn: today, approve: 'true' };
    case 'notify_extension':
      return { notifiedOn: today };
    case 'set_art35_period':
      return { notifiedOn: today };
    case 'issue_reply':
      return { repliedOn: today };
    case 'serve':
      return { servedOn: today };
    case 'withdraw':
      return { withdrawnOn: today };
    case 'save_draft':
      return {
        outcome: c.outcome ?? '',
        'detail.basis': d?.basis ?? '',
        'detail.reasons': d?.reasons ?? '',
        'detail.withheldParts': d?.withheldParts ?? '',
        'detail.searchDescription': d?.searchDescription ?? '',
        'detail.competentAgency.name': d?.competentAgency?.name ?? '',
        'detail.competentAgency.contact': d?.competentAgency?.contact ?? '',
        'detail.earlierReply.date': d?.earlierReply?.date ?? '',
        'detail.earlierReply.reference': d?.earlierReply?.reference ?? '',
        'detail.properChannel': d?.properChannel ?? '',
        'detail.accessInstructions': d?.accessInstructions ?? '',
        'detail.specialProcedure': d?.specialProcedure ?? '',
        'detail.providedForm': d?.providedForm ?? '',
        'detail.formReason': d?.formReason ?? '',
        'detail.withheldGrounds': d?.withheldGrounds ?? [],
      };
    default:
      return {};
  }
}

/** Everything the case page shows, from the case detail and its timeline (no entity reaches a view). */
export function caseView(
  c: CaseDetailResponse,
  events: readonly CaseEventResponse[],
  extra: {
    today: string;
    actionState: ActionState | null;
    handlers: Array<{ value: string; label: string }>;
    /** Steps whose button is disabled: what they would issue has pre-issue errors. */
    blocked?: Partial<Record<CaseAction, boolean>>;
  },
) {
  const openConsultations = c.consultations.filter((k) => !k.repliedOn && !k.result);
  const unreceivedConsultations = c.consultations.filter(
    (k) => !k.partyReceivedOn && !k.repliedOn && !k.result,
  );
  // The transition table allows these by state; they only make sense with something to act on.
  const relevant: Partial<Record<CaseAction, boolean>> = {
    record_consultation_receipt: unreceivedConsultations.length > 0,
    record_consultation_reply: openConsultations.length > 0,
    decide_extension: c.extension?.status === 'requested',
    notify_extension: c.extension?.status === 'approved',
    request_extension: !c.extension || c.extension.status === 'rejected',
  };
  const allowed = ACTION_ORDER.filter((a) => c.allowedActions.includes(a) && relevant[a] !== false);
  const state = extra.actionState;
  const action = (a: CaseAction) => ({
    action: a,
    slug: slugOf(a),
    idPrefix: `${slugOf(a)}-`,
    label: CASE_ACTION_LABELS[a],
    open: state?.slug === slugOf(a),
    values: state?.slug === slugOf(a) ? state.values : defaultsFor(a, c, extra.today),
    errors: state?.slug === slugOf(a) ? state.errors : {},
    message: state?.slug === slugOf(a) ? state.message : '',
    blocked: extra.blocked?.[a] ?? false,
  });
  return {
    c,
    today: extra.today,
    channelLabel: CHANNEL_LABELS[c.channel],
    requestedFormLabel: REQUESTED_FORM_LABELS[c.requestedForm],
    deliveryMethodLabel: DELIVERY_METHOD_LABELS[c.deliveryMethod],
    clockStateLabel: CLOCK_STATE_LABELS[c.clock.state] ?? c.clock.state,
    outcomeLabel: c.outcome ? OUTCOMES[c.outcome].label : null,
    actions: allowed.filter((a) => !SERIOUS.includes(a)).map(action),
    seriousActions: allowed.filter((a) => SERIOUS.includes(a)).map(action),
    openConsultations,
    unreceivedConsultations,
    handlers: extra.handlers,
    timeline: [...events].reverse().map((e) => {
      const description = describeEvent(e);
      // Notes written by the system carry their sentence as the reason; people's steps their comment.
      const reasonIsText = NOTES_TOLD_BY_REASON.includes(e.action);
      const letter = (e.action === 'issue_reply' ? e.data.letter : e.data) as { letterId?: unknown };
      return {
        ...e,
        actorRoleLabel: ACTOR_ROLE_LABELS[e.actorRole] ?? e.actorRole,
        description: reasonIsText ? description || e.reason : description,
        reasonLabel: e.action === 'letter_issued' ? '更正理由' : '意见',
        reason: reasonIsText ? '' : e.reason,
        letterHref:
          (e.action === 'letter_issued' || e.action === 'issue_reply') && typeof letter?.letterId === 'string'
            ? `/case/${c.id}/letters/${letter.letterId}/pdf`
            : null,
      };
    }),
  };
}
