import type { IsoDate } from '../common/clock/dates.js';

/**
 * The statutory clock of a case: a pure function of its clock-relevant events, the working-day
 * calendar and "today". It returns the due date and the explanation a clerk or a court can read.
 *
 * Conventions (legal-rules.md §1.13, §5):
 * - W2: the day an event happens is not counted; counting starts the next day.
 * - Art. 33 para 2: 20 working days from the receipt date; an extension of at most 20 WD counts
 *   only once approved and notified to the applicant on or before the original due date.
 * - Art. 30: a 补正 notice discards the clock; the corrected application starts a new one.
 * - Art. 33 para 3: the time needed to consult third parties or other agencies is excluded. A
 *   consultation excludes the working days after its dispatch date up to and including the day the
 *   opinion arrives (or the day the party's 15 WD end, Art. 32/34); the clock resumes the next day.
 *   Overlapping consultations are excluded once.
 * - Fee wait (国办函〔2020〕109号): excluded the same way from the notice to the payment when
 *   `feePausesClock` is on (the rule is uncertain — legal-rules §2.3 — so it is configurable).
 * - Art. 35: a notified "reasonable longer period" replaces the due date.
 */

export const REPLY_PERIOD_WD = 20; // Art. 33 para 2
export const MAX_EXTENSION_WD = 20; // Art. 33 para 2
export const CORRECTION_NOTICE_WD = 7; // Art. 30
export const CONSULTATION_PERIOD_WD = 15; // Art. 32, 34
export const FEE_PAYMENT_WD = 20; // 国办函〔2020〕109号

/** The working-day arithmetic the clock needs (implemented by the calendar module). */
export interface ClockCalendar {
  addWorkingDays(from: IsoDate, n: number): CalendarPeriod;
  /** Working days in the half-open interval (a, b]; ≤ 0 when b ≤ a. */
  workingDaysBetween(a: IsoDate, b: IsoDate): { workingDays: number; provisionalYears: readonly number[] };
}

export interface CalendarPeriod {
  readonly date: IsoDate;
  readonly provisional: boolean;
  readonly provisionalYears: readonly number[];
  readonly explanation: ReadonlyArray<{ date: IsoDate; kind: string; reason: string; ordinal?: number }>;
}

export type ClockEvent =
  | { type: 'received'; on: IsoDate; rule: string }
  | { type: 'correction_requested'; on: IsoDate; periodEndsOn: IsoDate }
  | { type: 'correction_received'; on: IsoDate; rule: string }
  | {
      type: 'consultation_started';
      consultationId: string;
      kind: 'third_party' | 'agency';
      party: string;
      on: IsoDate;
    }
  | { type: 'consultation_party_received'; consultationId: string; on: IsoDate }
  | { type: 'consultation_replied'; consultationId: string; on: IsoDate }
  | { type: 'fee_notice_sent'; on: IsoDate; applicantReceivedOn?: IsoDate }
  | { type: 'fee_notice_received'; on: IsoDate }
  | { type: 'fee_paid'; on: IsoDate }
  | { type: 'extension_approved'; on: IsoDate; days: number; approver: string }
  | { type: 'extension_notified'; on: IsoDate }
  | { type: 'art35_period_set'; on: IsoDate; dueOn: IsoDate }
  | { type: 'stopped'; on: IsoDate; reason: 'replied' | 'withdrawn' | 'deemed_withdrawn' };

export interface ClockOptions {
  feePausesClock: boolean;
}

export type ClockState = 'running' | 'paused' | 'awaiting_correction' | 'stopped';

export interface ClockPause {
  kind: 'consultation' | 'fee';
  label: string;
  /** Dispatch or notice date (counted as a normal day). */
  from: IsoDate;
  /** Last excluded day; the clock resumes the next day. Today while still open. */
  to: IsoDate;
  open: boolean;
  /** Working days excluded from the reply period by this pause (overlaps counted once overall). */
  excludedWorkingDays: number;
}

export interface ClockStep {
  kind:
    | 'receipt'
    | 'period'
    | 'correction'
    | 'restart'
    | 'pause'
    | 'extension'
    | 'art35'
    | 'due'
    | 'stop'
    | 'provisional';
  /** One sentence a clerk can read, citing the article. */
  text: string;
  /** The calendar's trace (each counted, skipped or make-up day) where a period was counted. */
  days?: CalendarPeriod['explanation'];
}

