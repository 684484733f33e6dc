import type { CalendarSource, CalendarYearData } from './calendar-data.js';
import type { CalendarChange } from './calendar-change.entity.js';
import type { CalendarYear } from './calendar-year.entity.js';
import type {
  ActorDto,
  CalendarChangeDto,
  CalendarDayDto,
  CalendarSourceDto,
} from './dto/calendar-year.dto.js';
import { parseIsoDate, weekdayName } from './iso-date.js';

/** Entity and calendar data → response DTOs (entities never leave the services). */

export function toSourceDto(source: CalendarSource): CalendarSourceDto {
  return {
    title: source.title,
    documentNumber: source.documentNumber,
    url: source.url,
    publishedOn: source.publishedOn,
    note: source.note,
  };
}

export function toDayDtos(data: CalendarYearData): CalendarDayDto[] {
  return data.days.map((d) => ({
    date: d.date,
    weekday: weekdayName(parseIsoDate(d.date)),
    kind: d.kind,
    name: d.name,
    note: d.note,
  }));
}

export function loadedByOf(row: CalendarYear): ActorDto {
  return { userId: row.loadedByUserId, name: row.loadedByName, remoteAddress: row.loadedFromAddress };
}

export function toChangeDto(row: CalendarChange): CalendarChangeDto {
  return {
    id: row.id,
    at: row.at.toISOString(),
    action: row.action,
    actor: { userId: row.actorUserId, name: row.actorName, remoteAddress: row.remoteAddress },
    details: row.details,
  };
}
