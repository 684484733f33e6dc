import type { CaseStatus } from './case-status.js';

/** Who may act: a role of the signed-in user, or the system (scheduled lapses). */
export type WorkflowActor = 'clerk' | 'handler' | 'approver' | 'system';

export const CASE_ACTIONS = [
  'assign',
  'request_correction',
  'receive_correction',
  'lapse_correction',
  'start_consultation',
  'record_consultation_receipt',
  'record_consultation_reply',
  'lapse_consultation',
  'send_fee_notice',
  'record_fee_notice_receipt',
  'record_fee_payment',
  'lapse_fee',
  'request_extension',
  'decide_extension',
  'notify_extension',
  'set_art35_period',
  'start_drafting',
  'save_draft',
  'submit_for_review',
  'return_draft',
  'approve',
  'issue_reply',
  'serve',
  'withdraw',
  'archive',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

export const CASE_ACTION_LABELS: Record<CaseAction, string> = {
  assign: '分办',
  request_correction: '告知补正',
  receive_correction: '收到补正',
  lapse_correction: '逾期未补正',
  start_consultation: '征求意见',
  record_consultation_receipt: '登记被征求方收到征求意见书',
  record_consultation_reply: '收到意见',
  lapse_consultation: '征求意见期满',
  send_fee_notice: '发出收费通知',
  record_fee_notice_receipt: '登记申请人收到收费通知',
  record_fee_payment: '登记缴费',
  lapse_fee: '逾期未缴费',
  request_extension: '申请延期',
  decide_extension: '审批延期',
  notify_extension: '告知申请人延期',
  set_art35_period: '确定延迟答复期限（第三十五条）',
  start_drafting: '开始拟稿',
  save_draft: '保存答复草稿',
  submit_for_review: '提交审核',
  return_draft: '退回修改',
  approve: '审核通过',
  issue_reply: '作出答复',
  serve: '送达',
  withdraw: '申请人撤回',
  archive: '归档',
};

/** A precondition on the case beyond its status. */
export type TransitionCondition = 'assigned' | 'unassigned' | 'lapsed_correction' | 'lapsed_fee';

/** What the conditions read: whether a handler is assigned, and how a 视为放弃 case was closed. */
export interface TransitionContext {
  readonly assigned: boolean;
  /** `deemed_withdrawn_correction` / `deemed_withdrawn_fee` for a case the system closed by a lapse. */
  readonly outcome?: string | null;
}

export interface Transition {
  readonly action: CaseAction;
  readonly from: CaseStatus;
  readonly to: CaseStatus;
  readonly actors: readonly WorkflowActor[];
  /** Every condition listed must hold. */
  readonly when?: TransitionCondition | readonly TransitionCondition[];
}

const WORKING: CaseStatus[] = ['investigating', 'drafting'];
const BEFORE_REPLY: CaseStatus[] = [
  'registered',
  'investigating',
  'awaiting_correction',
  'awaiting_fee',
  'drafting',
  'in_review',
  'approved',
];

const stay = (action: CaseAction, states: CaseStatus[], actors: WorkflowActor[]): Transition[] =>
  states.map((s) => ({ action, from: s, to: s, actors }));

/**
 * The workflow as data (house style: a transition table, not ifs). A pair (action, status) that is
 * not here is refused with 409 and the list of allowed actions.
 */
export const CASE_TRANSITIONS: readonly Transition[] = [
  // 分办, and re-assignment while the case is still with the office.
  { action: 'assign', from: 'registered', to: 'investigating', actors: ['clerk', 'approver'] },
  ...stay(
    'assign',
    ['investigating', 'drafting', 'awaiting_correction', 'awaiting_fee'],
    ['clerk', 'approver'],
  ),

  // Art. 30: 补正 — one notice listing every item, within 7 working days of receipt.
  {
    action: 'request_correction',
    from: 'registered',
    to: 'awaiting_correction',
    actors: ['clerk', 'handler'],
  },
  { action: 'request_correction', from: 'investigating', to: 'awaiting_correction', actors: ['handler'] },
  {
    action: 'receive_correction',
    from: 'awaiting_correction',
    to: 'investigating',
    actors: ['clerk', 'handler'],
    when: 'assigned',
  },
  {
    action: 'receive_correction',
    from: 'awaiting_correction',
    to: 'registered',
    actors: ['clerk', 'handler'],
    when: 'unassigned',
  },
  { action: 'lapse_correction', from: 'awaiting_correction', to: 'deemed_withdrawn', actors: ['system'] },
  // Art. 30: the lapse is the law's, not the sweep's. A correction received within the period (or late
  // with a 正当理由) but recorded after the sweep closed the case reinstates it: the application was
  // never abandoned. Only until it is archived.
  {
    action: 'receive_correction',
    from: 'deemed_withdrawn',
    to: 'investigating',
    actors: ['clerk', 'handler'],
    when: ['lapsed_correction', 'assigned'],
  },
  {
    action: 'receive_correction',
    from: 'deemed_withdrawn',
    to: 'registered',
    actors: ['clerk', 'handler'],
    when: ['lapsed_correction', 'unassigned'],
  },

  // Art. 32, 34: consultations pause the clock (Art. 33 para 3) but not the work.
  ...stay('start_consultation', WORKING, ['handler']),
  ...stay('record_consultation_receipt', [...WORKING, 'in_review', 'approved'], ['clerk', 'handler']),
  ...stay('record_consultation_reply', [...WORKING, 'in_review', 'approved'], ['clerk', 'handler']),
  ...stay('lapse_consultation', BEFORE_REPLY, ['system']),

  // Art. 42 and 国办函〔2020〕109号: fee notice within the period, 20 WD to pay.
  ...WORKING.map((s): Transition => ({
    action: 'send_fee_notice',
    from: s,
    to: 'awaiting_fee',
    actors: ['handler'],
  })),
  ...stay('record_fee_notice_receipt', ['awaiting_fee'], ['clerk', 'handler']),
  { action: 'record_fee_payment', from: 'awaiting_fee', to: 'investigating', actors: ['clerk', 'handler'] },
  { action: 'lapse_fee', from: 'awaiting_fee', to: 'deemed_withdrawn', actors: ['system'] },
  // A payment made within the 20 WD but recorded after the sweep closed the case reinstates it.
  {
    action: 'record_fee_payment',
    from: 'deemed_withdrawn',
    to: 'investigating',
    actors: ['clerk', 'handler'],
    when: 'lapsed_fee',
  },

  // Art. 33 para 2: extension approved by the head of the disclosure office and notified.
  ...stay('request_extension', WORKING, ['handler']),
  ...stay('decide_extension', [...WORKING, 'in_review'], ['approver']),
  ...stay('notify_extension', [...WORKING, 'in_review', 'approved'], ['clerk', 'handler']),

  // Art. 35: a reasonable longer period, decided by the agency and notified.
  ...stay('set_art35_period', WORKING, ['approver']),

  // Drafting, review and reply (Art. 45: 审核).
  { action: 'start_drafting', from: 'investigating', to: 'drafting', actors: ['handler'] },
  ...stay('save_draft', ['drafting'], ['handler']),
  { action: 'submit_for_review', from: 'drafting', to: 'in_review', actors: ['handler'] },
  { action: 'return_draft', from: 'in_review', to: 'drafting', actors: ['approver'] },
  // Until the reply is made an approval can be taken back (a refused reply, a fact learnt late).
  { action: 'return_draft', from: 'approved', to: 'drafting', actors: ['approver'] },
  { action: 'approve', from: 'in_review', to: 'approved', actors: ['approver'] },
  { action: 'issue_reply', from: 'approved', to: 'issued', actors: ['clerk', 'handler', 'approver'] },
  { action: 'serve', from: 'issued', to: 'served', actors: ['clerk', 'handler'] },

  // The applicant may withdraw until the reply is made.
  ...BEFORE_REPLY.map((s): Transition => ({
    action: 'withdraw',
    from: s,
    to: 'withdrawn',
    actors: ['clerk', 'handler'],
  })),

  // 归档
  ...(['served', 'withdrawn', 'deemed_withdrawn'] as CaseStatus[]).map((s): Transition => ({
    action: 'archive',
    from: s,
    to: 'archived',
    actors: ['clerk', 'handler'],
  })),
];

export const TERMINAL_STATUSES: readonly CaseStatus[] = ['archived'];

/** The context of a stored case. */
export function transitionContextOf(c: {
  handlerId: string | null;
  outcome: string | null;
}): TransitionContext {
  return { assigned: c.handlerId !== null, outcome: c.outcome };
}

export type TransitionCheck =
  | { allowed: true; transition: Transition }
  | { allowed: false; reason: 'status' | 'actor' | 'condition'; allowedActions: CaseAction[] };

/**
 * Looks the step up in the table. `actors` are what the user is for this case (their roles, with
 * 'handler' only when they are its assigned handler, or the system).
 */
export function checkTransition(
  action: CaseAction,
  status: CaseStatus,
  actors: readonly WorkflowActor[],
  context: TransitionContext,
): TransitionCheck {
  const candidates = CASE_TRANSITIONS.filter((t) => t.action === action && t.from === status);
  const allowedActions = allowedActionsFor(status, actors, context);
  if (candidates.length === 0) return { allowed: false, reason: 'status', allowedActions };
  const matching = candidates.filter((t) => conditionHolds(t.when, context));
  if (matching.length === 0) return { allowed: false, reason: 'condition', allowedActions };
  const permitted = matching.find((t) => t.actors.some((a) => actors.includes(a)));
  if (!permitted) return { allowed: false, reason: 'actor', allowedActions };
  return { allowed: true, transition: permitted };
}

/** The actions a user can take now: the web console shows only these. */
export function allowedActionsFor(
  status: CaseStatus,
  actors: readonly WorkflowActor[],
  context: TransitionContext,
): CaseAction[] {
  const actions = CASE_TRANSITIONS.filter(
    (t) => t.from === status && conditionHolds(t.when, context) && t.actors.some((a) => actors.includes(a)),
  ).map((t) => t.action);
  return [...new Set(actions)].filter((a) => !a.startsWith('lapse_'));
}

function conditionHolds(when: Transition['when'], context: TransitionContext): boolean {
  const conditions: readonly TransitionCondition[] =
    when === undefined ? [] : typeof when === 'string' ? [when] : when;
  return conditions.every((condition) => {
    switch (condition) {
      case 'assigned':
        return context.assigned;
      case 'unassigned':
        return !context.assigned;
      case 'lapsed_correction':
        return context.outcome === 'deemed_withdrawn_correction';
      case 'lapsed_fee':
        return context.outcome === 'deemed_withdrawn_fee';
    }
  });
}
