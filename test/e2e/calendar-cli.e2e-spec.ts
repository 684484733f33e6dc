import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { runSeeds } from '../../seeds/run-seeds.js';
import { seedCalendarYears } from '../../seeds/holiday-calendars.seed-data.js';
import { runCalendarCli } from '../../src/calendar/calendar-cli.js';
import { WorkingDayCalendar } from '../../src/calendar/working-day-calendar.js';
import { dataSourceOptions } from '../../src/database/data-source-options.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * `npm run calendar -- …` on a seeded test database (DATABASE_URL): the commands in process (each
 * spawn costs seconds of TypeScript compilation), and the entry point once as a real process.
 */
describe('npm run calendar', () => {
  let db: TestDatabase;
  let dir: string;

  const cli = async (...args: string[]): Promise<Run> => {
    let stdout = '';
    let stderr = '';
    const code = await runCalendarCli(
      args,
      { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) },
      { DATABASE_URL: db.url },
    );
    return { code, stdout, stderr };
  };

  const spawnCli = (...args: string[]): Promise<Run> =>
    new Promise((resolve) => {
      const child = spawn(
        process.execPath,
        [
          '--no-warnings=ExperimentalWarning',
          '--import',
          '@swc-node/register/esm-register',
          'src/calendar/calendar.cli.ts',
          ...args,
        ],
        {
          cwd: process.cwd(),
          env: {
            PATH: process.env.PATH ?? '',
            HOME: process.env.HOME ?? '',
            DATABASE_URL: db.url,
            NODE_ENV: 'test',
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      child.once('exit', (code) => resolve({ code, stdout, stderr }));
    });

  beforeAll(async () => {
    db = await createTestDatabase();
    const dataSource = new DataSource(dataSourceOptions(db.url));
    await dataSource.initialize();
    await runSeeds(dataSource, { demo: false, demoUsers: false, now: new Date() });
    await dataSource.destroy();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gip-desk-cli-'));
  });
  afterAll(async () => {
    await db.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('add prints the due date with every day counted or skipped', async () => {
    const run = await cli('add', '2025-09-26', '20');
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain('期间届满日：2025-10-30');
    expect(run.stdout).toContain('2025-09-28  周日  计入    1  调休上班（国庆节、中秋节）');
    expect(run.stdout).toContain('2025-10-01  周三  跳过       国庆节、中秋节');
  });

  it('--json prints what the API answers (as a real process, the way npm runs it)', async () => {
    const run = await spawnCli('add', '2025-09-26', '20', '--json');
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const expected = WorkingDayCalendar.fromYears(seedCalendarYears())
      .addWorkingDays('2025-09-26', 20)
      .toJSON();
    expect(JSON.parse(run.stdout)).toEqual(expected);
  });

  it('between, and a provisional result reaching into 2027', async () => {
    expect((await cli('between', '2026-02-12', '2026-03-18')).stdout).toContain('工作日数：20');
    const provisional = await cli('add', '2026-12-10', '20');
    expect(provisional.stdout).toContain('！临时结果：2027 年的放假安排尚未发布');
  });

  it('show prints a year with its notices', async () => {
    const run = await cli('show', '2020');
    expect(run.stdout).toContain('国务院办公厅关于延长2020年春节假期的通知（国办发明电〔2020〕1号）');
  });

  it('import --dry-run shows the changes and writes nothing; import writes and records who', async () => {
    const file = path.join(dir, '2027.json');
    fs.writeFileSync(
      file,
      JSON.stringify({
        year: 2027,
        papers: ['https://www.gov.cn/zhengce/zhengceku/202611/content_0000000.htm'],
        days: [{ name: '春节', date: '2027-01-30', isOffDay: false }],
      }),
    );
    const dry = await cli('import', file, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('预览：未写入');
    expect(dry.stdout).toContain('2027-01-30  周六  周末 → 调休上班（春节）');
    expect((await cli('show', '2027')).stdout).toContain('2027 年：未发布');

    const real = await cli('import', file, '--by', '张管理员');
    expect(real.stdout).toMatch(/已导入（变更记录 #\d+）/);
    const shown = await cli('show', '2027');
    expect(shown.stdout).toContain('2027 年：已发布');
    expect(shown.stdout).toMatch(/导入：.*张管理员（cli@/);
  });

  it.each([
    [['add', '2026-02-30', '20'], 1, 'from：不是合法的日期'],
    [['add', '2026-02-03', '-3'], 1, 'days：不能小于 0'],
    [['add', '2026-02-03', '1001'], 1, 'days：不能大于 1000'],
    [['show', '1948'], 1, 'year：不能小于 1949'],
    [['frobnicate'], 1, '未知命令'],
    [[], 2, '用法'],
  ])('refuses %j (exit %i)', async (args, code, message) => {
    const run = await cli(...args);
    expect(run.code).toBe(code);
    expect(run.stderr).toContain(message);
  });
});
