/**
 * How the console writes dates and numbers for people (pure; the view helpers use it). Legal dates
 * are written 2026年11月27日 (GB/T 9704 style, no leading zeros); instants in the business time zone.
 */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

export function chineseDate(value: unknown): string {
  if (typeof value !== 'string') return '—';
  const m = ISO_DATE.exec(value.slice(0, 10));
  if (!m) return value;
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
}

/** 2026年11月27日（星期五） */
export function chineseDateWithWeekday(value: unknown): string {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return chineseDate(value);
  const day = new Date(`${value}T00:00:00Z`).getUTCDay();
  return `${chineseDate(value)}（星期${WEEKDAYS[day]}）`;
}

/** An instant (ISO 8601) as 2026年11月27日 10:05 in the given time zone. */
export function chineseDateTime(value: unknown, timeZone: string): string {
  if (typeof value !== 'string' && !(value instanceof Date)) return '—';
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) return String(value);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return `${chineseDate(`${parts.year}-${parts.month}-${parts.day}`)} ${parts.hour}:${parts.minute}`;
}

/** Every YYYY-MM-DD inside a sentence written as 2026年11月27日. */
export function humanDates(text: string): string {
  return text.replace(/\b(\d{4})-(\d{2})-(\d{2})\b/g, (iso) => chineseDate(iso));
}

/**
 * Remaining working days as a person reads them. An overdue case shows 0 on the weekend after its due
 * Friday (no working day between): that is a passed deadline, not one due today.
 */
export function remainingText(remaining: unknown, dueFlag?: string): string {
  if (typeof remaining !== 'number') return '—';
  if (dueFlag === 'overdue' && remaining >= 0) return '已过答复期限';
  if (remaining > 0) return `剩 ${remaining} 个工作日`;
  if (remaining === 0) return '今天到期';
  return `已超期 ${-remaining} 个工作日`;
}

export const DUE_FLAG_LABELS: Record<string, string> = {
  overdue: '已超期',
  due_soon: '即将到期',
  paused: '期限暂停',
  awaiting_correction: '等待补正',
  on_track: '正常',
  closed: '已办结',
};
