/**
 * A synthetic county in the real schema: 30 agencies with their clerks, handlers and approvers,
 * applicants, and any number of disclosure cases received 2024-01-01 … `asOf`, each with the event
 * record the real service would have written and the clock projection its events imply.
 *
 *   const dataSet = await generateCases(dataSource, { cases: 1_000_000, agencies: 30, seed: 2026 });
 *
 * Everything is set-based SQL (INSERT … SELECT over generate_series, one transaction): about
 * four minutes for 1,000,000 cases and 8.5 million events on two cores. Deterministic for a seed:
 * every random draw is `hashint8extended(case number, seed)`, so the same options give the same rows.
 *
 * How a case lives (working days after the receipt unless said otherwise):
 * - received by channel (online 55 %, registered post 22 %, in person 15 %…); counter and post
 *   receipts fall on working days, online ones on any day; volume grows by about 60 % over the period;
 * - 6 % get a 补正 notice within 5 WD (Art. 30): 80 % correct within 2–8 WD and the clock restarts,
 *   20 % let the 15-day period lapse (视为放弃, by the system the day after);
 * - assigned to a handler on the day or within 2 WD; 1.5 % are withdrawn within 8 WD;
 * - 5 % consult a third party or another agency (Art. 32/34; reply within 15 WD, the clock pauses),
 *   0.5 % get a fee notice (paid by 70 %, else 视为放弃 after 20 WD), 4 % get a 20 WD extension
 *   approved and notified before the original due date (Art. 33);
 * - replied 1–20 WD after the (restarted) receipt plus paused days, 1.5 % late by 1–15 WD, 0.15 %
 *   forgotten for months (the overdue cases a supervisor hunts); 8 % of drafts are returned once;
 *   served 0–10 WD later, 85 % archived within three months.
 * Whatever lies after `asOf` has not happened: those cases are open, in the state of their last
 * event, with a running, paused or awaiting-correction clock. The stored projection (status, due
 * date, excluded days, provisional flag…) equals what computeClock() gives for the events
 * (test/integration/synthetic-cases.int-spec.ts replays a sample).
 */
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { seedCalendarYears } from '../../../seeds/holiday-calendars.seed-data.js';
import type { AuthUser } from '../../../src/auth/auth-user.js';
import { PasswordHasher } from '../../../src/auth/password-hasher.js';
import type { Role } from '../../../src/auth/role.js';
import { WorkingDayCalendar } from '../../../src/calendar/working-day-calendar.js';
import type { CaseStatus } from '../../../src/cases/case-status.js';
import type { IsoDate } from '../../../src/common/clock/dates.js';
import { OUTCOMES, type Outcome } from '../../../src/cases/outcome.js';
import * as V from './synthetic-cases.data.js';

/** Bump when the generated rows change: cached bench databases are keyed by it. */
export const SYNTHETIC_CASES_VERSION = 1;

/** The password of every synthetic user (argon2id-hashed once per data set). */
export const SYNTHETIC_PASSWORD = 'Tancheng@2026';

export interface CaseDataSetOptions {
  cases: number;
  /** 1–30 (the first n of SYNTHETIC_AGENCIES; the county office, the supervisor, is the second). */
  agencies?: number;
  seed?: number;
  /** First receipt date. */
  from?: IsoDate;
  /** "Today" of the data set: later steps have not happened. The test clock's day by default. */
  asOf?: IsoDate;
  log?: (line: string) => void;
}

export interface SyntheticUser {
  id: string;
  username: string;
  displayName: string;
  agencyId: string;
  roles: Role[];
}

export interface SyntheticAgencyRow {
  id: string;
  code: string;
  name: string;
  /** Share of the cases (0–1). */
  share: number;
  clerks: SyntheticUser[];
  handlers: SyntheticUser[];
  approvers: SyntheticUser[];
}

export interface CaseDataSet {
  options: Required<Omit<CaseDataSetOptions, 'log'>>;
  version: number;
  agencies: SyntheticAgencyRow[];
  /** The county office's supervisor (sees every agency). */
  supervisor: SyntheticUser;
  counts: { cases: number; openCases: number; applicants: number; events: number; consultations: number };
  generatedInMs: number;
}

/** What generateCases() accepts: a TypeORM DataSource, a pg Pool or a connected pg Client. */
export type SqlTarget = DataSource | pg.Pool | pg.ClientBase;

type Query = <R = Record<string, unknown>>(sql: string, params?: unknown[]) => Promise<R[]>;

const DEFAULTS = { agencies: 30, seed: 2026, from: '2024-01-01', asOf: '2026-11-27' } as const;
const MARKER_TABLE = 'bench_dataset';
const CODE_PREFIX = 'syn-';

/** An AuthUser for calling services directly as this synthetic user. */
export function authUserOf(user: SyntheticUser): AuthUser {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    agencyId: user.agencyId,
    roles: user.roles,
    sessionId: `bench-${user.id}`,
    authenticatedBy: 'bearer',
    mustChangePassword: false,
    client: { ip: '127.0.0.1', userAgent: 'gip-desk-bench' },
  };
}

/** The data set already generated in this database, or null. */
export async function readCaseDataSet(target: SqlTarget): Promise<CaseDataSet | null> {
  return withSession(target, async (query) => {
    const [exists] = await query<{ t: string | null }>(`SELECT to_regclass($1) AS t`, [MARKER_TABLE]);
    if (!exists.t) return null;
    const [row] = await query<{ data: Omit<CaseDataSet, 'agencies' | 'supervisor'> }>(
      `SELECT data FROM ${MARKER_TABLE} ORDER BY id DESC LIMIT 1`,
    );
    if (!row) return null;
    const { agencies, supervisor } = await readPeople(query, row.data.options.agencies);
    return { ...row.data, agencies, supervisor };
  });
}

/**
 * Generates the data set into a migrated database (the holiday calendars need not be seeded: the
 * generator uses the seed files). Refuses a database that already holds synthetic agencies.
 */
