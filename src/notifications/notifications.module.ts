import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module.js';
import { CasesModule } from '../cases/cases.module.js';
import { SupervisionModule } from '../supervision/supervision.module.js';
import { Mailer } from './mailer.js';
import { NotificationsController } from './notifications.controller.js';
import { NotificationsService } from './notifications.service.js';
import { RemindersService } from './reminders.service.js';

@Module({
  imports: [CalendarModule, CasesModule, SupervisionModule],
  controllers: [NotificationsController],
  providers: [NotificationsService, RemindersService, Mailer],
  exports: [RemindersService, NotificationsService],
})
export class NotificationsModule {}
