/**
 * Working days between two dates as a subtraction, so that a database can count them for a million
 * cases in one scan: ordinal(d) is the number of working days from the index's first day up to and
 * including d, and the working days in (a, b] are ordinal(b) − ordinal(a) — the calendar's own
 * `workingDaysBetween(a, b)` (W2: the start day is not counted). Built from the very calendar the
 * cases use (published years, statutory fallback for unpublished ones, an agency's local days), so
 * the figures agree with the clock to the day. Pure: the calendar comes in as a function.
 */
import { formatDayNumber, parseIsoDate } from '../calendar/iso-date.js';
import type { IsoDate } from '../common/clock/clock.js';

/** Days before this are not indexed (the 2019 条例 came into force in 2019; 2000 leaves room). */
export const INDEX_FIRST_DAY: IsoDate = '2000-01-01';

export interface WorkingDayIndex {
  readonly firstDay: IsoDate;
  /** Number of days indexed. */
  readonly length: number;
  /** ordinals[i]: working days in [firstDay, firstDay + i]. */
  readonly ordinals: readonly number[];
}

/** Indexes every day from INDEX_FIRST_DAY to the end of `lastYear`. */
export function buildWorkingDayIndex(
  isWorkingDay: (date: IsoDate) => boolean,
  lastYear: number,
): WorkingDayIndex {
  const first = parseIsoDate(INDEX_FIRST_DAY);
  const last = parseIsoDate(`${lastYear}-12-31`);
  const ordinals = new Array<number>(last - first + 1);
  let n = 0;
  for (let d = first; d <= last; d++) {
    if (isWorkingDay(formatDayNumber(d))) n++;
    ordinals[d - first] = n;
  }
  return { firstDay: INDEX_FIRST_DAY, length: ordinals.length, ordinals };
}

/** ordinal(date), or null outside the index. */
export function ordinalOf(index: WorkingDayIndex, date: IsoDate): number | null {
  const i = parseIsoDate(date) - parseIsoDate(index.firstDay);
  return i >= 0 && i < index.length ? index.ordinals[i] : null;
}

/** Working days in (a, b]; null when a date lies outside the index. */
export function workingDaysBetween(index: WorkingDayIndex, a: IsoDate, b: IsoDate): number | null {
  const oa = ordinalOf(index, a);
  const ob = ordinalOf(index, b);
  return oa === null || ob === null ? null : ob - oa;
}
