/**
 * What a later change did to a locked report: the cells a case or remedy record counted in when the
 * report was locked and counts in now (read off the builders themselves, so a lock never re-states
 * the counting rules), and the cells whose figures differ between the frozen tables and today's.
 */
import { TABLE3_COLUMNS, TABLE3_ROWS, TABLE4_COLUMNS, type Table4Column } from './annual-report.layout.js';
import { buildTable3, type ReportCase, type Table3Cells } from './table3.rules.js';
import { buildTable4, type RemedyRecord, type Table4 } from './table4.rules.js';

/** `3:<row>:<column>` or `4:<column>`: a cell of table 三 or 四. */
export type CellRef = string;

export function table3CellsOf(c: ReportCase, year: number): CellRef[] {
  const cells = buildTable3([{ ...c, count: 1 }], year).cells;
  return TABLE3_ROWS.flatMap((row) =>
    TABLE3_COLUMNS.filter((column) => cells[row][column] > 0).map((column) => `3:${row}:${column}`),
  );
}

export function table4CellsOf(r: RemedyRecord, year: number): CellRef[] {
  const cells = buildTable4([r], year).cells;
  return TABLE4_COLUMNS.filter((column) => cells[column] > 0).map((column) => `4:${column}`);
}

export interface MovedCell {
  readonly cell: CellRef;
  readonly table: 3 | 4;
  /** Table 三's row; null for table 四. */
  readonly row: string | null;
  readonly column: string;
  readonly locked: number;
  readonly current: number;
}

/** The cells of tables 三 and 四 whose figure today differs from the locked one, in printed order. */
export function movedCells(
  locked: { table3: Table3Cells; table4: Table4['cells'] },
  current: { table3: Table3Cells; table4: Table4['cells'] },
): MovedCell[] {
  const moved: MovedCell[] = [];
  for (const row of TABLE3_ROWS) {
    for (const column of TABLE3_COLUMNS) {
      const before = locked.table3[row]?.[column] ?? 0;
      const now = current.table3[row][column];
      if (before !== now)
        moved.push({ cell: `3:${row}:${column}`, table: 3, row, column, locked: before, current: now });
    }
  }
  for (const column of TABLE4_COLUMNS as readonly Table4Column[]) {
    const before = locked.table4[column] ?? 0;
    const now = current.table4[column];
    if (before !== now)
      moved.push({ cell: `4:${column}`, table: 4, row: null, column, locked: before, current: now });
  }
  return moved;
}

/** Same cells (order aside)? */
export function sameCells(a: readonly CellRef[], b: readonly CellRef[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((c) => set.has(c));
}
