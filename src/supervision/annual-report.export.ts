/**
 * Tables 三 and 四 in the official layout of 国办公开办函〔2021〕30号 (merged header cells, Chinese
 * labels from annual-report.layout.ts), as XLSX and as CSV.
 */
import type ExcelJS from 'exceljs';
import { APPLICANT_TYPES } from '../cases/applicant-type.js';
import {
  TABLE3_APPLICANT_HEADER,
  TABLE3_COLUMN_LABELS,
  TABLE3_COLUMNS,
  TABLE3_CORNER_NOTE,
  TABLE3_ORGANISATION_HEADER,
  TABLE3_ROW_LABELS,
  TABLE3_ROWS,
  TABLE3_TITLE,
  TABLE4_COLUMNS,
  TABLE4_TITLE,
  table4ColumnLabels,
} from './annual-report.layout.js';
import {
  csvWithBom,
  newWorkbook,
  workbookBuffer,
  writeGrid,
  type Grid,
  type GridValue,
  type Merge,
} from './spreadsheet.js';
import type { Table3 } from './table3.rules.js';
import type { Table4 } from './table4.rules.js';

const LABEL_COLUMNS = 3;
const TABLE3_WIDTH = LABEL_COLUMNS + TABLE3_COLUMNS.length; // 10
/** Title row + three header rows. */
const TABLE3_HEAD = 4;
const TABLE4_HEAD = 4;

/**
 * Table 三 as printed: title; the corner note over 3 label columns × 3 header rows; 申请人情况 over
 * the 7 number columns; 自然人 and 总计 spanning two header rows; 法人或其他组织 over its five
 * sub-columns; then the 25 rows, each label spanning the levels it leaves empty and each group label
 * (三、本年度办理结果, （三）不予公开 …) spanning its rows.
 */
export function table3Grid(table: Table3): Grid {
  const merges: Merge[] = [
    { top: 0, left: 0, bottom: 0, right: TABLE3_WIDTH - 1 },
    { top: 1, left: 0, bottom: 3, right: LABEL_COLUMNS - 1 },
    { top: 1, left: 3, bottom: 1, right: TABLE3_WIDTH - 1 },
    { top: 2, left: 3, bottom: 3, right: 3 },
    { top: 2, left: 4, bottom: 2, right: 8 },
    { top: 2, left: 9, bottom: 3, right: 9 },
  ];
  const blank = (): GridValue[] => new Array<GridValue>(TABLE3_WIDTH).fill(null);
  const title = blank();
  title[0] = TABLE3_TITLE;
  const head1 = blank();
  head1[0] = TABLE3_CORNER_NOTE;
  head1[3] = TABLE3_APPLICANT_HEADER;
  const head2 = blank();
  head2[3] = TABLE3_COLUMN_LABELS.natural_person;
  head2[4] = TABLE3_ORGANISATION_HEADER;
  head2[9] = TABLE3_COLUMN_LABELS.total;
  const head3 = blank();
  APPLICANT_TYPES.slice(1).forEach((type, i) => (head3[4 + i] = TABLE3_COLUMN_LABELS[type]));

  const body = TABLE3_ROWS.map((row): GridValue[] => [
    null,
    null,
    null,
    ...TABLE3_COLUMNS.map((c) => table.cells[row][c]),
  ]);
  const labels = TABLE3_ROWS.map((row) => TABLE3_ROW_LABELS[row]);
  for (let i = 0; i < labels.length; i++) {
    const r = TABLE3_HEAD + i;
    const [l1, l2, l3] = labels[i];
    if (l2 === null) {
      body[i][0] = l1;
      merges.push({ top: r, left: 0, bottom: r, right: 2 });
      continue;
    }
    if (i === 0 || labels[i - 1][0] !== l1) {
      body[i][0] = l1;
      const run = runLength(labels, i, (l) => l[0] === l1 && l[1] !== null);
      if (run > 1) merges.push({ top: r, left: 0, bottom: r + run - 1, right: 0 });
    }
    if (l3 === null) {
      body[i][1] = l2;
      merges.push({ top: r, left: 1, bottom: r, right: 2 });
      continue;
    }
    if (labels[i - 1][1] !== l2) {
      body[i][1] = l2;
      const run = runLength(labels, i, (l) => l[1] === l2 && l[2] !== null);
      if (run > 1) merges.push({ top: r, left: 1, bottom: r + run - 1, right: 1 });
    }
    body[i][2] = l3;
  }
  return { rows: [title, head1, head2, head3, ...body], merges };
}

