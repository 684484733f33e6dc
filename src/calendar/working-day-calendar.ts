import type { IsoDate } from '../common/clock/clock.js';
import { DomainError } from '../common/errors/domain-error.js';
import type { CalendarOverlay, CalendarYearData, CalendarYearStatus } from './calendar-data.js';
import {
  addMonthsToDayNumber,
  dateWithWeekday,
  dayNumberOf,
  formatDayNumber,
  isLeapYear,
  isWeekend,
  parseIsoDate,
  weekdayName,
  yearOf,
} from './iso-date.js';
import { FIRST_RULE_YEAR, statutoryHolidays } from './statutory-holidays.rules.js';

/**
 * The working-day calendar and the statutory period arithmetic (legal-rules §5). Pure: built from
 * plain data, never reads the clock, imports nothing from NestJS or TypeORM.
 *
 * - W2: the day a period starts from is not counted (民诉法 Art. 85 para 2: "期间开始的时和日，不计算在期间内").
 * - W3/W4: Saturdays and Sundays are days off (工时规定 Art. 7) except the make-up working days (调休上班)
 *   of the State Council's notice; the notice's holidays are days off even on weekdays.
 * - W5: a year whose notice is not published is computed from the statutory holidays
 *   (statutory-holidays.rules.ts) and every result that touches it is `provisional`.
 * - W6: calendar-day and month periods end on the next working day when their last day is a 法定休假日
 *   (民诉法 Art. 85 para 3). Weekends that are not 调休上班 count as 休假日, as courts read it.
 * - W8: agencies' local days off (放假办法 Art. 4) come in as overlays and apply to that calendar only.
 *
 * Each year is indexed once (lazily, on first use): per day its kind, and per year the running count
 * of working days and the list of working days, so adding 20 working days is two array look-ups, not a
 * walk.
 */

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup_workday' | 'local_closure';

export interface DayInfo {
  readonly date: IsoDate;
  /** 周一 … 周日 */
  readonly weekday: string;
  readonly working: boolean;
  readonly kind: DayKind;
  /** The festival (春节, 国庆节…), the make-up day's festival, or the local day's name. */
  readonly name?: string;
  readonly note?: string;
  /** The day's year has no published notice: this is the statutory fallback, not the official schedule. */
  readonly provisional: boolean;
}

export type ExplanationStepKind = 'counted' | 'skipped' | 'makeup_counted' | 'moved';

export interface ExplanationStep {
  readonly date: IsoDate;
  readonly weekday: string;
  readonly kind: ExplanationStepKind;
  /** Chinese, for clerks and courts: 工作日, 周末, 春节, 调休上班（春节）, 本地放假（…）… */
  readonly reason: string;
  /** 1..n for the days counted. */
  readonly ordinal?: number;
  readonly note?: string;
  readonly provisional?: boolean;
}

/** What every result carries besides its dates. */
interface ResultWorking {
  /** Some day that decided the result lies in a year without a published notice. */
  provisional: boolean;
  /** Those years. */
  provisionalYears: number[];
  /** Each day of the period, counted or skipped, and why. */
  explanation: ExplanationStep[];
  /** One paragraph in Chinese that says how the result was reached. */
  summary: string;
}

/** A computed date with its working, as the API returns it. */
export interface PeriodResultJson extends ResultWorking {
  from: IsoDate;
  /** The period's last day. */
  date: IsoDate;
}

/**
 * Working days in the half-open interval (from, to]: `workingDaysBetween(d, addWorkingDays(d, n).date)
 * .workingDays === n`. Zero when to = from; negative (minus the working days in (to, from]) when to <
 * from, and then the explanation lists (to, from].
 */
export interface BetweenResultJson extends ResultWorking {
  from: IsoDate;
  to: IsoDate;
  workingDays: number;
}

/**
 * Results are read-only. `explanation` and `summary` are computed on first read (most callers only
 * need the date); they are getters, so copy a result with `toJSON()`, not with a spread.
 */
export interface PeriodResult extends Readonly<PeriodResultJson> {
  toJSON(): PeriodResultJson;
}

export interface BetweenResult extends Readonly<BetweenResultJson> {
  toJSON(): BetweenResultJson;
}

/** Where a year's days come from. */
export type YearSource = CalendarYearStatus | 'statutory_fallback';

