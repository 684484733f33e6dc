import { TABLE4_COLUMNS, type Table4Column } from './annual-report.layout.js';
import type { RemedyKind, RemedyResult } from './remedy.js';
import {
  buildTable4,
  buildTable4ByAgency,
  checkTable4Identities,
  drillDownTable4,
  findRemedyRecordAnomalies,
  type RemedyRecord,
  type Table4Options,
} from './table4.rules.js';

function record(
  recordId: string,
  kind: RemedyKind,
  filedOn: string,
  result: RemedyResult,
  decidedOn: string | null,
  agencyId = 'a1',
): RemedyRecord {
  return { recordId, caseId: `case-${recordId}`, agencyId, kind, filedOn, result, decidedOn };
}

const RECORDS: readonly RemedyRecord[] = [
  // 2026 复议, upheld in 2026.
  record('r1', 'reconsideration', '2026-02-01', 'upheld', '2026-03-15'),
  // 2026 复议 decided in January 2027: 尚未审结 at the end of 2026.
  record('r2', 'reconsideration', '2026-11-20', 'corrected', '2027-01-10'),
  // Direct suit filed in 2025, decided in 2026.
  record('r3', 'litigation_direct', '2025-10-01', 'other', '2026-02-01'),
  // Suit after reconsideration, still pending.
  record('r4', 'litigation_after_reconsideration', '2026-04-01', 'pending', null),
  // Direct suit filed and decided in 2026, another agency.
  record('r5', 'litigation_direct', '2026-05-01', 'corrected', '2026-09-01', 'a2'),
  // Decided long ago: never in 2026.
  record('r6', 'reconsideration', '2024-05-01', 'upheld', '2024-07-01'),
];

type Expected = Partial<Record<Table4Column, number>>;
const cellsOf = (expected: Expected): Record<Table4Column, number> =>
  Object.fromEntries(TABLE4_COLUMNS.map((c) => [c, expected[c] ?? 0])) as Record<Table4Column, number>;

describe('buildTable4', () => {
  it.each<[string, number, Table4Options | undefined, Expected]>([
    [
      'filed in 2026, status at 31 December (default)',
      2026,
      undefined,
      {
        'reconsideration.upheld': 1, // r1
        'reconsideration.pending': 1, // r2
        'reconsideration.total': 2,
        'litigation_direct.corrected': 1, // r5
        'litigation_direct.total': 1,
        'litigation_after_reconsideration.pending': 1, // r4
        'litigation_after_reconsideration.total': 1,
      },
    ],
    [
      'filed in 2026, status when the report is compiled (20 January 2027)',
      2026,
      { statusAsOf: '2027-01-20' },
      {
        'reconsideration.upheld': 1,
        'reconsideration.corrected': 1, // r2 decided 2027-01-10
        'reconsideration.total': 2,
        'litigation_direct.corrected': 1,
        'litigation_direct.total': 1,
        'litigation_after_reconsideration.pending': 1,
        'litigation_after_reconsideration.total': 1,
      },
    ],
    [
      'filed in 2025: r3 was pending at the end of 2025',
      2025,
      undefined,
      { 'litigation_direct.pending': 1, 'litigation_direct.total': 1 },
    ],
    [
      'pending at some time in 2026: r3 filed in 2025 and decided in 2026 counts again',
      2026,
      { basis: 'active_in_year' },
      {
        'reconsideration.upheld': 1,
        'reconsideration.pending': 1,
        'reconsideration.total': 2,
        'litigation_direct.other': 1, // r3
        'litigation_direct.corrected': 1,
        'litigation_direct.total': 2,
        'litigation_after_reconsideration.pending': 1,
        'litigation_after_reconsideration.total': 1,
      },
    ],
    [
      'pending at some time in 2027: r2 decided in January, r4 still pending',
      2027,
      { basis: 'active_in_year' },
      {
        'reconsideration.corrected': 1,
        'reconsideration.total': 1,
        'litigation_after_reconsideration.pending': 1,
        'litigation_after_reconsideration.total': 1,
      },
    ],
  ])('%s', (_name, year, options, expected) => {
    const table = buildTable4(RECORDS, year, options);
    expect(table).toEqual({ year, agencyId: null, cells: cellsOf(expected) });
    expect(checkTable4Identities(table, RECORDS, options)).toEqual([]);
  });

  it('builds per agency', () => {
    const { countyWide, agencies } = buildTable4ByAgency(RECORDS, 2026);
    expect(countyWide).toEqual(buildTable4(RECORDS, 2026));
    expect(agencies).toEqual([
      {
        year: 2026,
        agencyId: 'a1',
        cells: cellsOf({
          'reconsideration.upheld': 1,
          'reconsideration.pending': 1,
          'reconsideration.total': 2,
          'litigation_after_reconsideration.pending': 1,
          'litigation_after_reconsideration.total': 1,
        }),
      },
      {
        year: 2026,
        agencyId: 'a2',
        cells: cellsOf({ 'litigation_direct.corrected': 1, 'litigation_direct.total': 1 }),
      },
    ]);
  });
});

describe('drillDownTable4', () => {
  it.each<[Table4Column, string | null, string[]]>([
    ['reconsideration.total', null, ['r1', 'r2']],
    ['reconsideration.pending', null, ['r2']],
    ['litigation_direct.corrected', 'a2', ['r5']],
    ['litigation_direct.corrected', 'a1', []],
    ['litigation_after_reconsideration.upheld', null, []],
  ])('2026 %s (agency %s)', (column, agencyId, recordIds) => {
    expect(drillDownTable4(RECORDS, 2026, { column, agencyId })).toEqual(
      recordIds.map((recordId) => ({ recordId, caseId: `case-${recordId}` })),
    );
  });
});

describe('checkTable4Identities', () => {
  it('names records whose result is none of the four', () => {
    const bad = [
      ...RECORDS,
      record('x1', 'litigation_direct', '2026-06-01', 'settled' as RemedyResult, '2026-07-01'),
    ];
    expect(checkTable4Identities(buildTable4(bad, 2026), bad)).toEqual([
      {
        agencyId: null,
        kind: 'litigation_direct',
        left: 2,
        right: 1,
        message: '“未经复议直接起诉”：总计为 2，结果维持、结果纠正、其他结果、尚未审结之和为 1，两者不等',
        recordIds: ['x1'],
      },
    ]);
  });
});

describe('findRemedyRecordAnomalies', () => {
  it.each<[string, RemedyRecord, string[]]>([
    ['sound', record('k', 'reconsideration', '2026-01-05', 'upheld', '2026-02-01'), []],
    ['sound pending', record('k', 'reconsideration', '2026-01-05', 'pending', null), []],
    [
      'decided without date',
      record('k', 'reconsideration', '2026-01-05', 'upheld', null),
      ['decided_without_date'],
    ],
    [
      'pending with date',
      record('k', 'reconsideration', '2026-01-05', 'pending', '2026-02-01'),
      ['pending_with_date'],
    ],
    [
      'decided before filed',
      record('k', 'litigation_direct', '2026-01-05', 'other', '2026-01-01'),
      ['decided_before_filed'],
    ],
    ['bad date', record('k', 'litigation_direct', '2026-13-05', 'pending', null), ['invalid_date']],
    ['unknown kind', record('k', 'petition' as RemedyKind, '2026-01-05', 'pending', null), ['unknown_kind']],
  ])('%s', (_name, r, problems) => {
    expect(findRemedyRecordAnomalies([r]).map((a) => a.problem)).toEqual(problems);
  });
});
