import { TABLE3_COLUMNS, TABLE3_ROWS, TABLE4_COLUMNS } from '../supervision/annual-report.layout.js';
import type {
  AnnualReportResponse,
  TimelinessResponse,
} from '../supervision/dto/supervision-responses.dto.js';
import {
  atRiskRemainingText,
  cellTitle,
  monthLabel,
  rateByAgencyChart,
  reportTables,
  type ReportCell,
} from './supervision.view.js';

describe('the dashboard', () => {
  const figures = (onTimeRate: number | null, closedOnTime: number, closedWithDeadline: number) =>
    ({
      onTimeRate,
      closedOnTime,
      closedWithDeadline,
      closedLate: closedWithDeadline - closedOnTime,
    }) as never;

  it('lists agencies by on-time rate, lowest first, those without closures last', () => {
    const t = {
      byAgency: [
        { agencyId: 'a', agencyName: '甲局', figures: figures(1, 4, 4) },
        { agencyId: 'b', agencyName: '乙局', figures: figures(null, 0, 0) },
        { agencyId: 'c', agencyName: '丙局', figures: figures(0.5, 1, 2) },
      ],
    } as unknown as TimelinessResponse;
    const { chart } = rateByAgencyChart(t);
    expect(chart.texts.filter((x) => x.cls === 'label').map((x) => x.text)).toEqual(['丙局', '甲局', '乙局']);
    expect(chart.texts.filter((x) => x.cls === 'value').map((x) => x.text)).toEqual([
      '50%（1/2）',
      '100%（4/4）',
      '本期无办结',
    ]);
    expect(chart.rects.map((r) => r.tone)).toEqual(['late', 'ok']);
  });

  it.each([
    ['2026-03', false, '3月'],
    ['2025-12', true, '25年12月'],
  ])('labels month %p (several years: %p) as %p', (month, several, label) => {
    expect(monthLabel(month, several)).toBe(label);
  });

  it.each([
    ['overdue_open', -3, '已超期 3 个工作日'],
    ['overdue_open', 0, '已过答复期限'], // the weekend after a Friday due date
    ['due_soon', 0, '今天到期'],
    ['due_soon', 2, '剩 2 个工作日'],
    ['closed_late', -4, '逾期 4 个工作日办结'],
  ])('says a %s case with %p working days left as %p', (category, left, text) => {
    expect(atRiskRemainingText(category, left)).toBe(text);
  });
});

describe('the annual report on screen', () => {
  const table3 = Object.fromEntries(
    TABLE3_ROWS.map((row) => [row, Object.fromEntries(TABLE3_COLUMNS.map((c) => [c, 0]))]),
  ) as Record<string, Record<string, number>>;
  table3.received.natural_person = 2;
  table3.received.total = 2;
  const report = {
    year: 2026,
    agencyId: null,
    table3,
    table4: Object.fromEntries(TABLE4_COLUMNS.map((c) => [c, 0])),
    violations: [
      {
        table: 3,
        row: 'received',
        column: 'total',
        identity: 'x',
        left: 2,
        right: 1,
        message: '',
        caseCount: 0,
        cases: [],
      },
    ],
    lock: {
      movedCells: [
        {
          cell: '3:carried_forward:total',
          table: 3,
          row: 'carried_forward',
          column: 'total',
          locked: 0,
          current: 1,
        },
      ],
    },
  } as unknown as AnnualReportResponse;
  const [t3, t4] = reportTables(report, '/annual-report/cell?year=2026');
  const numbers = (rows: readonly { cells: readonly ReportCell[] }[]) =>
    rows.flatMap((r) => r.cells.filter((c) => c.cell !== null));

  it('keeps the official layout: 25 rows of 7 numbers, and 15 numbers in table 四', () => {
    expect(numbers(t3.rows)).toHaveLength(25 * 7);
    expect(numbers(t4.rows)).toHaveLength(15);
    expect(t3.heading).toBe('三、收到和处理政府信息公开申请情况');
  });

  it('links a number to its cases, a zero to nothing (unless it moved since the lock)', () => {
    const cells = new Map(numbers(t3.rows).map((c) => [c.cell, c]));
    expect(cells.get('3:received:natural_person')?.href).toBe(
      '/annual-report/cell?year=2026&table=3&row=received&column=natural_person',
    );
    expect(cells.get('3:received:legal_service_org')?.href).toBeNull();
    expect(cells.get('3:carried_forward:total')).toMatchObject({ movedTo: 1, text: '0' });
    expect(cells.get('3:carried_forward:total')?.href).not.toBeNull();
    expect(cells.get('3:received:total')?.violation).toBe(true);
  });

  it.each([
    ['3:withheld_6:natural_person', '表三 三、本年度办理结果（三）不予公开6.属于四类过程性信息 · 自然人'],
    ['3:received:total', '表三 一、本年新收政府信息公开申请数量 · 总计'],
    ['4:reconsideration.upheld', '表四 行政复议 · 结果维持'],
    ['4:litigation_direct.pending', '表四 行政诉讼 · 未经复议直接起诉 · 尚未审结'],
  ])('names cell %s as %p', (cell, title) => {
    expect(cellTitle(cell)).toBe(title);
  });
});
