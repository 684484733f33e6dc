import type { IsoDate } from '../common/clock/clock.js';

/**
 * Calendar dates as day numbers (days since 1970-01-01) for fast arithmetic, and back. Pure: no
 * time zone is involved, a legal date is a date. Algorithms: H. Hinnant, "chrono-compatible
 * low-level date algorithms" (days_from_civil / civil_from_days).
 */

export const WEEKDAY_NAMES = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'] as const;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Day number of a civil date (month 1–12). Valid for years ≥ 0. */
export function dayNumberOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** `[year, month, day]` of a day number. */
export function civilOf(dayNumber: number): [number, number, number] {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

/** Day number of a strict `YYYY-MM-DD` date, or NaN if malformed or impossible (2026-02-30). */
export function parseIsoDate(value: string): number {
  if (typeof value !== 'string' || value.length !== 10) return Number.NaN;
  const match = ISO_DATE.exec(value);
  if (!match) return Number.NaN;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return Number.NaN;
  return dayNumberOf(year, month, day);
}

export function isIsoDate(value: unknown): value is IsoDate {
  return typeof value === 'string' && !Number.isNaN(parseIsoDate(value));
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

export function formatDayNumber(dayNumber: number): IsoDate {
  const [y, m, d] = civilOf(dayNumber);
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

export function isWeekend(dayNumber: number): boolean {
  const w = weekdayOf(dayNumber);
  return w === 0 || w === 6;
}

export function yearOf(dayNumber: number): number {
  return civilOf(dayNumber)[0];
}

export function weekdayName(dayNumber: number): string {
  return WEEKDAY_NAMES[weekdayOf(dayNumber)];
}

/**
 * The date `months` months after `dayNumber`: the same day of the target month, or that month's last
 * day if it has no such day (民法典 Art. 202: "到期月的对应日为期间的最后一日；没有对应日的，月末日为期间的最后一日").
 */
export function addMonthsToDayNumber(
  dayNumber: number,
  months: number,
): { dayNumber: number; clamped: boolean } {
  const [y, m, d] = civilOf(dayNumber);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = daysInMonth(year, month);
  return { dayNumber: dayNumberOf(year, month, Math.min(d, last)), clamped: d > last };
}

/** `2026-02-14（周六）` — how dates are shown in explanations. */
export function dateWithWeekday(dayNumber: number): string {
  return `${formatDayNumber(dayNumber)}（${weekdayName(dayNumber)}）`;
}