/** The years the calendar can hold and compute (the API accepts the same range). */
export const CALENDAR_MIN_YEAR = 1949;
export const CALENDAR_MAX_YEAR = 2100;
/** Longest period the arithmetic accepts (the API refuses more than 1000). */
export const MAX_PERIOD = 100_000;

const WORKDAY = 0;
const WEEKEND = 1;
const HOLIDAY = 2;
const MAKEUP = 3;
const LOCAL = 4;
const KIND_NAMES: readonly DayKind[] = ['workday', 'weekend', 'holiday', 'makeup_workday', 'local_closure'];
const isWorkingKind = (k: number) => k === WORKDAY || k === MAKEUP;

const FIRST_DAY = dayNumberOf(CALENDAR_MIN_YEAR, 1, 1);
const LAST_DAY = dayNumberOf(CALENDAR_MAX_YEAR, 12, 31);

interface Label {
  name: string;
  note: string | null;
}

interface YearBlock {
  readonly year: number;
  readonly start: number;
  readonly kinds: Uint8Array;
  /** 1 where the day comes from the statutory fallback or a provisional schedule. */
  readonly provisional: Uint8Array;
  /** provisionalCum[i] = provisional days among the block's first i days. */
  readonly provisionalCum: Int32Array;
  readonly labels: ReadonlyMap<number, Label>;
  /** cum[i] = working days among the block's first i days. */
  readonly cum: Int32Array;
  /** Offsets of the working days, in order. */
  readonly work: Int32Array;
  readonly total: number;
  readonly source: YearSource;
  /** Any day of the year is provisional. */
  readonly anyProvisional: boolean;
}

interface Entry {
  dayNumber: number;
  kind: number;
  label: Label;
  provisional: boolean;
}

/** The national schedule: the loaded years, with each notice's days grouped by the year they fall in. */
class NationalSchedule {
  private constructor(
    readonly years: ReadonlyMap<number, CalendarYearData>,
    /** Entries by the calendar year of their date, in the order they apply (own notice, then next year's). */
    readonly entriesByYear: ReadonlyMap<number, readonly Entry[]>,
  ) {}

  static of(years: readonly CalendarYearData[]): NationalSchedule {
    const byYear = new Map<number, CalendarYearData>();
    for (const y of years) byYear.set(y.year, y);
    const entries = new Map<number, Entry[]>();
    // A later notice arranges the last days of the previous December (the 2019 notice: 2018-12-29
    // … 31): apply notices in year order so that a later notice wins for the dates it names.
    for (const y of [...byYear.values()].sort((a, b) => a.year - b.year)) {
      for (const day of y.days) {
        const dayNumber = parseIsoDate(day.date);
        if (Number.isNaN(dayNumber)) throw new RangeError(`Invalid date ${day.date} in ${y.year}`);
        const list = entries.get(yearOf(dayNumber)) ?? [];
        list.push({
          dayNumber,
          kind: day.kind === 'holiday' ? HOLIDAY : MAKEUP,
          label: { name: day.name, note: day.note },
          provisional: y.status !== 'published',
        });
        entries.set(yearOf(dayNumber), list);
      }
    }
    return new NationalSchedule(byYear, entries);
  }

  with(year: CalendarYearData): NationalSchedule {
    const years = [...this.years.values()].filter((y) => y.year !== year.year);
    return NationalSchedule.of([...years, year]);
  }
}

export class WorkingDayCalendar {
  private readonly blocks: Array<YearBlock | undefined> = [];
  private readonly overlayYears: ReadonlySet<number>;

  private constructor(
    private readonly national: NationalSchedule,
    private readonly overlays: ReadonlyMap<number, CalendarOverlay>,
    /** The same national calendar without overlays: its year indexes are shared. */
    private readonly base: WorkingDayCalendar | null,
  ) {
    this.overlayYears = new Set([...overlays.keys()].map(yearOf));
  }

  /** The national calendar from the loaded years (any order), optionally with one agency's local days. */
  static fromYears(
    years: readonly CalendarYearData[],
    overlays: readonly CalendarOverlay[] = [],
  ): WorkingDayCalendar {
    const national = new WorkingDayCalendar(NationalSchedule.of(years), new Map(), null);
    return overlays.length > 0 ? national.withOverlays(overlays) : national;
  }

