import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { CHANNELS, type Channel } from '../cases/channel.js';
import { DomainError } from '../common/errors/domain-error.js';
import { CHANNEL_PHRASES, formatChineseDate, formatYuan } from './letter-format.js';
import { LETTER_TYPES } from './letter-types.js';
import type { LetterType, LetterViewModels, PartyVm } from './letter-view-models.js';

/** Where `templates/` lives: found by walking up from this file (src/ in dev and tests, dist/src/ when built). */
export function findTemplatesDir(start = path.dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'templates');
    if (fs.existsSync(path.join(candidate, 'letters'))) return candidate;
    if (path.dirname(dir) === dir) throw new Error(`No templates/letters directory above ${start}`);
  }
}

/** Only an embedded raster image may stand in for the seal: nothing is fetched, nothing runs. */
const SEAL_IMAGE = /^data:image\/(?:png|jpeg);base64,[A-Za-z0-9+/]+={0,2}$/;

function invalid(type: LetterType, field: string, detail: string, extra: Record<string, unknown> = {}) {
  return new DomainError('LETTER_DATA_INVALID', `${LETTER_TYPES[type].title}（${type}）：${detail}`, {
    errors: [{ field, message: detail }],
    extensions: { letterType: type, field, ...extra },
  });
}

/**
 * Renders letters from `templates/letters/<type>/letter.hbs` with the shared partials and
 * `templates/letter.css`. Handlebars runs with `strict: true` (a missing field is an error naming it)
 * and escapes every value; templates never use triple braces, and the only raw HTML comes from the
 * helpers below, which escape what they wrap.
 */
export class LetterRenderer {
  private readonly handlebars = Handlebars.create();
  private readonly compiled = new Map<LetterType, Handlebars.TemplateDelegate>();
  private readonly css: string;

  constructor(readonly templatesDir: string = findTemplatesDir()) {
    this.css = fs.readFileSync(path.join(templatesDir, 'letter.css'), 'utf8');
    this.registerHelpers();
    const partialsDir = path.join(templatesDir, 'partials');
    for (const file of fs.readdirSync(partialsDir).filter((f) => f.endsWith('.hbs'))) {
      this.handlebars.registerPartial(
        path.basename(file, '.hbs'),
        fs.readFileSync(path.join(partialsDir, file), 'utf8'),
      );
    }
  }

  render<T extends LetterType>(type: T, viewModel: LetterViewModels[T]): string {
    const spec = LETTER_TYPES[type];
    if (spec === undefined) throw new TypeError(`Unknown letter type: ${String(type)}`);
    const agency = (viewModel as { agency?: { sealImage?: unknown } }).agency;
    const seal = agency?.sealImage;
    if (seal !== undefined && seal !== null && (typeof seal !== 'string' || !SEAL_IMAGE.test(seal))) {
      throw invalid(type, 'agency.sealImage', '印章图片须为 PNG 或 JPEG 的 data URL');
    }
    try {
      return this.template(type)(viewModel, { data: { letterTitle: spec.title, letterType: type } });
    } catch (error) {
      throw this.explain(type, error);
    }
  }

  private template(type: LetterType): Handlebars.TemplateDelegate {
    let template = this.compiled.get(type);
    if (!template) {
      const file = path.join(this.templatesDir, 'letters', type, 'letter.hbs');
      template = this.handlebars.compile(fs.readFileSync(file, 'utf8'), { strict: true, noEscape: false });
      this.compiled.set(type, template);
    }
    return template;
  }

  /** Handlebars' strict-mode message (`"name" not defined in [object Object] - 3:12`) in a clerk's words. */
  private explain(type: LetterType, error: unknown): unknown {
    if (error instanceof DomainError) return error;
    const message = error instanceof Error ? error.message : String(error);
    const missing = /^"([^"]+)" not defined in .*? - (\d+):(\d+)$/s.exec(message);
    if (missing) {
      const [, field, line, column] = missing;
      return invalid(type, field, `缺少字段“${field}”（模板第${line}行第${column}列）`, {
        line: Number(line),
        column: Number(column),
      });
    }
    if (error instanceof TypeError) return invalid(type, '', error.message);
    return error;
  }

  private registerHelpers(): void {
    const hb = this.handlebars;
    hb.registerHelper('letterCss', () => new hb.SafeString(this.css));
    hb.registerHelper('date', (value: unknown) => formatChineseDate(value as string));
    hb.registerHelper('yuan', (value: unknown) => formatYuan(value as number));
    hb.registerHelper('inc', (value: number) => value + 1);
    hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
    hb.registerHelper('channel', (value: unknown) => {
      if (!(CHANNELS as readonly unknown[]).includes(value)) {
        throw new TypeError(`不是已知的申请渠道：${JSON.stringify(value)}`);
      }
      return CHANNEL_PHRASES[value as Channel];
    });
    // 您 for a person, 贵单位 for an organisation.
    hb.registerHelper('you', (party: PartyVm) => {
      if (typeof party?.organisation !== 'boolean') throw new TypeError('缺少字段“organisation”');
      return party.organisation ? '贵单位' : '您';
    });
    // The handler's text: escaped, each line its own indented paragraph.
    hb.registerHelper('paragraphs', (text: unknown) => {
      if (typeof text !== 'string') throw new TypeError(`应为文字：${JSON.stringify(text)}`);
      const html = text
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line !== '')
        .map((line) => `<p>${hb.escapeExpression(line)}</p>`)
        .join('\n');
      return new hb.SafeString(html);
    });
  }
}

let shared: LetterRenderer | undefined;

/**
 * The preview API: a letter as a complete HTML document (CSS inlined; fonts are named in the CSS and
 * supplied by the printer, or by the reader's machine in an HTML preview).
 */
export function renderLetterHtml<T extends LetterType>(type: T, viewModel: LetterViewModels[T]): string {
  shared ??= new LetterRenderer();
  return shared.render(type, viewModel);
}
