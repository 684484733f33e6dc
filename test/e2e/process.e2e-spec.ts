import { jest } from '@jest/globals';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { freePort } from '../support/free-port.js';
import {
  postmasterPid,
  startAppProcess,
  tempDataDir,
  waitForExit,
  waitForStatus,
  type AppProcess,
} from '../support/app-process.js';

// Each test starts real processes with their own PostgreSQL: slow on a loaded 2-core machine.
// Generous bounds, not timings: a first start initialises a cluster, and CI runs other suites (and Chromium) beside it.
jest.setTimeout(300_000);

/** Start-up, shutdown and faults of the real entry point, on its embedded PostgreSQL. */
describe('the app process', () => {
  const dirs: string[] = [];
  const running: AppProcess[] = [];
  const dataDir = () => {
    const dir = tempDataDir();
    dirs.push(dir);
    return dir;
  };
  const start = async (env: Record<string, string>) => {
    const app = await startAppProcess(env);
    running.push(app);
    return app;
  };

  afterAll(async () => {
    for (const app of running) if (app.child.exitCode === null) app.child.kill('SIGKILL');
    for (const dir of dirs) {
      const pid = postmasterPid(dir);
      if (pid) process.kill(pid, 'SIGKILL');
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits 1 naming the variable when the configuration is invalid', async () => {
    const app = await start({ PORT: '3000', LOG_LEVEL: 'loud', DATA_DIR: dataDir() });
    expect(await waitForExit(app)).toBe(1);
    expect(app.output()).toContain('LOG_LEVEL');
  });

  it('starts, refuses a second instance on the same data, and stops cleanly on SIGTERM', async () => {
    const dir = dataDir();
    const pgPort = String(await freePort());
    const first = await start({ DATA_DIR: dir, EMBEDDED_PG_PORT: pgPort });
    await waitForStatus(`${first.baseUrl}/health/ready`, 200);
    expect(first.output()).toContain(`http://localhost:${first.port}/api/docs`);

    const second = await start({ DATA_DIR: dir, EMBEDDED_PG_PORT: String(await freePort()) });
    expect(await waitForExit(second)).toBe(1);
    expect(second.output()).toContain('Another GIP Desk instance');
    await waitForStatus(`${first.baseUrl}/health/ready`, 200, 5_000);

    const pid = postmasterPid(dir);
    expect(pid).toBeDefined();
    first.child.kill('SIGTERM');
    expect(await waitForExit(first)).toBe(0);
    expect(postmasterPid(dir)).toBeUndefined();
    expect(fs.existsSync(path.join(dir, 'gip-desk.lock'))).toBe(false);
  });

  const query = async (dir: string, port: string, sql: string) => {
    const { password } = JSON.parse(fs.readFileSync(path.join(dir, 'postgres-credentials.json'), 'utf8')) as {
      password: string;
    };
    const client = new pg.Client({
      host: '127.0.0.1',
      port: Number(port),
      user: 'postgres',
      password,
      database: 'gipdesk',
    });
    await client.connect();
    try {
      return (await client.query(sql)).rows as Array<Record<string, unknown>>;
    } finally {
      await client.end();
    }
  };

  it('recovers from a killed run: the orphaned server is stopped and the data survives', async () => {
    const dir = dataDir();
    const env = { DATA_DIR: dir, EMBEDDED_PG_PORT: String(await freePort()) };
    const first = await start(env);
    await waitForStatus(`${first.baseUrl}/health/ready`, 200);
    const seeded = await query(dir, env.EMBEDDED_PG_PORT, 'SELECT id FROM agency ORDER BY code');
    expect(seeded.length).toBeGreaterThanOrEqual(6);
    await query(
      dir,
      env.EMBEDDED_PG_PORT,
      `UPDATE agency SET office_phone = '0539-1234567' WHERE code = 'tc-zrzyj'`,
    );
    first.child.kill('SIGKILL');
    await waitForExit(first);
    const orphan = postmasterPid(dir);
    expect(orphan).toBeDefined(); // kill -9 leaves the postmaster running

    const second = await start(env);
    await waitForStatus(`${second.baseUrl}/health/ready`, 200);
    expect(second.output()).toContain('left running by an earlier run');
    expect(postmasterPid(dir)).not.toBe(orphan);
    // Same rows, the edit kept, and the seed did not overwrite it or add duplicates.
    expect(await query(dir, env.EMBEDDED_PG_PORT, 'SELECT id FROM agency ORDER BY code')).toEqual(seeded);
    expect(
      await query(dir, env.EMBEDDED_PG_PORT, `SELECT office_phone FROM agency WHERE code = 'tc-zrzyj'`),
    ).toEqual([{ office_phone: '0539-1234567' }]);
    second.child.kill('SIGINT');
    expect(await waitForExit(second)).toBe(0);
    expect(postmasterPid(dir)).toBeUndefined();
  });

  it('ignores a stale postmaster.pid that names another live program', async () => {
    const dir = dataDir();
    const env = { DATA_DIR: dir, EMBEDDED_PG_PORT: String(await freePort()) };
    const first = await start(env);
    await waitForStatus(`${first.baseUrl}/health/ready`, 200);
    first.child.kill('SIGTERM');
    await waitForExit(first);
    // This test process is alive and is not PostgreSQL.
    fs.writeFileSync(path.join(dir, 'postgres', 'postmaster.pid'), `${process.pid}\n${dir}\n`);
    const second = await start(env);
    await waitForStatus(`${second.baseUrl}/health/ready`, 200);
    second.child.kill('SIGTERM');
    expect(await waitForExit(second)).toBe(0);
  });

  it('exits with one clear line when the HTTP port is taken, leaving no server behind', async () => {
    const blocker = net.createServer();
    const port = await freePort();
    await new Promise<void>((resolve) => blocker.listen(port, '0.0.0.0', resolve));
    try {
      const dir = dataDir();
      const app = await start({
        DATA_DIR: dir,
        PORT: String(port),
        EMBEDDED_PG_PORT: String(await freePort()),
      });
      expect(await waitForExit(app)).toBe(1);
      expect(app.output()).toContain(`Port ${port} is already in use`);
      expect(postmasterPid(dir)).toBeUndefined();
    } finally {
      blocker.close();
    }
  });

  it('says "not ready" while DATABASE_URL is unreachable, then exits with a clear message', async () => {
    const deadPort = await freePort();
    const app = await start({
      DATABASE_URL: `postgres://nobody:secret@127.0.0.1:${deadPort}/gipdesk_test`,
      DB_CONNECT_TIMEOUT_SECONDS: '4',
    });
    await waitForStatus(`${app.baseUrl}/health`, 200);
    const ready = await fetch(`${app.baseUrl}/health/ready`);
    expect(ready.status).toBe(503);
    const api = await fetch(`${app.baseUrl}/api/v1/anything`);
    expect(api.status).toBe(503);
    expect((await api.json()) as { code: string }).toMatchObject({ code: 'SERVICE_NOT_READY' });
    expect(await waitForExit(app)).toBe(1);
    expect(app.output()).toContain('Could not connect to the database within 4 s');
  });
});
