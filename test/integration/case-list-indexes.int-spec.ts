import { CLOSED_CASE, OPEN_CASE } from '../../src/cases/case-queries.service.js';
import { openTestDataSource, type TestDataSource } from '../support/test-database.js';

/**
 * The case lists stay fast only while their ORDER BY and "open" filter are the very expressions the
 * list indexes were built on (migration CaseListIndexes). Planner check, not a timing: with sorting
 * and sequential scans priced out, each list must be read from its index in order.
 */
describe('case list indexes', () => {
  let db: TestDataSource;
  beforeAll(async () => {
    db = await openTestDataSource();
  });
  afterAll(() => db.close());

  const order = `ORDER BY ${CLOSED_CASE}, c.due_on NULLS LAST, c.received_on, c.id`;
  const someId = '00000000-0000-4000-8000-000000000001';

  async function plan(sql: string, params: unknown[] = [], options = { bitmaps: false }): Promise<string> {
    const runner = db.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      await runner.query('SET LOCAL enable_sort = off');
      await runner.query('SET LOCAL enable_seqscan = off');
      // Bitmap scans would hide a missing order; GIN indexes (text search) only have those.
      if (!options.bitmaps) await runner.query('SET LOCAL enable_bitmapscan = off');
      const rows = (await runner.query(`EXPLAIN ${sql}`, params)) as Array<{ 'QUERY PLAN': string }>;
      await runner.rollbackTransaction();
      return rows.map((r) => r['QUERY PLAN']).join('\n');
    } finally {
      await runner.release();
    }
  }

  it.each([
    ['the county', 'disclosure_case_list_idx', 'true', []],
    [
      'the county, open cases overdue',
      'disclosure_case_list_idx',
      `${OPEN_CASE} AND c.due_on < '2026-11-27'`,
      [],
    ],
    ['an agency', 'disclosure_case_agency_id_list_idx', 'c.agency_id = $1', [someId]],
    [
      'an agency, open cases',
      'disclosure_case_agency_id_list_idx',
      `c.agency_id = $1 AND ${OPEN_CASE}`,
      [someId],
    ],
    ['a handler', 'disclosure_case_handler_id_list_idx', 'c.handler_id = $1', [someId]],
  ])('%s: read from %s in order, no sort', async (_, index, where, params) => {
    const text = await plan(`SELECT c.id FROM disclosure_case c WHERE ${where} ${order} LIMIT 20`, params);
    expect(text).toContain(index);
    expect(text).not.toMatch(/\bSort\b/);
  });

  it.each([
    ['open cases of the county', OPEN_CASE, []],
    ['open cases of an agency', `c.agency_id = $1 AND ${OPEN_CASE}`, [someId]],
    ['open cases of a handler', `c.handler_id = $1 AND ${OPEN_CASE}`, [someId]],
  ])('counts %s on a range of a list index (no filter on status)', async (_, where, params) => {
    const text = await plan(`SELECT count(*) FROM disclosure_case c WHERE ${where}`, params);
    expect(text).toMatch(/Index Cond: .*status/);
    expect(text).not.toMatch(/Filter: .*status/);
  });

  it('looks a two-character term up in the bigram index', async () => {
    const text = await plan(
      `SELECT c.id FROM disclosure_case c WHERE case_text_bigrams(c.information_sought) @> case_text_bigrams($1)`,
      ['疫苗'],
      { bitmaps: true },
    );
    expect(text).toContain('disclosure_case_information_sought_bigram_idx');
  });

  it.each([
    ['土地征收补偿', '征收', true],
    ['土地征收补偿', '收征', false],
    ['ABC公开', 'bc', true],
    ['一', '一', true], // no bigram at all: contained trivially (the service uses ILIKE for one character)
  ])('case_text_bigrams(%s) holds every piece of “%s”: %s', async (textValue, term, holds) => {
    const [row] = (await db.dataSource.query(
      `SELECT case_text_bigrams($1) @> case_text_bigrams($2) AS holds`,
      [textValue, term],
    )) as Array<{ holds: boolean }>;
    expect(row.holds).toBe(holds);
  });

  it('finds applicants by ID number without their agency', async () => {
    const text = await plan(`SELECT id FROM applicant WHERE id_number = $1`, ['11010519491231002X']);
    expect(text).toMatch(/Index Cond: \(\(id_number\)::text = /);
  });
});