  /** This calendar's national schedule with the given local days (replacing any it had). */
  withOverlays(overlays: readonly CalendarOverlay[]): WorkingDayCalendar {
    const root = this.base ?? this;
    if (overlays.length === 0) return root;
    const map = new Map<number, CalendarOverlay>();
    for (const o of overlays) {
      const dayNumber = parseIsoDate(o.date);
      if (Number.isNaN(dayNumber)) throw new RangeError(`Invalid local day ${o.date}`);
      map.set(dayNumber, o);
    }
    return new WorkingDayCalendar(root.national, map, root);
  }

  /** The same calendar with one year's schedule replaced or added (for dry runs). */
  withYear(year: CalendarYearData): WorkingDayCalendar {
    const root = new WorkingDayCalendar(this.national.with(year), new Map(), null);
    return this.overlays.size > 0 ? root.withOverlays([...this.overlays.values()]) : root;
  }

  /** The national calendar this one is built on (itself when it has no local days). */
  get nationalCalendar(): WorkingDayCalendar {
    return this.base ?? this;
  }

  /** The loaded years, ascending. */
  loadedYears(): CalendarYearData[] {
    return [...this.national.years.values()].sort((a, b) => a.year - b.year);
  }

  localDays(): CalendarOverlay[] {
    return [...this.overlays.values()].sort((a, b) => a.date.localeCompare(b.date));
  }

  /** Where the days of `year` come from: its notice (published or provisional) or the statutory rules. */
  yearSource(year: number): YearSource {
    return this.national.years.get(year)?.status ?? 'statutory_fallback';
  }

  isWorkingDay(date: IsoDate): boolean {
    const d = this.dayNumber(date, 'date');
    const b = this.block(yearOf(d));
    return isWorkingKind(b.kinds[d - b.start]);
  }

  dayInfo(date: IsoDate): DayInfo {
    return this.infoOf(this.dayNumber(date, 'date'));
  }

  /** Every day of a month or year range, e.g. to print a calendar. */
  daysOf(year: number): DayInfo[] {
    const b = this.block(year);
    return Array.from(b.kinds, (_, i) => this.infoOf(b.start + i));
  }

  /**
   * The date `n` working days after `from` (W2: `from` itself is not counted). `n = 0` returns `from`.
   * 7 WD for a 补正 notice (条例 Art. 30), 20 WD to reply and ≤ 20 WD extension (Art. 33), 15 WD for
   * consultations (Art. 32, 34).
   */
  addWorkingDays(from: IsoDate, n: number): PeriodResult {
    const start = this.dayNumber(from, 'from');
    this.checkCount(n, 'days');
    const end = n === 0 ? start : this.nthWorkingDayAfter(start, n);
    return new WorkingDaysResult(this, start, end, n);
  }

  /** The first working day strictly after `date` (= addWorkingDays(date, 1)). */
  nextWorkingDay(date: IsoDate): PeriodResult {
    return this.addWorkingDays(date, 1);
  }

  /** `date` itself if it is a working day, else the next working day. */
  sameOrNextWorkingDay(date: IsoDate): PeriodResult {
    const d = this.dayNumber(date, 'date');
    if (this.isWorking(d)) return new WorkingDaysResult(this, d, d, 0);
    return this.addWorkingDays(date, 1);
  }

  /**
   * Working days in (a, b]; negative when b < a (minus the working days in (b, a]), 0 when equal.
   * Consistent with addWorkingDays: `workingDaysBetween(d, addWorkingDays(d, n).date) === n`.
   */
  workingDaysBetween(a: IsoDate, b: IsoDate): BetweenResult {
    const da = this.dayNumber(a, 'from');
    const db = this.dayNumber(b, 'to');
    const count = da <= db ? this.countWorking(da, db) : -this.countWorking(db, da);
    return new BetweenResultImpl(this, da, db, count);
  }

  /**
   * A calendar-day period (复议 60 日, 起诉 15 日): the n-th day after `from`; if that day is a 法定休假日
   * the period ends on the first working day after it (W6, 民诉法 Art. 85). For an applicant's remedy
   * period use the national calendar (no agency's local days).
   */
  addCalendarDays(from: IsoDate, n: number): PeriodResult {
    const start = this.dayNumber(from, 'from');
    this.checkCount(n, 'days');
    const last = start + n;
    this.checkRange(last);
    return new CalendarPeriodResult(this, start, last, this.sameOrNextWorking(last), {
      kind: 'days',
      n,
      clamped: false,
    });
  }

