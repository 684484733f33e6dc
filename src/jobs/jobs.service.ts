import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import PgBoss from 'pg-boss';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';

export interface RecurringJob {
  /** Queue name, e.g. `case-sweep`. */
  name: string;
  /** Cron expression in the business time zone. */
  cron: string;
  /** Also run once at start, to catch up after downtime. */
  runAtStart: boolean;
  handler: () => Promise<void>;
}

export const DATABASE_URL = Symbol('DATABASE_URL');

/**
 * Background work through pg-boss, a PostgreSQL-backed queue: with several app instances a
 * scheduled job is taken by exactly one of them (SKIP LOCKED), and jobs missed while every instance
 * was down run when one comes back. pg-boss keeps its own tables in the `pgboss` schema (created and
 * migrated by pg-boss itself, outside our migrations).
 */
@Injectable()
export class JobsService implements OnApplicationShutdown {
  private readonly logger = new Logger(JobsService.name);
  private readonly jobs: RecurringJob[] = [];
  private boss?: PgBoss;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DATABASE_URL) private readonly databaseUrl: string,
  ) {}

  /** Feature modules declare their recurring jobs at init; they start with start(). */
  register(job: RecurringJob): void {
    this.jobs.push(job);
  }

  async start(): Promise<void> {
    if (!this.config.jobsEnabled || this.boss) return;
    const boss = new PgBoss({
      connectionString: this.databaseUrl,
      application_name: 'gip-desk-jobs',
      max: 4,
    });
    boss.on('error', (error: Error) => this.logger.error(`Job queue: ${error.message}`));
    await boss.start();
    this.boss = boss;
    for (const job of this.jobs) {
      await boss.createQueue(job.name);
      await boss.schedule(job.name, job.cron, {}, { tz: this.config.businessTimeZone });
      await boss.work(job.name, async () => {
        await job.handler();
      });
      if (job.runAtStart) {
        // A singleton key per day: several instances starting together run the catch-up once.
        await boss.send(job.name, {}, { singletonKey: `start-${new Date().toISOString().slice(0, 13)}` });
      }
    }
    this.logger.log(`Background jobs started: ${this.jobs.map((j) => j.name).join(', ') || 'none'}`);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.boss?.stop({ graceful: true, timeout: 10_000 });
    this.boss = undefined;
  }
}
