import { movedCells, sameCells, table3CellsOf, table4CellsOf } from './report-lock.rules.js';
import { buildTable3 } from './table3.rules.js';
import { buildTable4 } from './table4.rules.js';

const received = {
  caseId: 'c1',
  agencyId: 'a',
  applicantType: 'commercial_enterprise',
  receivedOn: '2026-12-20',
  closedOn: null,
  outcome: null,
} as const;

describe('report lock rules', () => {
  it.each([
    ['open at year end: 一 and 四', received, ['received', 'carried_forward']],
    [
      'the same case answered on 30 December after the lock: 一 and 三（一）, 三（七）',
      { ...received, closedOn: '2026-12-30', outcome: 'disclosed' },
      ['received', 'disclosed', 'results_total'],
    ],
    ['received in 2027: not in 2026 at all', { ...received, receivedOn: '2027-01-04' }, []],
  ] as const)('%s', (_what, c, rows) => {
    expect(table3CellsOf(c, 2026)).toEqual(
      rows.flatMap((row) => [`3:${row}:commercial_enterprise`, `3:${row}:total`]),
    );
  });

  it('places a remedy record in its kind’s result and 总计 columns', () => {
    const record = {
      recordId: 'r',
      caseId: 'c1',
      agencyId: 'a',
      kind: 'reconsideration',
      filedOn: '2026-05-01',
      result: 'upheld',
      decidedOn: '2026-06-01',
    } as const;
    expect(table4CellsOf(record, 2026)).toEqual(['4:reconsideration.upheld', '4:reconsideration.total']);
    expect(table4CellsOf({ ...record, decidedOn: '2027-01-10' }, 2026)).toEqual([
      '4:reconsideration.pending',
      '4:reconsideration.total',
    ]);
    expect(table4CellsOf(record, 2025)).toEqual([]);
  });

  it('names every cell whose figure moved, with the locked and current figures', () => {
    const before = { table3: buildTable3([received], 2026).cells, table4: buildTable4([], 2026).cells };
    const after = {
      table3: buildTable3([{ ...received, closedOn: '2026-12-30', outcome: 'not_held' }], 2026).cells,
      table4: buildTable4([], 2026).cells,
    };
    expect(movedCells(before, after).map((m) => [m.cell, m.locked, m.current])).toEqual([
      ['3:unavailable_1:commercial_enterprise', 0, 1],
      ['3:unavailable_1:total', 0, 1],
      ['3:results_total:commercial_enterprise', 0, 1],
      ['3:results_total:total', 0, 1],
      ['3:carried_forward:commercial_enterprise', 1, 0],
      ['3:carried_forward:total', 1, 0],
    ]);
    expect(movedCells(before, before)).toEqual([]);
    expect(sameCells(['a', 'b'], ['b', 'a'])).toBe(true);
    expect(sameCells(['a'], ['a', 'b'])).toBe(false);
  });
});
