import crypto from 'node:crypto';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source-options.js';

/** Set by global-setup.ts for every worker. */
const ADMIN_URL = 'GIP_TEST_ADMIN_URL';
const TEMPLATE = 'GIP_TEST_TEMPLATE_DB';

export const TEST_ENV = { ADMIN_URL, TEMPLATE } as const;

/** Tests never touch a database whose name does not say it is a test database. */
export function assertTestDatabaseName(name: string): void {
  if (!/test/i.test(name)) {
    throw new Error(`Refusing to run tests against database "${name}": its name must contain "test".`);
  }
}

export function databaseNameOf(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

export interface TestDatabase {
  readonly name: string;
  readonly url: string;
  drop(): Promise<void>;
}

/** A fresh database for one test file, cloned from the migrated template (CREATE DATABASE … TEMPLATE). */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env[ADMIN_URL];
  const template = process.env[TEMPLATE];
  if (!adminUrl || !template)
    throw new Error('The test database server is not set up (test/support/global-setup.ts).');
  const name = `gipdesk_test_${crypto.randomBytes(6).toString('hex')}`;
  assertTestDatabaseName(name);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        await admin.query(
          `CREATE DATABASE ${admin.escapeIdentifier(name)} TEMPLATE ${admin.escapeIdentifier(template)}`,
        );
        break;
      } catch (error) {
        // Another worker's CREATE DATABASE may hold the template for a moment.
        if (attempt >= 20 || !/being accessed by other users/.test((error as Error).message)) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
      }
    }
  } finally {
    await admin.end();
  }
  return {
    name,
    url: withDatabase(adminUrl, name),
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

export interface TestDataSource {
  readonly database: TestDatabase;
  readonly dataSource: DataSource;
  close(): Promise<void>;
}

/** A fresh test database with a connected TypeORM DataSource (the app's options), for integration tests. */
export async function openTestDataSource(): Promise<TestDataSource> {
  const database = await createTestDatabase();
  const dataSource = new DataSource(dataSourceOptions(database.url));
  await dataSource.initialize();
  return {
    database,
    dataSource,
    close: async () => {
      await dataSource.destroy();
      await database.drop();
    },
  };
}
