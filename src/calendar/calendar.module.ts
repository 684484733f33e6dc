import { Module } from '@nestjs/common';
import { CalendarChangeNotifier } from './calendar-change.notifier.js';
import { CalendarImportService } from './calendar-import.service.js';
import { CalendarLocalDaysController } from './calendar-local-days.controller.js';
import { CalendarLocalDaysService } from './calendar-local-days.service.js';
import { CalendarController } from './calendar.controller.js';
import { CalendarService } from './calendar.service.js';

/**
 * The working-day calendar. Other modules inject CalendarService and call `forAgency(agencyId)`.
 * The cases module provides a `CalendarChangeListener` (calendar-change.listener.ts) in any of its
 * modules to preview and apply due-date changes when a year or a local day changes; it is found
 * application-wide (calendar-change.notifier.ts) and optional.
 */
@Module({
  controllers: [CalendarController, CalendarLocalDaysController],
  providers: [CalendarService, CalendarImportService, CalendarLocalDaysService, CalendarChangeNotifier],
  exports: [CalendarService, CalendarImportService],
})
export class CalendarModule {}