export async function generateCases(target: SqlTarget, input: CaseDataSetOptions): Promise<CaseDataSet> {
  const options = { ...DEFAULTS, ...input, log: undefined } as CaseDataSet['options'] & { log?: undefined };
  delete options.log;
  const log = input.log ?? (() => undefined);
  if (!Number.isInteger(options.cases) || options.cases < 1)
    throw new Error('cases must be a positive integer');
  if (options.agencies < 2 || options.agencies > V.SYNTHETIC_AGENCIES.length) {
    throw new Error(`agencies must be 2–${V.SYNTHETIC_AGENCIES.length}`);
  }
  const passwordHash = await new PasswordHasher().hash(SYNTHETIC_PASSWORD);
  const started = performance.now();
  return withSession(target, async (query) => {
    const step = async (label: string, sql: string, params?: unknown[]) => {
      const t0 = performance.now();
      await query(sql, params);
      log(`  ${label}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    };
    const [{ n }] = await query<{ n: number }>(
      `SELECT count(*)::int AS n FROM agency WHERE code LIKE '${CODE_PREFIX}%'`,
    );
    if (n > 0) throw new Error('This database already holds a synthetic data set (agencies syn-*).');
    const [{ su }] = await query<{ su: boolean }>(
      `SELECT rolsuper AS su FROM pg_roles WHERE rolname = current_user`,
    );

    await query('BEGIN');
    try {
      await query(`SET LOCAL synchronous_commit = off`);
      await query(`SET LOCAL work_mem = '256MB'`);
      await query(`SET LOCAL maintenance_work_mem = '512MB'`);
      // Skips the foreign-key and append-only triggers while loading rows that are consistent by
      // construction (superuser only; otherwise the triggers simply run).
      if (su) await query(`SET LOCAL session_replication_role = replica`);

      const calendar = new DayTable(options.from, options.asOf);
      await createHelpers(query, calendar, options.seed);
      const people = await insertPeople(query, options, passwordHash);
      const dropped = await dropSecondaryIndexes(query);

      await query(PLAN_TABLE);
      const t = new Templates();
      await step('plan (timelines)', planSql(options, calendar, people, t), t.values);
      const ta = new Templates();
      await step('applicants', applicantsSql(options, ta), ta.values);
      const tc = new Templates();
      await step('cases', casesSql(options, calendar, people, tc), tc.values);
      await step('consultations', consultationsSql(calendar));
      await step('events', eventsSql(calendar));
      await step(
        'case number series',
        `INSERT INTO case_number_series (agency_id, year, last_number)
         SELECT agency_id, split_part(case_number, '-', 1)::int, max(split_part(case_number, '-', 2)::int)
           FROM disclosure_case WHERE agency_id = ANY($1::uuid[]) GROUP BY 1, 2`,
        [people.agencies.map((a) => a.id)],
      );
      await query(`DROP TABLE bench_plan`);
      const t0 = performance.now();
      for (const def of dropped) await query(def);
      log(`  indexes rebuilt: ${((performance.now() - t0) / 1000).toFixed(1)} s`);

      const [counts] = await query<CaseDataSet['counts']>(
        `SELECT (SELECT count(*)::int FROM disclosure_case c JOIN agency g ON g.id = c.agency_id WHERE g.code LIKE '${CODE_PREFIX}%') AS cases,
                (SELECT count(*)::int FROM disclosure_case c JOIN agency g ON g.id = c.agency_id
                  WHERE g.code LIKE '${CODE_PREFIX}%' AND c.closed_on IS NULL) AS "openCases",
                (SELECT count(*)::int FROM applicant a JOIN agency g ON g.id = a.agency_id WHERE g.code LIKE '${CODE_PREFIX}%') AS applicants,
                (SELECT count(*)::int FROM case_event) AS events,
                (SELECT count(*)::int FROM case_consultation) AS consultations`,
      );
      const result: CaseDataSet = {
        options,
        version: SYNTHETIC_CASES_VERSION,
        agencies: people.agencies,
        supervisor: people.supervisor,
        counts,
        generatedInMs: Math.round(performance.now() - started),
      };
      await query(
        `CREATE TABLE IF NOT EXISTS ${MARKER_TABLE} (id serial PRIMARY KEY, data jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`,
      );
      const { agencies: _a, supervisor: _s, ...marker } = result;
      await query(`INSERT INTO ${MARKER_TABLE} (data) VALUES ($1)`, [JSON.stringify(marker)]);
      await query('COMMIT');
      const t1 = performance.now();
      await query(
        `VACUUM (ANALYZE) applicant, disclosure_case, case_event, case_consultation, case_number_series`,
      );
      log(`  vacuum analyze: ${((performance.now() - t1) / 1000).toFixed(1)} s`);
      return result;
    } catch (error) {
      await query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  });
}

// ───────────────────────────── sessions ─────────────────────────────

async function withSession<T>(target: SqlTarget, fn: (query: Query) => Promise<T>): Promise<T> {
  if ('createQueryRunner' in target) {
    const runner = target.createQueryRunner();
    await runner.connect();
    try {
      return await fn((sql, params) => runner.query(sql, params));
    } finally {
      await runner.release();
    }
  }
  if (target instanceof pg.Pool) {
    const client = await target.connect();
    try {
      return await fn(async (sql, params) => (await client.query(sql, params)).rows);
    } finally {
      client.release();
    }
  }
  const client = target;
  return fn(async (sql, params) => (await client.query(sql, params)).rows);
}

// ───────────────────────────── calendar ─────────────────────────────

/**
 * Days as integers from `day0` (the day before `from`): `ord(x)` counts working days in (day0, x],
 * `wd(o)` is the o-th working day. So `addWorkingDays(d, n) = wd(ord(d) + n)` and
 * `workingDaysBetween(a, b) = ord(b) - ord(a)`, as in WorkingDayCalendar (the seeds' years, and the
 * statutory rules for years not yet published).
 */
class DayTable {
  readonly day0: IsoDate;
  readonly ord: number[] = [];
  readonly wd: number[] = [];
  /** Day index of `asOf`. */
  readonly asOf: number;
  readonly firstOf2027: number;

  constructor(from: IsoDate, asOf: IsoDate) {
    const calendar = WorkingDayCalendar.fromYears(seedCalendarYears());
    this.day0 = addDays(from, -1);
    this.asOf = daysBetween(this.day0, asOf);
    const last = this.asOf + 800;
    let ord = 0;
    for (let x = 0; x <= last; x++) {
      if (x > 0 && calendar.isWorkingDay(addDays(this.day0, x))) {
        ord++;
        this.wd.push(x);
      }
      this.ord.push(ord);
    }
    const firstUnpublished = Math.max(...seedCalendarYears().map((y) => y.year)) + 1;
    this.firstOf2027 = daysBetween(this.day0, `${firstUnpublished}-01-01`);
  }

  date(x: string): string {
    return `('${this.day0}'::date + (${x}))`;
  }
}

function addDays(date: IsoDate, n: number): IsoDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** SQL helpers inlined by the planner (single-expression SQL functions over constant arrays). */
async function createHelpers(query: Query, days: DayTable, seed: number): Promise<void> {
  const ints = (values: number[]) => `'{${values.join(',')}}'::int[]`;
  await query(`CREATE FUNCTION pg_temp.b_ord(x int) RETURNS int IMMUTABLE LANGUAGE sql
    AS $$ SELECT (${ints(days.ord)})[x + 1] $$`);
  await query(`CREATE FUNCTION pg_temp.b_wd(o int) RETURNS int IMMUTABLE LANGUAGE sql
    AS $$ SELECT (${ints(days.wd)})[o] $$`);
  // Same-or-next working day's ordinal.
  await query(`CREATE FUNCTION pg_temp.b_sonw(x int) RETURNS int IMMUTABLE LANGUAGE sql
    AS $$ SELECT (${ints(days.ord)})[x] + 1 $$`);
  // A uniform draw in [0, 1) for (row, stream).
  await query(`CREATE FUNCTION pg_temp.b_r(i bigint, k int) RETURNS float8 IMMUTABLE LANGUAGE sql
    AS $$ SELECT (hashint8extended(i, ${seed * 1000} + k) & 140737488355327)::float8 / 140737488355328 $$`);
  // GB 11643 check character of a 17-digit body.
  await query(`CREATE FUNCTION pg_temp.b_gb11643(body text) RETURNS text IMMUTABLE LANGUAGE sql
    AS $$ SELECT body || substr('10X98765432', (SELECT sum(substr(body, k::int, 1)::int * w) FROM unnest('{7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2}'::int[]) WITH ORDINALITY AS t(w, k))::int % 11 + 1, 1) $$`);
  // GB 32100 check character of a 17-character body.
  await query(`CREATE FUNCTION pg_temp.b_gb32100(body text) RETURNS text IMMUTABLE LANGUAGE sql
    AS $$ SELECT body || substr('0123456789ABCDEFGHJKLMNPQRTUWXY', (31 - (SELECT sum((strpos('0123456789ABCDEFGHJKLMNPQRTUWXY', substr(body, k::int, 1)) - 1) * w) FROM unnest('{1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28}'::int[]) WITH ORDINALITY AS t(w, k))::int % 31) % 31 + 1, 1) $$`);
}

/** Query parameters for the long vocabulary arrays. */
class Templates {
  readonly values: unknown[] = [];
  add(value: unknown, type: string): string {
    this.values.push(value);
    return `$${this.values.length}::${type}`;
  }
}

const r = (k: number, row = 'p.i') => `pg_temp.b_r(${row}, ${k})`;
const pick = (array: string, k: number, size: number, row = 'p.i') =>
  `(${array})[1 + floor(${r(k, row)} * ${size})::int]`;

// ───────────────────────────── agencies and users ─────────────────────────────

interface People {
  agencies: SyntheticAgencyRow[];
  supervisor: SyntheticUser;
}

function agencyIdOf(seed: number, n: number): string {
  return uuidFrom(`${seed}:agency:${n}`);
}

/** A deterministic UUID (v4 layout) from a key. */
function uuidFrom(key: string): string {
  // FNV-1a variants over the key, 4 × 32 bits: enough spread for a few hundred ids.
  const words = [0x811c9dc5, 0x01000193, 0xdeadbeef, 0x9e3779b9].map((basis, w) => {
    let h = basis ^ w;
    for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193 + 2 * w);
    return (h >>> 0).toString(16).padStart(8, '0');
  });
  const hex = words.join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

async function insertPeople(
  query: Query,
  options: CaseDataSet['options'],
  passwordHash: string,
): Promise<People> {
  const catalogue = V.SYNTHETIC_AGENCIES.slice(0, options.agencies);
  const totalWeight = catalogue.reduce((s, a) => s + a.weight, 0);
  const names = personNames(options.seed);
  let nameIndex = 0;
  const agencies: SyntheticAgencyRow[] = catalogue.map((a, i) => {
    const n = i + 1;
    const id = agencyIdOf(options.seed, n);
    const code = `${CODE_PREFIX}${String(n).padStart(2, '0')}`;
    const share = a.weight / totalWeight;
    const user = (role: Role, k: number): SyntheticUser => ({
      id: uuidFrom(`${options.seed}:user:${n}:${role}:${k}`),
      username: `${code}.${role}${k}`,
      displayName: names[nameIndex++ % names.length],
      agencyId: id,
      roles: [role],
    });
    const handlers = 3 + Math.round(share * 80);
    return {
      id,
      code,
      name: a.name,
      share,
      clerks: [user('clerk', 1), user('clerk', 2)],
      handlers: Array.from({ length: handlers }, (_, k) => user('handler', k + 1)),
      approvers: [user('approver', 1), user('approver', 2)],
    };
  });
  const office = agencies[1];
  const supervisor: SyntheticUser = {
    id: uuidFrom(`${options.seed}:user:supervisor`),
    username: `${CODE_PREFIX}supervisor`,
    displayName: names[nameIndex++ % names.length],
    agencyId: office.id,
    roles: ['supervisor'],
  };

  for (const [i, a] of catalogue.entries()) {
    const row = agencies[i];
    await query(
      `INSERT INTO agency (id, code, name, short_name, type, parent_id, is_supervisor, office_address, office_postcode,
         office_phone, office_hours, website, doc_number_prefix, reconsideration_body_name, reconsideration_body_derived, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, '276100', $9, '工作日 上午 8:30—12:00，下午 13:30—17:30',
         'http://www.tancheng.gov.cn', $10, $11, false, 1)`,
      [
        row.id,
        row.code,
        a.name,
        a.shortName,
        a.type,
        a.type === 'county_government' ? null : agencies[0].id,
        a.isSupervisor ?? false,
        `山东省临沂市郯城县人民路 ${100 + i} 号`,
        `0539-62${String(i).padStart(5, '0')}`,
        `郯${a.shortName}信复`,
        a.reconsiderationBody,
      ],
    );
  }
  const users = [...agencies.flatMap((a) => [...a.clerks, ...a.handlers, ...a.approvers]), supervisor];
  await query(
    `INSERT INTO app_user (id, username, display_name, agency_id, roles, active, password_hash,
       must_change_password, password_changed_at, version)
     SELECT u.id, u.username, u.display_name, u.agency_id, ARRAY[u.role]::varchar[], true, $6, false, now(), 1
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[], $5::text[]) AS u(id, username, display_name, agency_id, role)`,
    [
      users.map((u) => u.id),
      users.map((u) => u.username),
      users.map((u) => u.displayName),
      users.map((u) => u.agencyId),
      users.map((u) => u.roles[0]),
      passwordHash,
    ],
  );
  // Who acts on a case: (agency number, role, k) → user, for joins.
  await query(`CREATE TEMP TABLE bench_user (ag int, role text, k int, id uuid, name text) ON COMMIT DROP`);
  await query(
    `INSERT INTO bench_user SELECT * FROM unnest($1::int[], $2::text[], $3::int[], $4::uuid[], $5::text[])`,
    (() => {
      const rows = agencies.flatMap((a, i) =>
        (['clerks', 'handlers', 'approvers'] as const).flatMap((group) =>
          a[group].map((u, k) => [i + 1, u.roles[0], k + 1, u.id, u.displayName] as const),
        ),
      );
      return [0, 1, 2, 3, 4].map((c) => rows.map((row) => row[c]));
    })(),
  );
  await query(`ANALYZE bench_user`);
  return { agencies, supervisor };
}

async function readPeople(query: Query, agencyCount: number): Promise<People> {
  const rows = await query<{
    agency_id: string;
    code: string;
    name: string;
    id: string | null;
    username: string | null;
    display_name: string | null;
    roles: Role[] | null;
  }>(
    `SELECT g.id AS agency_id, g.code, g.name, u.id, u.username, u.display_name, u.roles
       FROM agency g LEFT JOIN app_user u ON u.agency_id = g.id
      WHERE g.code LIKE '${CODE_PREFIX}%' ORDER BY g.code, u.username`,
  );
  const catalogue = V.SYNTHETIC_AGENCIES.slice(0, agencyCount);
  const totalWeight = catalogue.reduce((s, a) => s + a.weight, 0);
  const byCode = new Map<string, SyntheticAgencyRow>();
  let supervisor: SyntheticUser | undefined;
  const order = (u: string) => Number(u.match(/(\d+)$/)?.[1] ?? 0);
  for (const row of rows) {
    let agency = byCode.get(row.code);
    if (!agency) {
      const n = Number(row.code.slice(CODE_PREFIX.length));
      agency = {
        id: row.agency_id,
        code: row.code,
        name: row.name,
        share: (catalogue[n - 1]?.weight ?? 0) / totalWeight,
        clerks: [],
        handlers: [],
        approvers: [],
      };
      byCode.set(row.code, agency);
    }
    if (!row.id || !row.username || !row.roles) continue;
    const user: SyntheticUser = {
      id: row.id,
      username: row.username,
      displayName: row.display_name ?? '',
      agencyId: row.agency_id,
      roles: row.roles,
    };
    const role = row.roles[0];
    if (role === 'supervisor') supervisor = user;
    else if (role === 'clerk') agency.clerks.push(user);
    else if (role === 'handler') agency.handlers.push(user);
    else if (role === 'approver') agency.approvers.push(user);
  }
  for (const a of byCode.values()) {
    for (const list of [a.clerks, a.handlers, a.approvers])
      list.sort((x, y) => order(x.username) - order(y.username));
  }
  if (!supervisor) throw new Error('The synthetic data set has no supervisor');
  return { agencies: [...byCode.values()], supervisor };
}

function personNames(seed: number): string[] {
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return state / 4_294_967_296;
  };
  return Array.from({ length: 400 }, () => {
    const surname = V.SURNAMES[Math.floor(next() * next() * V.SURNAMES.length)];
    const given = Array.from(
      { length: next() < 0.7 ? 2 : 1 },
      () => V.GIVEN_NAME_CHARS[Math.floor(next() * V.GIVEN_NAME_CHARS.length)],
    ).join('');
    return surname + given;
  });
}

// ───────────────────────────── indexes ─────────────────────────────

/** Drops the loaded tables' secondary indexes and returns their definitions to rebuild them. */
async function dropSecondaryIndexes(query: Query): Promise<string[]> {
  const rows = await query<{ name: string; def: string }>(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def
       FROM pg_index i
      WHERE i.indrelid IN ('applicant'::regclass, 'disclosure_case'::regclass, 'case_event'::regclass, 'case_consultation'::regclass)
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`,
  );
  for (const row of rows) await query(`DROP INDEX ${row.name}`);
  return rows.map((row) => row.def);
}

// ───────────────────────────── the plan: one timeline per case ─────────────────────────────

/**
 * The 25 steps a case can take, in the order they can happen. A case takes a subset; each step's
 * day is a column s1…s25 of the plan (NULL when the case never takes it). A step has happened when
 * its day is on or before asOf.
 */
const STAGES: ReadonlyArray<{
  action: string;
  to: CaseStatus;
  role: 'clerk' | 'handler' | 'approver' | 'system';
}> = [
  { action: 'register', to: 'registered', role: 'clerk' }, // 1
  { action: 'request_correction', to: 'awaiting_correction', role: 'clerk' }, // 2
  { action: 'receive_correction', to: 'registered', role: 'clerk' }, // 3
  { action: 'lapse_correction', to: 'deemed_withdrawn', role: 'system' }, // 4
  { action: 'assign', to: 'investigating', role: 'clerk' }, // 5
  { action: 'start_consultation', to: 'investigating', role: 'handler' }, // 6
  { action: 'record_consultation_receipt', to: 'investigating', role: 'handler' }, // 7
  { action: 'record_consultation_reply', to: 'investigating', role: 'handler' }, // 8
  { action: 'send_fee_notice', to: 'awaiting_fee', role: 'handler' }, // 9
  { action: 'record_fee_notice_receipt', to: 'awaiting_fee', role: 'handler' }, // 10
  { action: 'record_fee_payment', to: 'investigating', role: 'handler' }, // 11
  { action: 'lapse_fee', to: 'deemed_withdrawn', role: 'system' }, // 12
  { action: 'request_extension', to: 'investigating', role: 'handler' }, // 13
  { action: 'decide_extension', to: 'investigating', role: 'approver' }, // 14
  { action: 'notify_extension', to: 'investigating', role: 'handler' }, // 15
  { action: 'withdraw', to: 'withdrawn', role: 'clerk' }, // 16
  { action: 'start_drafting', to: 'drafting', role: 'handler' }, // 17
  { action: 'save_draft', to: 'drafting', role: 'handler' }, // 18
  { action: 'submit_for_review', to: 'in_review', role: 'handler' }, // 19
  { action: 'return_draft', to: 'drafting', role: 'approver' }, // 20
  { action: 'submit_for_review', to: 'in_review', role: 'handler' }, // 21
  { action: 'approve', to: 'approved', role: 'approver' }, // 22
  { action: 'issue_reply', to: 'issued', role: 'handler' }, // 23
  { action: 'serve', to: 'served', role: 'clerk' }, // 24
  { action: 'archive', to: 'archived', role: 'clerk' }, // 25
];
const STAGE_COLUMNS = STAGES.map((_, k) => `s${k + 1}`);

/** One row per case: its choices and the day (index) of each step it takes. Dropped after the load. */
const PLAN_TABLE = `
  CREATE UNLOGGED TABLE bench_plan (
    i int NOT NULL, id uuid NOT NULL, ag int NOT NULL, ch text NOT NULL, app int NOT NULL,
    hk int NOT NULL, ck int NOT NULL, ak int NOT NULL, outcome text NOT NULL, delivery text NOT NULL,
    x_recv int NOT NULL, corr_end int, ${STAGE_COLUMNS.map((c) => `${c} int`).join(', ')}
  )`;

function planSql(options: CaseDataSet['options'], days: DayTable, people: People, t: Templates): string {
  const catalogue = V.SYNTHETIC_AGENCIES.slice(0, options.agencies);
  const agencySlots = t.add(
    V.slotsOf(
      catalogue.map((a, i) => [i + 1, a.weight] as const),
      10_000,
    ),
    'int[]',
  );
  // Applicants per agency: repeat applicants are common (a squared draw favours the low numbers).
  const applicantPool = t.add(
    people.agencies.map((a) => Math.max(5, Math.ceil(options.cases * a.share * 0.6))),
    'int[]',
  );
  const handlerCount = t.add(
    people.agencies.map((a) => a.handlers.length),
    'int[]',
  );
  const channels = t.add(V.slotsOf(V.CHANNELS), 'text[]');
  const outcomes = t.add(V.slotsOf(V.REPLY_OUTCOMES, 10_000), 'text[]');
  const deliveries = t.add(V.slotsOf(V.DELIVERY_METHODS), 'text[]');
  const A = days.asOf;
  const T = days.asOf; // receipt day index 1 … asOf
  const wd = (o: string) => `pg_temp.b_wd(${o})`;
  const ord = (x: string) => `pg_temp.b_ord(${x})`;
  const sonw = (x: string) => `pg_temp.b_sonw(${x})`;
  const working = (x: string) => `(${ord(x)} > ${ord(`(${x}) - 1`)})`;
  const normal = `NOT h.corr_lapse AND NOT d.wdr AND NOT (j.fee AND NOT j.fee_paid)`;
  const stage = [
    /* 1 register */ wd('c.b'),
    /* 2 request_correction */ `CASE WHEN d.corr THEN ${wd('d.corr_req')} END`,
    /* 3 receive_correction */ 'e.corr_recv',
    /* 4 lapse_correction */ `CASE WHEN h.corr_lapse THEN e.corr_end + 1 END`,
    /* 5 assign */ `CASE WHEN NOT h.corr_lapse AND NOT (d.wdr AND h.wdr_o < h.asg_o) THEN ${wd('h.asg_o')} END`,
    /* 6–8 consultation */ wd('k.k_disp'),
    wd('l.k_recv'),
    wd('m.k_reply'),
    /* 9–12 fee */ wd('k.f_notice'),
    wd('l.f_recv'),
    wd('m.f_paid'),
    'm.f_lapse',
    /* 13–15 extension */ wd('o.ext_req'),
    wd('o.ext_dec'),
    wd('o.ext_not'),
    /* 16 withdraw */ `CASE WHEN d.wdr THEN ${wd('h.wdr_o')} END`,
    /* 17 start_drafting */ `CASE WHEN ${normal} THEN ${wd('s.sd')} END`,
    /* 18 save_draft */ `CASE WHEN ${normal} THEN ${wd('s.sd')} END`,
    /* 19 submit */ `CASE WHEN ${normal} THEN ${wd('s.sub1')} END`,
    /* 20 return */ `CASE WHEN ${normal} AND s.ret THEN ${wd('s.sub1')} END`,
    /* 21 resubmit */ `CASE WHEN ${normal} AND s.ret THEN ${wd('s.sub2')} END`,
    /* 22 approve */ `CASE WHEN ${normal} THEN ${wd('rr.r')} END`,
    /* 23 issue_reply */ `CASE WHEN ${normal} THEN ${wd('rr.r')} END`,
    /* 24 serve */ `CASE WHEN ${normal} THEN ${wd('rr.r + s.serve_gap')} END`,
    /* 25 archive */ `CASE WHEN ${r(29)} < 0.85 THEN ${wd(`(CASE WHEN h.corr_lapse THEN ${ord('e.corr_end + 1')}
         WHEN d.wdr THEN h.wdr_o WHEN j.fee AND NOT j.fee_paid THEN ${ord('m.f_lapse')}
         ELSE rr.r + s.serve_gap END) + 5 + floor(${r(30)} * 60)::int`)} END`,
  ];
  return `
    INSERT INTO bench_plan
    SELECT p.i, md5('${options.seed}:case:' || p.i)::uuid, a.ag, a.ch,
           floor(${r(31)} ^ 2 * (${applicantPool})[a.ag])::int,
           1 + floor(${r(32)} ^ 1.5 * (${handlerCount})[a.ag])::int,
           1 + floor(${r(33)} * 2)::int, 1 + floor(${r(34)} * 2)::int,
           ${pick(outcomes, 35, 10_000)}, s.delivery,
           b.x_recv, e.corr_end,
           ${stage.map((s, k) => `${s} AS s${k + 1}`).join(',\n           ')}
      FROM generate_series(1, ${options.cases}) AS p(i)
      CROSS JOIN LATERAL (SELECT
          ${pick(agencySlots, 1, 10_000)} AS ag,
          ${pick(channels, 2, 1000)} AS ch,
          -- 70 % evenly spread, 30 % growing with time: the later years are busier.
          1 + LEAST(${T - 1}, CASE WHEN ${r(3)} < 0.7 THEN floor(${r(4)} * ${T}) ELSE floor(sqrt(${r(4)}) * ${T}) END::int) AS t
         OFFSET 0) a
      -- Counter and post receipts happen on working days; online ones on any day.
      CROSS JOIN LATERAL (SELECT CASE
          WHEN a.ch = 'online' OR ${working('a.t')} THEN a.t
          WHEN ${wd(`${ord('a.t')} + 1`)} <= ${A} THEN ${wd(`${ord('a.t')} + 1`)}
          ELSE ${wd(ord('a.t'))} END AS x_recv OFFSET 0) b
      CROSS JOIN LATERAL (SELECT ${ord('b.x_recv')} AS s, ${sonw('b.x_recv')} AS b OFFSET 0) c
      CROSS JOIN LATERAL (SELECT ${r(5)} < 0.06 AS corr, ${r(6)} < 0.8 AS corr_ok, ${r(7)} < 0.015 AS wdr,
          c.b + floor(${r(8)} * 5)::int AS corr_req OFFSET 0) d
      -- Art. 30: a 15-day period; the corrected application arrives within it.
      CROSS JOIN LATERAL (SELECT
          CASE WHEN d.corr THEN ${wd('d.corr_req')} + 15 END AS corr_end,
          CASE WHEN d.corr AND d.corr_ok THEN LEAST(${wd(`d.corr_req + 2 + floor(${r(9)} * 7)::int`)}, ${wd('d.corr_req')} + 15) END AS corr_recv
         OFFSET 0) e
      -- The current clock: from the corrected application after a 补正, else from the receipt.
      CROSS JOIN LATERAL (SELECT
          COALESCE(${ord('e.corr_recv')}, c.s) AS c,
          COALESCE(${sonw('e.corr_recv')}, c.b) AS bc OFFSET 0) f
      CROSS JOIN LATERAL (SELECT
          d.corr AND NOT d.corr_ok AS corr_lapse,
          f.bc + CASE WHEN ${r(10)} < 0.5 THEN 0 WHEN ${r(10)} < 0.85 THEN 1 ELSE 2 END AS asg_o,
          f.bc + floor(${r(11)} * 8)::int AS wdr_o OFFSET 0) h
      CROSS JOIN LATERAL (SELECT
          NOT h.corr_lapse AND NOT d.wdr AND ${r(12)} < 0.05 AS kons,
          NOT h.corr_lapse AND NOT d.wdr AND ${r(12)} >= 0.05 AND ${r(12)} < 0.055 AS fee,
          ${r(14)} < 0.7 AS fee_paid,
          NOT h.corr_lapse AND NOT d.wdr AND ${r(15)} < 0.04 AS ext OFFSET 0) j
      CROSS JOIN LATERAL (SELECT
          CASE WHEN j.kons THEN h.asg_o + 1 + floor(${r(16)} * 5)::int END AS k_disp,
          CASE WHEN j.fee THEN h.asg_o + 2 + floor(${r(16)} * 6)::int END AS f_notice OFFSET 0) k
      CROSS JOIN LATERAL (SELECT
          k.k_disp + 1 + floor(${r(17)} * 3)::int AS k_recv,
          k.f_notice + 2 + floor(${r(17)} * 3)::int AS f_recv OFFSET 0) l
      -- Opinions come within the party's 15 WD; an unpaid fee lapses the day after its 20 WD.
      CROSS JOIN LATERAL (SELECT
          l.k_recv + 3 + floor(${r(18)} * 11)::int AS k_reply,
          CASE WHEN j.fee_paid THEN l.f_recv + 1 + floor(${r(18)} * 12)::int END AS f_paid,
          CASE WHEN j.fee AND NOT j.fee_paid THEN ${wd('l.f_recv + 20')} + 1 END AS f_lapse OFFSET 0) m
      CROSS JOIN LATERAL (SELECT COALESCE(m.k_reply - k.k_disp, m.f_paid - k.f_notice, 0) AS excluded OFFSET 0) n
      -- Art. 33: the extension is asked, approved and notified before the original due date.
      CROSS JOIN LATERAL (SELECT
          CASE WHEN j.ext THEN f.c + n.excluded + 14 + floor(${r(19)} * 3)::int END AS ext_req,
          CASE WHEN j.ext THEN f.c + n.excluded + 14 + floor(${r(19)} * 3)::int + floor(${r(20)} * 2)::int END AS ext_dec,
          CASE WHEN j.ext THEN f.c + n.excluded + 14 + floor(${r(19)} * 3)::int + floor(${r(20)} * 2)::int
            + floor(${r(21)} * 2)::int END AS ext_not OFFSET 0) o
      -- Working days from the clock's start to the reply, besides the paused ones.
      CROSS JOIN LATERAL (SELECT CASE
          WHEN j.ext THEN 21 + floor(${r(22)} * 19)::int
          WHEN ${r(13)} < 0.25 THEN 1 + floor(${r(22)} * 7)::int
          WHEN ${r(13)} < 0.80 THEN 8 + floor(${r(22)} * 10)::int
          WHEN ${r(13)} < 0.975 THEN 18 + floor(${r(22)} * 3)::int
          WHEN ${r(13)} < 0.9985 THEN 21 + floor(${r(22)} * 15)::int
          ELSE 60 + floor(${r(22)} * 400)::int END AS lag OFFSET 0) q
      CROSS JOIN LATERAL (SELECT GREATEST(f.c + n.excluded + q.lag,
          GREATEST(h.asg_o, m.k_reply, m.f_paid, o.ext_not) + 2) AS r,
          GREATEST(h.asg_o, m.k_reply, m.f_paid, o.ext_not) AS side_end OFFSET 0) rr
      CROSS JOIN LATERAL (SELECT ${pick(deliveries, 25, 1000)} AS delivery OFFSET 0) dm
      CROSS JOIN LATERAL (SELECT
          GREATEST(rr.side_end, rr.r - 1 - floor(${r(23)} * 4)::int) AS sd,
          GREATEST(rr.side_end, rr.r - 1 - floor(${r(23)} * 4)::int, rr.r - CASE WHEN ${r(24)} < 0.08 THEN 2 ELSE 1 END) AS sub1,
          GREATEST(rr.side_end, rr.r - 1) AS sub2,
          ${r(24)} < 0.08 AS ret,
          dm.delivery,
          CASE dm.delivery WHEN 'post' THEN 2 + floor(${r(26)} * 5)::int WHEN 'pickup' THEN 1 + floor(${r(26)} * 10)::int
            WHEN 'fax' THEN 0 ELSE floor(${r(26)} * 2)::int END AS serve_gap OFFSET 0) s`;
}

// ───────────────────────────── applicants ─────────────────────────────

function applicantsSql(options: CaseDataSet['options'], t: Templates): string {
  const key = '(a.ag::bigint * 100000000 + a.app)';
  const rr = (k: number) => r(k, key);
  const types = t.add(V.slotsOf(V.APPLICANT_TYPES), 'text[]');
  const surnames = t.add(V.SURNAMES, 'text[]');
  const given = t.add(V.GIVEN_NAME_CHARS, 'text[]');
  const words = t.add(V.COMPANY_WORDS, 'text[]');
  const kinds = Object.entries(V.COMPANY_KINDS);
  const regions = t.add(V.RESIDENT_REGIONS, 'text[]');
  const towns = t.add(V.TOWNS, 'text[]');
  const villages = t.add(V.VILLAGES, 'text[]');
  const digits = (k: number, n: number) => `lpad((floor(${rr(k)} * 1e${n})::bigint)::text, ${n}, '0')`;
  const orgCodeChars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const orgCode = Array.from(
    { length: 9 },
    (_, c) => `substr('${orgCodeChars}', 1 + floor(${r(60 + c, key)} * 31)::int, 1)`,
  ).join(' || ');
  return `
    INSERT INTO applicant (id, agency_id, type, name, id_type, id_number, phone, email, address, postcode,
                           agent, needs_assistance, assistance_note, created_at, updated_at, version)
    SELECT md5('${options.seed}:applicant:' || a.ag || ':' || a.app)::uuid, g.id, x.type,
           CASE x.type
             WHEN 'natural_person' THEN (${surnames})[1 + floor(${rr(41)} ^ 2 * ${V.SURNAMES.length})::int]
               || (${given})[1 + floor(${rr(42)} * ${V.GIVEN_NAME_CHARS.length})::int]
               || CASE WHEN ${rr(43)} < 0.7 THEN (${given})[1 + floor(${rr(44)} * ${V.GIVEN_NAME_CHARS.length})::int] ELSE '' END
             ${kinds
               .map(
                 ([type, list]) =>
                   `WHEN '${type}' THEN ${type === 'legal_service_org' ? `'山东'` : `'郯城县'`} || (${words})[1 + floor(${rr(45)} * ${V.COMPANY_WORDS.length})::int]
                      || (${t.add(list, 'text[]')})[1 + floor(${rr(46)} * ${list.length})::int]`,
               )
               .join('\n             ')}
           END,
           x.id_type,
           CASE x.id_type
             WHEN 'resident_id' THEN pg_temp.b_gb11643((${regions})[1 + floor(${rr(47)} ^ 3 * ${V.RESIDENT_REGIONS.length})::int]
               || to_char(date '1950-01-01' + floor(${rr(48)} * 20000)::int, 'YYYYMMDD') || ${digits(49, 3)})
             WHEN 'passport' THEN 'E' || ${digits(49, 8)}
             WHEN 'other' THEN 'H' || ${digits(49, 8)}
             ELSE pg_temp.b_gb32100(CASE x.type WHEN 'commercial_enterprise' THEN '91' WHEN 'legal_service_org' THEN '31'
               WHEN 'other_org' THEN '54' ELSE '12' END || '371322' || ${orgCode})
           END,
           '1' || (ARRAY['3','5','7','8','9'])[1 + floor(${rr(50)} * 5)::int] || ${digits(51, 9)},
           CASE WHEN ${rr(52)} < 0.3 THEN 'user' || a.ag || '_' || a.app || '@example.cn' END,
           '山东省临沂市郯城县' || (${towns})[1 + floor(${rr(53)} * ${V.TOWNS.length})::int]
             || (${villages})[1 + floor(${rr(54)} * ${V.VILLAGES.length})::int] || (1 + floor(${rr(55)} * 200))::int || '号',
           '276100',
           CASE WHEN ${rr(56)} < 0.03 THEN jsonb_build_object('name', '代理人' || a.app, 'idType', 'resident_id',
             'idNumber', pg_temp.b_gb11643('371322' || to_char(date '1960-01-01' + floor(${rr(57)} * 15000)::int, 'YYYYMMDD') || ${digits(58, 3)}),
             'phone', '13905390000', 'authorisation', '授权委托书原件（已收）') END,
           ${rr(59)} < 0.01, '', now(), now(), 1
      FROM (SELECT DISTINCT ag, app FROM bench_plan) a
      JOIN (SELECT row_number() OVER (ORDER BY code)::int AS ag, id FROM agency WHERE code LIKE '${CODE_PREFIX}%') g ON g.ag = a.ag
      CROSS JOIN LATERAL (SELECT ${pick(types, 40, 1000, key)} AS type OFFSET 0) y
      CROSS JOIN LATERAL (SELECT y.type,
          CASE WHEN y.type <> 'natural_person' THEN 'credit_code'
               WHEN ${rr(39)} < 0.97 THEN 'resident_id' WHEN ${rr(39)} < 0.98 THEN 'passport' ELSE 'other' END AS id_type OFFSET 0) x`;
}

// ───────────────────────────── cases ─────────────────────────────

const RULE = '《政府信息公开条例》第三十一条';

/** The receipt evidence of a channel on day x (and the rule and explanation the register event keeps). */
function evidenceSql(days: DayTable, channel: string, x: string, i: string): string {
  const d = `to_char(${days.date(x)}, 'YYYY-MM-DD')`;
  return `CASE ${channel}
    WHEN 'online' THEN jsonb_build_object('channel', 'online', 'submittedAt',
      to_char(${days.date(x)} + make_interval(mins => 420 + floor(${r(70, i)} * 960)::int), 'YYYY-MM-DD"T"HH24:MI:SS"+08:00"'),
      'autoConfirmed', true, 'platform', '山东省政府信息公开申请平台')
    WHEN 'post_signed' THEN jsonb_build_object('channel', 'post_signed', 'signedForOn', ${d},
      'trackingNumber', 'E' || chr(65 + floor(${r(71, i)} * 26)::int) || lpad((floor(${r(72, i)} * 1e9)::bigint)::text, 9, '0') || 'CN')
    WHEN 'post_unsigned' THEN jsonb_build_object('channel', 'post_unsigned', 'arrivedOn', ${d}, 'confirmedOn', ${d}, 'confirmationMeans', '电话')
    WHEN 'fax' THEN jsonb_build_object('channel', 'fax', 'faxReceivedOn', ${d}, 'confirmedOn', ${d}, 'confirmationMeans', '电话')
    ELSE jsonb_build_object('channel', ${channel}, 'submittedOn', ${d}) END`;
}

function receiptRuleSql(channel: string): string {
  return `CASE ${channel} WHEN 'online' THEN '${RULE}第（三）项；最高人民法院指导案例26号' WHEN 'fax' THEN '${RULE}第（三）项'
    WHEN 'post_signed' THEN '${RULE}第（二）项' WHEN 'post_unsigned' THEN '${RULE}第（二）项' ELSE '${RULE}第（一）项' END`;
}

function receiptExplanationSql(days: DayTable, channel: string, x: string): string {
  const d = `to_char(${days.date(x)}, 'YYYY-MM-DD')`;
  return `CASE ${channel}
    WHEN 'online' THEN '通过互联网渠道提交，系统于 ' || ${d} || ' 确认提交成功，以该日为收到申请之日'
    WHEN 'post_signed' THEN '以邮寄方式提交，以本机关签收之日 ' || ${d} || ' 为收到申请之日'
    WHEN 'post_unsigned' THEN '以平常信函提交（' || ${d} || ' 到达），' || ${d} || ' 通过电话与申请人确认，以确认之日为收到申请之日'
    WHEN 'fax' THEN '通过传真于 ' || ${d} || ' 提交，双方于 ' || ${d} || ' 通过电话确认，以确认之日为收到申请之日'
    WHEN 'oral' THEN '申请人口头提出、由工作机构代为填写，以提出之日 ' || ${d} || ' 为收到申请之日'
    ELSE '申请人当面提交，以提交之日 ' || ${d} || ' 为收到申请之日' END`;
}

const present = (k: number, A: number) => `COALESCE(p.s${k} <= ${A}, false)`;

/** The state after the last step that has happened (the steps are in time order). */
function statusSql(A: number): string {
  return `CASE ${STAGES.map((s, k) => ({ s, k: k + 1 }))
    .reverse()
    .map(({ s, k }) => `WHEN ${present(k, A)} THEN '${s.to}'`)
    .join(' ')} END`;
}

function casesSql(options: CaseDataSet['options'], days: DayTable, people: People, t: Templates): string {
  const A = days.asOf;
  const P = (k: number) => present(k, A);
  const ord = (x: string) => `pg_temp.b_ord(${x})`;
  const wd = (o: string) => `pg_temp.b_wd(${o})`;
  const date = (x: string) => days.date(x);
  const topics = Object.values(V.TOPICS).flat();
  const domainIndex = Object.keys(V.TOPICS);
  const offsets: number[] = [];
  const sizes: number[] = [];
  let offset = 0;
  for (const list of Object.values(V.TOPICS)) {
    offsets.push(offset);
    sizes.push(list.length);
    offset += list.length;
  }
  const catalogue = V.SYNTHETIC_AGENCIES.slice(0, options.agencies);
  const agencyDomain = t.add(
    catalogue.map((a) => domainIndex.indexOf(a.domain) + 1),
    'int[]',
  );
  const general = domainIndex.indexOf('general') + 1;
  const topicList = t.add(topics, 'text[]');
  const topicOffset = t.add(offsets, 'int[]');
  const topicSize = t.add(sizes, 'int[]');
  const suffixes = t.add(V.slotsOf(V.TOPIC_SUFFIXES, 100), 'text[]');
  const towns = t.add(V.TOWNS, 'text[]');
  const villages = t.add(V.VILLAGES, 'text[]');
  const petitions = t.add(V.PETITION_TEMPLATES, 'text[]');
  const outcomeCodes = Object.keys(OUTCOMES) as Outcome[];
  const outcomeCode = t.add(outcomeCodes, 'text[]');
  const outcomeBasis = t.add(
    outcomeCodes.map((o) => OUTCOMES[o].basis),
    'text[]',
  );
  const agencyIds = t.add(
    people.agencies.map((a) => a.id),
    'uuid[]',
  );
  const basis = (o: string) => `(${outcomeBasis})[array_position(${outcomeCode}, ${o})]`;
  const dueKnown = `NOT x.corr_pending`;
  return `
    INSERT INTO disclosure_case (id, agency_id, case_number, applicant_id, channel, receipt_evidence, received_on,
      clock_started_on, information_sought, information_reference, requested_form, delivery_method, delivery_address,
      warnings, status, handler_id, clock_state, due_on, original_due_on, correction_notice_due_on,
      correction_period_ends_on, excluded_working_days, clock_provisional, extension, outcome, outcome_detail,
      replied_on, closed_on, closed_late, served_on, served_means, served_proof, registered_at, registered_by,
      created_at, updated_at, version)
    SELECT p.id, (${agencyIds})[p.ag],
           to_char(${date('p.x_recv')}, 'YYYY') || '-' || lpad(row_number() OVER (
             PARTITION BY p.ag, date_part('year', ${date('p.x_recv')}) ORDER BY p.s1, p.i)::text, 5, '0'),
           md5('${options.seed}:applicant:' || p.ag || ':' || p.app)::uuid,
           p.ch, ${evidenceSql(days, 'p.ch', 'p.x_recv', 'p.i')}, ${date('p.x_recv')},
           ${date('x.clock_start')},
           txt.information_sought,
           CASE WHEN ${r(84)} < 0.2 THEN '郯政发〔' || (2021 + floor(${r(85)} * 5))::int || '〕' || (1 + floor(${r(86)} * 60))::int || '号' ELSE '' END,
           (ARRAY['electronic','paper','inspection','other'])[CASE WHEN ${r(87)} < 0.5 THEN 1 WHEN ${r(87)} < 0.95 THEN 2 WHEN ${r(87)} < 0.98 THEN 3 ELSE 4 END],
           p.delivery, CASE WHEN p.delivery = 'post' THEN ap.address ELSE '' END,
           CASE WHEN p.outcome = 'petition_complaint' THEN jsonb_build_array(jsonb_build_object('code', 'possible_petition',
             'message', '申请内容可能属于以政府信息公开申请形式进行的信访、投诉、举报（第三十九条第一款），请核实。')) ELSE '[]'::jsonb END,
           x.status,
           CASE WHEN ${P(5)} THEN h.id END,
           CASE WHEN x.stopped THEN 'stopped' WHEN x.corr_pending THEN 'awaiting_correction'
                WHEN (${P(6)} AND NOT ${P(8)}) OR (${P(9)} AND NOT ${P(11)}) THEN 'paused' ELSE 'running' END,
           CASE WHEN ${dueKnown} THEN ${date(wd('y.due_o'))} END,
           CASE WHEN ${dueKnown} THEN ${date(wd('y.due_o - y.ext'))} END,
           ${date(wd('x.c + 7'))},
           CASE WHEN x.corr_pending THEN ${date('p.corr_end')} END,
           CASE WHEN ${dueKnown} THEN y.excluded ELSE 0 END,
           COALESCE(${dueKnown} AND ${wd('y.due_o')} >= ${days.firstOf2027}, false),
           CASE WHEN ${P(13)} THEN jsonb_build_object('status', CASE WHEN ${P(15)} THEN 'notified' WHEN ${P(14)} THEN 'approved' ELSE 'requested' END,
               'days', 20, 'reason', '需调取历年档案并征询相关科室意见，无法在 20 个工作日内答复', 'requestedOn', ${date('p.s13')}, 'requestedBy', h.name)
             || CASE WHEN ${P(14)} THEN jsonb_build_object('decidedOn', ${date('p.s14')}, 'decidedBy', ap2.name, 'decisionComment', '') ELSE '{}' END
             || CASE WHEN ${P(15)} THEN jsonb_build_object('notifiedOn', ${date('p.s15')}, 'notifiedMeans', '电话及书面告知') ELSE '{}' END
           END,
           x.outcome,
           CASE WHEN x.outcome = 'withdrawn' THEN jsonb_build_object('basis', '', 'reasons', '申请人书面撤回')
                WHEN x.outcome IS NOT NULL THEN jsonb_build_object('basis', ${basis('x.outcome')}, 'reasons', '经检索核实，依法作出本答复。')
                  || CASE x.outcome
                       WHEN 'not_held' THEN jsonb_build_object('searchDescription', '经检索本机关档案室及相关业务科室，未找到申请人所需信息。')
                       WHEN 'not_responsible' THEN jsonb_build_object('competentAgency', jsonb_build_object('name', '临沂市自然资源和规划局', 'contact', '0539-8000000'))
                       WHEN 'repeat_application' THEN jsonb_build_object('earlierReply', jsonb_build_object('date', to_char(${date('p.x_recv - 40')}, 'YYYY-MM-DD'), 'reference', '郯信复〔' || to_char(${date('p.x_recv - 40')}, 'YYYY') || '〕1号'))
                       WHEN 'partially_disclosed' THEN jsonb_build_object('withheldParts', '涉及个人身份信息及联系方式的部分', 'withheldGrounds', jsonb_build_array('withheld_third_party'))
                       WHEN 'petition_complaint' THEN jsonb_build_object('properChannel', '郯城县信访局（人民路 100 号）')
                       ELSE '{}'::jsonb END
           END,
           CASE WHEN ${P(23)} THEN ${date('p.s23')} END,
           ${date('x.closed_x')},
           COALESCE(${dueKnown} AND x.closed_x > ${wd('y.due_o')}, false),
           CASE WHEN ${P(24)} THEN ${date('p.s24')} END,
           CASE WHEN ${P(24)} THEN CASE p.delivery WHEN 'post' THEN '邮寄（EMS）' WHEN 'email' THEN '电子邮件' WHEN 'online' THEN '网上送达'
             WHEN 'fax' THEN '传真' ELSE '当面领取' END ELSE '' END,
           CASE WHEN ${P(24)} THEN CASE p.delivery WHEN 'post' THEN 'EMS 签收回执' WHEN 'pickup' THEN '申请人签收单' ELSE '送达记录截图' END ELSE '' END,
           (${date('p.s1')} + interval '8 hours 42 minutes') AT TIME ZONE 'Asia/Shanghai',
           c.id,
           (${date('p.s1')} + interval '8 hours 42 minutes') AT TIME ZONE 'Asia/Shanghai',
           (${date('x.last_x')} + interval '14 hours') AT TIME ZONE 'Asia/Shanghai',
           x.version
      FROM bench_plan p
      JOIN applicant ap ON ap.id = md5('${options.seed}:applicant:' || p.ag || ':' || p.app)::uuid
      JOIN bench_user c ON c.ag = p.ag AND c.role = 'clerk' AND c.k = p.ck
      JOIN bench_user h ON h.ag = p.ag AND h.role = 'handler' AND h.k = p.hk
      JOIN bench_user ap2 ON ap2.ag = p.ag AND ap2.role = 'approver' AND ap2.k = p.ak
      CROSS JOIN LATERAL (SELECT
          ${statusSql(A)} AS status,
          ${P(2)} AND NOT ${P(3)} AS corr_pending,
          ${P(4)} OR ${P(12)} OR ${P(16)} OR ${P(23)} AS stopped,
          CASE WHEN ${P(23)} THEN p.s23 WHEN ${P(16)} THEN p.s16 WHEN ${P(12)} THEN p.s12 WHEN ${P(4)} THEN p.s4 END AS closed_x,
          CASE WHEN ${P(3)} THEN ${ord('p.s3')} ELSE ${ord('p.x_recv')} END AS c,
          CASE WHEN ${P(3)} THEN p.s3 ELSE p.x_recv END AS clock_start,
          GREATEST(${STAGE_COLUMNS.map((c, k) => `CASE WHEN ${P(k + 1)} THEN p.${c} END`).join(', ')}) AS last_x,
          ${STAGE_COLUMNS.map((_, k) => `${P(k + 1)}::int`).join(' + ')} AS version,
          CASE WHEN ${P(18)} THEN p.outcome WHEN ${P(16)} THEN 'withdrawn' WHEN ${P(12)} THEN 'deemed_withdrawn_fee'
               WHEN ${P(4)} THEN 'deemed_withdrawn_correction' END AS outcome
         OFFSET 0) x
      -- The clock at asOf (clock.rules.ts): 20 WD from the current start, plus the paused working days
      -- (to today while a pause is open), plus a notified extension.
      CROSS JOIN LATERAL (SELECT
          CASE WHEN ${P(6)} THEN (CASE WHEN ${P(8)} THEN ${ord('p.s8')} ELSE ${ord(String(A))} END) - ${ord('p.s6')}
               WHEN ${P(9)} THEN (CASE WHEN ${P(11)} THEN ${ord('p.s11')} WHEN ${P(12)} THEN ${ord('p.s12')} ELSE ${ord(String(A))} END) - ${ord('p.s9')}
               ELSE 0 END AS excluded,
          CASE WHEN ${P(15)} THEN 20 ELSE 0 END AS ext OFFSET 0) y0
      CROSS JOIN LATERAL (SELECT y0.excluded, y0.ext, x.c + 20 + y0.excluded + y0.ext AS due_o OFFSET 0) y
      -- What is asked: a place and a topic of the agency's field (a quarter ask about general matters).
      CROSS JOIN LATERAL (SELECT
          CASE WHEN ${r(88)} < 0.6 THEN (${towns})[1 + floor(${r(89)} * ${V.TOWNS.length})::int] || (${villages})[1 + floor(${r(90)} * ${V.VILLAGES.length})::int]
               WHEN ${r(88)} < 0.85 THEN (${towns})[1 + floor(${r(89)} * ${V.TOWNS.length})::int]
               ELSE '郯城县城区' END AS place,
          CASE WHEN ${r(92)} < 0.75 THEN (${agencyDomain})[p.ag] ELSE ${general} END AS domain OFFSET 0) pl
      CROSS JOIN LATERAL (SELECT CASE
          WHEN p.outcome = 'petition_complaint' THEN replace((${petitions})[1 + floor(${r(80)} * ${V.PETITION_TEMPLATES.length})::int], '{place}', pl.place)
          ELSE CASE WHEN ${r(81)} < 0.1 THEN '请公开' WHEN ${r(81)} < 0.15 THEN '申请公开' ELSE '' END
            || (date_part('year', ${date('p.x_recv')})::int - CASE WHEN ${r(82)} < 0.6 THEN 0 ELSE 1 END) || '年' || pl.place
            || (${topicList})[1 + (${topicOffset})[pl.domain] + floor(${r(91)} * (${topicSize})[pl.domain])::int]
            || (${suffixes})[1 + floor(${r(83)} * 100)::int]
          END AS information_sought OFFSET 0) txt`;
}

// ───────────────────────────── consultations and events ─────────────────────────────

const consultationKind = `CASE WHEN ${r(100)} < 0.6 THEN 'third_party' ELSE 'agency' END`;
const consultationParty = `CASE WHEN ${r(100)} < 0.6 THEN '郯城县' || (ARRAY['宏达','鑫源','华泰','恒信'])[1 + floor(${r(102)} * 4)::int] || '建材有限公司'
  ELSE '临沂市自然资源和规划局' END`;
const consultationMatter = `'申请公开的信息可能涉及贵方权益或职责，请自收到本函之日起 15 个工作日内提出意见'`;
const consultationResult = `CASE WHEN ${r(101)} < 0.7 THEN 'consent' ELSE 'objection' END`;
const consultationSummary = `CASE WHEN ${r(101)} < 0.7 THEN '同意公开' ELSE '不同意公开，理由：涉及商业秘密' END`;

function consultationsSql(days: DayTable): string {
  const A = days.asOf;
  const P = (k: number) => present(k, A);
  const D = (x: string) => days.date(x);
  return `
    INSERT INTO case_consultation (id, case_id, kind, party_name, party_contact, matter, dispatched_on,
      party_received_on, period_ends_on, replied_on, result, reply_summary)
    SELECT md5(p.id::text || ':consultation')::uuid, p.id, ${consultationKind}, ${consultationParty}, '0539-6000000',
           ${consultationMatter}, ${D('p.s6')},
           CASE WHEN ${P(7)} THEN ${D('p.s7')} END,
           CASE WHEN ${P(7)} THEN ${D('pg_temp.b_wd(pg_temp.b_ord(p.s7) + 15)')} END,
           CASE WHEN ${P(8)} THEN ${D('p.s8')} END,
           CASE WHEN ${P(8)} THEN ${consultationResult} END,
           CASE WHEN ${P(8)} THEN ${consultationSummary} ELSE '' END
      FROM bench_plan p WHERE p.s6 <= ${A}`;
}

function eventsSql(days: DayTable): string {
  const A = days.asOf;
  const P = (k: number) => present(k, A);
  const D = (x: string) => `to_char(${days.date(x)}, 'YYYY-MM-DD')`;
  const wdAfter = (x: string, n: number) => `pg_temp.b_wd(pg_temp.b_ord(${x}) + ${n})`;
  const consultationId = `md5(p.id::text || ':consultation')::uuid`;
  const outcome = `to_jsonb(p.outcome)`;
  const data: Record<number, string> = {
    1: `jsonb_build_object('channel', p.ch, 'evidence', c.receipt_evidence, 'receivedOn', ${D('p.x_recv')},
          'receiptRule', ${receiptRuleSql('p.ch')}, 'receiptExplanation', ${receiptExplanationSql(days, 'p.ch', 'p.x_recv')},
          'note', '', 'warnings', CASE WHEN c.warnings = '[]'::jsonb THEN '[]'::jsonb ELSE jsonb_build_array(c.warnings -> 0 -> 'message') END)`,
    2: `jsonb_build_object('noticeSentOn', ${D('p.s2')}, 'items', jsonb_build_array('所需信息的名称、文号或者便于查询的其他特征描述不明确，请予补充'),
          'periodEndsOn', ${D('p.corr_end')}, 'means', '邮寄', 'guidance', '')`,
    3: `jsonb_build_object('evidence', ${evidenceSql(days, 'p.ch', 'p.s3', 'p.i')}, 'receivedOn', ${D('p.s3')},
          'receiptRule', ${receiptRuleSql('p.ch')}, 'receiptExplanation', ${receiptExplanationSql(days, 'p.ch', 'p.s3')}, 'lateReason', '')`,
    4: `jsonb_build_object('deemedWithdrawnOn', ${D('p.s4')}, 'periodEndsOn', ${D('p.corr_end')})`,
    5: `jsonb_build_object('handlerId', h.id, 'handlerName', h.name)`,
    6: `jsonb_build_object('consultationId', ${consultationId}, 'kind', ${consultationKind}, 'partyName', ${consultationParty},
          'matter', ${consultationMatter}, 'dispatchedOn', ${D('p.s6')}, 'periodEndsOn', NULL)`,
    7: `jsonb_build_object('consultationId', ${consultationId}, 'partyName', ${consultationParty}, 'partyReceivedOn', ${D('p.s7')},
          'periodEndsOn', ${D(wdAfter('p.s7', 15))})`,
    8: `jsonb_build_object('consultationId', ${consultationId}, 'partyName', ${consultationParty}, 'repliedOn', ${D('p.s8')},
          'result', ${consultationResult}, 'summary', ${consultationSummary})`,
    9: `jsonb_build_object('sentOn', ${D('p.s9')}, 'method', 'per_page', 'amountYuan', 100 + 10 * floor(${r(103)} * 30)::int,
          'feeExplanation', '按量计收：超过 100 页的部分按页收费（国办函〔2020〕109号）', 'justification', '申请公开的信息数量明显超过合理范围',
          'paymentInstructions', '请自收到本通知之日起 20 个工作日内缴纳')`,
    10: `jsonb_build_object('applicantReceivedOn', ${D('p.s10')}, 'payBy', ${D(wdAfter('p.s10', 20))})`,
    11: `jsonb_build_object('paidOn', ${D('p.s11')}, 'receiptNumber', 'SF' || p.i, 'amountYuan', 100 + 10 * floor(${r(103)} * 30)::int)`,
    12: `jsonb_build_object('deemedWithdrawnOn', ${D('p.s12')}, 'payBy', ${D(wdAfter('p.s10', 20))})`,
    13: `jsonb_build_object('days', 20, 'reason', '需调取历年档案并征询相关科室意见，无法在 20 个工作日内答复',
          'originalDueOn', to_char(c.original_due_on, 'YYYY-MM-DD'))`,
    14: `jsonb_build_object('approve', true, 'decidedOn', ${D('p.s14')}, 'days', 20, 'approverName', ap.name, 'comment', '')`,
    15: `jsonb_build_object('notifiedOn', ${D('p.s15')}, 'means', '电话及书面告知', 'days', 20)`,
    16: `jsonb_build_object('withdrawnOn', ${D('p.s16')}, 'means', '申请人书面撤回')`,
    18: `jsonb_build_object('outcome', ${outcome}, 'detail', c.outcome_detail)`,
    19: `jsonb_build_object('outcome', ${outcome})`,
    21: `jsonb_build_object('outcome', ${outcome})`,
    22: `jsonb_build_object('outcome', ${outcome})`,
    23: `jsonb_build_object('repliedOn', ${D('p.s23')}, 'outcome', ${outcome}, 'dueOn', to_char(c.due_on, 'YYYY-MM-DD'))`,
    24: `jsonb_build_object('servedOn', ${D('p.s24')}, 'means', c.served_means, 'proof', c.served_proof)`,
  };
  const changes: Record<number, string> = {
    5: `jsonb_build_object('handlerId', jsonb_build_array(NULL, h.id))`,
    18: `jsonb_build_object('outcome', jsonb_build_array(NULL, p.outcome))`,
  };
  const reasons: Record<number, string> = { 20: `'请补充检索情况说明后再提交'` };
  // Only the steps that happened get their columns computed: VALUES yields (k, day) and each
  // column is a CASE on k, evaluated after the filter.
  const byStep = (column: (k: number, index: number) => string) =>
    `CASE v.k ${STAGES.map((_, index) => `WHEN ${index + 1} THEN ${column(index + 1, index)}`).join(' ')} END`;
  const seq = byStep((k) =>
    STAGES.slice(0, k)
      .map((_, j) => `${P(j + 1)}::int`)
      .join(' + '),
  );
  const from = byStep((_, index) => {
    const chain = STAGES.slice(0, index)
      .map((prev, j) => ({ prev, j: j + 1 }))
      .reverse()
      .map(({ prev, j }) => `WHEN ${P(j)} THEN '${prev.to}'`)
      .join(' ');
    return chain ? `CASE ${chain} END` : 'NULL';
  });
  const values = STAGES.map(
    (s, index) => `(${index + 1}, p.s${index + 1}, '${s.action}', '${s.to}', '${s.role}')`,
  );
  return `
    INSERT INTO case_event (case_id, seq, action, from_status, to_status, occurred_at, actor_id, actor_name,
                            actor_role, data, changes, reason)
    SELECT p.id, ${seq}, v.action, x.from_status, v.to_status,
           (${days.date('v.day')} + interval '8 hours 30 minutes' + v.k * interval '12 minutes'
             + make_interval(secs => floor(${r(110)} * 540)::int)) AT TIME ZONE 'Asia/Shanghai',
           u.id, COALESCE(u.name, '系统'), v.role,
           ${byStep((k) => data[k] ?? `'{}'::jsonb`)},
           jsonb_build_object('status', jsonb_build_array(x.from_status, v.to_status))
             || ${byStep((k) => changes[k] ?? `'{}'::jsonb`)},
           ${byStep((k) => reasons[k] ?? `''`)}
      FROM bench_plan p
      JOIN disclosure_case c ON c.id = p.id
      JOIN bench_user h ON h.ag = p.ag AND h.role = 'handler' AND h.k = p.hk
      JOIN bench_user ap ON ap.ag = p.ag AND ap.role = 'approver' AND ap.k = p.ak
      CROSS JOIN LATERAL (VALUES
        ${values.join(',\n        ')}
      ) AS v(k, day, action, to_status, role)
      CROSS JOIN LATERAL (SELECT ${from} AS from_status) x
      LEFT JOIN bench_user u ON u.ag = p.ag AND u.role = v.role
        AND u.k = CASE v.role WHEN 'clerk' THEN p.ck WHEN 'handler' THEN p.hk WHEN 'approver' THEN p.ak END
     WHERE v.day <= ${A}`;
}
