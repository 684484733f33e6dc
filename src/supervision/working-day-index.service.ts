import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CalendarService } from '../calendar/calendar.service.js';
import type { WorkingDayCalendar } from '../calendar/working-day-calendar.js';
import type { IsoDate } from '../common/clock/clock.js';
import { buildWorkingDayIndex, INDEX_FIRST_DAY, type WorkingDayIndex } from './working-day-index.js';

/** Years indexed past today (Art. 35 periods and extensions reach months ahead, not years). */
const YEARS_AHEAD = 5;

/**
 * The working-day index as SQL parameters: one int[] holding the national index and, after it, one
 * index per agency that has local days off (放假办法 Art. 4), and the agencies' variant numbers. A
 * query reads `ordinal(date)` with `sql(dateExpr, agencyExpr)`; the working days in (a, b] are
 * `ordinal(b) − ordinal(a)`, exactly the calendar's `workingDaysBetween(a, b)`.
 */
export class WorkingDayIndexParams {
  constructor(
    /** Flattened: variant v's ordinal of day i is at v × length + i (0-based). */
    readonly ordinals: readonly number[],
    readonly length: number,
    readonly variantAgencies: readonly string[],
    readonly variantNumbers: readonly number[],
  ) {}

  get hasVariants(): boolean {
    return this.variantAgencies.length > 0;
  }

  /**
   * SQL for ordinal(date). `ordinals` is the placeholder of the int[] parameter, `variant` the SQL of
   * the row's variant number (see variantJoin), null when no agency has local days.
   */
  sql(ordinals: string, dateExpr: string, variant: string | null): string {
    const offset = `(${dateExpr} - DATE '${INDEX_FIRST_DAY}')`;
    return variant === null || !this.hasVariants
      ? `(${ordinals}::int[])[${offset} + 1]`
      : `(${ordinals}::int[])[COALESCE(${variant}, 0) * ${this.length} + ${offset} + 1]`;
  }

  /** LEFT JOIN giving `alias.variant` for the agencies with local days ('' when there are none). */
  variantJoin(agencies: string, variants: string, agencyExpr: string, alias: string): string {
    if (!this.hasVariants) return '';
    return `LEFT JOIN unnest(${agencies}::uuid[], ${variants}::int[]) AS ${alias}(agency_id, variant) ON ${alias}.agency_id = ${agencyExpr}`;
  }
}

@Injectable()
export class WorkingDayIndexService {
  private readonly cache = new WeakMap<WorkingDayCalendar, Map<number, WorkingDayIndex>>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly calendars: CalendarService,
  ) {}

  /** The index of one calendar (cached per calendar instance: a calendar change builds a new one). */
  async indexFor(agencyId: string | null, today: IsoDate): Promise<WorkingDayIndex> {
    return this.indexOf(await this.calendars.forAgency(agencyId), Number(today.slice(0, 4)) + YEARS_AHEAD);
  }

  /** National index plus the variants of agencies with local days (among `agencyIds`, or all). */
  async params(today: IsoDate, agencyIds: readonly string[] | 'all' = 'all'): Promise<WorkingDayIndexParams> {
    const lastYear = Number(today.slice(0, 4)) + YEARS_AHEAD;
    const national = this.indexOf(await this.calendars.forAgency(null), lastYear);
    const rows = (await this.dataSource.query(
      `SELECT DISTINCT agency_id FROM calendar_local_day ORDER BY agency_id`,
    )) as Array<{ agency_id: string }>;
    const local = rows.map((r) => r.agency_id).filter((id) => agencyIds === 'all' || agencyIds.includes(id));
    const ordinals: number[] = [...national.ordinals];
    for (const id of local)
      ordinals.push(...this.indexOf(await this.calendars.forAgency(id), lastYear).ordinals);
    return new WorkingDayIndexParams(
      ordinals,
      national.length,
      local,
      local.map((_, i) => i + 1),
    );
  }

  private indexOf(calendar: WorkingDayCalendar, lastYear: number): WorkingDayIndex {
    let byYear = this.cache.get(calendar);
    if (byYear === undefined) this.cache.set(calendar, (byYear = new Map()));
    let index = byYear.get(lastYear);
    if (index === undefined) {
      index = buildWorkingDayIndex((d) => calendar.isWorkingDay(d), lastYear);
      byYear.set(lastYear, index);
    }
    return index;
  }
}
