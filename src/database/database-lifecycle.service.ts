import { Inject, Injectable, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { runSeeds, type SeedResult } from '../../seeds/run-seeds.js';
import { Clock } from '../common/clock/clock.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { DemoSeedExtension } from './demo-seed-extension.js';

export type DatabaseState = 'connecting' | 'migrating' | 'ready' | 'failed';

export interface DatabaseStatus {
  state: DatabaseState;
  pendingMigrations: boolean;
  lastError?: string;
}

export class DatabaseUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatabaseUnavailableError';
  }
}

// Any fixed 64-bit number: instances starting together take turns to migrate and seed.
const MIGRATION_LOCK_KEY = 74_192_026;

/**
 * Connects (retrying with backoff for a bounded time), applies pending migrations and seeds, all
 * after the HTTP server is up, so that /health/ready can say "not ready" meanwhile.
 */
@Injectable()
export class DatabaseLifecycle {
  private readonly logger = new Logger(DatabaseLifecycle.name);
  private state: DatabaseState = 'connecting';
  private lastError?: string;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly moduleRef: ModuleRef,
  ) {}

  isReady(): boolean {
    return this.state === 'ready' && this.dataSource.isInitialized;
  }

  async status(): Promise<DatabaseStatus> {
    let pendingMigrations = true;
    if (this.dataSource.isInitialized) {
      pendingMigrations = await this.dataSource.showMigrations().catch(() => true);
    }
    return { state: this.state, pendingMigrations, lastError: this.lastError };
  }

  /** Resolves once the database is migrated and seeded; rejects after DB_CONNECT_TIMEOUT_SECONDS. */
  async bootstrap(options: { seed?: boolean } = {}): Promise<SeedResult> {
    await this.connectWithRetry();
    this.state = 'migrating';
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
      const applied = await this.dataSource.runMigrations({ transaction: 'each' });
      for (const migration of applied) this.logger.log(`Applied migration ${migration.name}`);
      const seed = options.seed ?? true;
      const production = this.config.nodeEnv === 'production';
      if (seed && this.config.demoData && production) {
        this.logger.warn('DEMO_DATA in production: demo agencies are seeded, demo accounts are not.');
      }
      const result = seed
        ? await runSeeds(this.dataSource, {
            demo: this.config.demoData,
            // Demo accounts share a published password: never in production.
            demoUsers: this.config.demoData && !production,
            now: this.clock.now(),
          })
        : { seededDemo: false };
      if (result.demoLogins && this.config.demoCases) await this.demoExtension()?.seed();
      this.state = 'ready';
      return result;
    } catch (error) {
      this.state = 'failed';
      this.lastError = (error as Error).message;
      throw error;
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
      await runner.release();
    }
  }

  /** Provided by a feature module (the demo cases), or none. */
  private demoExtension(): DemoSeedExtension | null {
    try {
      return this.moduleRef.get(DemoSeedExtension, { strict: false });
    } catch (error) {
      // Nest throws UnknownElementException (not exported from the package root) when none is provided.
      if ((error as object).constructor?.name !== 'UnknownElementException') throw error;
      return null;
    }
  }

  private async connectWithRetry(): Promise<void> {
    if (this.dataSource.isInitialized) return;
    const deadline = Date.now() + this.config.dbConnectTimeoutSeconds * 1000;
    let delay = 250;
    for (let attempt = 1; ; attempt++) {
      try {
        await this.dataSource.initialize();
        this.lastError = undefined;
        return;
      } catch (error) {
        this.lastError = (error as Error).message;
        if (Date.now() + delay > deadline) {
          this.state = 'failed';
          throw new DatabaseUnavailableError(
            `Could not connect to the database within ${this.config.dbConnectTimeoutSeconds} s ` +
              `(${attempt} attempts; last error: ${this.lastError}). Check DATABASE_URL.`,
          );
        }
        this.logger.warn(
          `Database not reachable (attempt ${attempt}: ${this.lastError}); retrying in ${delay} ms`,
        );
        await new Promise((resolve) => setTimeout(resolve, delay));
        delay = Math.min(delay * 2, 5000);
      }
    }
  }
}
