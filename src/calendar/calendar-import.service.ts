import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../common/clock/clock.js';
import { DomainError } from '../common/errors/domain-error.js';
import type { CalendarYearData } from './calendar-data.js';
import type { CalendarChangeContext } from './calendar-change.listener.js';
import { CalendarChangeNotifier } from './calendar-change.notifier.js';
import { diffYear } from './calendar-diff.rules.js';
import { contentHashOf, parseCalendarYear, type ImportFormat } from './calendar-import.rules.js';
import { loadYears, logChange, saveYear, type CalendarActor } from './calendar-store.js';
import { CalendarYear } from './calendar-year.entity.js';
import { toSourceDto } from './calendar.mappers.js';
import { CalendarService } from './calendar.service.js';
import type { CalendarImportResultDto } from './dto/calendar-import.dto.js';
import { WorkingDayCalendar } from './working-day-calendar.js';

// pg_advisory_xact_lock(namespace, year): two imports of one year run one after the other.
const IMPORT_LOCK_NAMESPACE = 7_302_026;

interface Plan {
  format: ImportFormat;
  data: CalendarYearData;
  warnings: string[];
  existing: CalendarYear | null;
  before: WorkingDayCalendar;
  after: WorkingDayCalendar;
  hash: string;
}

/**
 * Loading a year's schedule (admin only): validate (every error listed), show what would change (days
 * and, through the cases module's listener, due dates), then apply it in one transaction and record
 * who did it. Replacing a year, even a published one, is allowed and logged.
 */
@Injectable()
export class CalendarImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly calendars: CalendarService,
    private readonly notifier: CalendarChangeNotifier,
  ) {}

  async importYear(
    year: number,
    body: unknown,
    options: { dryRun: boolean; actor: CalendarActor },
  ): Promise<CalendarImportResultDto> {
    const parsed = parseCalendarYear(body, year);
    if (!parsed.ok) {
      throw new DomainError(
        'CALENDAR_IMPORT_INVALID',
        `${year} 年放假安排有 ${parsed.errors.length} 处错误，未作任何更改：` +
          parsed.errors.map((e) => (e.field ? `${e.field}：${e.message}` : e.message)).join('；'),
        { errors: parsed.errors },
      );
    }
    if (options.dryRun) {
      const plan = await this.plan(this.dataSource.manager, parsed);
      const impact = await this.notifier.preview(plan.before, plan.after, this.context(year));
      return this.describe(plan, { dryRun: true, impact });
    }
    const result = await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1, $2)', [IMPORT_LOCK_NAMESPACE, year]);
      const plan = await this.plan(manager, parsed);
      const changes = diffYear(plan.before, plan.after, year);
      await saveYear(manager, plan.data, {
        origin: 'import',
        format: plan.format,
        contentHash: plan.hash,
        actor: options.actor,
        at: this.clock.now(),
      });
      const change = await logChange(manager, {
        action: plan.existing ? 'year_replaced' : 'year_imported',
        year,
        actor: options.actor,
        details: {
          format: plan.format,
          statusBefore: plan.existing?.status ?? 'not_published',
          statusAfter: plan.data.status,
          originBefore: plan.existing?.origin ?? null,
          contentHashBefore: plan.existing?.contentHash ?? null,
          contentHashAfter: plan.hash,
          sources: plan.data.sources,
          warnings: plan.warnings,
          changes,
        },
      });
      await this.notifier.applied(manager, plan.after, this.context(year, manager));
      return this.describe(plan, { dryRun: false, impact: [], changeId: change.id, changes });
    });
    this.calendars.invalidate();
    return result;
  }

  private async plan(
    manager: EntityManager,
    parsed: { format: ImportFormat; data: CalendarYearData; warnings: string[] },
  ): Promise<Plan> {
    const existing = await manager.findOneBy(CalendarYear, { year: parsed.data.year });
    // Fresh from the database, not the cache: the diff must describe what is really stored.
    const before = WorkingDayCalendar.fromYears(await loadYears(manager));
    return {
      ...parsed,
      existing,
      before,
      after: before.withYear(parsed.data),
      hash: contentHashOf(parsed.data),
    };
  }

  private describe(
    plan: Plan,
    extra: {
      dryRun: boolean;
      impact: CalendarImportResultDto['impact'];
      changeId?: string;
      changes?: ReturnType<typeof diffYear>;
    },
  ): CalendarImportResultDto {
    return {
      year: plan.data.year,
      dryRun: extra.dryRun,
      format: plan.format,
      statusBefore: plan.existing?.status ?? 'not_published',
      statusAfter: plan.data.status,
      replaces: plan.existing !== null,
      unchanged: plan.existing?.contentHash === plan.hash,
      sources: plan.data.sources.map(toSourceDto),
      warnings: plan.warnings,
      changes: extra.changes ?? diffYear(plan.before, plan.after, plan.data.year),
      impact: extra.impact,
      contentHash: plan.hash,
      ...(extra.changeId ? { changeId: extra.changeId } : {}),
    };
  }

  private context(year: number, manager: EntityManager = this.dataSource.manager): CalendarChangeContext {
    return {
      change: 'year',
      year,
      agencyId: null,
      calendarFor: (national, agencyId) => this.calendars.buildAgencyCalendar(manager, national, agencyId),
    };
  }
}
