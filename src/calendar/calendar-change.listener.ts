import type { EntityManager } from 'typeorm';
import type { IsoDate } from '../common/clock/clock.js';
import type { WorkingDayCalendar } from './working-day-calendar.js';

/** One open case whose due date would move (dry run) or has moved (after the change). */
export interface CalendarImpactRow {
  caseId: string;
  /** The case's number as clerks know it. */
  caseNumber: string;
  agencyId: string;
  /** Which deadline: 答复期限, 补正告知期限, … */
  deadline: string;
  dueDateBefore: IsoDate;
  dueDateAfter: IsoDate;
  provisionalAfter: boolean;
}

export interface CalendarChangeContext {
  /** What changed: a year's national schedule, or one agency's local days. */
  readonly change: 'year' | 'local_days';
  readonly year: number | null;
  readonly agencyId: string | null;
  /**
   * The calendar an agency's cases use, built on the given national calendar (before or after) with
   * that agency's local days. The national calendars handed to the listener carry no local days.
   */
  calendarFor(national: WorkingDayCalendar, agencyId: string): Promise<WorkingDayCalendar>;
}

/**
 * The hook through which the cases module learns of calendar changes. Nothing implements it yet: the
 * cases module registers a provider for this class, and CalendarModule injects it with @Optional().
 *
 * - `preview` answers a dry run: which open cases' due dates would move. It must not write.
 * - `applied` runs inside the transaction that changes the calendar (same EntityManager), after the
 *   change is written, so that stored due dates are recomputed atomically with it; throwing rolls the
 *   change back.
 */
export abstract class CalendarChangeListener {
  abstract preview(
    before: WorkingDayCalendar,
    after: WorkingDayCalendar,
    context: CalendarChangeContext,
  ): Promise<CalendarImpactRow[]>;

  abstract applied(
    manager: EntityManager,
    after: WorkingDayCalendar,
    context: CalendarChangeContext,
  ): Promise<void>;
}
