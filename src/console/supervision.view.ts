/**
 * What the supervision pages show (pure): the dashboard's charts and their data tables from the
 * timeliness and open-cases figures, and the annual report's tables 三 and 四 in the official layout
 * (the same merged grid as the XLSX and the PDF) with a drill-down link in every number cell, the
 * identity violations and the cells that moved since the report was locked.
 */
import { table3Grid, table4Grid } from '../supervision/annual-report.export.js';
import {
  TABLE3_COLUMN_LABELS,
  TABLE3_COLUMNS,
  TABLE3_ROW_LABELS,
  TABLE3_ROWS,
  TABLE4_COLUMNS,
  table4ColumnLabels,
  type Table3Column,
  type Table3Row,
  type Table4Column,
} from '../supervision/annual-report.layout.js';
import { gridToHtmlRows, type HtmlCell } from '../supervision/annual-report.pdf.js';
import type {
  AnnualReportResponse,
  OpenCasesResponse,
  TimelinessResponse,
} from '../supervision/dto/supervision-responses.dto.js';
import type { Table3 } from '../supervision/table3.rules.js';
import type { Table4 } from '../supervision/table4.rules.js';
import type { OpenCaseBand } from '../supervision/timeliness.rules.js';
import {
  countTicks,
  horizontalBars,
  percent,
  RATE_TICKS,
  rateTone,
  verticalBars,
  type BarDatum,
  type SvgChart,
  type Tone,
} from './charts.js';

export interface DataTable {
  readonly caption: string;
  readonly head: readonly string[];
  readonly rows: readonly (readonly (string | number)[])[];
}

export interface ChartWithData {
  readonly chart: SvgChart;
  readonly table: DataTable;
}

/** "23/25" under a rate: how many of the cases closed with a deadline were on time. */
const ofClosed = (f: { closedOnTime: number; closedWithDeadline: number }) =>
  f.closedWithDeadline ? `${f.closedOnTime}/${f.closedWithDeadline}` : '本期无办结';

/** 按期办结率 by agency, lowest first (the agencies a supervisor should look at come first). */
export function rateByAgencyChart(t: TimelinessResponse): ChartWithData {
  const rows = [...t.byAgency].sort(
    (a, b) =>
      (a.figures.onTimeRate ?? 2) - (b.figures.onTimeRate ?? 2) ||
      a.agencyName.localeCompare(b.agencyName, 'zh'),
  );
  const data: BarDatum[] = rows.map((a) => ({
    label: a.agencyName,
    value: a.figures.onTimeRate,
    valueText:
      a.figures.onTimeRate === null
        ? '本期无办结'
        : `${percent(a.figures.onTimeRate)}（${ofClosed(a.figures)}）`,
    tooltip: `${a.agencyName}：按期办结率 ${percent(a.figures.onTimeRate)}，按期 ${a.figures.closedOnTime} 件，逾期 ${a.figures.closedLate} 件`,
    tone: rateTone(a.figures.onTimeRate),
  }));
  return {
    chart: horizontalBars({
      id: 'chart-agency',
      title: '各机关按期办结率',
      desc: `${rows.length} 个机关本期办结案件中按期办结的比例，最低的在上；数据见图下表格。`,
      data,
      max: 1,
      ticks: RATE_TICKS,
    }),
    table: {
      caption: '各机关按期办结情况',
      head: ['机关', '本期收到', '本期办结', '按期办结', '逾期办结', '按期办结率', '在办', '逾期未办'],
      rows: rows.map((a) => [
        a.agencyName,
        a.figures.received,
        a.figures.closed,
        a.figures.closedOnTime,
        a.figures.closedLate,
        percent(a.figures.onTimeRate),
        a.figures.open,
        a.figures.overdueOpen,
      ]),
    },
  };
}

/** "2026-03" as "3月" (with the year when the period spans several years: "2025年12月"). */
export function monthLabel(month: string, severalYears: boolean): string {
  const [y, m] = month.split('-');
  return severalYears ? `${y.slice(2)}年${Number(m)}月` : `${Number(m)}月`;
}

/** 按期办结率 by closing month. */
export function rateByMonthChart(t: TimelinessResponse): ChartWithData {
  const severalYears = new Set(t.byMonth.map((m) => m.month.slice(0, 4))).size > 1;
  const data: BarDatum[] = t.byMonth.map((m) => {
    const label = monthLabel(m.month, severalYears);
    return {
      label,
      value: m.figures.onTimeRate,
      valueText: m.figures.onTimeRate === null ? '—' : percent(m.figures.onTimeRate),
      tooltip:
        m.figures.onTimeRate === null
          ? `${label}：没有办结的案件`
          : `${label}：按期办结率 ${percent(m.figures.onTimeRate)}（${ofClosed(m.figures)}）`,
      tone: rateTone(m.figures.onTimeRate),
    };
  });
  return {
    chart: verticalBars({
      id: 'chart-month',
      title: '各月按期办结率',
      desc: '按办结月份统计的按期办结率；没有办结案件的月份不画柱；数据见图下表格。',
      data,
      max: 1,
      ticks: RATE_TICKS,
      width: 1200,
      plotHeight: 150,
    }),
    table: {
      caption: '各月收到和办结情况',
      head: ['月份', '收到', '办结', '按期办结', '逾期办结', '按期办结率', '办结用时中位数（工作日）'],
      rows: t.byMonth.map((m) => [
        monthLabel(m.month, true),
        m.figures.received,
        m.figures.closed,
        m.figures.closedOnTime,
        m.figures.closedLate,
        percent(m.figures.onTimeRate),
        m.figures.medianWorkingDays ?? '—',
      ]),
    },
  };
}

