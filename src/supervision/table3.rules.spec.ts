import type { ApplicantType } from '../cases/applicant-type.js';
import type { Outcome } from '../cases/outcome.js';
import { TABLE3_COLUMNS, TABLE3_ROWS, type Table3Column, type Table3Row } from './annual-report.layout.js';
import {
  buildTable3,
  buildTable3ByAgency,
  checkTable3Identities,
  drillDownTable3,
  findReportCaseAnomalies,
  table3RowsOf,
  type ReportCase,
  type Table3,
  type Table3Cells,
} from './table3.rules.js';

function reportCase(
  caseId: string,
  applicantType: ApplicantType,
  receivedOn: string,
  closedOn: string | null,
  outcome: Outcome | null,
  more: Partial<ReportCase> = {},
): ReportCase {
  return { caseId, agencyId: 'a1', applicantType, receivedOn, closedOn, outcome, ...more };
}

type Expected = Partial<Record<Table3Row, Partial<Record<Table3Column, number>>>>;

/** The full table from its non-zero cells. */
function cellsOf(expected: Expected): Table3Cells {
  return Object.fromEntries(
    TABLE3_ROWS.map((row) => [
      row,
      Object.fromEntries(TABLE3_COLUMNS.map((col) => [col, expected[row]?.[col] ?? 0])),
    ]),
  ) as unknown as Table3Cells;
}

// A hand-built county: every case's row in each year is worked out in its comment.
const CASES: readonly ReportCase[] = [
  // 2025: 一 + 三（一）. 2026: nothing.
  reportCase('c01', 'natural_person', '2025-03-10', '2025-04-01', 'disclosed'),
  // Received in December, answered in January. 2025: 一 + 四. 2026: 二 + 三（二）.
  reportCase('c02', 'natural_person', '2025-12-22', '2026-01-12', 'partially_disclosed'),
  // 补正 notice, never corrected, closed 视为放弃 in January. 2025: 一 + 四. 2026: 二 + 三（六）1.
  reportCase('c03', 'commercial_enterprise', '2025-12-29', '2026-01-20', 'deemed_withdrawn_correction'),
  // Corrected application received in January; the reply clock restarted then (Art. 30).
  // original basis — 2025: 一 + 四; 2026: 二 + 三（三）6. corrected basis — 2025: nothing; 2026: 一 + 三（三）6.
  reportCase('c04', 'natural_person', '2025-11-03', '2026-02-02', 'withheld_process_info', {
    correctionReceivedOn: '2026-01-05',
  }),
  // 2026: 一 + 三（四）1.
  reportCase('c05', 'legal_service_org', '2026-03-02', '2026-03-20', 'not_held'),
  // 已主动公开 counts as 予以公开. 2026: 一 + 三（一）.
  reportCase('c06', 'natural_person', '2026-05-06', '2026-05-07', 'already_public'),
  // Still open at the end of 2026. 2026: 一 + 四.
  reportCase('c07', 'research_institution', '2026-12-28', null, null),
  // Fee not paid: 视为放弃 (109号). 2026: 一 + 三（六）2.
  reportCase('c08', 'natural_person', '2026-06-01', '2026-06-30', 'deemed_withdrawn_fee'),
  // Open across two year-ends. 2024: 一 + 四. 2025: 二 + 四. 2026: 二 + 三（五）2.
  reportCase('c09', 'public_interest_org', '2024-12-30', '2026-03-01', 'repeat_application'),
  // Received on the last day, withdrawn in the new year. 2026: 一 + 四. 2027: 二 + 三（六）3.
  reportCase('c10', 'other_org', '2026-12-31', '2027-01-04', 'withdrawn'),
  // Answered on the spot on the last day (Art. 33 para 1). 2026: 一 + 三（一）.
  reportCase('c11', 'natural_person', '2026-12-31', '2026-12-31', 'disclosed'),
  // Another agency. 2026: 一 + 三（五）1.
  reportCase('c12', 'natural_person', '2026-02-10', '2026-02-27', 'petition_complaint', { agencyId: 'a2' }),
  // Received in 2027: not in 2026 at all.
  reportCase('c13', 'natural_person', '2027-01-04', null, null),
  // Corrected within the year, still unclear. 2026: 一 + 三（四）3 on either basis.
  reportCase('c14', 'natural_person', '2026-01-01', '2026-01-30', 'unclear_after_correction', {
    correctionReceivedOn: '2026-01-08',
  }),
];

