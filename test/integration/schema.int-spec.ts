import fs from 'node:fs';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../migrations/index.js';
import { dataSourceOptions } from '../../src/database/data-source-options.js';
import { ENTITIES } from '../../src/database/entities.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

/**
 * The schema exists only through migrations: on the migrated template the entities must need no
 * further change (no drift), and every migration must revert cleanly and apply again.
 */
describe('migrations', () => {
  let db: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = new DataSource(dataSourceOptions(db.url));
    await dataSource.initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  it('match the entities exactly (no drift)', async () => {
    const pending = await dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('are all listed in migrations/index.ts', () => {
    const files = fs
      .readdirSync(path.resolve('migrations'))
      .filter((f) => /^\d+-.+\.ts$/.test(f))
      .map((f) => f.split('-')[0]);
    const listed = MIGRATIONS.map((m) => m.name.match(/\d+$/)?.[0]);
    expect(listed).toEqual(files.sort());
  });

  it('are all applied', async () => {
    expect(await dataSource.showMigrations()).toBe(false);
    expect(ENTITIES.length).toBeGreaterThan(0);
  });

  it('revert down to an empty schema and apply again', async () => {
    const count = dataSource.migrations.length;
    for (let i = 0; i < count; i++) await dataSource.undoLastMigration({ transaction: 'each' });
    const tables = await dataSource.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'typeorm_migrations'`,
    );
    expect(tables).toEqual([]);
    await dataSource.runMigrations({ transaction: 'each' });
    const pending = await dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries).toEqual([]);
  });

  it('leave the database in UTF8 so Chinese text search works', async () => {
    const [{ server_encoding: encoding }] = await dataSource.query(
      `SELECT current_setting('server_encoding') AS server_encoding`,
    );
    expect(encoding).toBe('UTF8');
    const [{ upper }] = await dataSource.query(`SELECT upper('郯城ab') AS upper`);
    expect(upper).toBe('郯城AB');
  });
});
