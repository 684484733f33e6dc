/** Pure date helpers (no Nest): legal dates are calendar dates `YYYY-MM-DD`. */

/** A calendar date `YYYY-MM-DD` (legal dates are dates, not instants). */
export type IsoDate = string;

/** The calendar date of an instant in a time zone (Asia/Shanghai for legal dates). */
export function dateInTimeZone(instant: Date, timeZone: string): IsoDate {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}
