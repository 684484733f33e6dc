import net from 'node:net';
import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  Min,
  MinLength,
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
  @MinLength(32, { message: 'must be at least 32 characters (e.g. `openssl rand -base64 48`)' })
  AUTH_JWT_SECRET?: string;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(60)
  AUTH_ACCESS_TOKEN_MINUTES = 15;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(720)
  AUTH_SESSION_HOURS = 12;

  @Transform(toBool)
  @IsOptional()
  @IsBoolean()
  AUTH_COOKIE_SECURE?: boolean;

  @Transform(toInt)
  @IsInt()
  @Min(3)
  @Max(100)
  AUTH_ACCOUNT_MAX_FAILURES = 5;

  @Transform(toInt)
  @IsInt()
  @Min(5)
  @Max(100_000)
  AUTH_ADDRESS_MAX_FAILURES = 30;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  TRUST_PROXY?: string;

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

  @Transform(toBool)
  @IsBoolean()
  FEE_PAUSES_CLOCK = true;

  @Transform(toBool)
  @IsBoolean()
  JOBS_ENABLED = true;

  @Transform(toBool)
  @IsOptional()
  @IsBoolean()
  DEMO_CASES?: boolean;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  SMTP_HOST?: string;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  SMTP_PORT = 587;

  @Transform(toBool)
  @IsBoolean()
  SMTP_SECURE = false;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  SMTP_USER?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  SMTP_PASSWORD?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  SMTP_FROM?: string;

  @Transform(toBool)
  @IsBoolean()
  SMTP_REQUIRE_TLS = false;
}

/** What Express accepts as `trust proxy`: off, on, a hop count, or trusted addresses/subnets. */
export type TrustProxy = boolean | number | string[];

const TRUST_PROXY_KEYWORDS = ['loopback', 'linklocal', 'uniquelocal'];

function parseTrustProxy(raw: string | undefined): TrustProxy | undefined {
  if (raw === undefined) return false;
  const value = raw.trim().toLowerCase();
  if (['false', 'no', 'off', '0'].includes(value)) return false;
  if (['true', 'yes', 'on'].includes(value)) return true;
  if (/^\d+$/.test(value)) return Number(value);
  const items = value.split(',').map((item) => item.trim());
  const valid = items.every((item) => {
    if (TRUST_PROXY_KEYWORDS.includes(item)) return true;
    const [address, prefix, extra] = item.split('/');
    if (extra !== undefined || net.isIP(address) === 0) return false;
    return (
      prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (net.isIPv4(address) ? 32 : 128))
    );
  });
  return valid ? items : undefined;
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
  /** HS256 key shared by every instance. Unset (not in production): generated once and kept in the database. */
  readonly authJwtSecret?: string;
  readonly authAccessTokenMinutes: number;
  /** Absolute lifetime of a sign-in; refreshing does not extend it. */
  readonly authSessionHours: number;
  /** Send auth cookies with `Secure` (HTTPS only). */
  readonly authCookieSecure: boolean;
  /** Failed sign-ins within 15 minutes that lock an account for 15 minutes. */
  readonly authAccountMaxFailures: number;
  /** Failed sign-ins within 15 minutes that lock a client address (a whole office behind one NAT counts once). */
  readonly authAddressMaxFailures: number;
  /** Which proxies' X-Forwarded-For to believe for the client address (throttling, audit). */
  readonly trustProxy: TrustProxy;
  /** Printing: an explicit Chromium executable; unset → a system Chromium → the one shipped in npm. */
  readonly chromiumPath?: string;
  /** Where the npm-shipped Chromium is unpacked (default: a versioned folder in the temp dir). */
  readonly chromiumCacheDir?: string;
  readonly pdfPagePoolSize: number;
  readonly pdfPageTimeoutMs: number;
  /** A JSON file overriding which outcomes take the 复议前置 remedy wording (src/letters/remedy.rules.ts). */
  readonly remedyTableFile?: string;
  /**
   * Whether the wait for an information-processing fee is excluded from the reply period.
   * 国办函〔2020〕109号 is believed to say so, but the text was not verified (legal-rules §2.3).
   */
  readonly feePausesClock: boolean;
  /** Run background jobs (lapses, reminders) in this instance. */
  readonly jobsEnabled: boolean;
  /** Seed demo cases of 2025–2026 in the demo county (default: with DEMO_DATA, outside production). */
  readonly demoCases: boolean;
  /** Reminders by e-mail; absent: in the app only. */
  readonly smtp?: SmtpConfig;
}

