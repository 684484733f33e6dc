import { ConfigError, loadConfig } from './app-config.js';

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      nodeEnv: 'development',
      port: 3000,
      dataDir: './data',
      dataDirExplicit: false,
      embeddedPgPort: 54329,
      businessTimeZone: 'Asia/Shanghai',
      logLevel: 'info',
      logFormat: 'pretty',
      demoData: true,
    });
    expect(config.databaseUrl).toBeUndefined();
  });

  const SECRET = 'x'.repeat(48);

  it('turns demo data off, logs JSON and sends secure cookies in production', () => {
    expect(loadConfig({ NODE_ENV: 'production', AUTH_JWT_SECRET: SECRET })).toMatchObject({
      demoData: false,
      logFormat: 'json',
      authCookieSecure: true,
      authJwtSecret: SECRET,
    });
  });

  it('requires the JWT secret in production only', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/AUTH_JWT_SECRET/);
    expect(loadConfig({}).authJwtSecret).toBeUndefined();
  });

  it('applies the sign-in defaults', () => {
    expect(loadConfig({})).toMatchObject({
      authAccessTokenMinutes: 15,
      authSessionHours: 12,
      authCookieSecure: false,
      authAccountMaxFailures: 5,
      authAddressMaxFailures: 30,
      trustProxy: false,
    });
  });

  it.each([
    ['true', true],
    ['off', false],
    ['1', 1],
    ['loopback, 10.0.0.0/8', ['loopback', '10.0.0.0/8']],
    ['::1, fd00::/8', ['::1', 'fd00::/8']],
  ])('reads TRUST_PROXY=%s', (value, expected) => {
    expect(loadConfig({ TRUST_PROXY: value }).trustProxy).toEqual(expected);
  });

  it('reads typed values', () => {
    const config = loadConfig({
      PORT: '8080',
      DATABASE_URL: 'postgres://u:p@db:5432/gip',
      DATA_DIR: '/var/lib/gip',
      DEMO_DATA: 'no',
      LOG_LEVEL: 'debug',
    });
    expect(config).toMatchObject({
      port: 8080,
      databaseUrl: 'postgres://u:p@db:5432/gip',
      dataDir: '/var/lib/gip',
      dataDirExplicit: true,
      demoData: false,
      logLevel: 'debug',
    });
  });

  it('treats an empty DATABASE_URL as unset', () => {
    expect(loadConfig({ DATABASE_URL: '' }).databaseUrl).toBeUndefined();
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['EMBEDDED_PG_PORT', '80'],
    ['LOG_LEVEL', 'loud'],
    ['NODE_ENV', 'staging'],
    ['DEMO_DATA', 'maybe'],
    ['BUSINESS_TIME_ZONE', 'Mars/Olympus'],
    ['DATABASE_URL', 'mysql://x'],
    ['DB_CONNECT_TIMEOUT_SECONDS', '0'],
    ['AUTH_JWT_SECRET', 'too-short'],
    ['AUTH_ACCESS_TOKEN_MINUTES', '0'],
    ['AUTH_SESSION_HOURS', '1000'],
    ['AUTH_COOKIE_SECURE', 'perhaps'],
    ['AUTH_ACCOUNT_MAX_FAILURES', '1'],
    ['TRUST_PROXY', 'everyone'],
    ['TRUST_PROXY', '10.0.0.0/40'],
  ])('rejects %s=%s, naming the variable', (name, value) => {
    let caught: unknown;
    try {
      loadConfig({ [name]: value });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect((caught as ConfigError).problems).toHaveLength(1);
    expect((caught as ConfigError).problems[0]).toContain(name);
  });

  it('lists every bad variable at once', () => {
    expect(() => loadConfig({ PORT: 'x', LOG_LEVEL: 'y' })).toThrow(
      /PORT[\s\S]*LOG_LEVEL|LOG_LEVEL[\s\S]*PORT/,
    );
  });
});
