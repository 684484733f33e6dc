import fs from 'node:fs';
import pg from 'pg';
import { TEST_ENV } from './test-database.js';
import { takeTestCluster } from './test-cluster.js';

export default async function globalTeardown(): Promise<void> {
  const cluster = takeTestCluster();
  if (cluster) {
    await cluster.server.stop();
    fs.rmSync(cluster.dataDir, { recursive: true, force: true });
    return;
  }
  // External server (TEST_DATABASE_URL): drop our template.
  const adminUrl = process.env[TEST_ENV.ADMIN_URL];
  const template = process.env[TEST_ENV.TEMPLATE];
  if (!adminUrl || !template) return;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
  await client.end();
}