  /**
   * A month period (起诉 6 个月): the corresponding day of the n-th month after `from`, or that month's
   * last day when it has none (民法典 Art. 202), moved past a 法定休假日 as in addCalendarDays.
   */
  addMonths(from: IsoDate, n: number): PeriodResult {
    const start = this.dayNumber(from, 'from');
    this.checkCount(n, 'months', 1200);
    const { dayNumber: last, clamped } = addMonthsToDayNumber(start, n);
    this.checkRange(last);
    return new CalendarPeriodResult(this, start, last, this.sameOrNextWorking(last), {
      kind: 'months',
      n,
      clamped,
    });
  }

  // ---- internals shared with the result classes -------------------------------------------------

  /** @internal */
  infoOf(d: number): DayInfo {
    const b = this.block(yearOf(d));
    const i = d - b.start;
    const kind = b.kinds[i];
    const label = b.labels.get(i);
    const info: {
      date: IsoDate;
      weekday: string;
      working: boolean;
      kind: DayKind;
      name?: string;
      note?: string;
      provisional: boolean;
    } = {
      date: formatDayNumber(d),
      weekday: weekdayName(d),
      working: isWorkingKind(kind),
      kind: KIND_NAMES[kind],
      provisional: b.provisional[i] === 1,
    };
    if (label) {
      info.name = label.name;
      if (label.note) info.note = label.note;
    }
    return info;
  }

  /** @internal */
  isWorking(d: number): boolean {
    const b = this.block(yearOf(d));
    return isWorkingKind(b.kinds[d - b.start]);
  }

  /** @internal The years with a provisional day in [fromDay, toDay]. */
  provisionalYearsBetween(fromDay: number, toDay: number): number[] {
    const years: number[] = [];
    const last = yearOf(toDay);
    for (let y = yearOf(fromDay); y <= last; y++) {
      const b = this.block(y);
      if (!b.anyProvisional) continue;
      const lo = Math.max(fromDay, b.start) - b.start;
      const hi = Math.min(toDay, b.start + b.kinds.length - 1) - b.start;
      if (b.provisionalCum[hi + 1] - b.provisionalCum[lo] > 0) years.push(y);
    }
    return years;
  }

  /** @internal The steps for the days in (fromDay, toDay]. */
  stepsBetween(fromDay: number, toDay: number): ExplanationStep[] {
    const steps: ExplanationStep[] = [];
    let ordinal = 0;
    for (let d = fromDay + 1; d <= toDay; d++) {
      const info = this.infoOf(d);
      if (info.working) ordinal++;
      steps.push(stepOf(info, info.working ? ordinal : undefined));
    }
    return steps;
  }

  private nthWorkingDayAfter(start: number, n: number): number {
    let b = this.block(yearOf(start));
    let target = b.cum[start - b.start + 1] + n;
    while (target > b.total) {
      target -= b.total;
      if (b.year >= CALENDAR_MAX_YEAR) throw outOfRange();
      b = this.block(b.year + 1);
    }
    return b.start + b.work[target - 1];
  }

  private countWorking(from: number, to: number): number {
    const a = this.block(yearOf(from));
    const b = this.block(yearOf(to));
    if (a === b || a.year === b.year) return b.cum[to - b.start + 1] - a.cum[from - a.start + 1];
    let count = a.total - a.cum[from - a.start + 1];
    for (let y = a.year + 1; y < b.year; y++) count += this.block(y).total;
    return count + b.cum[to - b.start + 1];
  }

  private sameOrNextWorking(d: number): number {
    let day = d;
    while (!this.isWorking(day)) {
      day++;
      this.checkRange(day);
    }
    return day;
  }

  private dayNumber(date: IsoDate, field: string): number {
    const d = parseIsoDate(date);
    if (Number.isNaN(d)) {
      throw new DomainError(
        'CALENDAR_DATE_INVALID',
        `${field}：“${String(date)}”不是合法的日期（YYYY-MM-DD）。`,
        {
          errors: [{ field, message: '不是合法的日期（YYYY-MM-DD）' }],
        },
      );
    }
    this.checkRange(d, field);
    return d;
  }

  private checkRange(d: number, field?: string): void {
    if (d < FIRST_DAY || d > LAST_DAY) throw outOfRange(field);
  }

