import { CALENDAR_MAX_YEAR, CALENDAR_MIN_YEAR } from '../calendar/working-day-calendar.js';
import type { IsoDate } from '../common/clock/clock.js';
import { DomainError, type FieldError } from '../common/errors/domain-error.js';

/** First and last day of a report year. Legal dates are `YYYY-MM-DD`, so they compare as strings. */
export interface DateRange {
  readonly from: IsoDate;
  readonly to: IsoDate;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written `YYYY-MM-DD` (2026-02-30 is not). */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** The calendar year a report covers: 1 January to 31 December (条例 Art. 49: "上一年度"). */
export function reportYearRange(year: number): DateRange {
  if (!Number.isInteger(year) || year < 2000 || year > 9999) {
    throw DomainError.validation([{ field: 'year', message: '年度必须是 2000 年以后的四位数年份' }]);
  }
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/**
 * The longest statistics period (dashboard, at-risk list, case exports): long enough for a decade's
 * trend, short enough that a typo (to=9999-12-31) cannot make the server build a page of 100,000 months.
 */
export const MAX_PERIOD_YEARS = 10;
/** Statistics periods stay within the years the working-day calendar can compute. */
export const FIRST_PERIOD_DAY: IsoDate = `${CALENDAR_MIN_YEAR}-01-01`;
export const LAST_PERIOD_DAY: IsoDate = `${CALENDAR_MAX_YEAR}-12-31`;

/**
 * What is wrong with a period given by a user, field by field: both ends real dates within
 * 1949–2100, `from` not after `to`, at most MAX_PERIOD_YEARS years. Absent ends are not checked
 * (the DTO says whether they are required).
 */
export function periodProblems(period: { from?: unknown; to?: unknown }): FieldError[] {
  const errors: FieldError[] = [];
  const ends = (['from', 'to'] as const).filter((field) => period[field] !== undefined);
  for (const field of ends) {
    const value = period[field];
    if (!isIsoDate(value)) errors.push({ field, message: '应为 YYYY-MM-DD 格式的日期' });
    else if (value < FIRST_PERIOD_DAY || value > LAST_PERIOD_DAY)
      errors.push({ field, message: `日期须在 ${CALENDAR_MIN_YEAR}—${CALENDAR_MAX_YEAR} 年之间` });
  }
  const { from, to } = period;
  if (errors.length === 0 && isIsoDate(from) && isIsoDate(to)) {
    if (from > to) errors.push({ field: 'to', message: '结束日期不能早于开始日期' });
    else if (to >= `${Number(from.slice(0, 4)) + MAX_PERIOD_YEARS}${from.slice(4)}`)
      errors.push({ field: 'to', message: `统计期间不能超过 ${MAX_PERIOD_YEARS} 年` });
  }
  return errors;
}

/** Checks a period given by a user (see periodProblems); refuses it with the fields' messages. */
export function checkPeriod(period: DateRange): DateRange {
  const errors = periodProblems({ from: period.from ?? '', to: period.to ?? '' });
  if (errors.length > 0) throw DomainError.validation(errors);
  return period;
}

/**
 * The report years one can ask for today: from 2019, the first year under the 2019 条例 (in force
 * 2019-05-15; its Art. 49–50 reports), to this year (figures so far). A later year has nothing to count.
 */
export const FIRST_REPORT_YEAR = 2019;

export function checkReportYear(year: number, today: IsoDate): void {
  const thisYear = Number(today.slice(0, 4));
  if (!Number.isInteger(year) || year < FIRST_REPORT_YEAR || year > thisYear) {
    throw DomainError.validation(
      [{ field: 'year', message: reportYearMessage(thisYear) }],
      reportYearMessage(thisYear),
    );
  }
}

export function reportYearMessage(thisYear: number): string {
  return `年度须在 ${FIRST_REPORT_YEAR} 年（条例修订施行后的第一个年度）至 ${thisYear} 年之间`;
}

/** `YYYY-MM` of every month a period touches, in order. */
export function monthsOf(period: DateRange): string[] {
  const months: string[] = [];
  let y = Number(period.from.slice(0, 4));
  let m = Number(period.from.slice(5, 7));
  const last = period.to.slice(0, 7);
  for (;;) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    months.push(month);
    if (month >= last) return months;
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
}
