import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { Agency } from '../agencies/agency.entity.js';
import { Clock } from '../common/clock/clock.js';
import { DomainError } from '../common/errors/domain-error.js';
import { CalendarChange } from './calendar-change.entity.js';
import { calendarRevision, loadLocalDays, loadYears } from './calendar-store.js';
import { CalendarYear } from './calendar-year.entity.js';
import { loadedByOf, toChangeDto, toDayDtos, toSourceDto } from './calendar.mappers.js';
import type {
  AddCalendarDaysQueryDto,
  AddMonthsQueryDto,
  AddWorkingDaysQueryDto,
  BetweenQueryDto,
} from './dto/calendar-query.dto.js';
import type {
  CalendarYearDetailDto,
  CalendarYearListDto,
  CalendarYearSummaryDto,
} from './dto/calendar-year.dto.js';
import type { BetweenResultDto, DayInfoDto, PeriodResultDto } from './dto/period-result.dto.js';
import { parseIsoDate } from './iso-date.js';
import { statutoryHolidays, ruleSetFor } from './statutory-holidays.rules.js';
import { WorkingDayCalendar, type PeriodResult } from './working-day-calendar.js';

/**
 * How long an instance trusts its cached calendar before asking the database whether it changed (one
 * tiny query). Changes made through this instance invalidate at once; another instance sees them
 * within this time. Cases call forAgency() on every clock computation: within the window that costs
 * no query at all.
 */
export const CALENDAR_REVALIDATE_MS = 5_000;

/** Longest interval `between` explains (its explanation lists every day). */
const MAX_BETWEEN_DAYS = 3660;

interface CacheState {
  revision: string;
  national: WorkingDayCalendar;
  agencies: Map<string, Promise<WorkingDayCalendar>>;
  checkedAt: number;
}

/**
 * The working-day calendar for the rest of the system (forAgency) and the calendar's read use cases.
 */
@Injectable()
export class CalendarService {
  private cache?: CacheState;
  private loading?: Promise<CacheState>;
  private generation = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /**
   * The national calendar (agencyId null) or an agency's: national plus its local days (放假办法
   * Art. 4). Cached; rebuilt when a year or a local day changes. Throws NOT_FOUND for an unknown agency.
   */
  async forAgency(agencyId: string | null): Promise<WorkingDayCalendar> {
    const state = await this.current();
    if (agencyId === null) return state.national;
    let calendar = state.agencies.get(agencyId);
    if (!calendar) {
      calendar = this.buildAgencyCalendar(this.dataSource.manager, state.national, agencyId);
      state.agencies.set(agencyId, calendar);
      calendar.catch(() => state.agencies.delete(agencyId));
    }
    return calendar;
  }

  /** Drops the cache: the next forAgency() reloads. Called after every change this instance makes. */
  invalidate(): void {
    this.generation++;
    this.cache = undefined;
    this.loading = undefined;
  }

  /** An agency's calendar on a given national calendar, read through `manager` (e.g. inside a transaction). */
  async buildAgencyCalendar(
    manager: EntityManager,
    national: WorkingDayCalendar,
    agencyId: string,
  ): Promise<WorkingDayCalendar> {
    if (!(await manager.existsBy(Agency, { id: agencyId }))) throw DomainError.notFound('机关');
    return national.withOverlays(await loadLocalDays(manager, agencyId));
  }

  async listYears(): Promise<CalendarYearListDto> {
    const rows = await this.dataSource.manager.find(CalendarYear, { order: { year: 'ASC' } });
    const national = await this.forAgency(null);
    const data = new Map(national.loadedYears().map((y) => [y.year, y]));
    const items: CalendarYearSummaryDto[] = rows.map((row) => {
      const year = data.get(row.year);
      return {
        year: row.year,
        status: row.status,
        origin: row.origin,
        sourceFormat: row.sourceFormat,
        sources: (year?.sources ?? []).map(toSourceDto),
        holidayCount: year?.days.filter((d) => d.kind === 'holiday').length ?? 0,
        makeupWorkdayCount: year?.days.filter((d) => d.kind === 'makeup_workday').length ?? 0,
        loadedAt: row.loadedAt.toISOString(),
        loadedBy: loadedByOf(row),
        contentHash: row.contentHash,
      };
    });
    const today = this.clock.today();
    const thisYear = Number(today.slice(0, 4));
    const published = rows.filter((r) => r.status === 'published').map((r) => r.year);
    return {
      items,
      lastPublishedYear: published.length > 0 ? Math.max(...published) : null,
      today,
      unpublishedUpcomingYears: [thisYear, thisYear + 1].filter((y) => !published.includes(y)),
    };
  }

