import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import pino from 'pino';
import { AppModule } from './app.module.js';
import { ConfigError, type AppConfig } from './config/app-config.js';
import { configFromEnvironment } from './config/environment.js';
import { configureApp } from './configure-app.js';
import { DatabaseLifecycle, DatabaseUnavailableError } from './database/database-lifecycle.service.js';
import {
  EmbeddedPostgresError,
  startEmbeddedPostgres,
  type RunningPostgres,
} from './database/embedded-postgres.js';
import { JobsService } from './jobs/jobs.service.js';
import { printBanner } from './startup-banner.js';

const EMBEDDED_DATABASE = 'gipdesk';

async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = configFromEnvironment();
  } catch (error) {
    if (error instanceof ConfigError) return fail(error.message);
    throw error;
  }
  const log = pino({
    level: config.logLevel,
    transport:
      config.logFormat === 'pretty' ? { target: 'pino-pretty', options: { singleLine: true } } : undefined,
  });

  let embedded: RunningPostgres | undefined;
  let app: NestExpressApplication | undefined;
  let shuttingDown: Promise<void> | undefined;
  const shutdown = (signal: string, code = 0) => {
    shuttingDown ??= (async () => {
      log.info(`${signal}: shutting down`);
      const timer = setTimeout(() => {
        log.error('Shutdown took longer than 30 s; exiting');
        process.exit(1);
      }, 30_000);
      await app?.close().catch((e: Error) => log.error(`Closing the app: ${e.message}`));
      await embedded?.stop().catch((e: Error) => log.error(`Stopping PostgreSQL: ${e.message}`));
      clearTimeout(timer);
      log.flush();
      process.exit(code);
    })();
    return shuttingDown;
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    let databaseUrl = config.databaseUrl;
    if (!databaseUrl) {
      log.info('DATABASE_URL is not set: starting the embedded PostgreSQL');
      embedded = await startEmbeddedPostgres({
        dataDir: config.dataDir,
        dataDirExplicit: config.dataDirExplicit,
        port: config.embeddedPgPort,
        database: EMBEDDED_DATABASE,
        logger: { info: (m) => log.info(m), warn: (m) => log.warn(m) },
      });
      log.info(`Embedded PostgreSQL ready on 127.0.0.1:${embedded.port} (data in ${embedded.clusterDir})`);
      databaseUrl = embedded.url;
    }

    app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot({ config, databaseUrl }), {
      bufferLogs: true,
    });
    configureApp(app);
    await listen(app, config);
    printBanner(config, await app.get(DatabaseLifecycle).bootstrap());
    // Background jobs (lapses of statutory periods, reminders) start once the schema is in place.
    await app.get(JobsService).start();
  } catch (error) {
    if (
      error instanceof EmbeddedPostgresError ||
      error instanceof DatabaseUnavailableError ||
      error instanceof StartupError
    ) {
      log.error(error.message);
    } else {
      log.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    }
    await shutdown('startup failure', 1);
  }
}

class StartupError extends Error {}

async function listen(app: NestExpressApplication, config: AppConfig): Promise<void> {
  try {
    await app.listen(config.port, config.host);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      throw new StartupError(
        `Port ${config.port} is already in use (PORT). Stop the other program or set PORT.`,
      );
    }
    if (code === 'EACCES') throw new StartupError(`Not allowed to listen on port ${config.port} (PORT).`);
    throw error;
  }
}

function fail(message: string): void {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

await main();
