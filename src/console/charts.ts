/**
 * The dashboard's charts as plain SVG geometry (pure): bars, lines and texts with coordinates, drawn
 * by templates/console/partials/svg-chart.hbs on the server. No chart library and nothing loaded in
 * the browser; every value is also printed beside its bar and in a data table under the chart
 * (colour is never the only carrier), and each bar has a <title> for screen readers and tooltips.
 */

export type Tone = 'ok' | 'soon' | 'late' | 'pause' | 'wait' | 'neutral';

export interface ChartRect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly tone: Tone;
  /** What the bar says, in words (its <title>). */
  readonly tooltip: string;
}

export interface ChartText {
  readonly x: number;
  readonly y: number;
  readonly text: string;
  readonly anchor: 'start' | 'middle' | 'end';
  readonly cls: 'label' | 'value' | 'axis';
}

export interface ChartLine {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  readonly cls: 'grid' | 'axis' | 'target';
}

export interface SvgChart {
  readonly id: string;
  readonly title: string;
  readonly desc: string;
  readonly width: number;
  readonly height: number;
  readonly rects: readonly ChartRect[];
  readonly texts: readonly ChartText[];
  readonly lines: readonly ChartLine[];
}

export interface BarDatum {
  readonly label: string;
  /** null: nothing to measure (no bar, the value text says why). */
  readonly value: number | null;
  readonly valueText: string;
  readonly tooltip: string;
  readonly tone: Tone;
}

const round = (n: number) => Math.round(n * 10) / 10;

/** A percentage for people: 0.9166 → "91.7%", 1 → "100%". */
export function percent(rate: number | null): string {
  if (rate === null) return '—';
  const p = Math.round(rate * 1000) / 10;
  return `${Number.isInteger(p) ? p.toFixed(0) : p.toFixed(1)}%`;
}

/** The tone of an on-time rate: below 90 % is a concern, below 60 % serious (colour only adds to the text). */
export function rateTone(rate: number | null): Tone {
  if (rate === null) return 'neutral';
  if (rate >= 0.9) return 'ok';
  if (rate >= 0.6) return 'soon';
  return 'late';
}

/**
 * Horizontal bars, one row per datum (e.g. each agency's on-time rate): the label left, the bar
 * scaled to `max`, its value right of it; grid lines at `ticks` with their labels on top.
 */
export function horizontalBars(options: {
  id: string;
  title: string;
  desc: string;
  data: readonly BarDatum[];
  max: number;
  ticks: readonly { value: number; label: string }[];
  labelWidth?: number;
}): SvgChart {
  const labelWidth = options.labelWidth ?? 190;
  const plot = 300;
  const valueWidth = 120;
  const row = 30;
  const top = 26;
  const width = labelWidth + plot + valueWidth;
  const height = top + Math.max(1, options.data.length) * row + 8;
  const x0 = labelWidth;
  const scale = (v: number) => (options.max > 0 ? (Math.min(v, options.max) / options.max) * plot : 0);
  const lines: ChartLine[] = options.ticks.map((t) => ({
    x1: round(x0 + scale(t.value)),
    y1: top - 4,
    x2: round(x0 + scale(t.value)),
    y2: height - 6,
    cls: t.value === 0 ? 'axis' : 'grid',
  }));
  const texts: ChartText[] = options.ticks.map((t) => ({
    x: round(x0 + scale(t.value)),
    y: top - 9,
    text: t.label,
    anchor: 'middle',
    cls: 'axis',
  }));
  const rects: ChartRect[] = [];
  options.data.forEach((d, i) => {
    const y = top + i * row;
    texts.push({ x: labelWidth - 8, y: y + row / 2 + 5, text: d.label, anchor: 'end', cls: 'label' });
    const w = d.value === null ? 0 : scale(d.value);
    if (d.value !== null) {
      rects.push({
        x: x0,
        y: y + 6,
        width: round(Math.max(w, 1)),
        height: row - 12,
        tone: d.tone,
        tooltip: d.tooltip,
      });
    }
    texts.push({
      x: round(x0 + w + 6),
      y: y + row / 2 + 5,
      text: d.valueText,
      anchor: 'start',
      cls: 'value',
    });
  });
  return { id: options.id, title: options.title, desc: options.desc, width, height, rects, texts, lines };
}

/**
 * Vertical bars, one column per datum (months, or bands of remaining working days): the value above
 * the bar, the label under it; horizontal grid lines at `ticks` with their labels on the left.
 */
export function verticalBars(options: {
  id: string;
  title: string;
  desc: string;
  data: readonly BarDatum[];
  max: number;
  ticks: readonly { value: number; label: string }[];
  /** The width it is drawn at on a 1366-pixel screen (the SVG scales, its text with it). */
  width?: number;
  plotHeight?: number;
}): SvgChart {
  const width = options.width ?? 620;
  const left = 48;
  const right = 8;
  const top = 22;
  const plotHeight = options.plotHeight ?? 170;
  const bottom = top + plotHeight;
  const height = bottom + 30;
  const slot = (width - left - right) / Math.max(1, options.data.length);
  const barWidth = Math.min(46, slot * 0.62);
  const scale = (v: number) => (options.max > 0 ? (Math.min(v, options.max) / options.max) * plotHeight : 0);
  const lines: ChartLine[] = options.ticks.map((t) => ({
    x1: left,
    y1: round(bottom - scale(t.value)),
    x2: width - right,
    y2: round(bottom - scale(t.value)),
    cls: t.value === 0 ? 'axis' : 'grid',
  }));
  const texts: ChartText[] = options.ticks.map((t) => ({
    x: left - 6,
    y: round(bottom - scale(t.value) + 4),
    text: t.label,
    anchor: 'end',
    cls: 'axis',
  }));
  const rects: ChartRect[] = [];
  options.data.forEach((d, i) => {
    const cx = left + slot * i + slot / 2;
    const h = d.value === null ? 0 : scale(d.value);
    if (d.value !== null && d.value > 0) {
      rects.push({
        x: round(cx - barWidth / 2),
        y: round(bottom - h),
        width: round(barWidth),
        height: round(h),
        tone: d.tone,
        tooltip: d.tooltip,
      });
    }
    texts.push({ x: round(cx), y: round(bottom - h - 6), text: d.valueText, anchor: 'middle', cls: 'value' });
    texts.push({ x: round(cx), y: bottom + 18, text: d.label, anchor: 'middle', cls: 'label' });
  });
  return { id: options.id, title: options.title, desc: options.desc, width, height, rects, texts, lines };
}

/** Grid lines for counts: 0 and about four round steps up to at least `max`. */
export function countTicks(max: number): { value: number; label: string }[] {
  const top = Math.max(1, max);
  const rough = top / 4;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  // Whole cases: never a step below one.
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? 10 * magnitude);
  const ticks: { value: number; label: string }[] = [];
  for (let v = 0; v < top + step; v += step) {
    ticks.push({ value: v, label: String(v) });
    if (v >= top) break;
  }
  return ticks;
}

export const RATE_TICKS = [0, 0.25, 0.5, 0.75, 1].map((value) => ({ value, label: percent(value) }));