const COUNTY_2025: Expected = {
  received: { natural_person: 3, commercial_enterprise: 1, total: 4 }, // c01 c02 c03 c04
  carried_over: { public_interest_org: 1, total: 1 }, // c09
  disclosed: { natural_person: 1, total: 1 }, // c01
  results_total: { natural_person: 1, total: 1 },
  carried_forward: { natural_person: 2, commercial_enterprise: 1, public_interest_org: 1, total: 4 }, // c02 c03 c04 c09
};

const COUNTY_2026: Expected = {
  // c06 c08 c11 c12 c14 | c07 | c05 | c10
  received: { natural_person: 5, research_institution: 1, legal_service_org: 1, other_org: 1, total: 8 },
  // c02 c04 | c03 | c09
  carried_over: { natural_person: 2, commercial_enterprise: 1, public_interest_org: 1, total: 4 },
  disclosed: { natural_person: 2, total: 2 }, // c06 c11
  partially_disclosed: { natural_person: 1, total: 1 }, // c02
  withheld_6: { natural_person: 1, total: 1 }, // c04
  unavailable_1: { legal_service_org: 1, total: 1 }, // c05
  unavailable_3: { natural_person: 1, total: 1 }, // c14
  not_processed_1: { natural_person: 1, total: 1 }, // c12
  not_processed_2: { public_interest_org: 1, total: 1 }, // c09
  other_1: { commercial_enterprise: 1, total: 1 }, // c03
  other_2: { natural_person: 1, total: 1 }, // c08
  results_total: {
    natural_person: 7,
    commercial_enterprise: 1,
    public_interest_org: 1,
    legal_service_org: 1,
    total: 10,
  },
  carried_forward: { research_institution: 1, other_org: 1, total: 2 }, // c07 c10
};

describe('buildTable3: hand-built county', () => {
  it.each<[string, number, Expected]>([
    [
      '2024: c09 received at the end of the year and carried forward',
      2024,
      {
        received: { public_interest_org: 1, total: 1 },
        carried_forward: { public_interest_org: 1, total: 1 },
      },
    ],
    ['2025: December cases carried forward, c09 carried across a second year-end', 2025, COUNTY_2025],
    ['2026: carried-over cases concluded, 视为放弃 in 三（六）, 31 December cases', 2026, COUNTY_2026],
    [
      '2027: c10 carried over and withdrawn; c07 still open; c13 received and open',
      2027,
      {
        received: { natural_person: 1, total: 1 }, // c13
        carried_over: { research_institution: 1, other_org: 1, total: 2 }, // c07 c10
        other_3: { other_org: 1, total: 1 }, // c10
        results_total: { other_org: 1, total: 1 },
        carried_forward: { natural_person: 1, research_institution: 1, total: 2 }, // c13 c07
      },
    ],
  ])('%s', (_name, year, expected) => {
    const table = buildTable3(CASES, year);
    expect(table).toEqual({ year, agencyId: null, cells: cellsOf(expected) });
    expect(checkTable3Identities(table, CASES)).toEqual([]);
  });

  it.each([2024, 2025, 2026])('四 of %i is 二 of the next year, column by column', (year) => {
    expect(buildTable3(CASES, year).cells.carried_forward).toEqual(
      buildTable3(CASES, year + 1).cells.carried_over,
    );
  });

  it('counts a 补正 case by its corrected application when asked to', () => {
    const options = { receiptDate: 'corrected' } as const;
    expect(buildTable3(CASES, 2025, options).cells).toEqual(
      cellsOf({
        ...COUNTY_2025,
        received: { natural_person: 2, commercial_enterprise: 1, total: 3 }, // c04 no longer
        carried_forward: { natural_person: 1, commercial_enterprise: 1, public_interest_org: 1, total: 3 },
      }),
    );
    expect(buildTable3(CASES, 2026, options).cells).toEqual(
      cellsOf({
        ...COUNTY_2026,
        received: {
          natural_person: 6,
          research_institution: 1,
          legal_service_org: 1,
          other_org: 1,
          total: 9,
        },
        carried_over: { natural_person: 1, commercial_enterprise: 1, public_interest_org: 1, total: 3 },
      }),
    );
    expect(checkTable3Identities(buildTable3(CASES, 2026, options), CASES, options)).toEqual([]);
  });

  it('builds one table per agency and the county-wide table in one pass', () => {
    const { countyWide, agencies } = buildTable3ByAgency(CASES, 2026);
    expect(countyWide).toEqual(buildTable3(CASES, 2026));
    expect(agencies.map((t) => t.agencyId)).toEqual(['a1', 'a2']);
    expect(agencies[1].cells).toEqual(
      cellsOf({
        received: { natural_person: 1, total: 1 },
        not_processed_1: { natural_person: 1, total: 1 },
        results_total: { natural_person: 1, total: 1 },
      }),
    );
    expect(agencies[0]).toEqual({
      ...buildTable3(
        CASES.filter((c) => c.agencyId === 'a1'),
        2026,
      ),
      agencyId: 'a1',
    });
    for (const table of [countyWide, ...agencies]) expect(checkTable3Identities(table, CASES)).toEqual([]);
  });
});

