/**
 * `npm run bench -- letters`: one-page letters printed to PDF with the warm pool (one long-lived
 * Chromium, reused pages) against launching a browser per letter. Aim (issue 6): median ≤ 100 ms per
 * letter on 2 cores and ≥ 10× the launch-per-letter baseline.
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { findTemplatesDir, renderLetterHtml } from '../../src/letters/letter-renderer.js';
import { LetterPrinter, type PrinterOptions } from '../../src/letters/letter-printer.js';
import { compare, percentile } from './support/compare.js';

const OPTIONS: PrinterOptions = { poolSize: 2, timeoutMs: 60_000 };
const TYPE = 'consultation_applicant_notice'; // one page

async function sample(fn: () => Promise<unknown>, count: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return times;
}

export default async function lettersBench(): Promise<void> {
  const vm = JSON.parse(
    fs.readFileSync(path.join(findTemplatesDir(), 'letters', TYPE, 'sample.json'), 'utf8'),
  );
  const html = renderLetterHtml(TYPE, vm);

  const warm = new LetterPrinter(OPTIONS);
  const launchPerLetter = async () => {
    const printer = new LetterPrinter({ ...OPTIONS, poolSize: 1 });
    try {
      await printer.print(html);
    } finally {
      await printer.close();
    }
  };
  try {
    await warm.print(html); // launch and first font load, not measured
    const warmTimes = await sample(() => warm.print(html), 100);
    const coldTimes = await sample(launchPerLetter, 10);

    // Throughput with the pool busy: 40 letters submitted at once.
    const start = performance.now();
    await Promise.all(Array.from({ length: 40 }, () => warm.print(html)));
    const concurrentPerSecond = 40 / ((performance.now() - start) / 1000);

    const row = (name: string, times: number[]) => ({
      contender: name,
      'letters/s (sequential)': (1000 / (times.reduce((a, b) => a + b, 0) / times.length)).toFixed(1),
      'median ms': percentile(times, 50).toFixed(1),
      'p95 ms': percentile(times, 95).toFixed(1),
      samples: times.length,
    });
    process.stdout.write(`\nOne-page letter (${TYPE}) to PDF\n`);
    console.table([
      row('launch a browser per letter', coldTimes),
      row('warm pool (reused pages)', warmTimes),
    ]);
    const speedup = percentile(coldTimes, 50) / percentile(warmTimes, 50);
    process.stdout.write(
      `warm pool, 40 letters at once: ${concurrentPerSecond.toFixed(1)} letters/s\n` +
        `median speed-up over launch-per-letter: ${speedup.toFixed(1)}× (aim ≥ 10×); ` +
        `warm median ${percentile(warmTimes, 50).toFixed(1)} ms (aim ≤ 100 ms)\n`,
    );

    await compare(
      'Same comparison through tinybench',
      { name: 'launch per letter', fn: launchPerLetter },
      {
        name: 'warm pool',
        fn: () => warm.print(html),
      },
    );
  } finally {
    await warm.close();
  }
}
