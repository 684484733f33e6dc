import { DataSource } from 'typeorm';
import { AppSecret } from '../../src/auth/app-secret.entity.js';
import { JwtKeyStore } from '../../src/auth/jwt-key.store.js';
import { loadConfig } from '../../src/config/app-config.js';
import { dataSourceOptions } from '../../src/database/data-source-options.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

/** Several instances behind a load balancer must sign and verify with one key. */
describe('the JWT signing key', () => {
  let db: TestDatabase;
  const sources: DataSource[] = [];

  const instance = async (env: Record<string, string> = {}) => {
    const source = new DataSource(dataSourceOptions(db.url));
    await source.initialize();
    sources.push(source);
    return new JwtKeyStore(loadConfig(env), source);
  };

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    for (const s of sources) await s.destroy();
    await db.drop();
  });

  it('is generated once into the database and shared by every instance (development)', async () => {
    const [a, b] = await Promise.all([instance(), instance()]);
    const [keyA, keyB] = await Promise.all([a.get(), b.get()]);
    expect(Buffer.from(keyA).toString()).toBe(Buffer.from(keyB).toString());
    expect(keyA.length).toBeGreaterThanOrEqual(64);
    expect(await sources[0].getRepository(AppSecret).count()).toBe(1);
  });

  it('comes from AUTH_JWT_SECRET when set (required in production)', async () => {
    const secret = 'p'.repeat(48);
    const store = await instance({ NODE_ENV: 'production', AUTH_JWT_SECRET: secret });
    expect(Buffer.from(await store.get()).toString()).toBe(secret);
  });
});
