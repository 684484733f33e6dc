/**
 * Table 三 of the annual report over 1,000,000 synthetic cases: the pure builders against a plain
 * loop that does the same counting with no abstraction (ratios printed by compare()).
 */
import assert from 'node:assert/strict';
import { APPLICANT_TYPES } from '../../src/cases/applicant-type.js';
import { OUTCOMES } from '../../src/cases/outcome.js';
import { TABLE3_COLUMNS, TABLE3_ROWS } from '../../src/supervision/annual-report.layout.js';
import { buildAnnualReports } from '../../src/supervision/annual-report.rules.js';
import {
  buildTable3,
  buildTable3ByAgency,
  checkTable3Identities,
  drillDownTable3,
  type ReportCase,
} from '../../src/supervision/table3.rules.js';
import { compare } from './support/compare.js';
import { syntheticReportCases } from './support/synthetic-report-cases.js';

const YEAR = 2025;
const WIDTH = 7;
const ROW = Object.fromEntries(TABLE3_ROWS.map((row, i) => [row, i])) as Record<string, number>;
const OUTCOME_ROW = Object.fromEntries(
  Object.entries(OUTCOMES).map(([code, spec]) => [code, ROW[spec.reportRow]]),
);
const COLUMN = Object.fromEntries(APPLICANT_TYPES.map((type, i) => [type, i])) as Record<string, number>;

/** The same counting rules written as one flat loop over a flat array. */
function plainLoop(cases: readonly ReportCase[], year: number): number[] {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const counts = new Array<number>(TABLE3_ROWS.length * WIDTH).fill(0);
  const count = (row: number, column: number): void => {
    counts[row * WIDTH + 6] += 1;
    counts[row * WIDTH + column] += 1;
  };
  for (let i = 0; i < cases.length; i++) {
    const c = cases[i];
    const column = COLUMN[c.applicantType];
    const received = c.receivedOn;
    const closed = c.closedOn;
    if (received >= start && received <= end) count(ROW.received, column);
    if (received < start && (closed === null || closed >= start)) count(ROW.carried_over, column);
    if (closed !== null && closed >= start && closed <= end) {
      count(ROW.results_total, column);
      count(OUTCOME_ROW[c.outcome!], column);
    }
    if (received <= end && (closed === null || closed > end)) count(ROW.carried_forward, column);
  }
  return counts;
}

export default async function annualReportBench(): Promise<void> {
  const t0 = performance.now();
  const cases = syntheticReportCases(1_000_000);
  process.stdout.write(
    `generated ${cases.length.toLocaleString('en-US')} cases in ${Math.round(performance.now() - t0)} ms\n`,
  );

  // The contenders must agree before their speed means anything.
  const table = buildTable3(cases, YEAR);
  const flat = TABLE3_ROWS.flatMap((row) => TABLE3_COLUMNS.map((column) => table.cells[row][column]));
  assert.deepEqual(flat, plainLoop(cases, YEAR));
  assert.deepEqual(checkTable3Identities(table, cases), []);
  process.stdout.write(
    `${YEAR}: 一 ${table.cells.received.total}, 二 ${table.cells.carried_over.total}, ` +
      `三（七） ${table.cells.results_total.total}, 四 ${table.cells.carried_forward.total} — same counts as the plain loop\n`,
  );

  // One closed case without an outcome: the check then names the cases behind the broken identity.
  const broken: ReportCase[] = [
    ...cases,
    { ...cases[0], caseId: 'broken', receivedOn: `${YEAR}-03-01`, closedOn: `${YEAR}-04-01`, outcome: null },
  ];
  const brokenTable = buildTable3(broken, YEAR);
  assert.deepEqual(
    checkTable3Identities(brokenTable, broken).map((v) => v.caseIds),
    [['broken'], ['broken']],
  );

  await compare(
    `table 三 for ${YEAR} over ${cases.length.toLocaleString('en-US')} cases`,
    { name: 'plain loop', fn: () => plainLoop(cases, YEAR) },
    { name: 'buildTable3', fn: () => buildTable3(cases, YEAR) },
    { name: 'buildTable3ByAgency (40)', fn: () => buildTable3ByAgency(cases, YEAR) },
    { name: 'checkTable3Identities (sound)', fn: () => checkTable3Identities(table, cases) },
    { name: 'checkTable3Identities (1 broken)', fn: () => checkTable3Identities(brokenTable, broken) },
    {
      name: 'buildAnnualReports (county + 40 agencies)',
      fn: () => buildAnnualReports({ year: YEAR, cases, remedies: [] }),
    },
    {
      name: 'drillDownTable3 (one cell)',
      fn: () => drillDownTable3(cases, YEAR, { row: 'unavailable_1', column: 'total' }),
    },
  );
}
