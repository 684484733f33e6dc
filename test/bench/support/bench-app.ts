/**
 * The real application on a benchmark database: the test app (test/support/test-app.ts: AppModule
 * and configureApp as main.ts builds them, "now" fixed, jobs off, logs silent) on a database it does
 * not own. Benchmarks call its services directly (`app.get(CaseQueriesService).list(user, query)`) or
 * its HTTP API (`app.test.http`).
 */
import type { Type } from '@nestjs/common';
import type { DataSource, Logger as TypeOrmLogger } from 'typeorm';
import { createTestApp, type TestApp } from '../../support/test-app.js';

export interface BenchApp {
  readonly test: TestApp;
  get<T>(type: Type<T>): T;
  readonly dataSource: DataSource;
  /** Runs fn and returns the SQL statements (with parameters) the app sent meanwhile. */
  captureQueries(fn: () => Promise<unknown>): Promise<Array<{ sql: string; parameters: unknown[] }>>;
  close(): Promise<void>;
}

export async function startBenchApp(databaseUrl: string, options: { now: string }): Promise<BenchApp> {
  const name = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
  // A database passed in is shared: the app never drops it.
  const test = await createTestApp({
    now: options.now,
    database: { name, url: databaseUrl, drop: async () => undefined },
  });
  const dataSource = test.dataSource;
  return {
    test,
    get: (type) => test.app.get(type),
    dataSource,
    captureQueries: async (fn) => {
      const captured: Array<{ sql: string; parameters: unknown[] }> = [];
      const original = dataSource.logger;
      const recorder: TypeOrmLogger = {
        logQuery: (sql: string, parameters?: unknown[]) => {
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
    close: () => test.close(),
  };
}
