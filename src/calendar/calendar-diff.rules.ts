import type { IsoDate } from '../common/clock/clock.js';
import { dayNumberOf, formatDayNumber } from './iso-date.js';
import type { DayInfo, DayKind, WorkingDayCalendar } from './working-day-calendar.js';

export interface DayState {
  working: boolean;
  kind: DayKind;
  name: string | null;
}

export interface DayChange {
  date: IsoDate;
  weekday: string;
  before: DayState;
  after: DayState;
}

const stateOf = (info: DayInfo): DayState => ({
  working: info.working,
  kind: info.kind,
  name: info.name ?? null,
});

/**
 * The days of `year` (and of the previous December, which a notice may arrange) whose kind, name or
 * working status differs between two calendars: what loading or replacing a year changes. Pure.
 */
export function diffYear(before: WorkingDayCalendar, after: WorkingDayCalendar, year: number): DayChange[] {
  const changes: DayChange[] = [];
  for (let d = dayNumberOf(year - 1, 12, 1); d <= dayNumberOf(year, 12, 31); d++) {
    const date = formatDayNumber(d);
    const a = before.dayInfo(date);
    const b = after.dayInfo(date);
    if (a.working !== b.working || a.kind !== b.kind || (a.name ?? null) !== (b.name ?? null)) {
      changes.push({ date, weekday: b.weekday, before: stateOf(a), after: stateOf(b) });
    }
  }
  return changes;
}
