import { Controller, Get, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Roles } from '../auth/access-policy.decorators.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { CaseQueriesService } from '../cases/case-queries.service.js';
import { ConsoleCsrfGuard } from './console-csrf.js';
import { ConsolePages } from './console-pages.js';

/** The approver's queue: drafts to review and extension requests to decide. */
@ApiExcludeController()
@UseGuards(ConsoleCsrfGuard)
@Controller()
export class ConsoleQueuesController {
  constructor(
    private readonly pages: ConsolePages,
    private readonly queries: CaseQueriesService,
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
}