export interface ClockResult {
  state: ClockState;
  /** The first receipt date of the application. */
  originalReceivedOn: IsoDate;
  /** The receipt date the current clock counts from (the corrected application's after a 补正). */
  clockStartedOn: IsoDate | null;
  /** Last day to send a 补正 notice in the current clock (receipt + 7 WD, Art. 30). */
  correctionNoticeDueOn: IsoDate | null;
  /** The applicant's 补正 period, while awaiting a correction. */
  correctionPeriodEndsOn: IsoDate | null;
  /** Due date before any extension (20 WD plus excluded time). */
  originalDueOn: IsoDate | null;
  extension: { days: number; approvedOn: IsoDate; notifiedOn: IsoDate | null; counted: boolean } | null;
  art35DueOn: IsoDate | null;
  pauses: ClockPause[];
  excludedWorkingDays: number;
  dueOn: IsoDate | null;
  /** Working days from today to the due date: 0 on the due date, negative when overdue. */
  remainingWorkingDays: number | null;
  overdue: boolean;
  stoppedOn: IsoDate | null;
  stopReason: 'replied' | 'withdrawn' | 'deemed_withdrawn' | null;
  /** The reply (or other end) came after the due date. */
  closedLate: boolean;
  provisional: boolean;
  provisionalYears: number[];
  explanation: ClockStep[];
}

interface Interval {
  from: IsoDate;
  to: IsoDate;
}

