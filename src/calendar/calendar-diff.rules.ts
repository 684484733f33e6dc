import type { IsoDate } from '../common/clock/clock.js';
import { DomainError } from '../common/errors/domain-error.js';
import { dayNumberOf, formatDayNumber, weekdayName } from './iso-date.js';
import type { DayInfo, DayKind, WorkingDayCalendar } from './working-day-calendar.js';

export interface DayState {
  working: boolean;
  kind: DayKind;
  name: string | null;
}

export interface DayChange {
  date: IsoDate;
  weekday: string;
  /** null: the calendar had no data for that day (a year before 2000 that was not loaded). */
  before: DayState | null;
  after: DayState | null;
}

function stateOf(calendar: WorkingDayCalendar, date: IsoDate): DayState | null {
  let info: DayInfo;
  try {
    info = calendar.dayInfo(date);
  } catch (error) {
    if (error instanceof DomainError && error.code === 'CALENDAR_YEAR_UNAVAILABLE') return null;
    throw error;
  }
  return { working: info.working, kind: info.kind, name: info.name ?? null };
}

const same = (a: DayState | null, b: DayState | null) =>
  a === null || b === null ? a === b : a.working === b.working && a.kind === b.kind && a.name === b.name;

/**
 * The days of `year` (and of the previous December, which a notice may arrange) whose kind, name or
 * working status differs between two calendars: what loading or replacing a year changes. Pure.
 */
export function diffYear(before: WorkingDayCalendar, after: WorkingDayCalendar, year: number): DayChange[] {
  const changes: DayChange[] = [];
  for (let d = dayNumberOf(year - 1, 12, 1); d <= dayNumberOf(year, 12, 31); d++) {
    const date = formatDayNumber(d);
    const a = stateOf(before, date);
    const b = stateOf(after, date);
    if (!same(a, b)) changes.push({ date, weekday: weekdayName(d), before: a, after: b });
  }
  return changes;
}