describe('table3RowsOf: where one case is counted', () => {
  it.each<[string, number, Table3Row[]]>([
    ['c02', 2025, ['received', 'carried_forward']],
    ['c02', 2026, ['carried_over', 'partially_disclosed', 'results_total']],
    ['c03', 2026, ['carried_over', 'other_1', 'results_total']],
    ['c09', 2025, ['carried_over', 'carried_forward']],
    ['c11', 2026, ['received', 'disclosed', 'results_total']],
    ['c01', 2026, []],
    ['c13', 2026, []],
  ])('%s in %i', (caseId, year, rows) => {
    expect(
      table3RowsOf(
        CASES.find((c) => c.caseId === caseId)!,
        year,
      ),
    ).toEqual(rows);
  });
});

describe('drillDownTable3', () => {
  it.each<[Table3Row, Table3Column, string | null, string[]]>([
    ['received', 'natural_person', null, ['c06', 'c08', 'c11', 'c12', 'c14']],
    ['received', 'total', 'a2', ['c12']],
    ['carried_over', 'total', null, ['c02', 'c03', 'c04', 'c09']],
    ['disclosed', 'natural_person', null, ['c06', 'c11']],
    ['other_1', 'commercial_enterprise', null, ['c03']],
    ['results_total', 'natural_person', 'a1', ['c02', 'c04', 'c06', 'c08', 'c11', 'c14']],
    ['carried_forward', 'total', null, ['c07', 'c10']],
    ['withheld_1', 'total', null, []],
  ])('2026 %s × %s (agency %s)', (row, column, agencyId, caseIds) => {
    expect(drillDownTable3(CASES, 2026, { row, column, agencyId })).toEqual(caseIds);
  });

  it('every cell drills down to exactly as many cases as it counts', () => {
    const table = buildTable3(CASES, 2026);
    for (const row of TABLE3_ROWS) {
      for (const column of TABLE3_COLUMNS) {
        expect(drillDownTable3(CASES, 2026, { row, column })).toHaveLength(table.cells[row][column]);
      }
    }
  });
});

