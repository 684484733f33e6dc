import { Controller, Get, Param, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { SignedIn } from '../auth/access-policy.decorators.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { ConsoleCsrfGuard } from './console-csrf.js';
import { ConsolePages } from './console-pages.js';
import { ParseIdPipe } from '../common/validation/parse-id.pipe.js';

const uuid = new ParseIdPipe();
const PAGE_SIZE = 20;

/** 通知: the signed-in user's reminders and daily digests (the bell in the header counts the unread). */
@ApiExcludeController()
@UseGuards(ConsoleCsrfGuard)
@SignedIn()
@Controller('inbox')
export class ConsoleNotificationsController {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly pages: ConsolePages,
  ) {}

  @Get()
  async list(
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
    @Res() res: Response,
    @Query('unread') unreadParam?: string,
    @Query('page') pageParam?: string,
  ): Promise<void> {
    const unread = unreadParam === '1';
    const page = /^\d{1,6}$/.test(pageParam ?? '') ? Math.max(1, Number(pageParam)) : 1;
    const list = await this.notifications.list(user, { unread, page, pageSize: PAGE_SIZE });
    const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
    const link = (p: number) =>
      `/inbox?${new URLSearchParams({ ...(unread ? { unread: '1' } : {}), page: String(p) }).toString()}`;
    return this.pages.send(
      req,
      res,
      'notifications',
      {
        list,
        unread,
        pager: {
          pages,
          current: page,
          prev: page > 1 ? link(page - 1) : null,
          next: page < pages ? link(page + 1) : null,
        },
      },
      { title: '通知' },
    );
  }

  /** Marks one read and stays on the list. */
  @Post(':id/read')
  async markRead(
    @CurrentUser() user: AuthUser,
    @Res() res: Response,
    @Param('id', uuid) id: string,
  ): Promise<void> {
    await this.notifications.markRead(user, id);
    this.pages.redirect(res, '/inbox');
  }

  /** Opens what a notification is about (its case) and marks it read: one click. */
  @Post(':id/open')
  async open(
    @CurrentUser() user: AuthUser,
    @Res() res: Response,
    @Param('id', uuid) id: string,
  ): Promise<void> {
    const n = await this.notifications.markRead(user, id);
    this.pages.redirect(res, n.caseId ? `/case/${n.caseId}` : '/inbox');
  }

  @Post('read-all')
  async markAllRead(@CurrentUser() user: AuthUser, @Res() res: Response): Promise<void> {
    const { marked } = await this.notifications.markAllRead(user);
    this.pages.redirect(res, '/inbox', {
      kind: 'success',
      messages: [marked ? `已将 ${marked} 条通知标为已读。` : '没有未读的通知。'],
    });
  }
}
