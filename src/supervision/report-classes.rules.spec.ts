import fc from 'fast-check';
import { APPLICANT_TYPES } from '../cases/applicant-type.js';
import { OUTCOME_CODES } from '../cases/outcome.js';
import { buildAnnualReports } from './annual-report.rules.js';
import {
  countsInYear,
  groupReportCases,
  parseReportClassKey,
  reportClassKey,
  reportClassOf,
  representativeOf,
  yearSideOf,
} from './report-classes.rules.js';
import { buildTable3ByAgency, drillDownTable3, table3RowsOf, type ReportCase } from './table3.rules.js';

const base: ReportCase = {
  caseId: 'c',
  agencyId: 'a',
  applicantType: 'natural_person',
  receivedOn: '2026-03-02',
  closedOn: '2026-03-20',
  outcome: 'disclosed',
};

describe('report classes', () => {
  it.each([
    ['2025-12-31', 'before'],
    ['2026-01-01', 'in'],
    ['2026-12-31', 'in'],
    ['2027-01-01', 'after'],
  ] as const)('%s lies %s 2026', (date, side) => {
    expect(yearSideOf(date, 2026)).toBe(side);
  });

  it.each([
    // received, closed, counted in 2026?
    ['before', 'before', false], // concluded before the year
    ['before', 'in', true], // 二 and 三
    ['before', 'after', true], // 二 and 四
    ['before', 'open', true], // 二 and 四
    ['in', 'before', true], // 一 only: an anomaly the identities show
    ['in', 'in', true],
    ['in', 'open', true],
    ['after', 'in', true], // 三 only: an anomaly the identities show
    ['after', 'after', false],
    ['after', 'open', false],
    ['after', 'before', false],
  ] as const)('received %s, closed %s → counted: %s', (received, closed, counted) => {
    expect(countsInYear({ received, closed })).toBe(counted);
  });

  it('a key reads back into its parts', () => {
    const parts = reportClassOf({ ...base, closedOn: null, outcome: null }, 2026);
    expect(parseReportClassKey(reportClassKey(parts))).toEqual(parts);
    expect(parseReportClassKey('a|b|c')).toBeNull();
  });

  it('a representative lands in exactly the rows of every case of its class', () => {
    const cases: ReportCase[] = [
      { ...base, receivedOn: '2025-12-20', closedOn: '2026-01-12' },
      { ...base, receivedOn: '2026-12-20', closedOn: null, outcome: null },
      { ...base, receivedOn: '2026-06-01', closedOn: '2027-02-01' },
    ];
    for (const c of cases) {
      const [cls] = groupReportCases([c], 2026);
      expect(table3RowsOf(representativeOf(cls, 2026), 2026)).toEqual(table3RowsOf(c, 2026));
    }
  });

  const date = fc
    .integer({ min: 0, max: 3 * 365 })
    .map((d) => new Date(Date.UTC(2025, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
  const reportCase = fc
    .record({
      agencyId: fc.constantFrom('a1', 'a2', 'a3'),
      applicantType: fc.constantFrom(...APPLICANT_TYPES),
      receivedOn: date,
      closedOn: fc.option(date),
      outcome: fc.constantFrom(...OUTCOME_CODES),
    })
    .map((c) => ({ ...c, caseId: '', outcome: c.closedOn === null ? null : c.outcome }));

  it('grouped cases give the same tables, identities and drill-down counts as the cases themselves', () => {
    fc.assert(
      fc.property(
        fc.array(reportCase, { maxLength: 200 }),
        fc.constantFrom(2025, 2026, 2027),
        (raw, year) => {
          const cases = raw.map((c, i) => ({ ...c, caseId: `c${i}` }));
          const reps = groupReportCases(cases, year).map((cls) => representativeOf(cls, year));
          expect(buildTable3ByAgency(reps, year).countyWide).toEqual(
            buildTable3ByAgency(cases, year).countyWide,
          );
          const grouped = buildAnnualReports({ year, cases: reps, anomalyCases: cases, remedies: [] });
          const plain = buildAnnualReports({ year, cases, remedies: [] });
          expect(grouped.countyWide.table3).toEqual(plain.countyWide.table3);
          expect(grouped.countyWide.caseAnomalies).toEqual(plain.countyWide.caseAnomalies);
          expect(grouped.countyWide.table3Violations.map((v) => [v.identity, v.row, v.column])).toEqual(
            plain.countyWide.table3Violations.map((v) => [v.identity, v.row, v.column]),
          );
          const cell = { row: 'carried_forward', column: 'total' } as const;
          const classes = new Set(drillDownTable3(reps, year, cell));
          const members = cases.filter((c) => classes.has(reportClassKey(reportClassOf(c, year))));
          expect(members.map((c) => c.caseId)).toEqual(drillDownTable3(cases, year, cell));
        },
      ),
    );
  });
});
