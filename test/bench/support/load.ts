/**
 * Measuring database-bound operations: throughput and latency percentiles under N concurrent
 * clients (runLoad), or one after another (sample), and a table of each contender against a
 * baseline measured in the same run (printAgainst). tinybench (compare.ts) suits pure functions;
 * these suit work whose cost is round trips and locks.
 */
import { percentile } from './compare.js';

export interface Measurement {
  name: string;
  ops: number;
  errors: number;
  seconds: number;
  opsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
}

export interface LoadOptions {
  clients: number;
  durationMs: number;
  /** Run (unmeasured) before measuring: connections, caches, JIT. */
  warmupMs?: number;
}

/** `clients` loops calling op(client, n) back to back for durationMs; every completed call is timed. */
export async function runLoad(
  name: string,
  options: LoadOptions,
  op: (client: number, n: number) => Promise<unknown>,
): Promise<Measurement> {
  let counter = 0;
  const loop = async (client: number, until: number, latencies: number[] | null, failures: unknown[]) => {
    while (performance.now() < until) {
      const t0 = performance.now();
      try {
        await op(client, counter++);
        latencies?.push(performance.now() - t0);
      } catch (error) {
        failures.push(error);
      }
    }
  };
  const clients = Array.from({ length: options.clients }, (_, c) => c);
  if (options.warmupMs) {
    const until = performance.now() + options.warmupMs;
    await Promise.all(clients.map((c) => loop(c, until, null, [])));
  }
  const latencies: number[] = [];
  const failures: unknown[] = [];
  const start = performance.now();
  const until = start + options.durationMs;
  await Promise.all(clients.map((c) => loop(c, until, latencies, failures)));
  const seconds = (performance.now() - start) / 1000;
  if (failures.length > 0 && latencies.length === 0) throw failures[0];
  return summarise(name, latencies, failures.length, seconds);
}

/** One call at a time: at least `minRuns` calls and then until `timeMs` has passed (max `maxRuns`). */
export async function sample(
  name: string,
  fn: () => Promise<unknown>,
  options: { minRuns?: number; maxRuns?: number; timeMs?: number; warmupRuns?: number } = {},
): Promise<Measurement> {
  const { minRuns = 20, maxRuns = 500, timeMs = 3000, warmupRuns = 3 } = options;
  for (let i = 0; i < warmupRuns; i++) await fn();
  const latencies: number[] = [];
  const start = performance.now();
  while (latencies.length < minRuns || (performance.now() - start < timeMs && latencies.length < maxRuns)) {
    const t0 = performance.now();
    await fn();
    latencies.push(performance.now() - t0);
  }
  return summarise(name, latencies, 0, (performance.now() - start) / 1000);
}

function summarise(name: string, latencies: number[], errors: number, seconds: number): Measurement {
  return {
    name,
    ops: latencies.length,
    errors,
    seconds,
    opsPerSecond: latencies.length / seconds,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    meanMs: latencies.reduce((s, x) => s + x, 0) / Math.max(1, latencies.length),
  };
}

/** Prints the contenders with their ratio to the baseline (throughput and median latency). */
export function printAgainst(title: string, baseline: Measurement, ...others: Measurement[]): void {
  process.stdout.write(`\n${title}\n`);
  console.table(
    [baseline, ...others].map((m) => ({
      contender: m.name,
      ops: m.ops,
      errors: m.errors,
      'ops/s': m.opsPerSecond.toFixed(1),
      'p50 ms': m.p50Ms.toFixed(2),
      'p99 ms': m.p99Ms.toFixed(2),
      '× baseline ops/s': (m.opsPerSecond / baseline.opsPerSecond).toFixed(2),
      '× baseline p50': (m.p50Ms / baseline.p50Ms).toFixed(2),
    })),
  );
}
