/**
 * `npm run calendar -- <command>` (entry point: calendar.cli.ts): the calendar API for a terminal user, with the same answers
 * (the same services and DTOs). Uses DATABASE_URL, or the embedded PostgreSQL (the running app's if
 * there is one, else it starts it for the command and stops it after), like the TypeORM CLI.
 *
 *   add <from> <days>          第 N 个工作日（起算日不计入）
 *   between <from> <to>        (from, to] 内的工作日数
 *   calendar-days <from> <n>   按日计算的期间（届满日遇法定休假日顺延）
 *   months <from> <n>          按月计算的期间
 *   show <year>                某年的放假安排
 *   import <file> [--dry-run] [--by <姓名>]   导入 holiday-cn 或本系统格式的年度放假安排
 *
 * Options: --agency <uuid> (use that agency's calendar), --json (print the API's JSON).
 */
import { Module, type DynamicModule, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import fs from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { CommonModule } from '../common/common.module.js';
import { DomainError } from '../common/errors/domain-error.js';
import { validateInput } from '../common/validation/validation.pipe.js';
import type { AppConfig } from '../config/app-config.js';
import { ConfigModule } from '../config/config.module.js';
import { configFromEnvironment } from '../config/environment.js';
import { DatabaseModule } from '../database/database.module.js';
import { startEmbeddedPostgres, type RunningPostgres } from '../database/embedded-postgres.js';
import { formatBetween, formatImport, formatPeriod, formatYear } from './calendar-cli.format.js';
import { CalendarImportService } from './calendar-import.service.js';
import { CalendarModule } from './calendar.module.js';
import { CalendarService } from './calendar.service.js';
import {
  AddCalendarDaysQueryDto,
  AddMonthsQueryDto,
  AddWorkingDaysQueryDto,
  BetweenQueryDto,
  YearParamDto,
} from './dto/calendar-query.dto.js';

const USAGE = `用法：npm run calendar -- <命令> [参数] [--agency <机关ID>] [--json]
  add <起算日> <工作日数>          例：add 2025-09-26 20
  between <起始日> <终止日>        例：between 2026-02-12 2026-03-18
  calendar-days <起算日> <日数>    例：calendar-days 2026-08-02 60
  months <起算日> <月数>           例：months 2026-08-31 6
  show <年份>                      例：show 2027
  import <文件> [--dry-run] [--by <姓名>]   例：import 2027.json --dry-run`;

class UsageError extends Error {}

@Module({})
class CalendarCliModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: CalendarCliModule,
      imports: [
        ConfigModule.forRoot(config),
        CommonModule,
        DatabaseModule.forRoot(databaseUrl),
        CalendarModule,
      ],
    };
  }
}

/** Validates CLI arguments with the API's own DTO, so that both refuse the same input the same way. */
async function dto<T extends object>(type: new () => T, plain: Record<string, unknown>): Promise<T> {
  const { dto: instance, errors } = await validateInput(type, plain);
  if (errors.length > 0) throw DomainError.validation(errors);
  return instance;
}

interface Parsed {
  command: string;
  args: string[];
  agency?: string;
  json: boolean;
  dryRun: boolean;
  by?: string;
}

// A negative number ("add 2026-02-10 -3") is an argument for the DTO to refuse, not an option.
const NEGATIVE = '\u0000';

