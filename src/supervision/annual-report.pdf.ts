/**
 * Tables 三 and 四 as a printable document in the official layout (the same grids as the XLSX
 * export: annual-report.export.ts), rendered by a Handlebars template (templates/reports/) and
 * printed by the letters' LetterPrinter (one Chromium, no network, embedded CJK fonts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { Injectable } from '@nestjs/common';
import Handlebars from 'handlebars';
import { LetterPrinter } from '../letters/letter-printer.js';
import { findTemplatesDir } from '../letters/letter-renderer.js';
import { table3Grid, table4Grid, type AnnualReportTables } from './annual-report.export.js';
import type { Grid } from './spreadsheet.js';

export interface HtmlCell {
  readonly text: string;
  readonly rowspan: number;
  readonly colspan: number;
  readonly header: boolean;
  readonly kind: 'label' | 'number' | 'head';
}

export interface ReportDocument {
  readonly title: string;
  readonly subtitle: string;
  readonly tables: readonly {
    heading: string;
    /** Column widths in mm (they add up to the 156 mm text width of GB/T 9704). */
    columns: readonly number[];
    rows: readonly { cells: readonly HtmlCell[] }[];
  }[];
  readonly notes: readonly string[];
}

/**
 * A grid's rows as HTML table rows: each merged range becomes one cell with rowspan/colspan, the
 * cells it covers are left out. The grid's first row (the table title) becomes the heading.
 */
export function gridToHtmlRows(
  grid: Grid,
  headRows: number,
  columns: readonly number[],
): { heading: string; columns: readonly number[]; rows: { cells: HtmlCell[] }[] } {
  const covered = new Set<string>();
  const spans = new Map<string, { rowspan: number; colspan: number }>();
  for (const m of grid.merges) {
    spans.set(`${m.top}:${m.left}`, { rowspan: m.bottom - m.top + 1, colspan: m.right - m.left + 1 });
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(`${r}:${c}`);
    }
  }
  const rows = grid.rows.slice(1).map((row, i) => {
    const r = i + 1;
    const cells: HtmlCell[] = [];
    row.forEach((value, c) => {
      if (covered.has(`${r}:${c}`)) return;
      const span = spans.get(`${r}:${c}`) ?? { rowspan: 1, colspan: 1 };
      const header = r <= headRows || typeof value === 'string';
      cells.push({
        text: value === null ? '' : String(value),
        ...span,
        header,
        kind: r <= headRows ? 'head' : typeof value === 'number' ? 'number' : 'label',
      });
    });
    return { cells };
  });
  return { heading: String(grid.rows[0][0] ?? ''), columns, rows };
}

export function reportDocument(
  report: AnnualReportTables,
  meta: { title: string; subtitle: string; notes: readonly string[] },
): ReportDocument {
  return {
    title: meta.title,
    subtitle: meta.subtitle,
    tables: [
      // Three label columns (the third holds the longest labels), seven numbers.
      gridToHtmlRows(table3Grid(report.table3), 3, [14, 20, 55, ...Array<number>(7).fill(67 / 7)]),
      gridToHtmlRows(table4Grid(report.table4), 3, Array<number>(15).fill(156 / 15)),
    ],
    notes: meta.notes,
  };
}

@Injectable()
export class AnnualReportPdf {
  private readonly template: Handlebars.TemplateDelegate;
  private readonly css: string;

  constructor(private readonly printer: LetterPrinter) {
    const templates = findTemplatesDir();
    const hb = Handlebars.create();
    this.css = fs.readFileSync(path.join(templates, 'reports', 'report.css'), 'utf8');
    // Our own stylesheet, not data: the only unescaped text in the document.
    hb.registerHelper('reportCss', () => new hb.SafeString(this.css));
    this.template = hb.compile(
      fs.readFileSync(path.join(templates, 'reports', 'annual-report', 'report.hbs'), 'utf8'),
      { strict: true },
    );
  }

  /** The HTML document (every value escaped by Handlebars). */
  html(document: ReportDocument): string {
    return this.template(document);
  }

  print(document: ReportDocument): Promise<Buffer> {
    return this.printer.print(this.html(document));
  }
}