/** Computes the clock. `events` must be in the order they happened. */
export function computeClock(
  events: readonly ClockEvent[],
  calendar: ClockCalendar,
  today: IsoDate,
  options: ClockOptions,
): ClockResult {
  const provisional = new Set<number>();
  const add = (from: IsoDate, n: number) => {
    const period = calendar.addWorkingDays(from, n);
    period.provisionalYears.forEach((y) => provisional.add(y));
    return period;
  };
  const between = (a: IsoDate, b: IsoDate) => {
    const result = calendar.workingDaysBetween(a, b);
    result.provisionalYears.forEach((y) => provisional.add(y));
    return result.workingDays;
  };

  const received = events.find((e) => e.type === 'received');
  if (!received || received.type !== 'received') throw new Error('A clock needs the receipt event first');
  const explanation: ClockStep[] = [
    { kind: 'receipt', text: `收到申请之日：${received.on}（${received.rule}）。当日不计入期限。` },
  ];

  // The current clock cycle starts at the last receipt (original or corrected application).
  let startIndex = 0;
  events.forEach((e, i) => {
    if (e.type === 'correction_received') startIndex = i;
  });
  const start = events[startIndex] as Extract<ClockEvent, { type: 'received' | 'correction_received' }>;
  if (start.type === 'correction_received') {
    explanation.push({
      kind: 'restart',
      text: `${start.on} 收到补正后的申请（${start.rule}），答复期限自该日重新计算（第三十条）；此前的期限不再适用。`,
    });
  }
  const cycle = events.slice(startIndex + 1);
  const stop = cycle.find((e) => e.type === 'stopped') as
    Extract<ClockEvent, { type: 'stopped' }> | undefined;

  const correctionNotice = add(start.on, CORRECTION_NOTICE_WD);
  const pendingCorrection = [...cycle].reverse().find((e) => e.type === 'correction_requested') as
    Extract<ClockEvent, { type: 'correction_requested' }> | undefined;

  const base = {
    originalReceivedOn: received.on,
    clockStartedOn: start.on,
    correctionNoticeDueOn: correctionNotice.date,
  };

  if (pendingCorrection) {
    explanation.push({
      kind: 'correction',
      text: `${pendingCorrection.on} 告知申请人补正，补正期限至 ${pendingCorrection.periodEndsOn}。答复期限不再计算，收到补正后的申请之日起重新计算（第三十条）；逾期无正当理由不补正的，视为放弃申请。`,
    });
    if (stop) {
      const what = {
        replied: '作出答复',
        withdrawn: '申请人撤回申请',
        deemed_withdrawn: '逾期未补正，视为放弃申请',
      };
      explanation.push({ kind: 'stop', text: `${stop.on} ${what[stop.reason]}，本案终止。` });
    }
    return finish({
      ...base,
      state: stop ? 'stopped' : 'awaiting_correction',
      correctionPeriodEndsOn: pendingCorrection.periodEndsOn,
      originalDueOn: null,
      extension: null,
      art35DueOn: null,
      pauses: [],
      excludedWorkingDays: 0,
      dueOn: null,
      remainingWorkingDays: null,
      overdue: false,
      stoppedOn: stop?.on ?? null,
      stopReason: stop?.reason ?? null,
      closedLate: false,
    });
  }

  explanation.push({
    kind: 'period',
    text: `答复期限为收到申请之日起 ${REPLY_PERIOD_WD} 个工作日（第三十三条第二款）；补正告知须在 ${correctionNotice.date} 前发出（收到申请之日起 ${CORRECTION_NOTICE_WD} 个工作日，第三十条）。`,
  });

  // Pauses: consultations and (optionally) the fee wait, each [dispatch, end].
  const endOfPauses = stop?.on ?? today;
  const pauses = collectPauses(cycle, options, endOfPauses, add);
  const merged = mergeIntervals(pauses.filter((p) => p.to > p.from));

  const original = dueAfter(start.on, REPLY_PERIOD_WD, merged, between, add);
  const extension = extensionOf(cycle, original.date);
  const total = REPLY_PERIOD_WD + (extension?.counted ? extension.days : 0);
  const due = extension?.counted ? dueAfter(start.on, total, merged, between, add) : original;
  const art35 = [...cycle].reverse().find((e) => e.type === 'art35_period_set') as
    Extract<ClockEvent, { type: 'art35_period_set' }> | undefined;
  const dueOn = art35?.dueOn ?? due.date;

  // Excluded days that mattered: those before the due date was reached.
  let excluded = 0;
  for (const interval of merged) {
    if (interval.from >= due.date) continue;
    excluded += Math.max(0, between(interval.from, interval.to));
  }
  for (const pause of pauses) {
    const counted = pause.from < due.date ? Math.max(0, between(pause.from, pause.to)) : 0;
    pause.excludedWorkingDays = counted;
    explanation.push({
      kind: 'pause',
      text:
        pause.from >= due.date
          ? `${pause.label}：${pause.from} 开始，此时答复期限已届满，不影响期限。`
          : `${pause.label}：${pause.from} 至 ${pause.to}${pause.open ? '（尚未结束，按至今日计）' : ''}，其间 ${counted} 个工作日不计入答复期限（${pause.kind === 'fee' ? '国办函〔2020〕109号；本系统配置为缴费等待期间不计入' : '第三十三条第三款'}）。`,
    });
  }
  if (merged.length > 1 && pauses.length > merged.length) {
    explanation.push({
      kind: 'pause',
      text: `上述期间有重叠，重叠的工作日只计一次，共 ${excluded} 个工作日不计入。`,
    });
  }

  if (extension) {
    explanation.push({
      kind: 'extension',
      text: extension.counted
        ? `延长答复期限 ${extension.days} 个工作日：经政府信息公开工作机构负责人${extension.approver}于 ${extension.approvedOn} 同意，并于 ${extension.notifiedOn} 告知申请人（第三十三条第二款）。`
        : extension.notifiedOn
          ? `延期虽经同意，但告知申请人的日期 ${extension.notifiedOn} 晚于原答复期限 ${original.date}，不产生延期效力（第三十三条第二款）。`
          : `延期已经同意（${extension.approvedOn}），尚未告知申请人；告知前不计入（第三十三条第二款须告知申请人），须在 ${original.date} 前告知。`,
    });
  }
  if (art35) {
    explanation.push({
      kind: 'art35',
      text: `申请数量、频次明显超过合理范围，本机关于 ${art35.on} 确定并告知延迟答复的合理期限至 ${art35.dueOn}（第三十五条），取代原答复期限。`,
    });
  }
  explanation.push({
    kind: 'due',
    text: `答复期限届满日：${dueOn}${art35 ? '' : `（自 ${start.on} 起计 ${total} 个工作日${excluded ? `，另加不计入的 ${excluded} 个工作日` : ''}）`}。`,
    days: art35 ? undefined : due.explanation,
  });

  // A pause that began after the period had run out does not pause anything.
  const openPause = pauses.some((p) => p.open && p.from < due.date);
  let state: ClockState = stop ? 'stopped' : openPause ? 'paused' : 'running';
  const closedLate = stop ? stop.on > dueOn : false;
  if (stop) {
    const what = { replied: '作出答复', withdrawn: '申请人撤回申请', deemed_withdrawn: '视为放弃申请' }[
      stop.reason
    ];
    explanation.push({
      kind: 'stop',
      text: `${stop.on} ${what}，期限停止计算${stop.reason === 'replied' ? (closedLate ? `；晚于答复期限 ${dueOn}，属逾期答复` : '；在答复期限内') : ''}。`,
    });
    state = 'stopped';
  }
  const remaining = stop ? null : between(today, dueOn);
  return finish({
    ...base,
    state,
    correctionPeriodEndsOn: null,
    originalDueOn: original.date,
    extension: extension
      ? {
          days: extension.days,
          approvedOn: extension.approvedOn,
          notifiedOn: extension.notifiedOn,
          counted: extension.counted,
        }
      : null,
    art35DueOn: art35?.dueOn ?? null,
    pauses,
    excludedWorkingDays: excluded,
    dueOn,
    remainingWorkingDays: remaining,
    overdue: !stop && today > dueOn,
    stoppedOn: stop?.on ?? null,
    stopReason: stop?.reason ?? null,
    closedLate,
  });

  function finish(
    result: Omit<ClockResult, 'provisional' | 'provisionalYears' | 'explanation'>,
  ): ClockResult {
    const years = [...provisional].sort();
    if (years.length) {
      explanation.push({
        kind: 'provisional',
        text: `注意：${years.join('、')} 年的节假日安排尚未公布，涉及这些年份的日期按周末和法定节假日暂行推算，公布后将重新计算。`,
      });
    }
    return { ...result, provisional: years.length > 0, provisionalYears: years, explanation };
  }
}

