import path from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { create, type ExpressHandlebars } from 'express-handlebars';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { findTemplatesDir } from '../letters/letter-renderer.js';
import { summaryLine } from './forms/form-values.js';
import {
  chineseDate,
  chineseDateTime,
  chineseDateWithWeekday,
  DUE_FLAG_LABELS,
  humanDates,
  remainingText,
} from './console-format.js';

/** templates/console: layouts/, partials/ (nested folders name partials `dir/name`), pages/, assets/. */
export function consoleTemplatesDir(): string {
  return path.join(findTemplatesDir(), 'console');
}

type Layout = 'main' | 'bare' | false;

/**
 * The console's Handlebars views (express-handlebars: layouts and partials directories, compiled
 * templates cached outside development). Everything is escaped: no template uses triple braces
 * (test/e2e/console-http.e2e-spec.ts checks). Controllers render to a string and send it themselves.
 */
@Injectable()
export class ConsoleViews {
  private readonly dir = consoleTemplatesDir();
  private readonly hbs: ExpressHandlebars;
  private readonly cache: boolean;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.cache = config.nodeEnv !== 'development';
    const timeZone = config.businessTimeZone;
    this.hbs = create({
      extname: '.hbs',
      layoutsDir: path.join(this.dir, 'layouts'),
      partialsDir: path.join(this.dir, 'partials'),
      defaultLayout: 'main',
      helpers: {
        date: (v: unknown) => chineseDate(v),
        dateWeekday: (v: unknown) => chineseDateWithWeekday(v),
        dateTime: (v: unknown) => chineseDateTime(v, timeZone),
        remaining: (v: unknown, flag: unknown) =>
          remainingText(v, typeof flag === 'string' ? flag : undefined),
        dueLabel: (flag: unknown) => DUE_FLAG_LABELS[String(flag)] ?? '',
        /** Sentences from the rules write dates as 2026-11-27; people read 2026年11月27日. */
        prose: (v: unknown) => (typeof v === 'string' ? humanDates(v) : ''),
        eq: (a: unknown, b: unknown) => a === b,
        ne: (a: unknown, b: unknown) => a !== b,
        not: (a: unknown) => !a,
        and: (...args: unknown[]) => args.slice(0, -1).every(Boolean),
        or: (...args: unknown[]) => args.slice(0, -1).some(Boolean),
        includes: (list: unknown, item: unknown) =>
          Array.isArray(list) ? list.includes(item) : list === item,
        concat: (...args: unknown[]) => args.slice(0, -1).map(String).join(''),
        lines: (list: unknown) => (Array.isArray(list) ? list.join('\n') : (list ?? '')),
        gt: (a: unknown, b: unknown) => Number(a) > Number(b),
        abs: (v: unknown) => Math.abs(Number(v)),
        /** JSON for a data-* attribute (escaped like any other value). */
        json: (v: unknown) => JSON.stringify(v ?? null),
        /** A line of the error summary: the field's label (when the page gives labels) and its message. */
        summaryLine: (field: unknown, message: unknown, labels: unknown) =>
          humanDates(
            labels && typeof labels === 'object'
              ? summaryLine(String(field), String(message), labels as Record<string, string>)
              : String(message),
          ),
        /** An element id for a field name (dots and brackets are awkward in CSS and htmx selectors). */
        fid: (name: unknown, prefix: unknown) =>
          `f-${typeof prefix === 'string' ? prefix : ''}${String(name).replace(/[^A-Za-z0-9_-]/g, '-')}`,
      },
    });
  }

  /** A page of templates/console/pages, inside a layout (or none, for htmx fragments). */
  render(view: string, model: object, layout: Layout = 'main'): Promise<string> {
    return this.hbs.renderView(path.join(this.dir, 'pages', `${view}.hbs`), {
      ...model,
      layout: layout === false ? undefined : layout,
      ...(layout === false ? { layout: false as unknown as string } : {}),
      cache: this.cache,
      settings: { views: path.join(this.dir, 'pages') },
    });
  }
}
