/** Pure date helpers (no Nest): legal dates are calendar dates `YYYY-MM-DD`. */

/** A calendar date `YYYY-MM-DD` (legal dates are dates, not instants). */
export type IsoDate = string;

// Building an Intl.DateTimeFormat costs about 0.1 ms, and "today" is asked several times per
// request: one formatter per time zone (a handful at most) is kept.
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar date of an instant in a time zone (Asia/Shanghai for legal dates). */
export function dateInTimeZone(instant: Date, timeZone: string): IsoDate {
  let format = formatters.get(timeZone);
  if (!format) {
    // en-CA formats as YYYY-MM-DD.
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formatters.set(timeZone, format);
  }
  return format.format(instant);
}
