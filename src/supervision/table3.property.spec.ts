import fc from 'fast-check';
import { APPLICANT_TYPES } from '../cases/applicant-type.js';
import { OUTCOME_CODES } from '../cases/outcome.js';
import { TABLE3_COLUMNS, TABLE3_ROWS } from './annual-report.layout.js';
import {
  buildTable3,
  buildTable3ByAgency,
  checkTable3Identities,
  drillDownTable3,
  findReportCaseAnomalies,
  type ReceiptDateBasis,
  type ReportCase,
} from './table3.rules.js';

const DAY = 86_400_000;
const FIRST = Date.UTC(2023, 0, 1);
const LAST = Date.UTC(2027, 11, 31);
const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** Sound cases: received 2023–2027, closed the same day or up to ~1.5 years later or still open. */
const reportCaseArb: fc.Arbitrary<ReportCase> = fc
  .record({
    n: fc.nat(),
    agency: fc.constantFrom('a1', 'a2', 'a3', 'a4', 'a5'),
    applicantType: fc.constantFrom(...APPLICANT_TYPES),
    received: fc.integer({ min: 0, max: (LAST - FIRST) / DAY }),
    correctionAfter: fc.option(fc.integer({ min: 0, max: 60 })),
    closedAfter: fc.option(fc.integer({ min: 0, max: 540 })),
    outcome: fc.constantFrom(...OUTCOME_CODES),
  })
  .map(({ n, agency, applicantType, received, correctionAfter, closedAfter, outcome }) => {
    const receivedMs = FIRST + received * DAY;
    const correctionMs = correctionAfter === null ? null : receivedMs + correctionAfter * DAY;
    const closedMs = closedAfter === null ? null : (correctionMs ?? receivedMs) + closedAfter * DAY;
    return {
      caseId: `c${n}`,
      agencyId: agency,
      applicantType,
      receivedOn: iso(receivedMs),
      correctionReceivedOn: correctionMs === null ? null : iso(correctionMs),
      closedOn: closedMs === null ? null : iso(closedMs),
      outcome: closedMs === null ? null : outcome,
    };
  });

/** Unique case ids, as a real data set has. */
const casesArb = fc
  .array(reportCaseArb, { minLength: 0, maxLength: 4000 })
  .map((cases) => cases.map((c, i) => ({ ...c, caseId: `c${i}` })));
const basisArb = fc.constantFrom<ReceiptDateBasis>('original', 'corrected');
const yearArb = fc.integer({ min: 2023, max: 2027 });

describe('table 三 on large random county data sets', () => {
  it('sound data has no anomalies and every identity holds, per agency and county-wide', () => {
    fc.assert(
      fc.property(casesArb, yearArb, basisArb, (cases, year, receiptDate) => {
        expect(findReportCaseAnomalies(cases)).toEqual([]);
        const { countyWide, agencies } = buildTable3ByAgency(cases, year, { receiptDate });
        for (const table of [countyWide, ...agencies]) {
          expect(checkTable3Identities(table, cases, { receiptDate })).toEqual([]);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('四 of one year is 二 of the next, and the agencies add up to the county', () => {
    fc.assert(
      fc.property(casesArb, yearArb, basisArb, (cases, year, receiptDate) => {
        const { countyWide, agencies } = buildTable3ByAgency(cases, year, { receiptDate });
        expect(buildTable3(cases, year + 1, { receiptDate }).cells.carried_over).toEqual(
          countyWide.cells.carried_forward,
        );
        for (const row of TABLE3_ROWS) {
          for (const column of TABLE3_COLUMNS) {
            const sum = agencies.reduce((s, t) => s + t.cells[row][column], 0);
            expect(sum).toBe(countyWide.cells[row][column]);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('any cell drills down to as many distinct cases as it counts', () => {
    fc.assert(
      fc.property(
        casesArb,
        yearArb,
        fc.constantFrom(...TABLE3_ROWS),
        fc.constantFrom(...TABLE3_COLUMNS),
        (cases, year, row, column) => {
          const ids = drillDownTable3(cases, year, { row, column });
          expect(new Set(ids).size).toBe(ids.length);
          expect(ids).toHaveLength(buildTable3(cases, year).cells[row][column]);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('a closed case without an outcome breaks 三（七） and is named, whatever else is there', () => {
    fc.assert(
      fc.property(casesArb, fc.integer({ min: 0, max: 364 }), (cases, day) => {
        const closedOn = iso(Date.UTC(2026, 0, 1) + day * DAY);
        const bad: ReportCase = {
          caseId: 'bad',
          agencyId: 'a1',
          applicantType: 'natural_person',
          receivedOn: '2026-01-01',
          closedOn,
          outcome: null,
        };
        const violations = checkTable3Identities(buildTable3([...cases, bad], 2026), [...cases, bad]);
        expect(violations.map((v) => [v.identity, v.column, v.caseIds])).toEqual([
          ['results_total_equals_result_rows', 'natural_person', ['bad']],
          ['results_total_equals_result_rows', 'total', ['bad']],
        ]);
      }),
      { numRuns: 30 },
    );
  });
});
