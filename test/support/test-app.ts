import type { DynamicModule, INestApplication, Type } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module.js';
import { Clock, FixedClock } from '../../src/common/clock/clock.js';
import { loadConfig, type AppConfig } from '../../src/config/app-config.js';
import { configureApp } from '../../src/configure-app.js';
import { DatabaseLifecycle } from '../../src/database/database-lifecycle.service.js';
import { JobsService } from '../../src/jobs/jobs.service.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export interface TestAppOptions {
  /** Extra environment variables (validated like production's). */
  env?: Record<string, string>;
  /** "Now" for the app; defaults to 2026-11-27 10:00 in Shanghai. */
  now?: string;
  /** Extra modules (e.g. a controller that only tests need). */
  imports?: Array<Type | DynamicModule>;
  /** Run the seeds (demo county when DEMO_DATA=true). */
  seed?: boolean;
  /** Share the database of another test app (a second instance); it is dropped by its owner only. */
  database?: TestDatabase;
}

export interface TestApp {
  readonly app: INestApplication;
  readonly http: ReturnType<typeof request>;
  readonly clock: FixedClock;
  readonly config: AppConfig;
  readonly database: TestDatabase;
  readonly dataSource: DataSource;
  close(): Promise<void>;
}

/**
 * The real application (AppModule + configureApp, exactly as main.ts builds it) on a fresh database
 * cloned from the migrated template, answering real HTTP through supertest.
 */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const shared = options.database !== undefined;
  const database = options.database ?? (await createTestDatabase());
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    LOG_FORMAT: 'json',
    DEMO_DATA: 'false',
    JOBS_ENABLED: 'false',
    // Tests build the cases they need; the demo cases are for people trying the app.
    DEMO_CASES: 'false',
    ...options.env,
  });
  const clock = new FixedClock(new Date(options.now ?? '2026-11-27T10:00:00+08:00'), config.businessTimeZone);
  const moduleRef = await Test.createTestingModule({
    imports: [AppModule.forRoot({ config, databaseUrl: database.url }), ...(options.imports ?? [])],
  })
    .overrideProvider(Clock)
    .useValue(clock)
    .compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ bufferLogs: true });
  configureApp(app);
  await app.init();
  await app.get(DatabaseLifecycle).bootstrap({ seed: options.seed ?? false });
  // Background jobs start as in main.ts (only when JOBS_ENABLED=true: tests run sweeps by hand).
  await app.get(JobsService).start();
  const dataSource = app.get(DataSource);
  return {
    app,
    http: request(app.getHttpServer()),
    clock,
    config,
    database,
    dataSource,
    close: async () => {
      await app.close();
      if (!shared) await database.drop();
    },
  };
}
