import { Module, type DynamicModule } from '@nestjs/common';
import { AgenciesModule } from './agencies/agencies.module.js';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { CalendarModule } from './calendar/calendar.module.js';
import { CasesModule } from './cases/cases.module.js';
import { CommonModule } from './common/common.module.js';
import { ConsoleModule } from './console/console.module.js';
import { LoggingModule } from './common/logging/logging.module.js';
import type { AppConfig } from './config/app-config.js';
import { ConfigModule } from './config/config.module.js';
import { DatabaseModule } from './database/database.module.js';
import { HealthModule } from './health/health.module.js';
import { JobsModule } from './jobs/jobs.module.js';
import { CaseLettersModule } from './letters/case-letters.module.js';
import { LettersModule } from './letters/letters.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { SupervisionModule } from './supervision/supervision.module.js';

export interface AppModuleOptions {
  config: AppConfig;
  /** The server to use: DATABASE_URL, the embedded server, or a test database. */
  databaseUrl: string;
}

@Module({})
export class AppModule {
  static forRoot({ config, databaseUrl }: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule,
        CommonModule,
        DatabaseModule.forRoot(databaseUrl),
        JobsModule.forRoot(databaseUrl),
        HealthModule,
        AuditModule,
        AgenciesModule,
        AuthModule,
        CalendarModule,
        LettersModule,
        CasesModule,
        CaseLettersModule,
        ConsoleModule,
        SupervisionModule,
        NotificationsModule,
      ],
    };
  }
}
