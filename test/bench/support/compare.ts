import { Bench } from 'tinybench';

export interface Contender {
  name: string;
  fn: () => unknown;
}

/**
 * Runs the contenders in one tinybench session and prints ops/s, mean, p50 and p99 with each
 * contender's speed relative to the baseline (the first one).
 */
export async function compare(title: string, baseline: Contender, ...others: Contender[]): Promise<void> {
  const bench = new Bench({ time: 1000, warmupTime: 200 });
  for (const c of [baseline, ...others]) bench.add(c.name, c.fn);
  await bench.run();
  const rows = bench.tasks.map((task) => {
    const r = task.result as unknown as {
      throughput?: { mean: number };
      latency?: { mean: number; p50?: number; p99?: number };
    };
    return {
      name: task.name,
      opsPerSecond: r.throughput?.mean ?? 0,
      meanMs: r.latency?.mean ?? 0,
      p50Ms: r.latency?.p50 ?? 0,
      p99Ms: r.latency?.p99 ?? 0,
    };
  });
  const base = rows[0].opsPerSecond || 1;
  process.stdout.write(`\n${title}\n`);
  console.table(
    rows.map((r) => ({
      contender: r.name,
      'ops/s': Math.round(r.opsPerSecond).toLocaleString('en-US'),
      'mean ms': r.meanMs.toFixed(4),
      'p50 ms': r.p50Ms.toFixed(4),
      'p99 ms': r.p99Ms.toFixed(4),
      [`× ${rows[0].name}`]: (r.opsPerSecond / base).toFixed(2),
    })),
  );
}

/** Percentile of a sorted or unsorted sample (nearest-rank). */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}
