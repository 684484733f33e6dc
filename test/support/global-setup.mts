import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source-options.js';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres.js';
import { freePort } from './free-port.js';
import { assertTestDatabaseName, databaseNameOf, TEST_ENV, withDatabase } from './test-database.js';
import { setTestCluster } from './test-cluster.js';

/**
 * One PostgreSQL server for the whole run: an embedded throwaway cluster in a temp directory on a
 * free port, or TEST_DATABASE_URL. Migrations run once into a template database; every test file
 * clones it (test-database.ts).
 */
export default async function globalSetup(): Promise<void> {
  const external = process.env.TEST_DATABASE_URL?.trim();
  let adminUrl: string;
  let template: string;
  if (external) {
    const name = databaseNameOf(external);
    assertTestDatabaseName(name);
    adminUrl = external;
    template = `${name}_template_${process.pid}`;
  } else {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gip-desk-test-'));
    fs.chmodSync(dataDir, 0o755); // as root the server runs as `postgres`, which must reach it
    template = 'gipdesk_test_template';
    const server = await startEmbeddedPostgres({
      dataDir,
      dataDirExplicit: true,
      port: await freePort(),
      database: 'postgres',
      logger: { info: () => undefined, warn: (m) => process.stderr.write(`${m}\n`) },
    });
    setTestCluster({ server, dataDir });
    adminUrl = server.urlFor('postgres');
  }
  const admin = new DataSource({ type: 'postgres', url: adminUrl });
  await admin.initialize();
  await admin.query(`DROP DATABASE IF EXISTS "${template}"`);
  await admin.query(`CREATE DATABASE "${template}"`);
  await admin.destroy();

  const templateSource = new DataSource(dataSourceOptions(withDatabase(adminUrl, template)));
  await templateSource.initialize();
  await templateSource.runMigrations({ transaction: 'each' });
  await templateSource.destroy();

  process.env[TEST_ENV.ADMIN_URL] = adminUrl;
  process.env[TEST_ENV.TEMPLATE] = template;
}
