import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsNull, type DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { Clock } from '../common/clock/clock.js';
import { DomainError } from '../common/errors/domain-error.js';
import type {
  ListNotificationsQuery,
  MarkedResponse,
  NotificationPageResponse,
  NotificationResponse,
  NotificationSettingsDto,
  NotificationSettingsResponse,
} from './dto/notification.dto.js';
import { Mailer } from './mailer.js';
import { NotificationSetting } from './notification-setting.entity.js';
import { Notification } from './notification.entity.js';

function toResponse(n: Notification): NotificationResponse {
  return {
    id: n.id,
    kind: n.kind,
    title: n.title,
    body: n.body,
    caseId: n.caseId,
    agencyId: n.agencyId,
    data: n.data,
    createdAt: n.createdAt.toISOString(),
    readAt: n.readAt?.toISOString() ?? null,
    emailStatus: n.emailStatus,
  };
}

/** The signed-in user's own notifications and e-mail setting (nobody reads another's). */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly mailer: Mailer,
    private readonly clock: Clock,
  ) {}

  async list(user: AuthUser, query: ListNotificationsQuery): Promise<NotificationPageResponse> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const repo = this.dataSource.getRepository(Notification);
    const where = { recipientId: user.id, ...(query.unread ? { readAt: IsNull() } : {}) };
    const [items, total] = await repo.findAndCount({
      where,
      order: { createdAt: 'DESC', id: 'ASC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    const unreadCount = await this.unreadCount(user);
    return { items: items.map(toResponse), unreadCount, page, pageSize, total };
  }

  /** How many of the user's notifications are unread (the console's bell). */
  unreadCount(user: AuthUser): Promise<number> {
    return this.dataSource.getRepository(Notification).countBy({ recipientId: user.id, readAt: IsNull() });
  }

  async markRead(user: AuthUser, id: string): Promise<NotificationResponse> {
    const repo = this.dataSource.getRepository(Notification);
    const n = await repo.findOneBy({ id, recipientId: user.id });
    if (!n) throw DomainError.notFound('通知');
    if (n.readAt === null) {
      n.readAt = this.clock.now();
      await repo.update({ id: n.id }, { readAt: n.readAt });
    }
    return toResponse(n);
  }

  async markAllRead(user: AuthUser): Promise<MarkedResponse> {
    const result = await this.dataSource
      .getRepository(Notification)
      .update({ recipientId: user.id, readAt: IsNull() }, { readAt: this.clock.now() });
    return { marked: result.affected ?? 0 };
  }

  async settings(user: AuthUser): Promise<NotificationSettingsResponse> {
    const s = await this.dataSource.getRepository(NotificationSetting).findOneBy({ userId: user.id });
    return {
      email: s?.email ?? null,
      emailEnabled: s?.emailEnabled ?? false,
      emailAvailable: this.mailer.enabled,
    };
  }

  async updateSettings(user: AuthUser, dto: NotificationSettingsDto): Promise<NotificationSettingsResponse> {
    const email = dto.email?.trim() || null;
    if (dto.emailEnabled && email === null) {
      throw DomainError.validation([{ field: 'email', message: '开启邮件提醒须填写电子邮箱' }]);
    }
    await this.dataSource
      .getRepository(NotificationSetting)
      .upsert({ userId: user.id, email, emailEnabled: dto.emailEnabled }, ['userId']);
    return this.settings(user);
  }
}
