import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { Agency } from '../agencies/agency.entity.js';
import { DomainError } from '../common/errors/domain-error.js';
import { CalendarChangeNotifier } from './calendar-change.notifier.js';
import { CalendarLocalDay } from './calendar-local-day.entity.js';
import { loadYears, logChange, type CalendarActor } from './calendar-store.js';
import { CalendarService } from './calendar.service.js';
import type { LocalDayDto, LocalDayListDto, PutLocalDayDto } from './dto/local-day.dto.js';
import { parseIsoDate, weekdayName } from './iso-date.js';
import { WorkingDayCalendar } from './working-day-calendar.js';

/**
 * An agency's local days off (放假办法 Art. 4: ethnic holidays set by autonomous areas; closures ordered
 * locally). They change that agency's working days only. Every change is logged and handed to the
 * cases module's listener in the same transaction.
 */
@Injectable()
export class CalendarLocalDaysService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly calendars: CalendarService,
    private readonly notifier: CalendarChangeNotifier,
  ) {}

  async list(agencyId: string): Promise<LocalDayListDto> {
    await this.assertAgency(this.dataSource.manager, agencyId);
    const [rows, national] = await Promise.all([
      this.dataSource.manager.find(CalendarLocalDay, { where: { agencyId }, order: { date: 'ASC' } }),
      this.calendars.forAgency(null),
    ]);
    return { agencyId, items: rows.map((row) => toDto(row, national)) };
  }

  async put(
    agencyId: string,
    date: string,
    input: PutLocalDayDto,
    actor: CalendarActor,
  ): Promise<LocalDayDto> {
    const result = await this.dataSource.transaction(async (manager) => {
      await this.assertAgency(manager, agencyId);
      const national = WorkingDayCalendar.fromYears(await loadYears(manager));
      national.dayInfo(date); // the date must be computable (range, year available)
      const existing = await manager.findOneBy(CalendarLocalDay, { agencyId, date });
      const row = existing ?? manager.create(CalendarLocalDay, { agencyId, date });
      const before = existing ? { name: existing.name, note: existing.note } : null;
      Object.assign(row, {
        name: input.name,
        note: input.note ?? null,
        createdByUserId: actor.userId,
        createdByName: actor.name,
        createdFromAddress: actor.remoteAddress,
      });
      const saved = await manager.save(row);
      await logChange(manager, {
        action: 'local_day_added',
        agencyId,
        actor,
        details: { date, before, after: { name: saved.name, note: saved.note } },
      });
      await this.notify(manager, national, agencyId);
      return toDto(saved, national);
    });
    this.calendars.invalidate();
    return result;
  }

  async remove(agencyId: string, date: string, actor: CalendarActor): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.assertAgency(manager, agencyId);
      const existing = await manager.findOneBy(CalendarLocalDay, { agencyId, date });
      if (!existing) throw DomainError.notFound(`${date} 的本地放假日`);
      await manager.remove(existing);
      await logChange(manager, {
        action: 'local_day_removed',
        agencyId,
        actor,
        details: { date, before: { name: existing.name, note: existing.note } },
      });
      await this.notify(manager, WorkingDayCalendar.fromYears(await loadYears(manager)), agencyId);
    });
    this.calendars.invalidate();
  }

  private async notify(
    manager: EntityManager,
    national: WorkingDayCalendar,
    agencyId: string,
  ): Promise<void> {
    await this.notifier.applied(manager, national, {
      change: 'local_days',
      year: null,
      agencyId,
      calendarFor: (base, id) => this.calendars.buildAgencyCalendar(manager, base, id),
    });
  }

  private async assertAgency(manager: EntityManager, agencyId: string): Promise<void> {
    if (!(await manager.existsBy(Agency, { id: agencyId }))) throw DomainError.notFound('机关');
  }
}

function toDto(row: CalendarLocalDay, national: WorkingDayCalendar): LocalDayDto {
  return {
    date: row.date,
    weekday: weekdayName(parseIsoDate(row.date)),
    name: row.name,
    note: row.note,
    effective: national.isWorkingDay(row.date),
    createdAt: row.createdAt.toISOString(),
    createdBy: {
      userId: row.createdByUserId,
      name: row.createdByName,
      remoteAddress: row.createdFromAddress,
    },
  };
}
