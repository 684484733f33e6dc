import { createHash } from 'node:crypto';
import type { FieldError } from '../common/errors/domain-error.js';
import {
  CALENDAR_DAY_KINDS,
  YEAR_STATUSES,
  type CalendarDayEntry,
  type CalendarDayKind,
  type CalendarSource,
  type CalendarYearData,
  type CalendarYearStatus,
} from './calendar-data.js';
import { dayNumberOf, isIsoDate, isWeekend, parseIsoDate, weekdayName } from './iso-date.js';
import { CALENDAR_MAX_YEAR, CALENDAR_MIN_YEAR } from './working-day-calendar.js';

/**
 * Reads one year's schedule in either accepted format and checks it, listing every error (a
 * rejected import changes nothing). Pure.
 *
 * 1. holiday-cn (github.com/NateScarlet/holiday-cn, the files in shared/data/holidays):
 *    `{ year, papers: [url…], days: [{ name, date, isOffDay }] }`. `isOffDay: true` is a day off,
 *    `false` a make-up working day. holiday-cn also marks the weekday on which normal work resumes after
 *    an extended holiday (2020-02-03, after the extension notice 国办发明电〔2020〕1号) with
 *    `isOffDay: false`: that day is a working day anyway, so it is dropped with a warning rather than
 *    rejected as "a make-up working day on a weekday".
 * 2. Our own format, which carries what holiday-cn lacks (notice titles, document numbers, dates, notes):
 *    `{ format: "gip-desk.calendar-year/1", year, status, sources: [{ title, documentNumber, url,
 *    publishedOn, note }], days: [{ date, kind: "holiday"|"makeup_workday", name, note }] }`.
 */

export const OWN_FORMAT = 'gip-desk.calendar-year/1';
export type ImportFormat = 'holiday-cn' | 'gip-desk';

export type ParsedImport =
  | { ok: true; format: ImportFormat; data: CalendarYearData; warnings: string[] }
  | { ok: false; format: ImportFormat | null; errors: FieldError[] };

const MAX_DAYS = 120;
const MAX_SOURCES = 10;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNonEmptyString = (v: unknown, max: number): v is string =>
  typeof v === 'string' && v.trim().length > 0 && v.length <= max;
const isHttpUrl = (v: string) => /^https?:\/\/[^\s]+$/.test(v);

class Collector {
  readonly errors: FieldError[] = [];
  readonly warnings: string[] = [];
  add(field: string, message: string): void {
    this.errors.push({ field, message });
  }
}

/** Which format `input` is in, or null. */
export function detectFormat(input: unknown): ImportFormat | null {
  if (!isObject(input)) return null;
  if ('papers' in input) return 'holiday-cn';
  if (input.format === OWN_FORMAT || 'sources' in input) return 'gip-desk';
  return null;
}

export function parseCalendarYear(input: unknown, expectedYear: number): ParsedImport {
  const c = new Collector();
  const format = detectFormat(input);
  if (!isObject(input) || format === null) {
    c.add(
      '',
      `无法识别的格式：应为 holiday-cn 格式（含 year、papers、days）或本系统格式（format 为 "${OWN_FORMAT}"，含 year、sources、days）`,
    );
    return { ok: false, format: null, errors: c.errors };
  }
  const year = checkYear(input.year, expectedYear, c);
  const parsed = format === 'holiday-cn' ? readHolidayCn(input, year, c) : readOwn(input, year, c);
  if (c.errors.length > 0 || !parsed) return { ok: false, format, errors: c.errors };
  return { ok: true, format, data: parsed, warnings: c.warnings };
}

/** The year the days are checked against: the body's own (when it is one), so that a body for another year gets one error, not one per day. */
function checkYear(value: unknown, expected: number, c: Collector): number {
  if (!Number.isInteger(value)) {
    c.add('year', '必须是整数年份');
    return expected;
  }
  const year = value as number;
  if (year < CALENDAR_MIN_YEAR || year > CALENDAR_MAX_YEAR) {
    c.add('year', `必须在 ${CALENDAR_MIN_YEAR} 到 ${CALENDAR_MAX_YEAR} 之间`);
    return expected;
  }
  if (year !== expected) c.add('year', `与地址中的年份 ${expected} 不一致`);
  return year;
}

function checkKeys(obj: Json, allowed: readonly string[], path: string, c: Collector): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) c.add(path ? `${path}.${key}` : key, '不允许的字段');
  }
}