export interface SmtpConfig {
  readonly host: string;
  readonly port: number;
  /** Implicit TLS (port 465); otherwise STARTTLS when the server offers it. */
  readonly secure: boolean;
  /** Refuse to send without STARTTLS. */
  readonly requireTls: boolean;
  readonly user?: string;
  readonly password?: string;
  /** The From address, e.g. `"郯城县政务公开提醒" <gip@tancheng.gov.cn>`. */
  readonly from: string;
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
    'AUTH_JWT_SECRET',
    'AUTH_COOKIE_SECURE',
    'TRUST_PROXY',
    'CHROMIUM_PATH',
    'CHROMIUM_CACHE_DIR',
    'REMEDY_TABLE_FILE',
    'DEMO_CASES',
    'SMTP_HOST',
    'SMTP_USER',
    'SMTP_PASSWORD',
    'SMTP_FROM',
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
  const production = parsed.NODE_ENV === 'production';
  if (production && parsed.AUTH_JWT_SECRET === undefined) {
    problems.push(
      'AUTH_JWT_SECRET: required in production, the same value on every instance (e.g. `openssl rand -base64 48`)',
    );
  }
  const trustProxy = parseTrustProxy(parsed.TRUST_PROXY);
  if (trustProxy === undefined) {
    problems.push(
      `TRUST_PROXY=${JSON.stringify(parsed.TRUST_PROXY)}: expected true, false, a hop count, or a comma-separated ` +
        'list of addresses/subnets (loopback, linklocal, uniquelocal, 10.0.0.0/8 …)',
    );
  }
  if (parsed.SMTP_HOST !== undefined && parsed.SMTP_FROM === undefined) {
    problems.push('SMTP_FROM: required with SMTP_HOST (the sender address of reminder e-mails)');
  }
  if ((parsed.SMTP_USER === undefined) !== (parsed.SMTP_PASSWORD === undefined)) {
    problems.push('SMTP_USER and SMTP_PASSWORD: set both (authenticated SMTP) or neither');
  }
  if (problems.length > 0 || trustProxy === undefined) throw new ConfigError(problems);

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
    authJwtSecret: parsed.AUTH_JWT_SECRET,
    authAccessTokenMinutes: parsed.AUTH_ACCESS_TOKEN_MINUTES,
    authSessionHours: parsed.AUTH_SESSION_HOURS,
    authCookieSecure: parsed.AUTH_COOKIE_SECURE ?? production,
    authAccountMaxFailures: parsed.AUTH_ACCOUNT_MAX_FAILURES,
    authAddressMaxFailures: parsed.AUTH_ADDRESS_MAX_FAILURES,
    trustProxy,
    chromiumPath: parsed.CHROMIUM_PATH,
    chromiumCacheDir: parsed.CHROMIUM_CACHE_DIR,
    pdfPagePoolSize: parsed.PDF_PAGE_POOL_SIZE,
    pdfPageTimeoutMs: parsed.PDF_PAGE_TIMEOUT_MS,
    remedyTableFile: parsed.REMEDY_TABLE_FILE,
    feePausesClock: parsed.FEE_PAUSES_CLOCK,
    jobsEnabled: parsed.JOBS_ENABLED,
    demoCases: parsed.DEMO_CASES ?? ((parsed.DEMO_DATA ?? !production) && !production),
    smtp:
      parsed.SMTP_HOST === undefined
        ? undefined
        : {
            host: parsed.SMTP_HOST,
            port: parsed.SMTP_PORT,
            secure: parsed.SMTP_SECURE,
            requireTls: parsed.SMTP_REQUIRE_TLS,
            user: parsed.SMTP_USER,
            password: parsed.SMTP_PASSWORD,
            from: parsed.SMTP_FROM!,
          },
  });
}
