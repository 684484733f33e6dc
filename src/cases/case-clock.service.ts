import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { CalendarService } from '../calendar/calendar.service.js';
import type { WorkingDayCalendar } from '../calendar/working-day-calendar.js';
import { Clock } from '../common/clock/clock.js';
import type { IsoDate } from '../common/clock/dates.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { CaseEvent } from './case-event.entity.js';
import { clockEventsOf } from './case-history.rules.js';
import { computeClock, type ClockResult } from './clock.rules.js';
import type { DisclosureCase } from './disclosure-case.entity.js';

/** Computes a case's clock from its stored events, the agency's calendar and today. */
@Injectable()
export class CaseClockService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly calendars: CalendarService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  today(): IsoDate {
    return this.clock.today();
  }

  now(): Date {
    return this.clock.now();
  }

  get timeZone(): string {
    return this.config.businessTimeZone;
  }

  calendarFor(agencyId: string): Promise<WorkingDayCalendar> {
    return this.calendars.forAgency(agencyId);
  }

  async eventsOf(manager: EntityManager, caseId: string): Promise<CaseEvent[]> {
    return manager.find(CaseEvent, { where: { caseId }, order: { seq: 'ASC' } });
  }

  manager(): EntityManager {
    return this.dataSource.manager;
  }

  async compute(
    c: Pick<DisclosureCase, 'agencyId'>,
    events: readonly Pick<CaseEvent, 'seq' | 'action' | 'data'>[],
    today: IsoDate = this.clock.today(),
  ): Promise<ClockResult> {
    return this.computeWith(await this.calendars.forAgency(c.agencyId), events, today);
  }

  /** With a given calendar (e.g. the one a calendar change is about to install). */
  computeWith(
    calendar: WorkingDayCalendar,
    events: readonly Pick<CaseEvent, 'seq' | 'action' | 'data'>[],
    today: IsoDate = this.clock.today(),
  ): ClockResult {
    return computeClock(clockEventsOf(events), calendar, today, {
      feePausesClock: this.config.feePausesClock,
    });
  }

  /** Copies the clock into the case's query columns (kept in step with its events). */
  static project(c: DisclosureCase, clock: ClockResult): void {
    c.clockStartedOn = clock.clockStartedOn ?? c.receivedOn;
    c.clockState = clock.state;
    c.dueOn = clock.dueOn;
    c.originalDueOn = clock.originalDueOn;
    c.correctionNoticeDueOn = clock.correctionNoticeDueOn ?? c.correctionNoticeDueOn;
    c.correctionPeriodEndsOn = clock.correctionPeriodEndsOn;
    c.excludedWorkingDays = clock.excludedWorkingDays;
    c.clockProvisional = clock.provisional;
    c.closedLate = clock.closedLate;
  }
}
