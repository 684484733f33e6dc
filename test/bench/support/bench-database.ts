/**
 * A PostgreSQL database holding the synthetic county, for benchmarks:
 *
 *   const db = await openBenchDatabase({ cases: 1_000_000 });   // db.url, db.dataSet
 *   …
 *   await db.close();
 *
 * Without BENCH_DATABASE_URL it runs its own embedded PostgreSQL (the app's launcher) on a cluster
 * kept in BENCH_DATA_DIR (default `<tmp>/gip-desk-bench`) so that the data set is generated once
 * (a few minutes) and reused: it lives in a database named after the options and the generator
 * version, pending migrations are applied to it at every start (so a new index is built on the full
 * data set, timed), and each run works on a fresh copy (CREATE DATABASE … TEMPLATE), dropped at close.
 *
 * With BENCH_DATABASE_URL (its database name must contain "bench") that database is migrated, the
 * data set generated into it if missing, and used as is: what a run writes stays.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { runSeeds } from '../../../seeds/run-seeds.js';
import { dataSourceOptions } from '../../../src/database/data-source-options.js';
import { startEmbeddedPostgres, type RunningPostgres } from '../../../src/database/embedded-postgres.js';
import { freePort } from '../../support/free-port.js';
import {
  generateCases,
  readCaseDataSet,
  SYNTHETIC_CASES_VERSION,
  type CaseDataSet,
  type CaseDataSetOptions,
} from './synthetic-cases.js';

export interface BenchDatabase {
  /** The database to benchmark against (a copy of the data set, or BENCH_DATABASE_URL). */
  readonly url: string;
  readonly dataSet: CaseDataSet;
  close(): Promise<void>;
}

export interface BenchDatabaseOptions extends CaseDataSetOptions {
  /** Regenerate even if a cached data set exists. */
  fresh?: boolean;
}

const RUN_DATABASE = 'gipdesk_bench_run';

export async function openBenchDatabase(options: BenchDatabaseOptions): Promise<BenchDatabase> {
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const external = process.env.BENCH_DATABASE_URL?.trim();
  if (external) {
    const name = decodeURIComponent(new URL(external).pathname.slice(1));
    if (!/bench/i.test(name)) {
      throw new Error(`BENCH_DATABASE_URL: refusing database "${name}" (its name must contain "bench").`);
    }
    const dataSet = await prepare(external, options, log);
    return { url: external, dataSet, close: async () => undefined };
  }

  const dataDir = process.env.BENCH_DATA_DIR?.trim() || path.join(os.tmpdir(), 'gip-desk-bench');
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o755 });
  fs.chmodSync(dataDir, 0o755); // as root the server runs as `postgres`, which must reach it
  const server: RunningPostgres = await startEmbeddedPostgres({
    dataDir,
    dataDirExplicit: true,
    port: Number(process.env.BENCH_PG_PORT) || (await freePort()),
    database: 'postgres',
    logger: { info: (m) => log(m), warn: (m) => log(`warning: ${m}`) },
  });
  try {
    let dataSet: CaseDataSet;
    const admin = new pg.Client({ connectionString: server.urlFor('postgres') });
    await admin.connect();
    try {
      // Bulk loads write gigabytes of WAL: fewer forced checkpoints (reloadable, no restart).
      await admin.query(`ALTER SYSTEM SET max_wal_size = '8GB'`);
      await admin.query(`SELECT pg_reload_conf()`);
      const o = { agencies: 30, seed: 2026, asOf: '2026-11-27', ...options };
      const name = `gipdesk_bench_${o.cases}_a${o.agencies}_s${o.seed}_${o.asOf.replaceAll('-', '')}_v${SYNTHETIC_CASES_VERSION}`;
      const exists = await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name]);
      if (exists.rowCount && options.fresh) await admin.query(`DROP DATABASE "${name}" WITH (FORCE)`);
      if (!exists.rowCount || options.fresh) await admin.query(`CREATE DATABASE "${name}"`);
      dataSet = await prepare(server.urlFor(name), options, log);

      const t0 = performance.now();
      await admin.query(`DROP DATABASE IF EXISTS ${RUN_DATABASE} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${RUN_DATABASE} TEMPLATE "${name}" STRATEGY FILE_COPY`);
      log(`Copied the data set into ${RUN_DATABASE} in ${seconds(t0)}`);
    } finally {
      await admin.end();
    }
    return {
      url: server.urlFor(RUN_DATABASE),
      dataSet,
      close: async () => {
        const admin2 = new pg.Client({ connectionString: server.urlFor('postgres') });
        await admin2.connect();
        await admin2
          .query(`DROP DATABASE IF EXISTS ${RUN_DATABASE} WITH (FORCE)`)
          .finally(() => admin2.end());
        await server.stop();
      },
    };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

/** Migrates the database, loads the reference seeds, and generates the data set if it is missing. */
async function prepare(
  url: string,
  options: BenchDatabaseOptions,
  log: (line: string) => void,
): Promise<CaseDataSet> {
  const dataSource = new DataSource(dataSourceOptions(url));
  await dataSource.initialize();
  try {
    const t0 = performance.now();
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    if (applied.length) log(`Applied ${applied.map((m) => m.name).join(', ')} in ${seconds(t0)}`);
    let dataSet = await readCaseDataSet(dataSource);
    if (dataSet && dataSet.options.cases !== options.cases) {
      throw new Error(`The database holds ${dataSet.options.cases} synthetic cases, not ${options.cases}.`);
    }
    if (!dataSet) {
      await runSeeds(dataSource, { demo: false, demoUsers: false, now: new Date() });
      log(
        `Generating ${options.cases.toLocaleString('en-US')} synthetic cases (once; cached for later runs)…`,
      );
      dataSet = await generateCases(dataSource, { ...options, log });
      log(
        `Generated ${dataSet.counts.cases.toLocaleString('en-US')} cases (${dataSet.counts.openCases.toLocaleString('en-US')} open), ` +
          `${dataSet.counts.applicants.toLocaleString('en-US')} applicants, ${dataSet.counts.events.toLocaleString('en-US')} events ` +
          `in ${(dataSet.generatedInMs / 1000).toFixed(0)} s`,
      );
    }
    return dataSet;
  } finally {
    await dataSource.destroy();
  }
}

function seconds(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`;
}
