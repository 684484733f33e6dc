/**
 * A table as rows of cells plus merged ranges, and how it is written as XLSX (exceljs) or CSV
 * (csv-stringify). Shared by the annual-report and case-list exports.
 */
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';

export type GridValue = string | number | null;

/** A merged range, 0-based and inclusive. */
export interface Merge {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export interface Grid {
  readonly rows: readonly (readonly GridValue[])[];
  readonly merges: readonly Merge[];
}

/**
 * CSV as Excel opens it: UTF-8 with a byte-order mark (without it Excel on Chinese Windows reads
 * GBK and shows mojibake), CRLF line ends, RFC 4180 quoting. Merged areas are blank beyond their
 * top-left cell.
 */
export function csvWithBom(rows: readonly (readonly GridValue[])[]): Buffer {
  const text = stringify(
    rows.map((row) => row.map((v) => v ?? '')),
    { bom: true, record_delimiter: 'windows' },
  );
  return Buffer.from(text, 'utf8');
}

export const SHEET_FONT = { name: '宋体', size: 10 } as const;
const THIN = { style: 'thin' } as const;
export const CELL_BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN } as const;

/** Writes a grid at the top-left of a sheet, merges its ranges and draws thin borders around every cell. */
export function writeGrid(sheet: ExcelJS.Worksheet, grid: Grid, firstBorderedRow = 0): void {
  grid.rows.forEach((row, r) => {
    row.forEach((value, c) => {
      const cell = sheet.getCell(r + 1, c + 1);
      if (value !== null) cell.value = value;
      cell.font = SHEET_FONT;
      if (r >= firstBorderedRow) cell.border = CELL_BORDER;
    });
  });
  for (const m of grid.merges) sheet.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
}

export async function workbookBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function newWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'GIP Desk';
  return workbook;
}
