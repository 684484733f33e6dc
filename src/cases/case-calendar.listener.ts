import { Injectable } from '@nestjs/common';
import { Brackets, type EntityManager } from 'typeorm';
import {
  CalendarChangeListener,
  type CalendarChangeContext,
  type CalendarImpactRow,
} from '../calendar/calendar-change.listener.js';
import type { WorkingDayCalendar } from '../calendar/working-day-calendar.js';
import { CaseClockService } from './case-clock.service.js';
import { CaseEvent } from './case-event.entity.js';
import { OPEN_STATUSES } from './case-status.js';
import type { ClockResult } from './clock.rules.js';
import { DisclosureCase } from './disclosure-case.entity.js';

/**
 * When a year's schedule or an agency's local days change, due dates may move: the dry run lists
 * them, and the change recomputes them in its own transaction, writing a timeline event on each case
 * whose dates moved. Closed cases whose period touched the changed year are recomputed too: whether a
 * reply was late (and so the annual figures) follows the schedule in force, not the provisional one.
 */
@Injectable()
export class CaseCalendarListener extends CalendarChangeListener {
  constructor(private readonly clocks: CaseClockService) {
    super();
  }

  async preview(
    before: WorkingDayCalendar,
    after: WorkingDayCalendar,
    context: CalendarChangeContext,
  ): Promise<CalendarImpactRow[]> {
    const rows: CalendarImpactRow[] = [];
    await this.forEachOpenCase(this.clocks.manager(), context, async (c, events) => {
      const [old, now] = await Promise.all([
        this.clockWith(before, c, events, context),
        this.clockWith(after, c, events, context),
      ]);
      rows.push(...impactOf(c, old, now));
    });
    return rows;
  }

  async applied(
    manager: EntityManager,
    after: WorkingDayCalendar,
    context: CalendarChangeContext,
  ): Promise<void> {
    const today = this.clocks.today();
    await this.forEachOpenCase(manager, context, async (c, events) => {
      const now = await this.clockWith(after, c, events, context);
      const old = { dueOn: c.dueOn, correctionNoticeDueOn: c.correctionNoticeDueOn };
      const impact = impactOf(c, { dueOn: c.dueOn, correctionNoticeDueOn: c.correctionNoticeDueOn }, now);
      if (impact.length === 0) return;
      CaseClockService.project(c, now);
      await manager.query(
        `UPDATE disclosure_case SET due_on = $2, original_due_on = $3, clock_state = $4, clock_provisional = $5,
                excluded_working_days = $6, correction_notice_due_on = $7 WHERE id = $1`,
        [
          c.id,
          c.dueOn,
          c.originalDueOn,
          c.clockState,
          c.clockProvisional,
          c.excludedWorkingDays,
          c.correctionNoticeDueOn,
        ],
      );
      const changes: Record<string, [unknown, unknown]> = {};
      if (old.dueOn !== c.dueOn) changes.dueOn = [old.dueOn, c.dueOn];
      if (old.correctionNoticeDueOn !== c.correctionNoticeDueOn) {
        changes.correctionNoticeDueOn = [old.correctionNoticeDueOn, c.correctionNoticeDueOn];
      }
      const event = manager.create(CaseEvent, {
        caseId: c.id,
        seq: events.length + 1,
        action: 'recompute',
        fromStatus: c.status,
        toStatus: c.status,
        actorId: null,
        actorName: '系统',
        actorRole: 'system',
        data: {
          cause: context.change === 'year' ? `${context.year} 年节假日安排变更` : '本机关本地放假日变更',
          today,
          moves: impact.map((i) => ({
            deadline: i.deadline,
            before: i.dueDateBefore,
            after: i.dueDateAfter,
          })),
        },
        changes,
        reason: '节假日安排变更，期限重新计算',
      });
      await manager.save(event);
    });
  }

  private async store(manager: EntityManager, c: DisclosureCase): Promise<void> {
    await manager.query(
      `UPDATE disclosure_case SET due_on = $2, original_due_on = $3, clock_state = $4, clock_provisional = $5,
              excluded_working_days = $6, correction_notice_due_on = $7, closed_late = $8 WHERE id = $1`,
      [
        c.id,
        c.dueOn,
        c.originalDueOn,
        c.clockState,
        c.clockProvisional,
        c.excludedWorkingDays,
        c.correctionNoticeDueOn,
        c.closedLate,
      ],
    );
  }

  private async clockWith(
    national: WorkingDayCalendar,
    c: DisclosureCase,
    events: CaseEvent[],
    context: CalendarChangeContext,
  ): Promise<ClockResult> {
    return this.clocks.computeWith(await context.calendarFor(national, c.agencyId), events);
  }

  private async forEachOpenCase(
    manager: EntityManager,
    context: CalendarChangeContext,
    visit: (c: DisclosureCase, events: CaseEvent[]) => Promise<void>,
  ): Promise<void> {
    const qb = manager.createQueryBuilder(DisclosureCase, 'c').orderBy('c.id');
    // Open cases, and closed ones whose period may have run through the changed year.
    qb.where(
      new Brackets((w) => {
        w.where('c.status IN (:...open)', { open: OPEN_STATUSES });
        if (context.year !== null) {
          w.orWhere(`c.clockStartedOn <= :yearEnd AND c.dueOn >= :yearStart`, {
            yearStart: `${context.year}-01-01`,
            yearEnd: `${context.year}-12-31`,
          });
        } else {
          w.orWhere('c.dueOn >= CURRENT_DATE - 366');
        }
      }),
    );
    if (context.agencyId) qb.andWhere('c.agencyId = :agencyId', { agencyId: context.agencyId });
    const batch = 500;
    for (let offset = 0; ; offset += batch) {
      const cases = await qb.clone().offset(offset).limit(batch).getMany();
      if (cases.length === 0) break;
      const events = await manager
        .createQueryBuilder(CaseEvent, 'e')
        .where('e.caseId IN (:...ids)', { ids: cases.map((c) => c.id) })
        .orderBy('e.caseId')
        .addOrderBy('e.seq')
        .getMany();
      const byCase = new Map<string, CaseEvent[]>();
      for (const e of events) byCase.set(e.caseId, [...(byCase.get(e.caseId) ?? []), e]);
      for (const c of cases) await visit(c, byCase.get(c.id) ?? []);
    }
  }
}

function impactOf(
  c: DisclosureCase,
  before: Pick<ClockResult, 'dueOn' | 'correctionNoticeDueOn'>,
  after: ClockResult,
): CalendarImpactRow[] {
  const rows: CalendarImpactRow[] = [];
  if (before.dueOn && after.dueOn && before.dueOn !== after.dueOn) {
    rows.push({
      caseId: c.id,
      caseNumber: c.caseNumber,
      agencyId: c.agencyId,
      deadline: OPEN_STATUSES.includes(c.status) ? '答复期限' : '答复期限（已办结案件）',
      dueDateBefore: before.dueOn,
      dueDateAfter: after.dueOn,
      provisionalAfter: after.provisional,
    });
  }
  if (
    before.correctionNoticeDueOn &&
    after.correctionNoticeDueOn &&
    before.correctionNoticeDueOn !== after.correctionNoticeDueOn &&
    c.status === 'registered'
  ) {
    rows.push({
      caseId: c.id,
      caseNumber: c.caseNumber,
      agencyId: c.agencyId,
      deadline: '补正告知期限',
      dueDateBefore: before.correctionNoticeDueOn,
      dueDateAfter: after.correctionNoticeDueOn,
      provisionalAfter: after.provisional,
    });
  }
  return rows;
}
