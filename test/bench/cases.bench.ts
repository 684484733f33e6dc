/**
 * `npm run bench -- cases`: the case register at scale (issue 5), on the synthetic county
 * (support/synthetic-cases.ts, 1,000,000 cases over 30 agencies; BENCH_CASES for another size).
 *
 * (a) Registration under concurrent load through the real CasesService.register, against bare
 *     INSERTs through `pg` writing the same rows (applicant, case number, case, register event) in one
 *     transaction: 16 clients spread over 16 agencies, then 16 clients at one agency (the gapless
 *     case-number series serialises them: that is the price of Art. 45's numbered register).
 * (b) Lists through CaseQueriesService.list (page + total), against a hand-written SELECT through
 *     `pg` returning the same page (checked row for row), one query at a time.
 *
 * BENCH_EXPLAIN=1 also prints EXPLAIN (ANALYZE, BUFFERS) of every statement the service sends;
 * BENCH_PARTS=lists or =register runs one half; BENCH_LOAD_MS sets the registration runs' length.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { AuthUser } from '../../src/auth/auth-user.js';
import { CaseQueriesService } from '../../src/cases/case-queries.service.js';
import { CasesService } from '../../src/cases/cases.service.js';
import type { ListCasesQuery } from '../../src/cases/dto/list-cases.query.js';
import type { RegisterCaseDto } from '../../src/cases/dto/register-case.dto.js';
import { startBenchApp, type BenchApp } from './support/bench-app.js';
import { openBenchDatabase } from './support/bench-database.js';
import { printAgainst, runLoad, sample, type Measurement } from './support/load.js';
import { authUserOf, type CaseDataSet, type SyntheticAgencyRow } from './support/synthetic-cases.js';

const CLIENTS = 16;
const LOAD_MS = Number(process.env.BENCH_LOAD_MS ?? 15_000);

export default async function casesBench(): Promise<void> {
  const cases = Number(process.env.BENCH_CASES ?? 1_000_000);
  const db = await openBenchDatabase({ cases });
  const { asOf } = db.dataSet.options;
  const app = await startBenchApp(db.url, { now: `${asOf}T10:00:00+08:00` });
  const pool = new pg.Pool({ connectionString: db.url, max: CLIENTS });
  try {
    const c = db.dataSet.counts;
    process.stdout.write(
      `\nData set: ${c.cases.toLocaleString('en-US')} cases (${c.openCases.toLocaleString('en-US')} open), ` +
        `${c.applicants.toLocaleString('en-US')} applicants, ${c.events.toLocaleString('en-US')} events, ` +
        `${db.dataSet.agencies.length} agencies, as of ${asOf}\n`,
    );
    const parts = (process.env.BENCH_PARTS ?? 'lists,register').split(',');
    if (parts.includes('lists')) await listBench(app, pool, db.dataSet);
    if (parts.includes('register')) await registrationBench(app, pool, db.dataSet);
  } finally {
    await pool.end();
    await app.close();
    await db.close();
  }
}

// ───────────────────────────── (a) registration ─────────────────────────────

async function registrationBench(app: BenchApp, pool: pg.Pool, dataSet: CaseDataSet): Promise<void> {
  const cases = app.get(CasesService);
  const { asOf } = dataSet.options;
  // A fifth of the applications come from applicants the agency already knows.
  const known = new Map<string, string[]>();
  for (const agency of dataSet.agencies) {
    const { rows } = await pool.query<{ id: string }>(
      `SELECT id FROM applicant WHERE agency_id = $1 ORDER BY id LIMIT 20`,
      [agency.id],
    );
    known.set(
      agency.id,
      rows.map((r) => r.id),
    );
  }
  const application = (agency: SyntheticAgencyRow, n: number) => {
    const repeat = n % 5 === 0 ? known.get(agency.id)![n % 20] : undefined;
    return {
      repeat,
      dto: {
        ...(repeat
          ? { applicantId: repeat }
          : {
              applicant: {
                type: 'natural_person',
                name: `申请人${n}`,
                idType: 'resident_id',
                idNumber: residentId(
                  `371322${19500101 + (n % 500) * 100}${String(n % 1000).padStart(3, '0')}`,
                ),
                phone: `139${String(n).padStart(8, '0').slice(-8)}`,
                address: '山东省临沂市郯城县人民路 1 号',
                postcode: '276100',
              },
            }),
        evidence: { channel: 'online', submittedAt: `${asOf}T09:15:00+08:00`, autoConfirmed: true },
        informationSought: `${asOf.slice(0, 4)}年郯城县城区土地征收补偿安置方案（第 ${n} 号地块）`,
        requestedForm: 'electronic',
        deliveryMethod: 'online',
      } as RegisterCaseDto,
    };
  };
  const clerkOf = (agency: SyntheticAgencyRow): AuthUser => authUserOf(agency.clerks[0]);
  const viaService = (agencyOf: (client: number) => SyntheticAgencyRow) => (client: number, n: number) => {
    const agency = agencyOf(client);
    return cases.register(clerkOf(agency), application(agency, n).dto);
  };
  const bare = (agencyOf: (client: number) => SyntheticAgencyRow) => async (client: number, n: number) => {
    const agency = agencyOf(client);
    const clerk = agency.clerks[0];
    const { repeat, dto } = application(agency, n);
    const db = await pool.connect();
    try {
      await db.query('BEGIN');
      let applicantId = repeat;
      if (!applicantId) {
        const a = dto.applicant!;
        const res = await db.query<{ id: string }>(
          `INSERT INTO applicant (agency_id, type, name, id_type, id_number, phone, address, postcode, version)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1) RETURNING id`,
          [agency.id, a.type, a.name, a.idType, a.idNumber, a.phone, a.address, a.postcode],
        );
        applicantId = res.rows[0].id;
      }
      const year = Number(asOf.slice(0, 4));
      const series = await db.query<{ last_number: number }>(
        `INSERT INTO case_number_series AS s (agency_id, year, last_number) VALUES ($1, $2, 1)
         ON CONFLICT (agency_id, year) DO UPDATE SET last_number = s.last_number + 1 RETURNING s.last_number`,
        [agency.id, year],
      );
      const id = randomUUID();
      await db.query(
        `INSERT INTO disclosure_case (id, agency_id, case_number, applicant_id, channel, receipt_evidence, received_on,
           clock_started_on, information_sought, requested_form, delivery_method, status, clock_state, due_on,
           original_due_on, correction_notice_due_on, registered_at, registered_by, version)
         VALUES ($1, $2, $3, $4, 'online', $5, $6, $6, $7, 'electronic', 'online', 'registered', 'running',
           '2026-12-25', '2026-12-25', '2026-12-08', now(), $8, 1)`,
        [
          id,
          agency.id,
          `${year}-${String(series.rows[0].last_number).padStart(5, '0')}`,
          applicantId,
          JSON.stringify(dto.evidence),
          asOf,
          dto.informationSought,
          clerk.id,
        ],
      );
      await db.query(
        `INSERT INTO case_event (case_id, seq, action, from_status, to_status, actor_id, actor_name, actor_role, data, changes)
         VALUES ($1, 1, 'register', NULL, 'registered', $2, $3, 'clerk', $4, '{"status": [null, "registered"]}')`,
        [id, clerk.id, clerk.displayName, JSON.stringify({ channel: 'online', receivedOn: asOf })],
      );
      await db.query('COMMIT');
    } catch (error) {
      await db.query('ROLLBACK');
      throw error;
    } finally {
      db.release();
    }
  };

  const spread = (client: number) => dataSet.agencies[client % dataSet.agencies.length];
  const busiest = () => dataSet.agencies[2];
  const options = { clients: CLIENTS, durationMs: LOAD_MS, warmupMs: 2000 };
  printAgainst(
    `Registration, ${CLIENTS} concurrent clients over ${CLIENTS} agencies (${LOAD_MS / 1000} s each)`,
    await runLoad('bare INSERTs via pg (same rows)', options, bare(spread)),
    await runLoad('CasesService.register', options, viaService(spread)),
  );
  printAgainst(
    `Registration, ${CLIENTS} concurrent clients at one agency (${busiest().name}): one case-number series`,
    await runLoad('bare INSERTs via pg (same rows)', options, bare(busiest)),
    await runLoad('CasesService.register', options, viaService(busiest)),
  );
}

/** A 居民身份证 number with its GB 11643 check character. */
function residentId(body: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((s, w, i) => s + w * Number(body[i]), 0);
  return body + '10X98765432'[sum % 11];
}

