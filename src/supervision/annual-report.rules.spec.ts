import { buildAnnualReports } from './annual-report.rules.js';
import type { ReportCase } from './table3.rules.js';
import type { RemedyRecord } from './table4.rules.js';

const CASES: ReportCase[] = [
  {
    caseId: 'c1',
    agencyId: 'a1',
    applicantType: 'natural_person',
    receivedOn: '2026-03-02',
    closedOn: '2026-03-20',
    outcome: 'disclosed',
  },
  // Closed without an outcome: breaks 三（七） of a2 and of the county.
  {
    caseId: 'c2',
    agencyId: 'a2',
    applicantType: 'commercial_enterprise',
    receivedOn: '2026-05-06',
    closedOn: '2026-05-20',
    outcome: null,
  },
  // Same problem, but closed in 2024: not counted in 2026, so not reported for 2026.
  {
    caseId: 'c3',
    agencyId: 'a1',
    applicantType: 'natural_person',
    receivedOn: '2024-05-06',
    closedOn: '2024-05-20',
    outcome: null,
  },
];
const REMEDIES: RemedyRecord[] = [
  // An agency with a remedy record and no case in the input.
  {
    recordId: 'r1',
    caseId: 'c9',
    agencyId: 'a3',
    kind: 'reconsideration',
    filedOn: '2026-04-01',
    result: 'upheld',
    decidedOn: null,
  },
];

describe('buildAnnualReports', () => {
  const reports = buildAnnualReports({ year: 2026, cases: CASES, remedies: REMEDIES });

  it('reports county-wide and per agency, with the violations and anomalies of each scope', () => {
    const summary = [reports.countyWide, ...reports.agencies].map((r) => ({
      agencyId: r.agencyId,
      received: r.table3.cells.received.total,
      reconsiderations: r.table4.cells['reconsideration.total'],
      violations: r.table3Violations.map((v) => `${v.identity}:${v.column}:${v.caseIds.join()}`),
      caseAnomalies: r.caseAnomalies.map((a) => `${a.caseId}:${a.problem}`),
      remedyAnomalies: r.remedyAnomalies.map((a) => `${a.recordId}:${a.problem}`),
      consistent: r.consistent,
    }));
    expect(summary).toEqual([
      {
        agencyId: null,
        received: 2,
        reconsiderations: 1,
        violations: [
          'results_total_equals_result_rows:commercial_enterprise:c2',
          'results_total_equals_result_rows:total:c2',
        ],
        caseAnomalies: ['c2:closed_without_outcome'],
        remedyAnomalies: ['r1:decided_without_date'],
        consistent: false,
      },
      {
        agencyId: 'a1',
        received: 1,
        reconsiderations: 0,
        violations: [],
        caseAnomalies: [],
        remedyAnomalies: [],
        consistent: true,
      },
      {
        agencyId: 'a2',
        received: 1,
        reconsiderations: 0,
        violations: [
          'results_total_equals_result_rows:commercial_enterprise:c2',
          'results_total_equals_result_rows:total:c2',
        ],
        caseAnomalies: ['c2:closed_without_outcome'],
        remedyAnomalies: [],
        consistent: false,
      },
      {
        agencyId: 'a3',
        received: 0,
        reconsiderations: 1,
        violations: [],
        caseAnomalies: [],
        remedyAnomalies: ['r1:decided_without_date'],
        consistent: false,
      },
    ]);
  });
});
