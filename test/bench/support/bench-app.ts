/**
 * The real application (AppModule, as main.ts builds it) on a benchmark database, without HTTP:
 * benchmarks call its services directly (`app.get(CaseQueriesService).list(user, query)`).
 * "Now" is fixed (the data set's asOf day), background jobs are off, logs are silent.
 */
import type { INestApplication, Type } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { DataSource, type Logger as TypeOrmLogger, type QueryRunner } from 'typeorm';
import { AppModule } from '../../../src/app.module.js';
import { Clock, FixedClock } from '../../../src/common/clock/clock.js';
import { loadConfig } from '../../../src/config/app-config.js';
import { DatabaseLifecycle } from '../../../src/database/database-lifecycle.service.js';

export interface BenchApp {
  get<T>(type: Type<T>): T;
  readonly dataSource: DataSource;
  /** Runs fn and returns the SQL statements (with parameters) the app sent meanwhile. */
  captureQueries(fn: () => Promise<unknown>): Promise<Array<{ sql: string; parameters: unknown[] }>>;
  close(): Promise<void>;
}

export async function startBenchApp(databaseUrl: string, options: { now: string }): Promise<BenchApp> {
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    LOG_FORMAT: 'json',
    DEMO_DATA: 'false',
    JOBS_ENABLED: 'false',
  });
  const moduleRef = await Test.createTestingModule({
    imports: [AppModule.forRoot({ config, databaseUrl })],
  })
    .overrideProvider(Clock)
    .useValue(new FixedClock(new Date(options.now), config.businessTimeZone))
    .compile();
  const app: INestApplication = moduleRef.createNestApplication({ logger: false });
  await app.init();
  await app.get(DatabaseLifecycle).bootstrap({ seed: false });
  const dataSource = app.get(DataSource);
  return {
    get: (type) => app.get(type),
    dataSource,
    captureQueries: async (fn) => {
      const captured: Array<{ sql: string; parameters: unknown[] }> = [];
      const original = dataSource.logger;
      const recorder: TypeOrmLogger = {
        logQuery: (sql: string, parameters?: unknown[], _runner?: QueryRunner) => {
          captured.push({ sql, parameters: parameters ?? [] });
        },
        logQueryError: () => undefined,
        logQuerySlow: () => undefined,
        logSchemaBuild: () => undefined,
        logMigration: () => undefined,
        log: () => undefined,
      };
      (dataSource as unknown as { logger: TypeOrmLogger }).logger = recorder;
      try {
        await fn();
      } finally {
        (dataSource as unknown as { logger: TypeOrmLogger }).logger = original;
      }
      return captured;
    },
    close: () => app.close(),
  };
}