function collectPauses(
  cycle: readonly ClockEvent[],
  options: ClockOptions,
  openUntil: IsoDate,
  add: (from: IsoDate, n: number) => CalendarPeriod,
): ClockPause[] {
  const pauses: ClockPause[] = [];
  const consultations = new Map<
    string,
    {
      kind: 'third_party' | 'agency';
      party: string;
      from: IsoDate;
      partyReceivedOn?: IsoDate;
      repliedOn?: IsoDate;
    }
  >();
  let fee: { from: IsoDate; paidOn?: IsoDate } | undefined;
  for (const e of cycle) {
    if (e.type === 'consultation_started') {
      consultations.set(e.consultationId, { kind: e.kind, party: e.party, from: e.on });
    } else if (e.type === 'consultation_party_received') {
      const c = consultations.get(e.consultationId);
      if (c) c.partyReceivedOn = e.on;
    } else if (e.type === 'consultation_replied') {
      const c = consultations.get(e.consultationId);
      if (c) c.repliedOn = e.on;
    } else if (e.type === 'fee_notice_sent' && options.feePausesClock) {
      fee = { from: e.on };
    } else if (e.type === 'fee_paid' && fee) {
      fee.paidOn = e.on;
    }
  }
  for (const c of consultations.values()) {
    // Art. 32/34: the party has 15 WD from its own receipt of the request.
    const lapse = c.partyReceivedOn ? add(c.partyReceivedOn, CONSULTATION_PERIOD_WD).date : undefined;
    const candidates = [c.repliedOn, lapse].filter((d): d is IsoDate => d !== undefined);
    const closedOn = candidates.length ? candidates.sort()[0] : undefined;
    const open = closedOn === undefined || closedOn > openUntil;
    const party = c.kind === 'third_party' ? `第三方“${c.party}”` : `“${c.party}”`;
    pauses.push({
      kind: 'consultation',
      label: `征求${party}意见`,
      from: c.from,
      to: open ? openUntil : (closedOn as IsoDate),
      open,
      excludedWorkingDays: 0,
    });
  }
  if (fee) {
    const open = fee.paidOn === undefined || fee.paidOn > openUntil;
    pauses.push({
      kind: 'fee',
      label: '等待缴纳信息处理费',
      from: fee.from,
      to: open ? openUntil : (fee.paidOn as IsoDate),
      open,
      excludedWorkingDays: 0,
    });
  }
  return pauses.sort((a, b) => a.from.localeCompare(b.from));
}

function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => a.from.localeCompare(b.from));
  const merged: Interval[] = [];
  for (const i of sorted) {
    const last = merged[merged.length - 1];
    if (last && i.from <= last.to) {
      if (i.to > last.to) last.to = i.to;
    } else merged.push({ ...i });
  }
  return merged;
}

/**
 * The date on which `n` counted working days after `start` are reached, skipping the working days
 * inside each excluded interval (from, to].
 */
function dueAfter(
  start: IsoDate,
  n: number,
  excluded: readonly Interval[],
  between: (a: IsoDate, b: IsoDate) => number,
  add: (from: IsoDate, n: number) => CalendarPeriod,
): CalendarPeriod {
  let remaining = n;
  let cursor = start;
  for (const interval of excluded) {
    if (interval.to <= cursor) continue;
    const from = interval.from > cursor ? interval.from : cursor;
    const available = Math.max(0, between(cursor, from));
    if (available >= remaining) return add(cursor, remaining);
    remaining -= available;
    cursor = interval.to;
  }
  return add(cursor, remaining);
}

function extensionOf(
  cycle: readonly ClockEvent[],
  originalDueOn: IsoDate,
): {
  days: number;
  approvedOn: IsoDate;
  approver: string;
  notifiedOn: IsoDate | null;
  counted: boolean;
} | null {
  const approvedIndex = cycle.map((e) => e.type).lastIndexOf('extension_approved');
  if (approvedIndex < 0) return null;
  const approved = cycle[approvedIndex] as Extract<ClockEvent, { type: 'extension_approved' }>;
  const notified = cycle.slice(approvedIndex + 1).find((e) => e.type === 'extension_notified');
  const notifiedOn = notified?.on ?? null;
  return {
    days: Math.min(approved.days, MAX_EXTENSION_WD),
    approvedOn: approved.on,
    approver: approved.approver,
    notifiedOn,
    // Art. 33 para 2: only an extension notified before the original period ends extends it.
    counted: notifiedOn !== null && notifiedOn <= originalDueOn && approved.on <= originalDueOn,
  };
}