function runLength<T>(items: readonly T[], from: number, same: (item: T) => boolean): number {
  let n = 0;
  while (from + n < items.length && same(items[from + n])) n++;
  return n;
}

/**
 * Table 四 as printed: title; 行政复议 over its five columns and 行政诉讼 over ten; under 行政诉讼 the
 * two sub-groups (未经复议直接起诉, 复议后起诉); the result labels (under 行政复议 spanning two
 * header rows); one row of numbers.
 */
export function table4Grid(table: Table4): Grid {
  const width = TABLE4_COLUMNS.length; // 15
  const blank = (): GridValue[] => new Array<GridValue>(width).fill(null);
  const rows = [blank(), blank(), blank(), blank()];
  rows[0][0] = TABLE4_TITLE;
  const merges: Merge[] = [{ top: 0, left: 0, bottom: 0, right: width - 1 }];
  const labels = TABLE4_COLUMNS.map(table4ColumnLabels);
  labels.forEach(([group, subGroup, result], c) => {
    if (c === 0 || labels[c - 1][0] !== group) {
      rows[1][c] = group;
      const run = runLength(labels, c, (l) => l[0] === group);
      if (run > 1) merges.push({ top: 1, left: c, bottom: 1, right: c + run - 1 });
    }
    if (subGroup === null) {
      rows[2][c] = result;
      merges.push({ top: 2, left: c, bottom: 3, right: c });
      return;
    }
    if (labels[c - 1][1] !== subGroup) {
      rows[2][c] = subGroup;
      const run = runLength(labels, c, (l) => l[1] === subGroup);
      if (run > 1) merges.push({ top: 2, left: c, bottom: 2, right: c + run - 1 });
    }
    rows[3][c] = result;
  });
  return { rows: [...rows, TABLE4_COLUMNS.map((c) => table.cells[c])], merges };
}

export interface AnnualReportTables {
  readonly table3: Table3;
  readonly table4: Table4;
}

/** One workbook, sheets 表三 and 表四, laid out and bordered like the official tables. */
export async function annualReportToXlsx(report: AnnualReportTables): Promise<Buffer> {
  const workbook = newWorkbook();

  const sheet3 = workbook.addWorksheet('表三');
  writeGrid(sheet3, table3Grid(report.table3), 1);
  sheet3.columns = [12, 14, 36, ...TABLE3_COLUMNS.map(() => 9)].map((width) => ({ width }));
  styleTable(sheet3, TABLE3_HEAD, LABEL_COLUMNS);

  const sheet4 = workbook.addWorksheet('表四');
  writeGrid(sheet4, table4Grid(report.table4), 1);
  sheet4.columns = TABLE4_COLUMNS.map(() => ({ width: 8 }));
  styleTable(sheet4, TABLE4_HEAD, 0);

  return workbookBuffer(workbook);
}

/** Bold centred title and headers, wrapped labels, centred numbers. */
function styleTable(sheet: ExcelJS.Worksheet, headRows: number, labelColumns: number): void {
  sheet.getCell(1, 1).font = { name: '黑体', size: 14, bold: true };
  sheet.getRow(1).height = 28;
  sheet.eachRow((row, r) => {
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      const isLabel = r > headRows && c <= labelColumns;
      cell.alignment = {
        vertical: 'middle',
        horizontal: r === 1 ? 'left' : isLabel ? 'left' : 'center',
        wrapText: true,
      };
      if (r > 1 && r <= headRows) cell.font = { ...cell.font, bold: true };
    });
  });
}

export function table3ToCsv(table: Table3): Buffer {
  return csvWithBom(table3Grid(table).rows);
}

export function table4ToCsv(table: Table4): Buffer {
  return csvWithBom(table4Grid(table).rows);
}
