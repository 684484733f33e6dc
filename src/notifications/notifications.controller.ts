import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SignedIn } from '../auth/access-policy.decorators.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import {
  ListNotificationsQuery,
  MarkedResponse,
  NotificationPageResponse,
  NotificationResponse,
  NotificationSettingsDto,
  NotificationSettingsResponse,
} from './dto/notification.dto.js';
import { NotificationsService } from './notifications.service.js';
import { ParseIdPipe } from '../common/validation/parse-id.pipe.js';

const id = new ParseIdPipe();

/** The signed-in user's reminders and digests (in the app), and where to e-mail them. */
@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @SignedIn()
  @ApiOperation({ summary: 'My notifications, newest first (unread=true for the unread ones)' })
  @ApiOkResponse({ type: NotificationPageResponse })
  list(
    @CurrentUser() user: AuthUser,
    @Query() query: ListNotificationsQuery,
  ): Promise<NotificationPageResponse> {
    return this.notifications.list(user, query);
  }

  @Post('read-all')
  @SignedIn()
  @HttpCode(200)
  @ApiOkResponse({ type: MarkedResponse })
  markAllRead(@CurrentUser() user: AuthUser): Promise<MarkedResponse> {
    return this.notifications.markAllRead(user);
  }

  @Post(':id/read')
  @SignedIn()
  @HttpCode(200)
  @ApiOkResponse({ type: NotificationResponse })
  markRead(
    @CurrentUser() user: AuthUser,
    @Param('id', id) notificationId: string,
  ): Promise<NotificationResponse> {
    return this.notifications.markRead(user, notificationId);
  }

  @Get('settings')
  @SignedIn()
  @ApiOkResponse({ type: NotificationSettingsResponse })
  settings(@CurrentUser() user: AuthUser): Promise<NotificationSettingsResponse> {
    return this.notifications.settings(user);
  }

  @Put('settings')
  @SignedIn()
  @ApiOkResponse({ type: NotificationSettingsResponse })
  updateSettings(
    @CurrentUser() user: AuthUser,
    @Body() dto: NotificationSettingsDto,
  ): Promise<NotificationSettingsResponse> {
    return this.notifications.updateSettings(user, dto);
  }
}
