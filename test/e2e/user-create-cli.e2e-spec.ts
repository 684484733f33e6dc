import { spawn } from 'node:child_process';
import { type DataSource } from 'typeorm';
import { AuditEvent } from '../../src/audit/audit-event.entity.js';
import { User } from '../../src/auth/user.entity.js';
import { openTestDataSource, type TestDataSource } from '../support/test-database.js';

/** `npm run user:create` as a real process (TypeScript through @swc-node/register), on a fresh database. */
function runCli(args: string[], env: Record<string, string>, stdin?: string) {
  const child = spawn(
    process.execPath,
    ['--import', '@swc-node/register/esm-register', 'src/auth/cli/user-create.ts', ...args],
    {
      cwd: process.cwd(),
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        LOG_FORMAT: 'json',
        DEMO_DATA: 'false',
        ...env,
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  child.stdin.end(stdin ?? '');
  return new Promise<{ code: number | null; output: string }>((resolve) =>
    child.once('exit', (code) => resolve({ code, output })),
  );
}

describe('npm run user:create', () => {
  let db: TestDataSource;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await openTestDataSource();
    dataSource = db.dataSource;
  });
  afterAll(() => db.close());

  it('creates the first admin with a one-time password printed once, and audits it', async () => {
    const { code, output } = await runCli(['--username', 'First.Admin', '--display-name', '首任管理员'], {
      DATABASE_URL: db.database.url,
    });
    expect(output).toContain('Created user first.admin');
    expect(code).toBe(0);
    const password = /One-time password \(shown only now\): (\S+)/.exec(output)?.[1];
    expect(password).toMatch(/^[A-Za-z0-9]{4}(-[A-Za-z0-9]{4}){3}$/);
    const user = await dataSource.getRepository(User).findOneByOrFail({ username: 'first.admin' });
    expect(user).toMatchObject({ roles: ['admin'], agencyId: null, mustChangePassword: true, active: true });
    const [event] = await dataSource.getRepository(AuditEvent).findBy({ type: 'user.created' });
    expect(event).toMatchObject({ actorUsername: 'cli', subjectId: user.id });
  });

  it('takes the password from stdin and refuses one that breaks the policy', async () => {
    const weak = await runCli(
      ['--username', 'second', '--display-name', '二', '--password-stdin'],
      { DATABASE_URL: db.database.url },
      'weak\n',
    );
    expect(weak.code).toBe(1);
    expect(weak.output).toContain('temporaryPassword');
    const ok = await runCli(
      ['--username', 'second', '--display-name', '二', '--password-stdin'],
      { DATABASE_URL: db.database.url },
      'Strong#Pass2026\n',
    );
    expect(ok.code).toBe(0);
    expect(ok.output).not.toContain('Strong#Pass2026');
  });

  it('explains its arguments', async () => {
    const { code, output } = await runCli(['--username', 'x'], { DATABASE_URL: db.database.url });
    expect(code).toBe(2);
    expect(output).toContain('Usage: npm run user:create');
  });
});
