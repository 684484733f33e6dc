import { Controller, Get, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Roles } from '../auth/access-policy.decorators.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { CalendarService } from '../calendar/calendar.service.js';
import { CaseQueriesService } from '../cases/case-queries.service.js';
import { DUE_SOON_WORKING_DAYS } from '../cases/case.mapper.js';
import { Clock } from '../common/clock/clock.js';
import { ConsoleCsrfGuard } from './console-csrf.js';
import { ConsolePages } from './console-pages.js';

/** The approver's queue, and the supervisor's county-wide view of overdue and at-risk cases. */
@ApiExcludeController()
@UseGuards(ConsoleCsrfGuard)
@Controller()
export class ConsoleQueuesController {
  constructor(
    private readonly pages: ConsolePages,
    private readonly queries: CaseQueriesService,
    private readonly calendars: CalendarService,
    private readonly clock: Clock,
  ) {}

  /** 待审批: drafts awaiting review and extension requests (Art. 33 para 2: the office head decides). */
  @Roles('approver')
  @Get('review')
  async review(@CurrentUser() user: AuthUser, @Req() req: Request, @Res() res: Response): Promise<void> {
    const [drafts, extensions] = await Promise.all([
      this.queries.list(user, { status: ['in_review'], sort: 'due', pageSize: 100 }),
      this.queries.list(user, { extensionRequested: true, open: true, sort: 'due', pageSize: 100 }),
    ]);
    return this.pages.send(req, res, 'review', { drafts, extensions }, { title: '待审批' });
  }

  /**
   * 督查: cases across agencies that are overdue or due within a few working days. The full dashboard
   * (on-time rates, annual report tables) comes from the supervision module.
   */
  @Roles('supervisor')
  @Get('supervision')
  async supervision(@CurrentUser() user: AuthUser, @Req() req: Request, @Res() res: Response): Promise<void> {
    const calendar = await this.calendars.forAgency(null);
    const soon = calendar.addWorkingDays(this.clock.today(), DUE_SOON_WORKING_DAYS).date;
    const [overdue, atRisk] = await Promise.all([
      this.queries.list(user, { overdue: true, sort: 'due', pageSize: 100 }),
      this.queries.list(user, { overdue: false, open: true, dueBefore: soon, sort: 'due', pageSize: 100 }),
    ]);
    const dueSoon = atRisk.items.filter((c) => c.dueFlag === 'due_soon');
    const byAgency = new Map<string, { agencyName: string; overdue: number; dueSoon: number }>();
    for (const [list, key] of [
      [overdue.items, 'overdue'],
      [dueSoon, 'dueSoon'],
    ] as const) {
      for (const c of list) {
        const row = byAgency.get(c.agencyId) ?? { agencyName: c.agencyName, overdue: 0, dueSoon: 0 };
        row[key]++;
        byAgency.set(c.agencyId, row);
      }
    }
    return this.pages.send(
      req,
      res,
      'supervision',
      {
        overdue,
        dueSoon,
        soon,
        agencies: [...byAgency.values()].sort((a, b) => b.overdue - a.overdue || b.dueSoon - a.dueSoon),
      },
      { title: '督查' },
    );
  }
}