  private checkCount(n: number, field: string, max = MAX_PERIOD): void {
    if (!Number.isInteger(n) || n < 0 || n > max) {
      throw new DomainError('VALIDATION_FAILED', `${field}：必须是 0 到 ${max} 之间的整数。`, {
        errors: [{ field, message: `必须是 0 到 ${max} 之间的整数` }],
      });
    }
  }

  private block(year: number): YearBlock {
    const index = year - CALENDAR_MIN_YEAR;
    const cached = this.blocks[index];
    if (cached) return cached;
    if (year < CALENDAR_MIN_YEAR || year > CALENDAR_MAX_YEAR) throw outOfRange();
    const built = this.base && !this.overlayYears.has(year) ? this.base.block(year) : this.buildBlock(year);
    this.blocks[index] = built;
    return built;
  }

  private buildBlock(year: number): YearBlock {
    const start = dayNumberOf(year, 1, 1);
    const length = isLeapYear(year) ? 366 : 365;
    const kinds = new Uint8Array(length);
    const provisional = new Uint8Array(length);
    const labels = new Map<number, Label>();
    for (let i = 0; i < length; i++) kinds[i] = isWeekend(start + i) ? WEEKEND : WORKDAY;

    const own = this.national.years.get(year);
    const source: YearSource = own?.status ?? 'statutory_fallback';
    if (!own) {
      if (year < FIRST_RULE_YEAR) {
        throw new DomainError(
          'CALENDAR_YEAR_UNAVAILABLE',
          `${year} 年的放假安排未导入，且早于可按《全国年节及纪念日放假办法》推算的年份（${FIRST_RULE_YEAR} 年起）。请先导入该年的放假安排。`,
          { extensions: { year } },
        );
      }
      for (const day of statutoryHolidays(year).days) {
        kinds[day.dayNumber - start] = HOLIDAY;
        labels.set(day.dayNumber - start, { name: day.name, note: day.note });
      }
    }
    if (source !== 'published') provisional.fill(1);
    // The year's own notice, then any later notice that arranges days of this year.
    for (const e of this.national.entriesByYear.get(year) ?? []) {
      const i = e.dayNumber - start;
      kinds[i] = e.kind;
      labels.set(i, e.label);
      provisional[i] = e.provisional ? 1 : 0;
    }
    for (const [dayNumber, overlay] of this.overlays) {
      const i = dayNumber - start;
      if (i < 0 || i >= length || !isWorkingKind(kinds[i])) continue;
      kinds[i] = LOCAL;
      labels.set(i, { name: overlay.name, note: overlay.note });
    }

    const cum = new Int32Array(length + 1);
    const provisionalCum = new Int32Array(length + 1);
    const work: number[] = [];
    for (let i = 0; i < length; i++) {
      const working = isWorkingKind(kinds[i]);
      cum[i + 1] = cum[i] + (working ? 1 : 0);
      provisionalCum[i + 1] = provisionalCum[i] + provisional[i];
      if (working) work.push(i);
    }
    return {
      year,
      start,
      kinds,
      provisional,
      provisionalCum,
      labels,
      cum,
      work: Int32Array.from(work),
      total: work.length,
      source,
      anyProvisional: provisionalCum[length] > 0,
    };
  }
}

function outOfRange(field?: string): DomainError {
  const detail = `日期超出工作日历可计算的范围（${CALENDAR_MIN_YEAR}-01-01 至 ${CALENDAR_MAX_YEAR}-12-31）。`;
  return new DomainError('CALENDAR_DATE_OUT_OF_RANGE', field ? `${field}：${detail}` : detail, {
    errors: field ? [{ field, message: detail }] : undefined,
  });
}

function stepOf(info: DayInfo, ordinal: number | undefined): ExplanationStep {
  let kind: ExplanationStepKind;
  let reason: string;
  switch (info.kind) {
    case 'workday':
      kind = 'counted';
      reason = '工作日';
      break;
    case 'makeup_workday':
      kind = 'makeup_counted';
      reason = `调休上班（${info.name ?? '调休'}）`;
      break;
    case 'weekend':
      kind = 'skipped';
      reason = '周末';
      break;
    case 'holiday':
      kind = 'skipped';
      reason = info.name ?? '节假日';
      break;
    case 'local_closure':
      kind = 'skipped';
      reason = `本地放假（${info.name ?? ''}）`;
      break;
  }
  const step: { -readonly [K in keyof ExplanationStep]: ExplanationStep[K] } = {
    date: info.date,
    weekday: info.weekday,
    kind,
    reason,
  };
  if (ordinal !== undefined) step.ordinal = ordinal;
  if (info.note) step.note = info.note;
  if (info.provisional) step.provisional = true;
  return step;
}

