import type { RunningPostgres } from '../../src/database/embedded-postgres.js';

interface TestCluster {
  server: RunningPostgres;
  dataDir: string;
}

// Jest runs globalSetup and globalTeardown in the same process: hand the server over through globalThis.
const KEY = Symbol.for('gip-desk.test-cluster');

export function setTestCluster(cluster: TestCluster): void {
  (globalThis as Record<symbol, unknown>)[KEY] = cluster;
}

export function takeTestCluster(): TestCluster | undefined {
  const cluster = (globalThis as Record<symbol, unknown>)[KEY] as TestCluster | undefined;
  delete (globalThis as Record<symbol, unknown>)[KEY];
  return cluster;
}
