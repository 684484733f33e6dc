import { Module, type OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { NextFunction, Request, Response } from 'express';
import { AgenciesModule } from '../agencies/agencies.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { CalendarModule } from '../calendar/calendar.module.js';
import { CasesModule } from '../cases/cases.module.js';
import { CaseLettersModule } from '../letters/case-letters.module.js';
import { LettersModule } from '../letters/letters.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { SupervisionModule } from '../supervision/supervision.module.js';
import { ConsoleAdminController } from './admin.controller.js';
import { ConsoleCaseLettersController } from './case-letters.controller.js';
import { ConsoleCasePage } from './case-page.js';
import { ConsoleCasePagesController } from './case-pages.controller.js';
import { ConsoleCaseRemediesController } from './case-remedies.controller.js';
import { ConsoleCsrf, ConsoleCsrfGuard } from './console-csrf.js';
import { ConsoleErrorPages } from './console-error-pages.js';
import { ConsolePages } from './console-pages.js';
import { isConsoleRequest } from './console-paths.js';
import { ConsoleViews } from './console-views.js';
import { ConsoleNotificationsController } from './notifications.controller.js';
import { ConsoleRegistrationController } from './registration.controller.js';
import { ConsoleQueuesController } from './review.controller.js';
import { ConsoleSessionController } from './session.controller.js';
import { ConsoleSupervisionController } from './supervision.controller.js';

/**
 * The web console: server-rendered Chinese pages at / (outside /api/v1) for clerks, handlers,
 * approvers, supervisors and admins. Controllers call the same services as the API, never the API.
 */
@Module({
  imports: [
    AuthModule,
    AgenciesModule,
    CalendarModule,
    CasesModule,
    LettersModule,
    CaseLettersModule,
    SupervisionModule,
    NotificationsModule,
  ],
  controllers: [
    ConsoleSessionController,
    ConsoleRegistrationController,
    ConsoleCasePagesController,
    ConsoleCaseLettersController,
    ConsoleCaseRemediesController,
    ConsoleQueuesController,
    ConsoleSupervisionController,
    ConsoleNotificationsController,
    ConsoleAdminController,
  ],
  providers: [ConsoleViews, ConsoleCsrf, ConsoleCsrfGuard, ConsolePages, ConsoleCasePage],
  exports: [ConsoleViews],
})
export class ConsoleModule implements OnApplicationBootstrap {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly views: ConsoleViews,
  ) {}

  /**
   * Nest answers unknown paths under the API prefix only; an unknown console address gets the
   * console's 404 page. Registered once the routes are (it must come after them).
   */
  onApplicationBootstrap(): void {
    // Command-line tools (npm run user:create) run the modules without an HTTP server.
    const adapter = this.adapterHost.httpAdapter as HttpAdapterHost['httpAdapter'] | undefined;
    if (!adapter) return;
    const pages = new ConsoleErrorPages(this.views);
    const express = adapter.getInstance<{ use: (h: unknown) => void }>();
    express.use((request: Request, response: Response, next: NextFunction) => {
      if (!isConsoleRequest(request) || response.headersSent) return next();
      pages.respond(request, response, {
        code: 'ROUTE_NOT_FOUND',
        status: 404,
        title: '页面不存在',
        detail: `没有 ${request.path} 这个页面。`,
      });
    });
  }
}