function provisionalSentence(years: readonly number[]): string {
  if (years.length === 0) return '';
  return (
    `${years.join('、')} 年的放假安排尚未发布（或为临时安排），相关日期按《全国年节及纪念日放假办法》推算，` +
    '结果为临时结果，国务院办公厅通知发布并导入后须重新计算。'
  );
}

/** 跳过周末 3 日、春节 7 日；计入调休上班日 2 日（2026-02-14、2026-02-28）。 */
function tally(steps: readonly ExplanationStep[]): string {
  const skipped = new Map<string, number>();
  const makeups: string[] = [];
  for (const s of steps) {
    if (s.kind === 'skipped') skipped.set(s.reason, (skipped.get(s.reason) ?? 0) + 1);
    if (s.kind === 'makeup_counted') makeups.push(s.date);
  }
  const parts: string[] = [];
  if (skipped.size > 0) {
    parts.push(`跳过${[...skipped].map(([reason, count]) => `${reason} ${count} 日`).join('，')}`);
  }
  if (makeups.length > 0) parts.push(`计入调休上班日 ${makeups.length} 日（${makeups.join('、')}）`);
  return parts.length > 0 ? `其间${parts.join('；')}。` : '';
}

function startNote(calendar: WorkingDayCalendar, start: number): string {
  const info = calendar.infoOf(start);
  if (info.working) return '';
  const what = info.kind === 'weekend' ? '周末' : (info.name ?? '休息日');
  return `起算日为${what}，不影响计算：期间自次日起算。`;
}

/** What every result shares: the provisional years, the lazily built explanation, the JSON form. */
abstract class LazyResult {
  readonly provisional: boolean;
  readonly provisionalYears: number[];
  private steps?: ExplanationStep[];

  constructor(
    protected readonly calendar: WorkingDayCalendar,
    provisionalYears: number[],
  ) {
    this.provisionalYears = provisionalYears;
    this.provisional = provisionalYears.length > 0;
  }

  get explanation(): ExplanationStep[] {
    this.steps ??= this.explain();
    return this.steps;
  }

  abstract get summary(): string;

  protected abstract explain(): ExplanationStep[];

  protected common(): Pick<PeriodResultJson, 'provisional' | 'provisionalYears' | 'explanation' | 'summary'> {
    return {
      provisional: this.provisional,
      provisionalYears: [...this.provisionalYears],
      explanation: [...this.explanation],
      summary: this.summary,
    };
  }
}

abstract class LazyPeriodResult extends LazyResult implements PeriodResult {
  readonly from: IsoDate;
  readonly date: IsoDate;

  constructor(calendar: WorkingDayCalendar, start: number, end: number, provisionalYears: number[]) {
    super(calendar, provisionalYears);
    this.from = formatDayNumber(start);
    this.date = formatDayNumber(end);
  }

  toJSON(): PeriodResultJson {
    return { from: this.from, date: this.date, ...this.common() };
  }
}

class WorkingDaysResult extends LazyPeriodResult {
  constructor(
    calendar: WorkingDayCalendar,
    private readonly start: number,
    private readonly end: number,
    private readonly n: number,
  ) {
    super(calendar, start, end, end > start ? calendar.provisionalYearsBetween(start + 1, end) : []);
  }

  protected explain(): ExplanationStep[] {
    return this.start === this.end
      ? [stepOf(this.calendar.infoOf(this.end), undefined)]
      : this.calendar.stepsBetween(this.start, this.end);
  }

  get summary(): string {
    if (this.n === 0) return `${dateWithWeekday(this.end)}当日为工作日。`;
    return (
      `自${dateWithWeekday(this.start)}的次日起计算 ${this.n} 个工作日（起算日当日不计入，民事诉讼法第八十五条），` +
      `第 ${this.n} 个工作日即期间届满日为 ${dateWithWeekday(this.end)}。` +
      startNote(this.calendar, this.start) +
      tally(this.explanation) +
      provisionalSentence(this.provisionalYears)
    );
  }
}

