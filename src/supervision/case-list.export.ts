/**
 * Case lists for audits as CSV or XLSX. Columns flagged as personal data (names, ID numbers,
 * phones, addresses…) are masked unless the caller says the user may see them.
 */
import { maskIdNumber } from '../common/privacy/mask.js';
import {
  CELL_BORDER,
  csvWithBom,
  newWorkbook,
  SHEET_FONT,
  workbookBuffer,
  type GridValue,
} from './spreadsheet.js';

export interface ExportColumn<Row> {
  /** Column heading (Chinese). */
  readonly header: string;
  readonly value: (row: Row) => string | number | null | undefined;
  /** Personal data: masked unless `revealPersonalData`. */
  readonly personalData?: boolean;
  /** How to mask the value; default maskIdNumber (ID numbers keep region and last 4, anything else its last 4). */
  readonly mask?: (value: string) => string;
  /** XLSX column width in characters; default 16. */
  readonly width?: number;
}

export interface CaseListExportOptions {
  /** Show personal data in full (only for a role that may see it). Default false. */
  readonly revealPersonalData?: boolean;
  /** XLSX sheet name; default 案件清单. */
  readonly sheetName?: string;
}

const defaultMask = (value: string): string => maskIdNumber(value) ?? '';

/** The header row and one row per case, personal data masked as asked. */
export function caseListRows<Row>(
  rows: readonly Row[],
  columns: readonly ExportColumn<Row>[],
  options: CaseListExportOptions = {},
): GridValue[][] {
  const body = rows.map((row) =>
    columns.map((column): GridValue => {
      const value = column.value(row);
      if (value === null || value === undefined || value === '') return null;
      if (!column.personalData || options.revealPersonalData) return value;
      return (column.mask ?? defaultMask)(String(value));
    }),
  );
  return [columns.map((c) => c.header), ...body];
}

/**
 * A text cell that a spreadsheet would run as a formula (=, +, -, @, tab, CR first) is prefixed with
 * an apostrophe: applicants type these texts, and a CSV opened in Excel must not execute them
 * (OWASP "CSV injection"). Numbers are left alone. XLSX needs no such guard: text cells stay text.
 */
function defuseFormula(value: GridValue): GridValue {
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function caseListToCsv<Row>(
  rows: readonly Row[],
  columns: readonly ExportColumn<Row>[],
  options?: CaseListExportOptions,
): Buffer {
  return csvWithBom(caseListRows(rows, columns, options).map((row) => row.map(defuseFormula)));
}

export async function caseListToXlsx<Row>(
  rows: readonly Row[],
  columns: readonly ExportColumn<Row>[],
  options?: CaseListExportOptions,
): Promise<Buffer> {
  const workbook = newWorkbook();
  const sheet = workbook.addWorksheet(options?.sheetName ?? '案件清单', {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = columns.map((c) => ({ width: c.width ?? 16 }));
  for (const values of caseListRows(rows, columns, options)) {
    const row = sheet.addRow(values);
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.font = SHEET_FONT;
      cell.border = CELL_BORDER;
      // Numbers stored as text (ID and phone numbers) must not be turned into numbers.
      if (typeof cell.value === 'string') cell.numFmt = '@';
    });
  }
  sheet.getRow(1).font = { ...SHEET_FONT, bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return workbookBuffer(workbook);
}
