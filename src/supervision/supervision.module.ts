import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { CalendarModule } from '../calendar/calendar.module.js';
import { CasesModule } from '../cases/cases.module.js';
import { LettersModule } from '../letters/letters.module.js';
import { DemoSeedExtension } from '../database/demo-seed-extension.js';
import { AnnualReportPdf } from './annual-report.pdf.js';
import { AnnualReportsBuilder } from './annual-reports.builder.js';
import { DemoCasesSeeder } from './demo-cases.seeder.js';
import { RemedyRecordsController } from './remedy-records.controller.js';
import { RemedyRecordsService } from './remedy-records.service.js';
import { ReportLocksService } from './report-locks.service.js';
import { SupervisionLookups } from './supervision-lookups.js';
import { SupervisionQueries } from './supervision-queries.js';
import { SupervisionController } from './supervision.controller.js';
import { SupervisionService } from './supervision.service.js';
import { WorkingDayIndexService } from './working-day-index.service.js';

@Module({
  imports: [CalendarModule, CasesModule, LettersModule, AuditModule],
  controllers: [SupervisionController, RemedyRecordsController],
  providers: [
    SupervisionService,
    SupervisionQueries,
    SupervisionLookups,
    AnnualReportsBuilder,
    AnnualReportPdf,
    ReportLocksService,
    RemedyRecordsService,
    WorkingDayIndexService,
    { provide: DemoSeedExtension, useClass: DemoCasesSeeder },
  ],
  exports: [
    SupervisionService,
    RemedyRecordsService,
    SupervisionQueries,
    SupervisionLookups,
    WorkingDayIndexService,
    ReportLocksService,
    AnnualReportsBuilder,
  ],
})
export class SupervisionModule {}