const BAND_SHORT: Record<OpenCaseBand, string> = {
  overdue: '已逾期',
  due_today: '今天到期',
  within_3: '1—3',
  within_5: '4—5',
  within_10: '6—10',
  within_20: '11—20',
  beyond_20: '20以上',
  paused: '暂停计时',
  awaiting_correction: '待补正',
};
const BAND_TONE: Record<OpenCaseBand, Tone> = {
  overdue: 'late',
  due_today: 'soon',
  within_3: 'soon',
  within_5: 'neutral',
  within_10: 'neutral',
  within_20: 'neutral',
  beyond_20: 'neutral',
  paused: 'pause',
  awaiting_correction: 'wait',
};

/** Today's open cases by the working days they have left. */
export function openCasesChart(open: OpenCasesResponse): ChartWithData {
  const ticks = countTicks(Math.max(0, ...open.bands.map((b) => b.count)));
  return {
    chart: verticalBars({
      id: 'chart-open',
      title: '在办案件按剩余工作日分布',
      desc: `今天在办 ${open.open} 件，按距答复期限的剩余工作日分组；暂停计时和等待补正的单列；数据见图下表格。`,
      data: open.bands.map((b) => ({
        label: BAND_SHORT[b.band],
        value: b.count,
        valueText: String(b.count),
        tooltip: `${b.label}：${b.count} 件`,
        tone: BAND_TONE[b.band],
      })),
      max: ticks[ticks.length - 1].value,
      ticks,
      width: 620,
    }),
    table: {
      caption: '在办案件按剩余工作日分布',
      head: ['剩余工作日', '件数'],
      rows: open.bands.map((b) => [b.label, b.count]),
    },
  };
}

/** The working days left of an at-risk case, in words (an overdue case may show 0 on a weekend). */
export function atRiskRemainingText(category: string, remaining: number): string {
  if (category === 'closed_late') return remaining < 0 ? `逾期 ${-remaining} 个工作日办结` : '逾期办结';
  if (category === 'overdue_open') return remaining < 0 ? `已超期 ${-remaining} 个工作日` : '已过答复期限';
  if (remaining === 0) return '今天到期';
  return `剩 ${remaining} 个工作日`;
}

// ── annual report ────────────────────────────────────────────────────────────────────────────────

export interface ReportCell extends HtmlCell {
  /** Number cells: where its cases are listed. */
  readonly href: string | null;
  readonly cell: string | null;
  /** The cell breaks an identity of the format. */
  readonly violation: boolean;
  /** Locked report: the figure now, when it differs from the locked one shown. */
  readonly movedTo: number | null;
}

export interface ReportTableView {
  readonly heading: string;
  readonly rows: readonly { readonly cells: readonly ReportCell[] }[];
}

/**
 * Tables 三 and 四 in the official layout, every number a link to the cases (or records) it counts.
 * `base` is the drill-down address without the cell (year and agency).
 */
export function reportTables(report: AnnualReportResponse, base: string): ReportTableView[] {
  const violations = new Set(
    report.violations.filter((v) => v.table === 3 && v.row && v.column).map((v) => `3:${v.row}:${v.column}`),
  );
  const moved = new Map((report.lock?.movedCells ?? []).map((m) => [m.cell, m.current]));
  const annotate = (cells: readonly HtmlCell[], keys: readonly { cell: string; query: string }[]) => {
    let n = 0;
    return cells.map((c): ReportCell => {
      if (c.kind !== 'number') return { ...c, href: null, cell: null, violation: false, movedTo: null };
      const key = keys[n++];
      const movedTo = moved.get(key.cell) ?? null;
      return {
        ...c,
        // A zero counts nothing to list (unless it was something when the report was locked).
        href: c.text === '0' && movedTo === null ? null : `${base}&${key.query}`,
        cell: key.cell,
        violation: violations.has(key.cell),
        movedTo,
      };
    });
  };
  const t3 = gridToHtmlRows(
    table3Grid({ year: report.year, agencyId: report.agencyId, cells: report.table3 } as unknown as Table3),
    3,
    [],
  );
  const t4 = gridToHtmlRows(
    table4Grid({ year: report.year, agencyId: report.agencyId, cells: report.table4 } as unknown as Table4),
    3,
    [],
  );
  return [
    {
      heading: t3.heading,
      rows: t3.rows.map((r, i) => {
        const row = i >= 3 ? TABLE3_ROWS[i - 3] : null;
        return {
          cells: annotate(
            r.cells,
            row
              ? TABLE3_COLUMNS.map((column) => ({
                  cell: `3:${row}:${column}`,
                  query: `table=3&row=${row}&column=${column}`,
                }))
              : [],
          ),
        };
      }),
    },
    {
      heading: t4.heading,
      rows: t4.rows.map((r, i) => ({
        cells: annotate(
          r.cells,
          i >= 3
            ? TABLE4_COLUMNS.map((column) => ({ cell: `4:${column}`, query: `table=4&column=${column}` }))
            : [],
        ),
      })),
    },
  ];
}

/** A cell as people read it: "表三 三（三）6.属于四类过程性信息 · 自然人", "表四 行政复议 · 结果维持". */
export function cellTitle(cell: string): string {
  const [table, a, b] = cell.split(':');
  if (table === '3') {
    const labels = TABLE3_ROW_LABELS[a as Table3Row];
    if (!labels) return cell;
    const row = labels.filter((l): l is string => l !== null).join('');
    return `表三 ${row} · ${TABLE3_COLUMN_LABELS[b as Table3Column] ?? b}`;
  }
  if (!(TABLE4_COLUMNS as readonly string[]).includes(a)) return cell;
  return `表四 ${table4ColumnLabels(a as Table4Column)
    .filter((l): l is string => l !== null)
    .join(' · ')}`;
}