function readHolidayCn(input: Json, year: number, c: Collector): CalendarYearData | null {
  checkKeys(input, ['$schema', '$id', 'year', 'papers', 'days'], '', c);
  const sources: CalendarSource[] = [];
  if (!Array.isArray(input.papers)) {
    c.add('papers', '必须是数组（通知的网址）');
  } else if (input.papers.length === 0) {
    c.add('papers', `为空：${year} 年的放假安排尚未发布，不能导入`);
  } else {
    input.papers.forEach((paper, i) => {
      if (typeof paper !== 'string' || !isHttpUrl(paper) || paper.length > 500) {
        c.add(`papers[${i}]`, '必须是 http(s) 网址');
        return;
      }
      sources.push({
        title:
          i === 0
            ? `国务院办公厅关于${year}年部分节假日安排的通知`
            : `国务院办公厅关于${year}年节假日安排的补充或调整通知（第 ${i + 1} 份）`,
        documentNumber: null,
        url: paper,
        publishedOn: null,
        note: '据 holiday-cn 数据导入；标题按惯例填写，文号未知',
      });
    });
  }
  const days: CalendarDayEntry[] = [];
  eachObject(input.days, 'days', ['name', 'date', 'isOffDay'], c, (raw, path) => {
    const nameOk = checkName(raw.name, path, c);
    const offOk = typeof raw.isOffDay === 'boolean';
    if (!offOk) c.add(`${path}.isOffDay`, '必须是 true 或 false');
    if (checkDate(raw.date, path, c) && nameOk && offOk) {
      days.push({
        date: raw.date,
        kind: raw.isOffDay ? 'holiday' : 'makeup_workday',
        name: raw.name as string,
        note: null,
      });
    }
  });
  checkDays(days, year, 'days', c, indexOf(input.days), { weekdayWorkIsWarning: true });
  if (sources.length === 0) return null;
  // Dropped only now, so that a date also marked as a day off is still reported as a contradiction.
  const kept = days.filter((d) => d.kind !== 'makeup_workday' || isWeekend(parseIsoDate(d.date)));
  return { year, status: 'published', sources, days: sortDays(kept) };
}

function readOwn(input: Json, year: number, c: Collector): CalendarYearData | null {
  checkKeys(input, ['format', 'year', 'status', 'sources', 'days'], '', c);
  if (input.format !== undefined && input.format !== OWN_FORMAT) c.add('format', `必须是 "${OWN_FORMAT}"`);
  let status: CalendarYearStatus = 'published';
  if (input.status !== undefined) {
    if (YEAR_STATUSES.includes(input.status as CalendarYearStatus))
      status = input.status as CalendarYearStatus;
    else c.add('status', '必须是 published（已发布）或 provisional（临时）');
  }
  const sources: CalendarSource[] = [];
  if (Array.isArray(input.sources)) {
    if (input.sources.length === 0 && status === 'published')
      c.add('sources', '已发布的年份至少需要一份通知');
    if (input.sources.length > MAX_SOURCES) c.add('sources', `不能超过 ${MAX_SOURCES} 份`);
  }
  eachObject(
    input.sources,
    'sources',
    ['title', 'documentNumber', 'url', 'publishedOn', 'note'],
    c,
    (raw, path) => {
      const source: CalendarSource = {
        title: '',
        documentNumber: null,
        url: null,
        publishedOn: null,
        note: null,
      };
      if (isNonEmptyString(raw.title, 200)) source.title = raw.title;
      else c.add(`${path}.title`, '必须是 1–200 个字符的通知标题');
      source.documentNumber = optionalString(raw.documentNumber, 60, `${path}.documentNumber`, c);
      source.note = optionalString(raw.note, 500, `${path}.note`, c);
      const url = optionalString(raw.url, 500, `${path}.url`, c);
      if (url !== null && !isHttpUrl(url)) c.add(`${path}.url`, '必须是 http(s) 网址');
      source.url = url;
      if (raw.publishedOn !== undefined && raw.publishedOn !== null) {
        if (isIsoDate(raw.publishedOn)) source.publishedOn = raw.publishedOn;
        else c.add(`${path}.publishedOn`, '不是合法的日期（YYYY-MM-DD）');
      }
      sources.push(source);
    },
  );
  const days: CalendarDayEntry[] = [];
  eachObject(input.days, 'days', ['date', 'kind', 'name', 'note'], c, (raw, path) => {
    const kindOk = CALENDAR_DAY_KINDS.includes(raw.kind as CalendarDayKind);
    if (!kindOk) c.add(`${path}.kind`, '必须是 holiday（放假）或 makeup_workday（调休上班）');
    const nameOk = checkName(raw.name, path, c);
    const note = optionalString(raw.note, 200, `${path}.note`, c);
    if (checkDate(raw.date, path, c) && kindOk && nameOk) {
      days.push({ date: raw.date, kind: raw.kind as CalendarDayKind, name: raw.name as string, note });
    }
  });
  checkDays(days, year, 'days', c, indexOf(input.days));
  return { year, status, sources, days: sortDays(days) };
}

