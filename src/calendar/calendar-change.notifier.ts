import { Injectable, Optional } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { EntityManager } from 'typeorm';
import {
  CalendarChangeListener,
  type CalendarChangeContext,
  type CalendarImpactRow,
} from './calendar-change.listener.js';
import type { WorkingDayCalendar } from './working-day-calendar.js';

/**
 * Finds the CalendarChangeListener wherever it is provided. The cases module cannot be imported here
 * (it imports CalendarModule), so the listener is looked up in the whole application (`strict: false`)
 * rather than only among CalendarModule's own providers: any module may provide it, global or not.
 * An app without one (now, and in tests that do not need it) previews no impact and notifies nobody.
 */
@Injectable()
export class CalendarChangeNotifier {
  private resolved?: CalendarChangeListener | null;

  constructor(
    private readonly moduleRef: ModuleRef,
    @Optional() private readonly injected?: CalendarChangeListener,
  ) {}

  preview(
    before: WorkingDayCalendar,
    after: WorkingDayCalendar,
    context: CalendarChangeContext,
  ): Promise<CalendarImpactRow[]> {
    return this.listener()?.preview(before, after, context) ?? Promise.resolve([]);
  }

  async applied(
    manager: EntityManager,
    after: WorkingDayCalendar,
    context: CalendarChangeContext,
  ): Promise<void> {
    await this.listener()?.applied(manager, after, context);
  }

  private listener(): CalendarChangeListener | null {
    if (this.resolved !== undefined) return this.resolved;
    if (this.injected) return (this.resolved = this.injected);
    try {
      this.resolved = this.moduleRef.get(CalendarChangeListener, { strict: false });
    } catch (error) {
      // Nest throws UnknownElementException (not exported from the package root) when none is provided.
      if ((error as object).constructor?.name !== 'UnknownElementException') throw error;
      this.resolved = null;
    }
    return this.resolved;
  }
}
