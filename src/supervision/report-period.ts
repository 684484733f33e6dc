import type { IsoDate } from '../common/clock/clock.js';
import { DomainError } from '../common/errors/domain-error.js';

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

/** Checks a period given by a user: both ends real dates, `from` not after `to`. */
export function checkPeriod(period: DateRange): DateRange {
  const errors = [];
  if (!isIsoDate(period.from)) errors.push({ field: 'from', message: '应为 YYYY-MM-DD 格式的日期' });
  if (!isIsoDate(period.to)) errors.push({ field: 'to', message: '应为 YYYY-MM-DD 格式的日期' });
  if (errors.length === 0 && period.from > period.to) {
    errors.push({ field: 'to', message: '结束日期不能早于开始日期' });
  }
  if (errors.length > 0) throw DomainError.validation(errors);
  return period;
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