/** Calls `read` for each object of the array `value`, reporting a non-array and non-objects. */
function eachObject(
  value: unknown,
  field: string,
  keys: readonly string[],
  c: Collector,
  read: (raw: Json, path: string) => void,
): void {
  if (!Array.isArray(value)) return c.add(field, '必须是数组');
  value.forEach((raw, i) => {
    const path = `${field}[${i}]`;
    if (!isObject(raw)) return c.add(path, '必须是对象');
    checkKeys(raw, keys, path, c);
    read(raw, path);
  });
}

function checkName(value: unknown, path: string, c: Collector): value is string {
  const ok = isNonEmptyString(value, 40);
  if (!ok) c.add(`${path}.name`, '必须是 1–40 个字符的节日名称');
  return ok;
}

function checkDate(value: unknown, path: string, c: Collector): value is string {
  const ok = isIsoDate(value);
  if (!ok) c.add(`${path}.date`, '不是合法的日期（YYYY-MM-DD）');
  return ok;
}

function optionalString(value: unknown, max: number, field: string, c: Collector): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string' || value.length > max) {
    c.add(field, `必须是不超过 ${max} 个字符的文本`);
    return null;
  }
  return value;
}

/** Maps a date back to its index in the submitted array, for field paths. */
function indexOf(rawDays: unknown): (date: string, from?: number) => number {
  const list = Array.isArray(rawDays) ? rawDays : [];
  return (date, from = 0) => list.findIndex((d, i) => i >= from && isObject(d) && d.date === date);
}

/**
 * The rules every schedule must satisfy: dates within the year (or the previous December, which a
 * notice may arrange for 元旦, as the 2019 and 2023 notices did), no date twice, nothing both a day
 * off and a working day, make-up working days only on Saturdays and Sundays.
 */
function checkDays(
  days: readonly CalendarDayEntry[],
  year: number,
  path: string,
  c: Collector,
  position: (date: string, from?: number) => number,
  options: { weekdayWorkIsWarning?: boolean } = {},
): void {
  if (days.length > MAX_DAYS) c.add(path, `不能超过 ${MAX_DAYS} 天`);
  const first = dayNumberOf(year - 1, 12, 1);
  const last = dayNumberOf(year, 12, 31);
  const seen = new Map<string, CalendarDayEntry>();
  for (const day of days) {
    const d = parseIsoDate(day.date);
    const at = position(day.date);
    const field = `${path}[${at}].date`;
    if (d < first || d > last) {
      c.add(field, `${day.date} 不在 ${year} 年内（只允许 ${year - 1} 年 12 月的元旦调休日）`);
    }
    if (day.kind === 'makeup_workday' && !isWeekend(d)) {
      if (options.weekdayWorkIsWarning) {
        c.warnings.push(
          `${day.date}（${weekdayName(d)}）在 holiday-cn 中标为上班日：该日本来就是工作日（通常是延长假期后“起正常上班”之日），已忽略。`,
        );
      } else {
        c.add(field, `${day.date} 是${weekdayName(d)}：调休上班日只能是周六或周日`);
      }
    }
    const earlier = seen.get(day.date);
    if (earlier) {
      const again = `${path}[${position(day.date, at + 1)}].date`;
      c.add(
        again,
        earlier.kind === day.kind ? `${day.date} 重复出现` : `${day.date} 同时被标为放假和调休上班`,
      );
    } else {
      seen.set(day.date, day);
    }
  }
}

function sortDays(days: CalendarDayEntry[]): CalendarDayEntry[] {
  return [...days].sort((a, b) => a.date.localeCompare(b.date));
}

/** Our own format for a year (what `GET …/years/{year}` can be turned back into, and the seeds' shape). */
export function toOwnFormat(data: CalendarYearData): Record<string, unknown> {
  return { format: OWN_FORMAT, year: data.year, status: data.status, sources: data.sources, days: data.days };
}

/**
 * SHA-256 of a schedule's canonical JSON (keys in a fixed order, days by date): equal hashes mean the
 * same schedule, whatever format or key order it came in.
 */
export function contentHashOf(data: CalendarYearData): string {
  const canonical = {
    year: data.year,
    status: data.status,
    sources: data.sources.map((s) => [s.title, s.documentNumber, s.url, s.publishedOn, s.note]),
    days: sortDays(data.days).map((d) => [d.date, d.kind, d.name, d.note]),
  };
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}
