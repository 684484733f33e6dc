/**
 * `npm run bench [-- <name filter>]`: runs every `test/bench/*.bench.ts` in turn. Each exports a
 * default async function that measures the project's code against a baseline in the same process
 * and prints ratios (absolute times alone mean little on these noisy 2-core machines).
 */
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2];
const files = fs
  .readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts') && (!filter || f.includes(filter)))
  .sort();
if (files.length === 0) {
  process.stdout.write(`No benchmarks${filter ? ` matching "${filter}"` : ''} in test/bench/.\n`);
}
for (const file of files) {
  process.stdout.write(`\n## ${file}\n`);
  const module = (await import(pathToFileURL(path.join(here, file)).href)) as {
    default: () => Promise<void>;
  };
  await module.default();
}
