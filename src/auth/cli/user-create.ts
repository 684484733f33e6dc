/**
 * `npm run user:create -- --username admin --display-name 系统管理员 [--roles admin] [--agency <code>]
 *  [--password-stdin]`: creates a user from the command line — how the first admin of an installation
 * comes to exist. Without --password-stdin a one-time password is generated and printed once; either
 * way it must be changed at the first sign-in. Uses DATABASE_URL or the embedded server (that of a
 * running instance if there is one), applies pending migrations first, and is audited.
 */
import 'reflect-metadata';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { Agency } from '../../agencies/agency.entity.js';
import { AppModule } from '../../app.module.js';
import { DomainError } from '../../common/errors/domain-error.js';
import { ConfigError } from '../../config/app-config.js';
import { configFromEnvironment } from '../../config/environment.js';
import { DatabaseLifecycle } from '../../database/database-lifecycle.service.js';
import { startEmbeddedPostgres, type RunningPostgres } from '../../database/embedded-postgres.js';
import { ROLES, type Role } from '../role.js';
import { UsersService } from '../users.service.js';

const USAGE =
  'Usage: npm run user:create -- --username <name> --display-name <姓名> [--roles admin,supervisor] ' +
  '[--agency <agency code>] [--password-stdin]';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      username: { type: 'string' },
      'display-name': { type: 'string' },
      roles: { type: 'string', default: 'admin' },
      agency: { type: 'string' },
      'password-stdin': { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (!values.username || !values['display-name']) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const roles = values.roles.split(',').map((r) => r.trim()) as Role[];
  const unknown = roles.filter((r) => !ROLES.includes(r));
  if (unknown.length > 0) {
    process.stderr.write(`Unknown role(s): ${unknown.join(', ')}. Roles: ${ROLES.join(', ')}\n`);
    return 2;
  }
  const password = values['password-stdin'] ? await readStdin() : undefined;

  const config = configFromEnvironment({ LOG_LEVEL: 'warn' });
  let embedded: RunningPostgres | undefined;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres({
      dataDir: config.dataDir,
      dataDirExplicit: config.dataDirExplicit,
      port: config.embeddedPgPort,
      database: 'gipdesk',
      attachIfRunning: true,
      logger: { info: () => undefined, warn: (m) => process.stderr.write(`${m}\n`) },
    });
    databaseUrl = embedded.url;
  }
  const app = await NestFactory.createApplicationContext(AppModule.forRoot({ config, databaseUrl }), {
    logger: ['error', 'warn'],
  });
  try {
    await app.get(DatabaseLifecycle).bootstrap({ seed: false });
    let agencyId: string | null = null;
    if (values.agency) {
      const agency = await app.get(DataSource).getRepository(Agency).findOneBy({ code: values.agency });
      if (!agency) {
        process.stderr.write(`No agency with code "${values.agency}".\n`);
        return 1;
      }
      agencyId = agency.id;
    }
    const created = await app.get(UsersService).createUser(
      {
        username: values.username,
        displayName: values['display-name'],
        agencyId,
        roles,
        temporaryPassword: password,
      },
      {
        userId: null,
        username: 'cli',
        ip: null,
        userAgent: `npm run user:create (os user ${os.userInfo().username})`,
      },
    );
    const { user } = created;
    process.stdout.write(
      `Created user ${user.username} (${user.displayName}; roles: ${user.roles.join(', ')}` +
        `${user.agencyName ? `; agency: ${user.agencyName}` : ''}).\n`,
    );
    if (created.temporaryPassword) {
      process.stdout.write(`One-time password (shown only now): ${created.temporaryPassword}\n`);
    }
    process.stdout.write('The password must be changed at the first sign-in.\n');
    return 0;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const fields = (error.errors ?? []).map((e) => `  - ${e.field}: ${e.message}\n`).join('');
    process.stderr.write(fields ? `Not created:\n${fields}` : `Not created: ${error.detail}\n`);
    return 1;
  } finally {
    await app.close();
    await embedded?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `${error instanceof ConfigError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
