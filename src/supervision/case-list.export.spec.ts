import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { caseListToCsv, caseListToXlsx, type ExportColumn } from './case-list.export.js';

interface Row {
  caseNo: string;
  name: string;
  idNumber: string | null;
  phone: string;
  subject: string;
  workingDays: number | null;
}

const ROWS: Row[] = [
  {
    caseNo: '2026-000123',
    name: '张三丰',
    idNumber: '11010519491231002X',
    phone: '13800138000',
    subject: '某地块征收补偿方案',
    workingDays: 12,
  },
  {
    caseNo: '2026-000124',
    name: '某某律师事务所',
    idNumber: null,
    phone: '0539-1234567',
    subject: '=HYPERLINK("http://example.invalid","点我")',
    workingDays: null,
  },
];

const COLUMNS: ExportColumn<Row>[] = [
  { header: '案件编号', value: (r) => r.caseNo },
  {
    header: '申请人',
    value: (r) => r.name,
    personalData: true,
    mask: (v) => `${v.slice(0, 1)}${'*'.repeat(v.length - 1)}`,
  },
  { header: '证件号码', value: (r) => r.idNumber, personalData: true },
  { header: '联系电话', value: (r) => r.phone, personalData: true },
  { header: '申请内容', value: (r) => r.subject },
  { header: '用时（工作日）', value: (r) => r.workingDays },
];

describe('caseListToCsv', () => {
  it('masks personal data by default, keeps the rest, opens in Excel (BOM) and defuses formulas', () => {
    const csv = caseListToCsv(ROWS, COLUMNS);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(parse(csv, { bom: true })).toEqual([
      ['案件编号', '申请人', '证件号码', '联系电话', '申请内容', '用时（工作日）'],
      ['2026-000123', '张**', '110105********002X', '*******8000', '某地块征收补偿方案', '12'],
      ['2026-000124', '某******', '', '********4567', `'=HYPERLINK("http://example.invalid","点我")`, ''],
    ]);
  });

  it('shows personal data when told to', () => {
    const rows = parse(caseListToCsv(ROWS, COLUMNS, { revealPersonalData: true }), {
      bom: true,
    }) as string[][];
    expect(rows[1].slice(1, 4)).toEqual(['张三丰', '11010519491231002X', '13800138000']);
  });
});

describe('caseListToXlsx', () => {
  async function sheetOf(buffer: Buffer): Promise<ExcelJS.Worksheet> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    return workbook.getWorksheet('案件清单')!;
  }

  it('masks personal data by default and keeps applicant text as text', async () => {
    const sheet = await sheetOf(await caseListToXlsx(ROWS, COLUMNS));
    const values = (r: number) => [1, 2, 3, 4, 5, 6].map((c) => sheet.getCell(r, c).value);
    expect(values(1)).toEqual(['案件编号', '申请人', '证件号码', '联系电话', '申请内容', '用时（工作日）']);
    expect(values(2)).toEqual([
      '2026-000123',
      '张**',
      '110105********002X',
      '*******8000',
      '某地块征收补偿方案',
      12,
    ]);
    expect(values(3)).toEqual([
      '2026-000124',
      '某******',
      null,
      '********4567',
      '=HYPERLINK("http://example.invalid","点我")',
      null,
    ]);
    expect(sheet.getCell(3, 5).type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getCell(2, 6).type).toBe(ExcelJS.ValueType.Number);
  });

  it('shows personal data when told to, on a named sheet', async () => {
    const buffer = await caseListToXlsx(ROWS, COLUMNS, { revealPersonalData: true, sheetName: '案件清单' });
    const sheet = await sheetOf(buffer);
    expect([2, 3, 4].map((c) => sheet.getCell(2, c).value)).toEqual([
      '张三丰',
      '11010519491231002X',
      '13800138000',
    ]);
  });
});
