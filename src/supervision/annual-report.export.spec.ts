import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import {
  TABLE3_COLUMNS,
  TABLE3_ROW_LABELS,
  TABLE3_ROWS,
  TABLE4_COLUMNS,
  type Table3Column,
  type Table3Row,
  type Table4Column,
} from './annual-report.layout.js';
import { annualReportToXlsx, table3ToCsv, table4ToCsv } from './annual-report.export.js';
import type { Table3, Table3Cells } from './table3.rules.js';
import type { Table4 } from './table4.rules.js';

// Every cell a different number, so a value in the wrong place shows.
const TABLE3: Table3 = {
  year: 2026,
  agencyId: null,
  cells: Object.fromEntries(
    TABLE3_ROWS.map((row, r) => [
      row,
      Object.fromEntries(TABLE3_COLUMNS.map((col, k) => [col, 100 + r * 10 + k])),
    ]),
  ) as unknown as Table3Cells,
};
const TABLE4: Table4 = {
  year: 2026,
  agencyId: null,
  cells: Object.fromEntries(TABLE4_COLUMNS.map((col, k) => [col, k + 1])) as Record<Table4Column, number>,
};

async function readWorkbook(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

describe('annualReportToXlsx', () => {
  let sheet3: ExcelJS.Worksheet;
  let sheet4: ExcelJS.Worksheet;
  beforeAll(async () => {
    const workbook = await readWorkbook(await annualReportToXlsx({ table3: TABLE3, table4: TABLE4 }));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['表三', '表四']);
    sheet3 = workbook.getWorksheet('表三')!;
    sheet4 = workbook.getWorksheet('表四')!;
  });

  it('table 三 has the official header with merged cells', () => {
    const at = (address: string) => sheet3.getCell(address).value;
    expect(at('A1')).toBe('三、收到和处理政府信息公开申请情况');
    expect(at('A2')).toBe('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）');
    expect(at('D2')).toBe('申请人情况');
    expect([at('D3'), at('E3'), at('J3')]).toEqual(['自然人', '法人或其他组织', '总计']);
    expect(['E4', 'F4', 'G4', 'H4', 'I4'].map(at)).toEqual([
      '商业企业',
      '科研机构',
      '社会公益组织',
      '法律服务机构',
      '其他',
    ]);
    expect(sheet3.model.merges).toEqual(
      expect.arrayContaining(['A1:J1', 'A2:C4', 'D2:J2', 'D3:D4', 'E3:I3', 'J3:J4']),
    );
  });

  it('table 三 rows carry their labels over the merged label cells and every number in place', () => {
    TABLE3_ROWS.forEach((row: Table3Row, i) => {
      const r = 5 + i;
      const [l1, l2, l3] = TABLE3_ROW_LABELS[row];
      // A merged cell reads as its master's value.
      expect([1, 2, 3].map((c) => sheet3.getCell(r, c).value)).toEqual([l1, l2 ?? l1, l3 ?? l2 ?? l1]);
      TABLE3_COLUMNS.forEach((column: Table3Column, k) => {
        expect(sheet3.getCell(r, 4 + k).value).toBe(TABLE3.cells[row][column]);
      });
    });
    expect(sheet3.rowCount).toBe(29);
    expect(sheet3.model.merges).toEqual(
      expect.arrayContaining([
        'A5:C5',
        'A6:C6',
        'A7:A28',
        'B7:C7',
        'B8:C8',
        'B9:B16',
        'B17:B19',
        'B20:B24',
        'B25:B27',
        'B28:C28',
        'A29:C29',
      ]),
    );
    expect(sheet3.getCell('B9').value).toBe('（三）不予公开');
    expect(sheet3.getCell('C16').value).toBe('8.属于行政查询事项');
  });

  it('table 四 has its 15 columns under 行政复议 / 行政诉讼 and one row of numbers', () => {
    const at = (address: string) => sheet4.getCell(address).value;
    expect(at('A1')).toBe('四、政府信息公开行政复议、行政诉讼情况');
    expect([at('A2'), at('F2')]).toEqual(['行政复议', '行政诉讼']);
    expect([at('F3'), at('K3')]).toEqual(['未经复议直接起诉', '复议后起诉']);
    expect(['A3', 'B3', 'C3', 'D3', 'E3'].map(at)).toEqual([
      '结果维持',
      '结果纠正',
      '其他结果',
      '尚未审结',
      '总计',
    ]);
    expect(['F4', 'G4', 'H4', 'I4', 'J4', 'K4', 'O4'].map(at)).toEqual([
      '结果维持',
      '结果纠正',
      '其他结果',
      '尚未审结',
      '总计',
      '结果维持',
      '总计',
    ]);
    expect(sheet4.model.merges).toEqual(
      expect.arrayContaining(['A1:O1', 'A2:E2', 'F2:O2', 'A3:A4', 'E3:E4', 'F3:J3', 'K3:O3']),
    );
    expect(TABLE4_COLUMNS.map((_, k) => sheet4.getCell(5, k + 1).value)).toEqual(
      TABLE4_COLUMNS.map((_, k) => k + 1),
    );
  });
});

describe('CSV', () => {
  it('table 三 is UTF-8 with a BOM, in the printed order', () => {
    const csv = table3ToCsv(TABLE3);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(csv, { bom: true, relax_column_count: false }) as string[][];
    expect(rows).toHaveLength(29);
    expect(rows[0][0]).toBe('三、收到和处理政府信息公开申请情况');
    expect(rows[2]).toEqual(['', '', '', '自然人', '法人或其他组织', '', '', '', '', '总计']);
    expect(rows[4]).toEqual([
      '一、本年新收政府信息公开申请数量',
      '',
      '',
      '100',
      '101',
      '102',
      '103',
      '104',
      '105',
      '106',
    ]);
    expect(rows[6].slice(0, 4)).toEqual(['三、本年度办理结果', '（一）予以公开', '', '120']);
    expect(rows[8].slice(0, 3)).toEqual(['', '（三）不予公开', '1.属于国家秘密']);
    expect(rows[28].slice(0, 4)).toEqual(['四、结转下年度继续办理', '', '', '340']);
  });

  it('table 四 is UTF-8 with a BOM', () => {
    const rows = parse(table4ToCsv(TABLE4), { bom: true }) as string[][];
    expect(rows.map((r) => r.length)).toEqual([15, 15, 15, 15, 15]);
    expect(rows[1][0]).toBe('行政复议');
    expect(rows[4]).toEqual(TABLE4_COLUMNS.map((_, k) => String(k + 1)));
  });
});
