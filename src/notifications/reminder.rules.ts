/**
 * Due-date reminders (条例 Art. 33 reply periods; Art. 47 supervision): which reminder a case is due
 * today, what it says, and the daily digest of an agency. Pure: "today" and the working days
 * remaining come in as arguments.
 *
 * A reminder is an event identified by (case, kind, due date): 5 working days before the due date,
 * 1 working day before (or on the day itself), and once the due date has passed. A due date that
 * moves (an extension, a pause that ended) is a new due date with reminders of its own. Nothing is
 * sent while the clock is paused (征求意见, 缴费): the due date is still moving.
 */
import type { IsoDate } from '../common/clock/clock.js';

export const REMINDER_KINDS = ['due_in_5', 'due_in_1', 'overdue'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export const REMINDER_KIND_LABELS: Readonly<Record<ReminderKind, string>> = {
  due_in_5: '5 个工作日内到期',
  due_in_1: '1 个工作日内到期',
  overdue: '已逾期',
};

export interface ReminderCase {
  /** Still owing a reply. */
  readonly open: boolean;
  /** Clock paused (consultation, fee wait). */
  readonly paused: boolean;
  readonly dueOn: IsoDate | null;
  /** Working days from today to dueOn (0 on the day, negative after). */
  readonly remainingWorkingDays: number | null;
}

/**
 * The reminder due for the case today, if any. The latest threshold reached wins, so an instance
 * that was down for a few days catches up with one reminder, not a burst of stale ones.
 */
export function reminderDue(c: ReminderCase, today: IsoDate): ReminderKind | null {
  if (!c.open || c.paused || c.dueOn === null || c.remainingWorkingDays === null) return null;
  if (c.dueOn < today) return 'overdue';
  if (c.remainingWorkingDays <= 1) return 'due_in_1';
  if (c.remainingWorkingDays <= 5) return 'due_in_5';
  return null;
}

export interface ReminderFacts {
  readonly caseNumber: string;
  readonly agencyName: string;
  readonly informationSought: string;
  readonly dueOn: IsoDate;
  readonly remainingWorkingDays: number;
}

export interface Message {
  readonly title: string;
  readonly body: string;
}

function excerpt(text: string, max = 40): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max)}…` : t;
}

export function reminderMessage(kind: ReminderKind, f: ReminderFacts): Message {
  const subject = `${f.agencyName} ${f.caseNumber}（${excerpt(f.informationSought)}）`;
  if (kind === 'overdue') {
    return {
      title: `已逾期：${f.caseNumber} 答复期限 ${f.dueOn} 已届满`,
      body: `${subject}的答复期限已于 ${f.dueOn} 届满，至今未答复。逾期答复将被确认违法（《中华人民共和国政府信息公开条例》第三十三条），请立即办理。`,
    };
  }
  const when = f.remainingWorkingDays === 0 ? '今天到期' : `还剩 ${f.remainingWorkingDays} 个工作日`;
  return {
    title: `期限提醒：${f.caseNumber} ${when}（${f.dueOn}）`,
    body: `${subject}的答复期限为 ${f.dueOn}，${when}。需要延长答复期限的，须经政府信息公开工作机构负责人同意并在期限届满前告知申请人（第三十三条第二款）。`,
  };
}

export interface DigestCase {
  readonly caseNumber: string;
  readonly dueOn: IsoDate;
  readonly remainingWorkingDays: number;
  readonly handlerName: string | null;
}

export interface DigestFacts {
  readonly agencyName: string;
  readonly overdue: readonly DigestCase[];
  /** Due within 5 working days, not paused. */
  readonly dueSoon: readonly DigestCase[];
  readonly paused: number;
  readonly open: number;
}

/** The agency's morning digest; null when nothing is due soon or overdue (no empty digests). */
export function agencyDigest(f: DigestFacts, today: IsoDate): Message | null {
  if (f.overdue.length === 0 && f.dueSoon.length === 0) return null;
  const line = (c: DigestCase) =>
    `  ${c.caseNumber}  期限 ${c.dueOn}（${c.remainingWorkingDays < 0 ? `逾期 ${-c.remainingWorkingDays} 个工作日` : c.remainingWorkingDays === 0 ? '今天到期' : `剩 ${c.remainingWorkingDays} 个工作日`}）  承办人：${c.handlerName ?? '未分办'}`;
  const parts = [
    `${f.agencyName} ${today} 办理情况：在办 ${f.open} 件，其中暂停计时 ${f.paused} 件。`,
    ...(f.overdue.length ? [`逾期未办 ${f.overdue.length} 件：`, ...f.overdue.map(line)] : []),
    ...(f.dueSoon.length ? [`5 个工作日内到期 ${f.dueSoon.length} 件：`, ...f.dueSoon.map(line)] : []),
  ];
  return {
    title: `每日提醒：${f.agencyName} 逾期未办 ${f.overdue.length} 件，即将到期 ${f.dueSoon.length} 件`,
    body: parts.join('\n'),
  };
}
