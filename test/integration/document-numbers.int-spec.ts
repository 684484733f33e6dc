import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source-options.js';
import { DocumentNumberService } from '../../src/letters/document-number.service.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

describe('DocumentNumberService (real PostgreSQL)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  const numbers = new DocumentNumberService();
  let agencyId: string;
  let otherAgencyId: string;

  const insertAgency = async (code: string, prefix: string): Promise<string> => {
    const [row] = (await dataSource.query(
      `INSERT INTO agency (code, name, short_name, type, doc_number_prefix, reconsideration_body_name, version)
       VALUES ($1, $2, $2, 'county_department', $3, '郯城县人民政府', 1) RETURNING id`,
      [code, `${code} 局`, prefix],
    )) as Array<{ id: string }>;
    return row.id;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = new DataSource({ ...dataSourceOptions(db.url), extra: { max: 25 } });
    await dataSource.initialize();
    agencyId = await insertAgency('tc-zrzyj', '郯自然资信复');
    otherAgencyId = await insertAgency('tc-jtj', '郯教体信复');
  });
  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  it('numbers from 1 in each agency, year and series, printed after GB/T 9704', async () => {
    const assign = (agency: string, series: 'reply' | 'correction', year: number) =>
      dataSource.transaction((manager) => numbers.assign(manager, agency, series, year));
    expect((await assign(agencyId, 'reply', 2026)).documentNumber).toBe('郯自然资信复〔2026〕1号');
    expect((await assign(agencyId, 'reply', 2026)).documentNumber).toBe('郯自然资信复〔2026〕2号');
    expect((await assign(agencyId, 'correction', 2026)).documentNumber).toBe('郯自然资信补〔2026〕1号');
    expect((await assign(agencyId, 'reply', 2027)).documentNumber).toBe('郯自然资信复〔2027〕1号');
    expect((await assign(otherAgencyId, 'reply', 2026)).documentNumber).toBe('郯教体信复〔2026〕1号');
  });

  it('gives 50 simultaneous issues 50 distinct consecutive numbers', async () => {
    const issued = await Promise.all(
      Array.from({ length: 50 }, () =>
        dataSource.transaction(async (manager) => {
          const assigned = await numbers.assign(manager, agencyId, 'fee', 2026);
          // The issuing transaction goes on after taking its number (render, print, store…).
          await manager.query('SELECT pg_sleep(0.005)');
          return assigned.sequence;
        }),
      ),
    );
    expect([...issued].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });

  it('gives the number back when the issue fails (no gap)', async () => {
    const next = () => dataSource.transaction((m) => numbers.assign(m, agencyId, 'extension', 2026));
    expect((await next()).sequence).toBe(1);
    await expect(
      dataSource.transaction(async (manager) => {
        await numbers.assign(manager, agencyId, 'extension', 2026);
        throw new Error('the pre-issue check refused the letter');
      }),
    ).rejects.toThrow('refused');
    expect((await next()).sequence).toBe(2);
  });

  it('refuses to assign outside a transaction', async () => {
    await expect(numbers.assign(dataSource.manager, agencyId, 'reply', 2026)).rejects.toThrow(
      'inside the issuing transaction',
    );
  });

  it('refuses an unknown series', async () => {
    await expect(
      dataSource.transaction((m) => numbers.assign(m, agencyId, 'bogus' as 'reply', 2026)),
    ).rejects.toMatchObject({ code: 'LETTER_NUMBER_SERIES_INVALID' });
  });
});
