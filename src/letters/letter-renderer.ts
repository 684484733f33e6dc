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

/** A value a template needs is absent (not null: absent). */
class MissingFieldError extends Error {
  constructor(readonly field: string) {
    super(`"${field}" not defined`);
  }
}

type HbsNode = { type: string; [key: string]: unknown };

const LOOKUP_HELPER = 'lookupPath';

/**
 * Compiles a template with `strict: true`, after one rewrite that makes strictness complete: strict
 * mode checks `{{a.b}}` only for its last segment (an absent `a` fails as `"b" not defined in
 * undefined`) and does not check helper arguments at all (`{{date a}}`, `{{#if a.b}}` would get
 * undefined and print a blank). So every path used as a value or a helper argument is read through
 * `lookupPath`, which names the full path of whatever is absent.
 */
function compileStrict(hb: typeof Handlebars, source: string): Handlebars.TemplateDelegate {
  const ast = hb.parse(source);
  const isFieldPath = (node: HbsNode | undefined): node is HbsNode =>
    node?.type === 'PathExpression' && !node.data && node.depth === 0 && (node.parts as string[]).length > 0;
  const lookup = (path: HbsNode): HbsNode => {
    const loc = path.loc;
    const helper = {
      type: 'PathExpression',
      data: false,
      depth: 0,
      parts: [LOOKUP_HELPER],
      original: LOOKUP_HELPER,
      loc,
    };
    const self = { type: 'PathExpression', data: false, depth: 0, parts: [], original: 'this', loc };
    const name = { type: 'StringLiteral', value: path.original, original: path.original, loc };
    return { type: 'SubExpression', path: helper, params: [self, name], loc };
  };
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    const n = node as HbsNode;
    if (n.type === 'MustacheStatement' || n.type === 'BlockStatement' || n.type === 'SubExpression') {
      const path = n.path as HbsNode;
      const params = n.params as HbsNode[];
      if (
        n.type === 'MustacheStatement' &&
        params.length === 0 &&
        !n.hash &&
        isFieldPath(path) &&
        hb.helpers[path.original as string] === undefined
      ) {
        // A plain value {{a.b}} becomes {{lookupPath this "a.b"}}.
        Object.assign(n, lookup(path), { type: 'MustacheStatement' });
        return;
      }
      n.params = params.map((param) => (isFieldPath(param) ? lookup(param) : param));
    }
    for (const [key, child] of Object.entries(n)) if (key !== 'loc') visit(child);
  };
  visit(ast);
  return hb.compile(ast as unknown as string, { strict: true, noEscape: false });
}

/** Reads `a.b.c` from a template context; absent anywhere along the path is an error naming it. */
function lookupPath(context: unknown, path: string): unknown {
  let value: unknown = context;
  for (const part of path.split('.')) {
    if (value === null || value === undefined || !Object.prototype.hasOwnProperty.call(value, part)) {
      throw new MissingFieldError(path);
    }
    value = (value as Record<string, unknown>)[part];
  }
  if (value === undefined) throw new MissingFieldError(path);
  return value;
}

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
      // Compiled here: partials registered as source would be compiled without `strict`.
      this.handlebars.registerPartial(
        path.basename(file, '.hbs'),
        compileStrict(this.handlebars, fs.readFileSync(path.join(partialsDir, file), 'utf8')),
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
      template = compileStrict(this.handlebars, fs.readFileSync(file, 'utf8'));
      this.compiled.set(type, template);
    }
    return template;
  }

  /** Handlebars' strict-mode message (`"name" not defined in [object Object] - 3:12`) in a clerk's words. */
  private explain(type: LetterType, error: unknown): unknown {
    if (error instanceof DomainError) return error;
    if (error instanceof MissingFieldError) {
      return invalid(type, error.field, `缺少字段“${error.field}”`);
    }
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
    const register = (name: string, fn: (...args: never[]) => unknown) =>
      hb.registerHelper(name, fn as Handlebars.HelperDelegate);
    register(LOOKUP_HELPER, lookupPath);
    hb.registerHelper('letterCss', () => new hb.SafeString(this.css));
    register('date', (value: unknown) => formatChineseDate(value as string));
    register('yuan', (value: unknown) => formatYuan(value as number));
    register('inc', (value: number) => value + 1);
    register('eq', (a: unknown, b: unknown) => a === b);
    register('channel', (value: unknown) => {
      if (!(CHANNELS as readonly unknown[]).includes(value)) {
        throw new TypeError(`不是已知的申请渠道：${JSON.stringify(value)}`);
      }
      return CHANNEL_PHRASES[value as Channel];
    });
    // 您 for a person, 贵单位 for an organisation.
    register('you', (party: PartyVm) => {
      if (typeof party?.organisation !== 'boolean') throw new TypeError('缺少字段“organisation”');
      return party.organisation ? '贵单位' : '您';
    });
    // The handler's text: escaped, each line its own indented paragraph.
    register('paragraphs', (text: unknown) => {
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

const DRAFT_MARK_STYLE =
  '<style>.draft-mark{position:fixed;top:42%;left:0;right:0;text-align:center;font-size:60pt;' +
  'color:rgba(192,0,0,0.14);transform:rotate(-30deg);pointer-events:none;z-index:10}</style>';

/**
 * What a preview shows instead of a letter that would print without its remedy paragraph: the title
 * and the pre-issue check's errors with their articles (everything escaped; a complete HTML document
 * for the preview frame).
 */
export function renderPreviewRefusal(
  title: string,
  findings: readonly { readonly message: string; readonly article: string }[],
): string {
  const esc = Handlebars.escapeExpression;
  const items = findings
    .map((f) => `<li>${esc(f.message)}<span class="article">（${esc(f.article)}）</span></li>`)
    .join('');
  return (
    '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">' +
    `<title>${esc(title)}（不能预览）</title>` +
    '<style>body{font-family:sans-serif;margin:2em;color:#222}.refusal{border:2px solid #c00000;' +
    'padding:1em 1.5em;background:#fff5f5}.refusal h1{font-size:1.2em;color:#c00000;margin-top:0}' +
    '.article{color:#666}</style></head><body>' +
    '<section class="refusal" role="alert">' +
    `<h1>${esc(title)}无法生成救济途径告知，不显示样稿</h1>` +
    '<p>签发前检查发现以下问题，按此出具的文书将缺少或写错救济途径。请管理员在“机关与救济途径”中更正本机关的行政复议机关后再预览：</p>' +
    `<ul class="findings">${items}</ul></section></body></html>`
  );
}

/**
 * A preview is not the letter: it has no 文号 and is marked “样稿（未出具）” on every page, so that
 * nobody serves a preview as the letter (the issued letter is the stored PDF).
 */
export function markAsDraft(html: string): string {
  return html
    .replace(/<\/head>/i, `${DRAFT_MARK_STYLE}</head>`)
    .replace(/<body>/i, '<body><div class="draft-mark" aria-hidden="true">样稿（未出具）</div>');
}