class BetweenResultImpl extends LazyResult implements BetweenResult {
  readonly from: IsoDate;
  readonly to: IsoDate;
  private readonly lo: number;
  private readonly hi: number;

  constructor(
    calendar: WorkingDayCalendar,
    a: number,
    b: number,
    readonly workingDays: number,
  ) {
    const [lo, hi] = a <= b ? [a, b] : [b, a];
    super(calendar, hi > lo ? calendar.provisionalYearsBetween(lo + 1, hi) : []);
    this.from = formatDayNumber(a);
    this.to = formatDayNumber(b);
    this.lo = lo;
    this.hi = hi;
  }

  protected explain(): ExplanationStep[] {
    return this.calendar.stepsBetween(this.lo, this.hi);
  }

  get summary(): string {
    const head =
      this.lo === this.hi
        ? `起止日相同，工作日数为 0。`
        : `${dateWithWeekday(this.lo)}（不含）至 ${dateWithWeekday(this.hi)}（含）共有 ${Math.abs(this.workingDays)} 个工作日` +
          (this.workingDays < 0 ? `；终止日早于起始日，结果记为 ${this.workingDays}。` : '。');
    return head + tally(this.explanation) + provisionalSentence(this.provisionalYears);
  }

  toJSON(): BetweenResultJson {
    return { from: this.from, to: this.to, workingDays: this.workingDays, ...this.common() };
  }
}

interface CalendarPeriod {
  kind: 'days' | 'months';
  n: number;
  /** The target month had no corresponding day: its last day was taken. */
  clamped: boolean;
}

class CalendarPeriodResult extends LazyPeriodResult {
  constructor(
    calendar: WorkingDayCalendar,
    private readonly start: number,
    /** The period's last day before any move. */
    private readonly last: number,
    private readonly end: number,
    private readonly period: CalendarPeriod,
  ) {
    // Only the status of the last day and the days it moves over decide the result.
    super(calendar, start, end, calendar.provisionalYearsBetween(last, end));
  }

  private get length(): string {
    return this.period.kind === 'days' ? `${this.period.n} 日` : `${this.period.n} 个月`;
  }

  protected explain(): ExplanationStep[] {
    const lastInfo = this.calendar.infoOf(this.last);
    const which =
      this.period.kind === 'days'
        ? `第 ${this.period.n} 日`
        : this.period.clamped
          ? `到期月没有对应日，以月末日为期间最后一日`
          : `到期月的对应日`;
    const steps: ExplanationStep[] = [];
    if (this.end === this.last) {
      steps.push({ ...stepOf(lastInfo, undefined), kind: 'counted', reason: `${which}（期间届满日）` });
    } else {
      for (let d = this.last; d < this.end; d++) {
        const s = stepOf(this.calendar.infoOf(d), undefined);
        steps.push(d === this.last ? { ...s, reason: `${which}，${s.reason}（法定休假日）` } : s);
      }
      const s = stepOf(this.calendar.infoOf(this.end), undefined);
      steps.push({ ...s, kind: 'moved', reason: `${s.reason}：期间届满日顺延至法定休假日后的第一日` });
    }
    return steps;
  }

  get summary(): string {
    const head =
      (this.period.kind === 'days'
        ? `自${dateWithWeekday(this.start)}的次日起计算 ${this.length}，`
        : `自${dateWithWeekday(this.start)}起计算 ${this.length}，`) +
      (this.period.kind === 'days'
        ? `第 ${this.period.n} 日为 ${dateWithWeekday(this.last)}`
        : this.period.clamped
          ? `到期月没有对应日，以月末日 ${dateWithWeekday(this.last)} 为期间最后一日（民法典第二百零二条）`
          : `到期月的对应日为 ${dateWithWeekday(this.last)}（民法典第二百零二条）`);
    const tail =
      this.end === this.last
        ? '，即期间届满日。'
        : `，该日为法定休假日（${stepOf(this.calendar.infoOf(this.last), undefined).reason}），` +
          `依民事诉讼法第八十五条以法定休假日后的第一日 ${dateWithWeekday(this.end)} 为期间届满日。`;
    return head + tail + provisionalSentence(this.provisionalYears);
  }
}
