import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import type { CalendarOverlay, CalendarYearData } from './calendar-data.js';
import { CalendarChange, type CalendarChangeAction } from './calendar-change.entity.js';
import { CalendarDay } from './calendar-day.entity.js';
import type { ImportFormat } from './calendar-import.rules.js';
import { CalendarLocalDay } from './calendar-local-day.entity.js';
import { CalendarNotice } from './calendar-notice.entity.js';
import { CalendarYear, type CalendarYearOrigin } from './calendar-year.entity.js';

/**
 * Reading and writing the calendar tables, shared by the services, the seeds and the CLI. Every
 * function takes the EntityManager of the caller's transaction.
 */

/** Who changed the calendar, and from where. */
export interface CalendarActor {
  userId: string | null;
  name: string | null;
  remoteAddress: string | null;
}

export function calendarActorOf(user: Pick<AuthUser, 'id' | 'displayName' | 'client'>): CalendarActor {
  return { userId: user.id, name: user.displayName, remoteAddress: user.client.ip };
}

export const SEED_ACTOR: CalendarActor = { userId: null, name: '系统（种子数据）', remoteAddress: null };

export async function loadYears(manager: EntityManager): Promise<CalendarYearData[]> {
  // One after the other: inside a transaction the manager has a single connection, and pg refuses
  // (deprecates) overlapping queries on one client.
  const years = await manager.find(CalendarYear, { order: { year: 'ASC' } });
  const notices = await manager.find(CalendarNotice, { order: { year: 'ASC', position: 'ASC' } });
  const days = await manager.find(CalendarDay, { order: { year: 'ASC', date: 'ASC' } });
  return years.map((y) => ({
    year: y.year,
    status: y.status,
    sources: notices
      .filter((n) => n.year === y.year)
      .map((n) => ({
        title: n.title,
        documentNumber: n.documentNumber,
        url: n.url,
        publishedOn: n.publishedOn,
        note: n.note,
      })),
    days: days
      .filter((d) => d.year === y.year)
      .map((d) => ({ date: d.date, kind: d.kind, name: d.name, note: d.note })),
  }));
}

export async function loadLocalDays(manager: EntityManager, agencyId: string): Promise<CalendarOverlay[]> {
  const rows = await manager.find(CalendarLocalDay, { where: { agencyId }, order: { date: 'ASC' } });
  return rows.map((r) => ({ date: r.date, name: r.name, note: r.note }));
}

/** The calendar's revision: the id of the latest change ('0' when nothing was ever loaded). */
export async function calendarRevision(manager: EntityManager): Promise<string> {
  const [row] = await manager.query<Array<{ revision: string | null }>>(
    'SELECT max(id)::text AS revision FROM calendar_change',
  );
  return row?.revision ?? '0';
}

export interface SaveYearMeta {
  origin: CalendarYearOrigin;
  format: ImportFormat;
  contentHash: string;
  actor: CalendarActor;
  at: Date;
}

/** Replaces a year's schedule (its notices and days) with `data`. */
export async function saveYear(
  manager: EntityManager,
  data: CalendarYearData,
  meta: SaveYearMeta,
): Promise<void> {
  await manager.delete(CalendarDay, { year: data.year });
  await manager.delete(CalendarNotice, { year: data.year });
  const existing = await manager.findOneBy(CalendarYear, { year: data.year });
  const row = existing ?? manager.create(CalendarYear, { year: data.year });
  Object.assign(row, {
    status: data.status,
    origin: meta.origin,
    sourceFormat: meta.format,
    contentHash: meta.contentHash,
    loadedAt: meta.at,
    loadedByUserId: meta.actor.userId,
    loadedByName: meta.actor.name,
    loadedFromAddress: meta.actor.remoteAddress,
  });
  await manager.save(row);
  if (data.sources.length > 0) {
    await manager.insert(
      CalendarNotice,
      data.sources.map((s, position) => ({ year: data.year, position, ...s })),
    );
  }
  if (data.days.length > 0) {
    await manager.insert(
      CalendarDay,
      data.days.map((d) => ({ year: data.year, date: d.date, kind: d.kind, name: d.name, note: d.note })),
    );
  }
}

export interface ChangeRecord {
  action: CalendarChangeAction;
  year?: number | null;
  agencyId?: string | null;
  actor: CalendarActor;
  details: Record<string, unknown>;
}

export async function logChange(manager: EntityManager, change: ChangeRecord): Promise<CalendarChange> {
  const row = manager.create(CalendarChange, {
    action: change.action,
    year: change.year ?? null,
    agencyId: change.agencyId ?? null,
    actorUserId: change.actor.userId,
    actorName: change.actor.name,
    remoteAddress: change.actor.remoteAddress,
    details: change.details,
  });
  return manager.save(row);
}
