import type { IsoDate } from '../common/clock/clock.js';

/**
 * The plain data a working-day calendar is built from: one record per year of the State Council's
 * annual notice (国务院办公厅关于XXXX年部分节假日安排的通知) and the agencies' local days. Pure types,
 * shared by the rules, the service, the seeds and the CLI.
 */

/** `published`: the official notice; `provisional`: an admin-entered draft, still flagged provisional. */
export const YEAR_STATUSES = ['published', 'provisional'] as const;
export type CalendarYearStatus = (typeof YEAR_STATUSES)[number];

export const CALENDAR_DAY_KINDS = ['holiday', 'makeup_workday'] as const;
/** `holiday`: a day off (weekday or weekend) of the notice; `makeup_workday`: a Saturday/Sunday worked (调休上班). */
export type CalendarDayKind = (typeof CALENDAR_DAY_KINDS)[number];

export interface CalendarSource {
  /** e.g. 国务院办公厅关于2020年部分节假日安排的通知 */
  title: string;
  /** e.g. 国办发明电〔2019〕16号; null when not known. */
  documentNumber: string | null;
  url: string | null;
  /** Date of the notice (成文日期) as printed, when known. */
  publishedOn: IsoDate | null;
  note: string | null;
}

export interface CalendarDayEntry {
  date: IsoDate;
  kind: CalendarDayKind;
  /** The festival: 春节, 国庆节、中秋节… */
  name: string;
  /** Why this day, when the name alone does not say (e.g. the 2020 extension notice). */
  note: string | null;
}

export interface CalendarYearData {
  year: number;
  status: CalendarYearStatus;
  /** The notice(s), in order: a year can have several (2019: 劳动节 adjustment; 2020: 春节 extension). */
  sources: CalendarSource[];
  /**
   * Days that differ from the plain Monday–Friday rule. Dates are in `year`, except that a notice may
   * arrange the last days of the previous December for 元旦 (the 2019 notice: 2018-12-29 … 12-31).
   */
  days: CalendarDayEntry[];
}

/**
 * A day an agency does not work although the national calendar says it is a working day: a local
 * ethnic holiday (放假办法 Art. 4) or a closure ordered by the local government. Applies to that
 * agency's cases only.
 */
export interface CalendarOverlay {
  date: IsoDate;
  name: string;
  note: string | null;
}
