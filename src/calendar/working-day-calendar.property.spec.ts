import fc from 'fast-check';
import { seedCalendarYears } from '../../seeds/holiday-calendars.seed-data.js';
import { dayNumberOf, formatDayNumber, parseIsoDate } from './iso-date.js';
import { WorkingDayCalendar } from './working-day-calendar.js';

/**
 * Properties of the arithmetic over 2019–2028 (published years, the 2018/2019 boundary and the
 * unpublished 2027–2028), with and without an agency's local days.
 */
const national = WorkingDayCalendar.fromYears(seedCalendarYears());
const local = national.withOverlays([
  { date: '2026-03-10', name: '本地放假', note: null },
  { date: '2027-03-03', name: '三月三', note: null },
]);

const FIRST = dayNumberOf(2018, 12, 1);
const LAST = dayNumberOf(2028, 6, 30);
const date = fc.integer({ min: FIRST, max: LAST }).map(formatDayNumber);
const count = fc.integer({ min: 1, max: 120 });
const calendarArb = fc.constantFrom(national, local);

/** The obvious day-by-day loop, to check the indexed arithmetic against. */
function naiveAdd(calendar: WorkingDayCalendar, from: string, n: number): string {
  let d = parseIsoDate(from);
  for (let left = n; left > 0;) {
    d++;
    if (calendar.isWorkingDay(formatDayNumber(d))) left--;
  }
  return formatDayNumber(d);
}

describe('working-day arithmetic: properties', () => {
  it('for n ≥ 1 the result is a working day, strictly after the start', () => {
    fc.assert(
      fc.property(calendarArb, date, count, (calendar, from, n) => {
        const result = calendar.addWorkingDays(from, n).date;
        return calendar.isWorkingDay(result) && result > from;
      }),
    );
  });

  it('workingDaysBetween(d, addWorkingDays(d, n)) = n', () => {
    fc.assert(
      fc.property(calendarArb, date, fc.integer({ min: 0, max: 400 }), (calendar, from, n) => {
        return calendar.workingDaysBetween(from, calendar.addWorkingDays(from, n).date).workingDays === n;
      }),
    );
  });

  it('is monotonic in n: one more working day is strictly later', () => {
    fc.assert(
      fc.property(calendarArb, date, count, (calendar, from, n) => {
        return calendar.addWorkingDays(from, n + 1).date > calendar.addWorkingDays(from, n).date;
      }),
    );
  });

  it('is monotonic in the start date: a later start never ends earlier', () => {
    fc.assert(
      fc.property(calendarArb, date, date, count, (calendar, a, b, n) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        return calendar.addWorkingDays(early, n).date <= calendar.addWorkingDays(late, n).date;
      }),
    );
  });

  it('agrees with the naive day-by-day loop, and so does its explanation', () => {
    fc.assert(
      fc.property(calendarArb, date, count, (calendar, from, n) => {
        const result = calendar.addWorkingDays(from, n);
        const counted = result.explanation.filter((s) => s.ordinal !== undefined);
        return (
          result.date === naiveAdd(calendar, from, n) &&
          counted.length === n &&
          counted.at(-1)?.date === result.date &&
          result.explanation.at(-1)?.date === result.date
        );
      }),
    );
  });

  it('between is antisymmetric: (a, b] = −(b, a]', () => {
    fc.assert(
      fc.property(calendarArb, date, date, (calendar, a, b) => {
        return (
          calendar.workingDaysBetween(a, b).workingDays === -calendar.workingDaysBetween(b, a).workingDays
        );
      }),
    );
  });

  it('is provisional exactly when a day after the start falls in 2027 or later (or the unloaded 2018)', () => {
    fc.assert(
      fc.property(date, count, (from, n) => {
        const result = national.addWorkingDays(from, n);
        const touched = result.explanation.filter((s) => s.provisional).length > 0;
        return result.provisional === touched;
      }),
    );
  });

  it('a calendar-day period ends on a working day no earlier than its n-th day (W6)', () => {
    fc.assert(
      fc.property(calendarArb, date, fc.integer({ min: 1, max: 90 }), (calendar, from, n) => {
        const result = calendar.addCalendarDays(from, n).date;
        return calendar.isWorkingDay(result) && parseIsoDate(result) >= parseIsoDate(from) + n;
      }),
    );
  });
});