  async getYear(year: number): Promise<CalendarYearDetailDto> {
    const manager = this.dataSource.manager;
    const [row, changes, national] = await Promise.all([
      manager.findOneBy(CalendarYear, { year }),
      manager.find(CalendarChange, { where: { year }, order: { id: 'DESC' }, take: 50 }),
      this.forAgency(null),
    ]);
    const history = changes.map(toChangeDto);
    const data = national.loadedYears().find((y) => y.year === year);
    if (!row || !data) {
      const rules = ruleSetFor(year);
      return {
        year,
        status: 'not_published',
        sources: [],
        days: [],
        statutoryFallback: rules && {
          title: rules.title,
          days: statutoryHolidays(year).days.map((d) => national.dayInfo(d.date)),
        },
        history,
      };
    }
    return {
      year,
      status: row.status,
      origin: row.origin,
      sourceFormat: row.sourceFormat,
      sources: data.sources.map(toSourceDto),
      days: toDayDtos(data),
      loadedAt: row.loadedAt.toISOString(),
      loadedBy: loadedByOf(row),
      contentHash: row.contentHash,
      history,
    };
  }

  async addWorkingDays(query: AddWorkingDaysQueryDto): Promise<PeriodResultDto> {
    const calendar = await this.forAgency(query.agencyId ?? null);
    return periodDto(calendar.addWorkingDays(query.from, query.days), query.agencyId);
  }

  async workingDaysBetween(query: BetweenQueryDto): Promise<BetweenResultDto> {
    if (Math.abs(parseIsoDate(query.to) - parseIsoDate(query.from)) > MAX_BETWEEN_DAYS) {
      throw DomainError.validation([{ field: 'to', message: `与 from 相隔不能超过 ${MAX_BETWEEN_DAYS} 天` }]);
    }
    const calendar = await this.forAgency(query.agencyId ?? null);
    const result = calendar.workingDaysBetween(query.from, query.to).toJSON();
    return query.agencyId ? { ...result, agencyId: query.agencyId } : result;
  }

  async addCalendarDays(query: AddCalendarDaysQueryDto): Promise<PeriodResultDto> {
    const calendar = await this.forAgency(query.agencyId ?? null);
    return periodDto(calendar.addCalendarDays(query.from, query.days), query.agencyId);
  }

  async addMonths(query: AddMonthsQueryDto): Promise<PeriodResultDto> {
    const calendar = await this.forAgency(query.agencyId ?? null);
    return periodDto(calendar.addMonths(query.from, query.months), query.agencyId);
  }

  async dayInfo(date: string, agencyId?: string): Promise<DayInfoDto> {
    const calendar = await this.forAgency(agencyId ?? null);
    return calendar.dayInfo(date);
  }

  private current(): Promise<CacheState> {
    const now = this.clock.now().getTime();
    const cache = this.cache;
    if (cache && now - cache.checkedAt < CALENDAR_REVALIDATE_MS) return Promise.resolve(cache);
    if (!this.loading) {
      const loading = this.refresh(cache, now).finally(() => {
        if (this.loading === loading) this.loading = undefined;
      });
      this.loading = loading;
    }
    // Stale while revalidating: with a cache at hand, answer from it and let the check run in the
    // background. Callers are often inside a transaction holding locks (issuing a letter holds the
    // 文号 counter); waiting for another pool connection there could stall the pool. A change made by
    // another instance is seen a request later; this instance's own changes invalidate() at once.
    if (cache) {
      this.loading.catch(() => undefined);
      return Promise.resolve(cache);
    }
    return this.loading;
  }

  private async refresh(previous: CacheState | undefined, now: number): Promise<CacheState> {
    const generation = this.generation;
    const manager = this.dataSource.manager;
    // The revision is read before the data: the cached data is never older than its revision.
    const revision = await calendarRevision(manager);
    let next: CacheState;
    if (previous && previous.revision === revision) {
      previous.checkedAt = now;
      next = previous;
    } else {
      const national = WorkingDayCalendar.fromYears(await loadYears(manager));
      next = { revision, national, agencies: new Map(), checkedAt: now };
    }
    if (generation === this.generation) this.cache = next;
    return next;
  }
}

function periodDto(result: PeriodResult, agencyId: string | undefined): PeriodResultDto {
  const json = result.toJSON();
  return agencyId ? { ...json, agencyId } : json;
}
