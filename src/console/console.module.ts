import { Module } from '@nestjs/common';
import { AgenciesModule } from '../agencies/agencies.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { CalendarModule } from '../calendar/calendar.module.js';
import { CasesModule } from '../cases/cases.module.js';
import { LettersModule } from '../letters/letters.module.js';
import { ConsoleAdminController } from './admin.controller.js';
import { ConsoleCasePagesController } from './case-pages.controller.js';
import { ConsoleCsrf, ConsoleCsrfGuard } from './console-csrf.js';
import { ConsolePages } from './console-pages.js';
import { ConsoleViews } from './console-views.js';
import { ConsoleRegistrationController } from './registration.controller.js';
import { ConsoleQueuesController } from './review.controller.js';
import { ConsoleSessionController } from './session.controller.js';

/**
 * The web console: server-rendered Chinese pages at / (outside /api/v1) for clerks, handlers,
 * approvers, supervisors and admins. Controllers call the same services as the API, never the API.
 */
@Module({
  imports: [AuthModule, AgenciesModule, CalendarModule, CasesModule, LettersModule],
  controllers: [
    ConsoleSessionController,
    ConsoleRegistrationController,
    ConsoleCasePagesController,
    ConsoleQueuesController,
    ConsoleAdminController,
  ],
  providers: [ConsoleViews, ConsoleCsrf, ConsoleCsrfGuard, ConsolePages],
  exports: [ConsoleViews],
})
export class ConsoleModule {}
