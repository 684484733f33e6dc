import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  Min,
  validateSync,
  type ValidationError,
} from 'class-validator';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export const NODE_ENVS = ['development', 'production', 'test'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];

const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
const toBool = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string') return value;
  const v = value.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(v)) return true;
  if (['0', 'false', 'no', 'off'].includes(v)) return false;
  return value;
};
const emptyToUndefined = ({ value }: { value: unknown }) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/**
 * The environment as read from process.env: every field is named exactly like its variable,
 * so that a validation error names the variable the operator has to fix.
 */
class EnvironmentVariables {
  @IsIn(NODE_ENVS)
  NODE_ENV: NodeEnv = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  DATABASE_URL?: string;

  @IsString()
  DATA_DIR = './data';

  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(65535)
  EMBEDDED_PG_PORT = 54329;

  @IsString()
  BUSINESS_TIME_ZONE = 'Asia/Shanghai';

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: LogLevel = 'info';

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsIn(['json', 'pretty'])
  LOG_FORMAT?: 'json' | 'pretty';

  @Transform(toBool)
  @IsOptional()
  @IsBoolean()
  DEMO_DATA?: boolean;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3600)
  DB_CONNECT_TIMEOUT_SECONDS = 60;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  CHROMIUM_PATH?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  CHROMIUM_CACHE_DIR?: string;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(16)
  PDF_PAGE_POOL_SIZE = 2;

  @Transform(toInt)
  @IsInt()
  @Min(1000)
  @Max(300_000)
  PDF_PAGE_TIMEOUT_MS = 20_000;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  REMEDY_TABLE_FILE?: string;
}

export interface AppConfig {
  readonly nodeEnv: NodeEnv;
  readonly port: number;
  readonly host: string;
  /** Set: use this server. Unset: start the embedded PostgreSQL. */
  readonly databaseUrl?: string;
  readonly dataDir: string;
  /** Whether DATA_DIR was set explicitly (an unreachable explicit directory is an error, never a fallback). */
  readonly dataDirExplicit: boolean;
  readonly embeddedPgPort: number;
  readonly businessTimeZone: string;
  readonly logLevel: LogLevel;
  readonly logFormat: 'json' | 'pretty';
  readonly demoData: boolean;
  readonly dbConnectTimeoutSeconds: number;
  /** Printing: an explicit Chromium executable; unset → a system Chromium → the one shipped in npm. */
  readonly chromiumPath?: string;
  /** Where the npm-shipped Chromium is unpacked (default: a versioned folder in the temp dir). */
  readonly chromiumCacheDir?: string;
  readonly pdfPagePoolSize: number;
  readonly pdfPageTimeoutMs: number;
  /** A JSON file overriding which outcomes take the 复议前置 remedy wording (src/letters/remedy.rules.ts). */
  readonly remedyTableFile?: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

function describe(error: ValidationError, env: Record<string, string | undefined>): string {
  const raw = env[error.property];
  const reasons = Object.values(error.constraints ?? {}).join('; ');
  return `${error.property}=${JSON.stringify(raw ?? '')}: ${reasons}`;
}

/** Pure: builds the typed configuration from an environment map, or throws ConfigError naming each bad variable. */
export function loadConfig(env: Record<string, string | undefined>): AppConfig {
  const known = Object.keys(new EnvironmentVariables());
  const picked: Record<string, string> = {};
  for (const key of [
    ...known,
    'DATABASE_URL',
    'LOG_FORMAT',
    'DEMO_DATA',
    'CHROMIUM_PATH',
    'CHROMIUM_CACHE_DIR',
    'REMEDY_TABLE_FILE',
  ]) {
    const value = env[key];
    if (value !== undefined) picked[key] = value;
  }
  const parsed = plainToInstance(EnvironmentVariables, picked);
  const errors = validateSync(parsed, { whitelist: true });
  const problems = errors.map((e) => describe(e, env));
  if (!isValidTimeZone(parsed.BUSINESS_TIME_ZONE)) {
    problems.push(`BUSINESS_TIME_ZONE=${JSON.stringify(parsed.BUSINESS_TIME_ZONE)}: not an IANA time zone`);
  }
  if (parsed.DATABASE_URL !== undefined && !/^postgres(ql)?:\/\//.test(parsed.DATABASE_URL)) {
    problems.push('DATABASE_URL: must start with postgres:// or postgresql://');
  }
  if (problems.length > 0) throw new ConfigError(problems);

  const production = parsed.NODE_ENV === 'production';
  return Object.freeze({
    nodeEnv: parsed.NODE_ENV,
    port: parsed.PORT,
    host: parsed.HOST,
    databaseUrl: parsed.DATABASE_URL,
    dataDir: parsed.DATA_DIR,
    dataDirExplicit: env.DATA_DIR !== undefined && env.DATA_DIR.trim() !== '',
    embeddedPgPort: parsed.EMBEDDED_PG_PORT,
    businessTimeZone: parsed.BUSINESS_TIME_ZONE,
    logLevel: parsed.LOG_LEVEL,
    logFormat: parsed.LOG_FORMAT ?? (production ? 'json' : 'pretty'),
    demoData: parsed.DEMO_DATA ?? !production,
    dbConnectTimeoutSeconds: parsed.DB_CONNECT_TIMEOUT_SECONDS,
    chromiumPath: parsed.CHROMIUM_PATH,
    chromiumCacheDir: parsed.CHROMIUM_CACHE_DIR,
    pdfPagePoolSize: parsed.PDF_PAGE_POOL_SIZE,
    pdfPageTimeoutMs: parsed.PDF_PAGE_TIMEOUT_MS,
    remedyTableFile: parsed.REMEDY_TABLE_FILE,
  });
}