describe('checkTable3Identities: broken data is reported with the cases behind it', () => {
  const bad: ReportCase[] = [
    ...CASES,
    // Closed without an outcome: in 三（七） but in no result row.
    reportCase('x1', 'natural_person', '2026-04-01', '2026-05-01', null),
    // Closed in 2026, "received" in 2027 (a typo): in 三 but neither in 一 nor 二.
    reportCase('x2', 'legal_service_org', '2027-01-05', '2026-12-20', 'disclosed'),
    // An applicant type that is none of the six: in 总计 only.
    reportCase('x3', 'somebody' as ApplicantType, '2026-07-01', null, null),
  ];
  const violations = checkTable3Identities(buildTable3(bad, 2026), bad);

  it('reports every violation at once', () => {
    expect(violations.map((v) => [v.identity, v.row ?? v.column, v.left, v.right, v.caseIds])).toEqual([
      ['results_total_equals_result_rows', 'natural_person', 8, 7, ['x1']],
      ['intake_equals_disposal', 'legal_service_org', 1, 2, ['x2']],
      ['intake_equals_disposal', 'total', 14, 15, ['x2']],
      ['results_total_equals_result_rows', 'total', 12, 11, ['x1']],
      ['total_equals_applicant_columns', 'received', 10, 9, ['x3']],
      ['total_equals_applicant_columns', 'carried_forward', 3, 2, ['x3']],
    ]);
  });

  it('says what is wrong in Chinese', () => {
    expect(violations.map((v) => v.message)).toEqual([
      '“自然人”列：三（七）总计为 8，三（一）至（六）各项之和为 7，两者不等',
      '“法律服务机构”列：一（1）加二（0）之和为 1，三（七）（2）加四（0）之和为 2，两者不等',
      '“总计”列：一（10）加二（4）之和为 14，三（七）（12）加四（3）之和为 15，两者不等',
      '“总计”列：三（七）总计为 12，三（一）至（六）各项之和为 11，两者不等',
      '一行：总计为 10，自然人与法人或其他组织各列之和为 9，两者不等',
      '四行：总计为 3，自然人与法人或其他组织各列之和为 2，两者不等',
    ]);
  });

  it('checks a table typed in by hand without cases', () => {
    const table: Table3 = buildTable3(CASES, 2026);
    const edited: Table3 = {
      ...table,
      cells: { ...table.cells, withheld_6: { ...table.cells.withheld_6, natural_person: 2 } },
    };
    expect(checkTable3Identities(edited).map((v) => [v.identity, v.row ?? v.column, v.caseIds])).toEqual([
      ['results_total_equals_result_rows', 'natural_person', []],
      ['total_equals_applicant_columns', 'withheld_6', []],
    ]);
  });
});

describe('findReportCaseAnomalies', () => {
  it.each<[string, ReportCase, string[]]>([
    ['sound case', reportCase('k', 'natural_person', '2026-01-05', '2026-01-06', 'disclosed'), []],
    [
      'closed without outcome',
      reportCase('k', 'natural_person', '2026-01-05', '2026-01-06', null),
      ['closed_without_outcome'],
    ],
    ['open without outcome', reportCase('k', 'natural_person', '2026-01-05', null, null), []],
    [
      'unknown outcome',
      reportCase('k', 'natural_person', '2026-01-05', '2026-01-06', 'granted' as Outcome),
      ['unknown_outcome'],
    ],
    [
      'closed before received',
      reportCase('k', 'natural_person', '2026-01-05', '2026-01-04', 'disclosed'),
      ['closed_before_received'],
    ],
    ['impossible date', reportCase('k', 'natural_person', '2026-02-30', null, null), ['invalid_date']],
    [
      'correction before receipt',
      reportCase('k', 'natural_person', '2026-01-05', null, null, { correctionReceivedOn: '2026-01-02' }),
      ['correction_before_receipt'],
    ],
    [
      'closed before the correction',
      reportCase('k', 'natural_person', '2026-01-05', '2026-01-08', 'disclosed', {
        correctionReceivedOn: '2026-01-09',
      }),
      ['closed_before_correction'],
    ],
    [
      'unknown applicant type',
      reportCase('k', 'alien' as ApplicantType, '2026-01-05', null, null),
      ['unknown_applicant_type'],
    ],
  ])('%s', (_name, c, problems) => {
    expect(findReportCaseAnomalies([c]).map((a) => a.problem)).toEqual(problems);
  });

  it('limited to a year, reports only the cases its table counts, and unreadable dates', () => {
    const cases = [
      reportCase('old', 'natural_person', '2024-05-06', '2024-05-20', null), // 2024 only
      reportCase('now', 'natural_person', '2025-12-20', '2026-01-10', null), // 二 and 三 of 2026
      reportCase('bad', 'natural_person', '2024-02-30', null, null), // cannot be placed
    ];
    expect(findReportCaseAnomalies(cases, { year: 2026 }).map((a) => `${a.caseId}:${a.problem}`)).toEqual([
      'now:closed_without_outcome',
      'bad:invalid_date',
    ]);
    expect(findReportCaseAnomalies(cases)).toHaveLength(3);
  });

  it('finds a case listed twice', () => {
    const c = reportCase('k', 'natural_person', '2026-01-05', null, null);
    expect(findReportCaseAnomalies([c, c])).toEqual([
      {
        caseId: 'k',
        agencyId: 'a1',
        problem: 'duplicate_case_id',
        message: '同一案件重复出现，会被重复统计',
      },
    ]);
  });
});

describe('report year', () => {
  it.each([1999, 2026.5, 10000])('refuses year %p', (year) => {
    expect(() => buildTable3(CASES, year)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });
});
