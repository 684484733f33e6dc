import fs from 'node:fs';
import path from 'node:path';
import { findTemplatesDir, renderLetterHtml } from '../../src/letters/letter-renderer.js';
import { LetterPrinter } from '../../src/letters/letter-printer.js';
import { LETTER_TYPE_CODES } from '../../src/letters/letter-types.js';
import type { LetterType, LetterViewModels } from '../../src/letters/letter-view-models.js';
import { expectEmbeddedCjkFonts, readPdf } from '../support/pdf.js';

/**
 * Every template printed from its sample by real Chromium (the npm-shipped one unless a system
 * Chromium is installed), then read back with npm PDF parsers.
 */
const templates = findTemplatesDir();
const sample = <T extends LetterType>(type: T): LetterViewModels[T] =>
  JSON.parse(
    fs.readFileSync(path.join(templates, 'letters', type, 'sample.json'), 'utf8'),
  ) as LetterViewModels[T];

// GB/T 9704's 22 lines a page leave about 12 for the body of a first page: most samples take two.
const EXPECTED_PAGES: Record<LetterType, number> = {
  receipt: 2,
  correction_notice: 2,
  extension_notice: 2,
  third_party_consultation: 2,
  consultation_applicant_notice: 1,
  agency_consultation: 2,
  fee_notice: 2,
  reason_request: 2,
  reply_disclosed: 2,
  reply_partially_disclosed: 2,
  reply_withheld: 2,
  reply_special_procedure: 2,
  reply_not_held: 2,
  reply_not_responsible: 2,
  reply_unavailable: 2,
  reply_petition_complaint: 2,
  reply_repeat_application: 2,
  reply_publication_request: 2,
  reply_excessive_requests: 2,
  reply_confirmation_request: 2,
  reply_other: 2,
  deemed_withdrawn: 2,
  withdrawal_confirmation: 1,
};

/** What the letter must show: its addressee, its 文号, its legal basis and its remedy clause. */
function mustShow(type: LetterType): string[] {
  const vm = sample(type) as unknown as Record<string, unknown>;
  const addressee = (vm.applicant ?? vm.thirdParty ?? vm.consultedAgency) as { name: string };
  const shown = [`${addressee.name}：`];
  if (typeof vm.documentNumber === 'string') shown.push(vm.documentNumber);
  if (typeof vm.legalBasis === 'string') shown.push(`根据${vm.legalBasis}的规定`);
  if (typeof vm.remedy === 'string') shown.push(vm.remedy);
  return shown.map((s) => s.replace(/\s+/g, ''));
}

describe('letters printed to PDF', () => {
  const printer = new LetterPrinter({ poolSize: 2, timeoutMs: 60_000 });
  afterAll(() => printer.close());

  it.each(LETTER_TYPE_CODES)(
    '%s: a valid PDF with embedded CJK fonts and the facts a court reads',
    async (type) => {
      const pdf = await printer.print(renderLetterHtml(type, sample(type)));
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const facts = await readPdf(pdf);

      expect({ type, pages: facts.pageCount }).toEqual({ type, pages: EXPECTED_PAGES[type] });
      for (const fragment of mustShow(type)) expect(facts.text).toContain(fragment);
      expect(facts.pageTexts[0]).toContain('— 1 —'.replace(/\s/g, ''));

      expectEmbeddedCjkFonts(facts);
    },
  );

  // GB/T 9704-2012 5.2.2: 每面排22行，每行排28个字，并撑满版心.
  it('fills a page with 22 lines of 28 characters', async () => {
    const paragraph =
      '本机关经审查认为该信息属于内部讨论记录尚未形成最终决定不对外发生法律效力因此决定不予公开特此说明';
    const vm = {
      ...sample('reply_withheld'),
      reasons: Array.from({ length: 8 }, () => paragraph + paragraph).join('\n'),
    };
    const facts = await readPdf(await printer.print(renderLetterHtml('reply_withheld', vm)));
    const body = facts.pageLines[1].filter((line) => !/^—\d+—$/.test(line));
    expect(body).toHaveLength(22);
    expect(body.filter((line) => line.length === 28).length).toBeGreaterThanOrEqual(10);
    expect(body.every((line) => line.length <= 28)).toBe(true);
  });
});
