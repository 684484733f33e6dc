import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef } from 'pdf-lib';
import { expect } from '@jest/globals';
import { getDocument, GlobalWorkerOptions } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** A font of a PDF as its dictionaries describe it (the facts `pdffonts` prints). */
export interface PdfFont {
  readonly baseFont: string;
  /** /Type0, /TrueType, /Type1, /Type3 … */
  readonly subtype: string;
  /** For Type0 fonts: /CIDFontType2 (TrueType outlines) or /CIDFontType0 (CFF). */
  readonly descendantSubtype: string | null;
  /** The font program is in the file (FontFile, FontFile2 or FontFile3). */
  readonly embedded: boolean;
}

export interface PdfFacts {
  readonly pageCount: number;
  /** Each page's text, whitespace removed (CJK text has no spaces; layout adds some). */
  readonly pageTexts: readonly string[];
  /** Each page's lines, top to bottom (text items grouped by baseline), whitespace removed. */
  readonly pageLines: readonly (readonly string[])[];
  /** The text of all pages without the page-number footers "— n —". */
  readonly text: string;
  readonly fonts: readonly PdfFont[];
}

const require = createRequire(import.meta.url);
GlobalWorkerOptions.workerSrc = pathToFileURL(require.resolve('pdfjs-dist/legacy/build/pdf.worker.mjs')).href;

function fontsOf(doc: PDFDocument): PdfFont[] {
  const context = doc.context;
  const dict = (value: unknown): PDFDict | undefined => {
    const resolved = value instanceof PDFRef ? context.lookup(value) : value;
    return resolved instanceof PDFDict ? resolved : undefined;
  };
  const name = (d: PDFDict | undefined, key: string) => d?.get(PDFName.of(key))?.toString() ?? null;
  const hasFontFile = (descriptor: PDFDict | undefined) =>
    ['FontFile', 'FontFile2', 'FontFile3'].some((k) => descriptor?.has(PDFName.of(k)) ?? false);
  const fonts: PdfFont[] = [];
  for (const [, object] of context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || name(object, 'Type') !== '/Font') continue;
    const subtype = name(object, 'Subtype') ?? '';
    if (subtype.startsWith('/CIDFontType')) continue; // described through their Type0 parent
    let descendantSubtype: string | null = null;
    let descriptor = dict(object.get(PDFName.of('FontDescriptor')));
    if (subtype === '/Type0') {
      const descendants = context.lookup(object.get(PDFName.of('DescendantFonts')));
      const cid = descendants instanceof PDFArray ? dict(descendants.get(0)) : undefined;
      descendantSubtype = name(cid, 'Subtype');
      descriptor = dict(cid?.get(PDFName.of('FontDescriptor')));
    }
    fonts.push({
      baseFont: (name(object, 'BaseFont') ?? '').replace(/^\//, ''),
      subtype,
      descendantSubtype,
      embedded: hasFontFile(descriptor),
    });
  }
  return fonts;
}

/** Parses a PDF with npm parsers only (pdfjs-dist for text, pdf-lib for font dictionaries). */
export async function readPdf(bytes: Uint8Array): Promise<PdfFacts> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, verbosity: 0 })
    .promise;
  try {
    const pageTexts: string[] = [];
    const pageLines: string[][] = [];
    for (let i = 1; i <= pdf.numPages; i++) {
      const page = await pdf.getPage(i);
      const content = await page.getTextContent();
      const items = content.items.map((item) => ('str' in item ? item.str : ''));
      pageTexts.push(items.join('').replace(/\s+/g, ''));
      const lines = new Map<number, string>();
      for (const item of content.items) {
        if (!('str' in item)) continue;
        const y = Math.round(item.transform[5]);
        lines.set(y, (lines.get(y) ?? '') + item.str);
      }
      pageLines.push(
        [...lines.entries()]
          .sort(([a], [b]) => b - a)
          .map(([, line]) => line.replace(/\s+/g, ''))
          .filter((line) => line !== ''),
      );
    }
    const text = pageTexts.map((t) => t.replace(/—\d+—/g, '')).join('');
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    return { pageCount: pdf.numPages, pageTexts, pageLines, text, fonts: fontsOf(doc) };
  } finally {
    await pdf.destroy();
  }
}

/**
 * Fonts: only the shipped CJK fonts, as embedded CID TrueType subsets; no Type 3 glyphs and no Latin
 * system font standing in for Chinese.
 */
export function expectEmbeddedCjkFonts(facts: PdfFacts): void {
  expect(facts.fonts.length).toBeGreaterThan(0);
  for (const font of facts.fonts) {
    expect(font).toEqual({
      baseFont: expect.stringMatching(/^[A-Z]{6}\+(NotoSerifSC|LXGWWenKai)/),
      subtype: '/Type0',
      descendantSubtype: '/CIDFontType2',
      embedded: true,
    });
  }
}