function parse(argv: string[]): Parsed {
  const { values, positionals } = parseArgs({
    args: argv.map((a) => (/^-\d+$/.test(a) ? NEGATIVE + a : a)),
    allowPositionals: true,
    options: {
      agency: { type: 'string' },
      json: { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      by: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, ...args] = positionals.map((a) => a.replace(NEGATIVE, ''));
  if (values.help || !command) throw new UsageError('');
  return {
    command,
    args,
    agency: values.agency,
    json: values.json,
    dryRun: values['dry-run'],
    by: values.by,
  };
}

function need(args: string[], count: number): string[] {
  if (args.length !== count) throw new UsageError(`需要 ${count} 个参数，收到 ${args.length} 个。`);
  return args;
}

async function run(app: INestApplicationContext, p: Parsed): Promise<string> {
  const calendars = app.get(CalendarService);
  const agency = p.agency === undefined ? {} : { agencyId: p.agency };
  const out = <T>(result: T, text: (r: T) => string) =>
    p.json ? JSON.stringify(result, null, 2) : text(result);
  switch (p.command) {
    case 'add': {
      const [from, days] = need(p.args, 2);
      const query = await dto(AddWorkingDaysQueryDto, { from, days, ...agency });
      return out(await calendars.addWorkingDays(query), formatPeriod);
    }
    case 'between': {
      const [from, to] = need(p.args, 2);
      const query = await dto(BetweenQueryDto, { from, to, ...agency });
      return out(await calendars.workingDaysBetween(query), formatBetween);
    }
    case 'calendar-days': {
      const [from, days] = need(p.args, 2);
      const query = await dto(AddCalendarDaysQueryDto, { from, days, ...agency });
      return out(await calendars.addCalendarDays(query), formatPeriod);
    }
    case 'months': {
      const [from, months] = need(p.args, 2);
      const query = await dto(AddMonthsQueryDto, { from, months, ...agency });
      return out(await calendars.addMonths(query), formatPeriod);
    }
    case 'show': {
      const [year] = need(p.args, 1);
      const { year: y } = await dto(YearParamDto, { year });
      return out(await calendars.getYear(y), formatYear);
    }
    case 'import': {
      const [file] = need(p.args, 1);
      let body: unknown;
      try {
        body = JSON.parse(fs.readFileSync(file, 'utf8'));
      } catch (error) {
        throw new UsageError(`无法读取 JSON 文件 ${file}：${(error as Error).message}`);
      }
      const year = (body as { year?: unknown } | null)?.year;
      const { year: y } = await dto(YearParamDto, { year: typeof year === 'number' ? year : String(year) });
      const result = await app.get(CalendarImportService).importYear(y, body, {
        dryRun: p.dryRun,
        actor: {
          userId: null,
          name: (p.by ?? os.userInfo().username).slice(0, 100),
          remoteAddress: `cli@${os.hostname()}`.slice(0, 64),
        },
      });
      return out(result, formatImport);
    }
    default:
      throw new UsageError(`未知命令：${p.command}`);
  }
}

function describeError(error: unknown): string {
  if (error instanceof DomainError && error.errors?.length) {
    return ['错误：', ...error.errors.map((e) => `  ${e.field || '（整体）'}：${e.message}`)].join('\n');
  }
  if (error instanceof DomainError) return `错误：${error.detail}`;
  return `错误：${error instanceof Error ? error.message : String(error)}`;
}

export interface CliOutput {
  stdout(text: string): void;
  stderr(text: string): void;
}

/**
 * Runs one command and returns the exit code: 0 done, 1 refused or failed, 2 usage. `environment`
 * overrides the process environment (tests point it at their database).
 */
export async function runCalendarCli(
  argv: string[],
  output: CliOutput,
  environment: Record<string, string | undefined> = {},
): Promise<number> {
  let parsed: Parsed;
  try {
    parsed = parse(argv);
  } catch (error) {
    output.stderr(`${(error as Error).message ? `${(error as Error).message}\n` : ''}${USAGE}\n`);
    return 2;
  }
  const config = configFromEnvironment(environment);
  let embedded: RunningPostgres | undefined;
  let app: INestApplicationContext | undefined;
  try {
    let url = config.databaseUrl;
    if (!url) {
      embedded = await startEmbeddedPostgres({
        dataDir: config.dataDir,
        dataDirExplicit: config.dataDirExplicit,
        port: config.embeddedPgPort,
        database: 'gipdesk',
        attachIfRunning: true,
        logger: { info: () => undefined, warn: (m) => output.stderr(`${m}\n`) },
      });
      url = embedded.url;
    }
    app = await NestFactory.createApplicationContext(CalendarCliModule.forRoot(config, url), {
      logger: false,
    });
    const dataSource = app.get(DataSource);
    await dataSource.initialize();
    if (await dataSource.showMigrations()) {
      throw new UsageError(
        '数据库尚未迁移到最新版本：请先启动一次应用（npm start）或运行 npm run migration:run。',
      );
    }
    output.stdout(`${await run(app, parsed)}\n`);
    return 0;
  } catch (error) {
    output.stderr(`${describeError(error)}\n`);
    if (error instanceof UsageError && error.message.startsWith('需要')) output.stderr(`${USAGE}\n`);
    return 1;
  } finally {
    await app?.close();
    await embedded?.stop();
  }
}