// ───────────────────────────── (b) lists ─────────────────────────────

// The best hand-written SQL for the same page: the service's predicates and order (those the list
// indexes serve), the page's ids from the case table alone, then the 20 rows with their joins.
const CLOSED = `(c.status IN ('issued', 'served', 'withdrawn', 'deemed_withdrawn', 'archived'))`;
const OPEN = `${CLOSED} IS FALSE`;
const BY_DUE = `ORDER BY ${CLOSED}, c.due_on NULLS LAST, c.received_on, c.id`;
const bareSelect = (where: string, order: string, page = 1) => `
  SELECT c.id, c.case_number, c.agency_id, c.information_sought, c.channel, c.received_on, c.status, c.handler_id,
         c.clock_state, c.due_on, c.clock_provisional, c.outcome, c.closed_on, c.closed_late, c.version,
         a.name, a.type, a.id_number, g.name AS agency_name, h.display_name AS handler_name
    FROM disclosure_case c
    JOIN applicant a ON a.id = c.applicant_id
    JOIN agency g ON g.id = c.agency_id
    LEFT JOIN app_user h ON h.id = c.handler_id
   WHERE c.id IN (SELECT c.id FROM disclosure_case c ${where.includes('a.') ? 'JOIN applicant a ON a.id = c.applicant_id' : ''}
                   WHERE ${where} ${order} LIMIT 20 OFFSET ${(page - 1) * 20})
   ${order}`;

