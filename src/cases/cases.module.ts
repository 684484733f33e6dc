import { Module, type OnModuleInit } from '@nestjs/common';
import { AgenciesModule } from '../agencies/agencies.module.js';
import { AgencyUsageRegistry } from '../agencies/agency-usage.registry.js';
import { CalendarChangeListener } from '../calendar/calendar-change.listener.js';
import { CalendarModule } from '../calendar/calendar.module.js';
import { LettersModule } from '../letters/letters.module.js';
import { CaseCalendarListener } from './case-calendar.listener.js';
import { CaseClockService } from './case-clock.service.js';
import { CaseQueriesService } from './case-queries.service.js';
import { CaseSweepService } from './case-sweep.service.js';
import { CaseTimelineService } from './case-timeline.service.js';
import { CaseMapper } from './case.mapper.js';
import { CasesController } from './cases.controller.js';
import { CasesService } from './cases.service.js';

@Module({
  imports: [CalendarModule, AgenciesModule, LettersModule],
  controllers: [CasesController],
  providers: [
    CasesService,
    CaseQueriesService,
    CaseClockService,
    CaseMapper,
    CaseSweepService,
    CaseTimelineService,
    { provide: CalendarChangeListener, useClass: CaseCalendarListener },
  ],
  exports: [
    CasesService,
    CaseQueriesService,
    CaseClockService,
    CaseSweepService,
    CaseTimelineService,
    CaseMapper,
  ],
})
export class CasesModule implements OnModuleInit {
  constructor(private readonly usage: AgencyUsageRegistry) {}

  onModuleInit(): void {
    // An agency that has cases can be deactivated but not deleted.
    this.usage.register({
      label: '依申请公开案件',
      isUsed: async (manager, agencyId) =>
        (await manager.query(`SELECT 1 FROM disclosure_case WHERE agency_id = $1 LIMIT 1`, [agencyId]))
          .length > 0,
    });
  }
}