interface ListCase {
  name: string;
  user: AuthUser;
  query: ListCasesQuery;
  bare: { sql: string; params: unknown[] };
}

async function listBench(app: BenchApp, pool: pg.Pool, dataSet: CaseDataSet): Promise<void> {
  const queries = app.get(CaseQueriesService);
  const { asOf } = dataSet.options;
  const land = dataSet.agencies[2]; // 自然资源局, the busiest agency
  const clerk = authUserOf(land.clerks[0]);
  const handler = authUserOf(land.handlers[0]);
  const supervisor = authUserOf(dataSet.supervisor);
  // An applicant who keeps applying (the sort of ID number a clerk looks up).
  const {
    rows: [frequent],
  } = await pool.query<{ id_number: string }>(
    `SELECT a.id_number FROM applicant a JOIN disclosure_case c ON c.applicant_id = a.id
      WHERE a.agency_id = $1 AND a.id_type = 'resident_id' GROUP BY a.id_number ORDER BY count(*) DESC, a.id_number LIMIT 1`,
    [land.id],
  );
  const term = '征收补偿';
  const shortTerm = '疫苗'; // two characters, as Chinese searches often are; 0.5 % of the cases
  const like = `%${term}%`;
  const cases: ListCase[] = [
    {
      name: "an agency's open cases, by due date",
      user: clerk,
      query: { open: true },
      bare: { sql: bareSelect(`c.agency_id = $1 AND ${OPEN}`, BY_DUE), params: [land.id] },
    },
    {
      name: "an agency's cases, default list (open first)",
      user: clerk,
      query: {},
      bare: { sql: bareSelect(`c.agency_id = $1`, BY_DUE), params: [land.id] },
    },
    {
      name: 'the county, default list (supervisor)',
      user: supervisor,
      query: {},
      bare: { sql: bareSelect(`true`, BY_DUE), params: [] },
    },
    {
      name: 'overdue, all agencies (supervisor)',
      user: supervisor,
      query: { overdue: true },
      bare: { sql: bareSelect(`${OPEN} AND c.due_on < $1`, BY_DUE), params: [asOf] },
    },
    {
      name: 'applicant by ID number (clerk)',
      user: clerk,
      query: { applicant: frequent.id_number },
      bare: {
        sql: bareSelect(`c.agency_id = $1 AND a.id_number = $2`, BY_DUE),
        params: [land.id, frequent.id_number],
      },
    },
    {
      name: 'applicant by ID number (supervisor, all agencies)',
      user: supervisor,
      query: { applicant: frequent.id_number },
      bare: { sql: bareSelect(`a.id_number = $1`, BY_DUE), params: [frequent.id_number] },
    },
    {
      name: `text "${term}" in the information sought (clerk)`,
      user: clerk,
      query: { q: term },
      bare: {
        sql: bareSelect(`c.agency_id = $1 AND c.information_sought ILIKE $2`, BY_DUE),
        params: [land.id, like],
      },
    },
    {
      name: `text "${term}" (supervisor, all agencies)`,
      user: supervisor,
      query: { q: term },
      bare: { sql: bareSelect(`c.information_sought ILIKE $1`, BY_DUE), params: [like] },
    },
    {
      name: `two-character text "${shortTerm}" (supervisor)`,
      user: supervisor,
      query: { q: shortTerm },
      bare: {
        sql: bareSelect(`case_text_bigrams(c.information_sought) @> case_text_bigrams($1)`, BY_DUE),
        params: [shortTerm],
      },
    },
    {
      name: "a handler's open cases",
      user: handler,
      query: { handlerId: 'me', open: true },
      bare: {
        sql: bareSelect(`c.agency_id = $1 AND c.handler_id = $2 AND ${OPEN}`, BY_DUE),
        params: [land.id, handler.id],
      },
    },
    {
      name: "a handler's cases, all",
      user: handler,
      query: { handlerId: 'me' },
      bare: {
        sql: bareSelect(`c.agency_id = $1 AND c.handler_id = $2`, BY_DUE),
        params: [land.id, handler.id],
      },
    },
    {
      name: "deep page: an agency's cases, page 500",
      user: clerk,
      query: { page: 500 },
      bare: { sql: bareSelect(`c.agency_id = $1`, BY_DUE, 500), params: [land.id] },
    },
    {
      name: 'deep page: all cases newest first, page 2000 (supervisor)',
      user: supervisor,
      query: { sort: '-received', page: 2000 },
      bare: { sql: bareSelect(`true`, `ORDER BY c.received_on DESC, c.id`, 2000), params: [] },
    },
  ];

  const rows: Array<Record<string, string | number>> = [];
  for (const q of cases) {
    // Same rows, in the same order, before any timing means something.
    const page = await queries.list(q.user, q.query);
    const bare = await pool.query<{ id: string }>(q.bare.sql, q.bare.params);
    assert.deepEqual(
      page.items.map((i) => i.id),
      bare.rows.map((r) => r.id),
      `${q.name}: the service and the bare SELECT disagree`,
    );
    if (process.env.BENCH_EXPLAIN) await explain(app, pool, q);
    const baseline: Measurement = await sample('bare SELECT', () => pool.query(q.bare.sql, q.bare.params));
    const service: Measurement = await sample('service', () => queries.list(q.user, q.query));
    rows.push({
      query: q.name,
      rows: `${page.items.length} of ${page.total.toLocaleString('en-US')}`,
      'service p50 ms': service.p50Ms.toFixed(1),
      'service p99 ms': service.p99Ms.toFixed(1),
      'bare p50 ms': baseline.p50Ms.toFixed(1),
      'bare p99 ms': baseline.p99Ms.toFixed(1),
      '× bare (p50)': (service.p50Ms / baseline.p50Ms).toFixed(2),
    });
  }
  process.stdout.write(
    `\nLists through CaseQueriesService.list (page of 20 and total) vs. a bare SELECT of the same page, one at a time\n`,
  );
  console.table(rows);
}

async function explain(app: BenchApp, pool: pg.Pool, q: ListCase): Promise<void> {
  const statements = await app.captureQueries(() => app.get(CaseQueriesService).list(q.user, q.query));
  process.stdout.write(`\n### ${q.name}\n`);
  for (const s of statements.filter((x) => /^\s*SELECT/i.test(x.sql))) {
    const { rows } = await pool.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN (ANALYZE, BUFFERS) ${s.sql}`,
      s.parameters,
    );
    process.stdout.write(`${s.sql.replace(/\s+/g, ' ').slice(0, 300)}…\n`);
    process.stdout.write(`${rows.map((r) => `  ${r['QUERY PLAN']}`).join('\n')}\n`);
  }
}
