import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { AppConfig } from '../config/app-config.js';
import { DomainError } from '../common/errors/domain-error.js';
import { locateChromium, type ChromiumLookupOptions, type LocatedChromium } from './chromium-locator.js';
import { findTemplatesDir } from './letter-renderer.js';

export interface PrinterOptions extends ChromiumLookupOptions {
  /** Pages kept open and reused (each keeps the fonts it has loaded). */
  readonly poolSize: number;
  /** Longest a single letter may take, from getting a page to the PDF bytes. */
  readonly timeoutMs: number;
}

export function printerOptionsFrom(config: AppConfig): PrinterOptions {
  return {
    explicitPath: config.chromiumPath,
    cacheDir: config.chromiumCacheDir,
    poolSize: config.pdfPagePoolSize,
    timeoutMs: config.pdfPageTimeoutMs,
  };
}

/**
 * The OFL webfonts shipped through npm, as local `file://` stylesheets (their woff2 chunks are
 * loaded per unicode-range, only for the characters a letter uses).
 */
export function fontStylesheetUrls(): string[] {
  const require = createRequire(import.meta.url);
  return [
    '@fontsource/noto-serif-sc/400.css',
    '@fontsource/noto-serif-sc/700.css',
    'lxgw-wenkai-webfont/lxgwwenkai-regular.css',
  ].map((id) => pathToFileURL(require.resolve(id)).href);
}

/**
 * Noto Serif SC's chunk holding the full-width CJK “ ” as a family of its own, 'GIP CJK Quotes'
 * (letter.css puts it before LXGW WenKai, whose quotes are Latin-width). Found by its unicode-range
 * so that a fontsource update renumbering its chunks does not break it; absent → no face.
 */
export function quoteFontFace(): string {
  const require = createRequire(import.meta.url);
  const cssFile = require.resolve('@fontsource/noto-serif-sc/400.css');
  const css = fs.readFileSync(cssFile, 'utf8');
  for (const block of css.split('@font-face').slice(1)) {
    const file = /url\(\.\/files\/([^)]+\.woff2)\)/.exec(block)?.[1];
    if (file && !file.includes('latin') && /unicode-range:[^;]*U\+201c-201d[,;]/i.test(block)) {
      const url = pathToFileURL(path.join(path.dirname(cssFile), 'files', file)).href;
      return `@font-face{font-family:'GIP CJK Quotes';src:url('${url}') format('woff2');unicode-range:U+201C-201D;}`;
    }
  }
  return '';
}

// The letter may use inline styles, local fonts and an embedded seal image; nothing else loads.
const CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'unsafe-inline' file:; font-src file:; img-src data:";

/**
 * Launch arguments chosen for printing (not @sparticuz/chromium's AWS Lambda defaults: no
 * `--single-process`, no `--disable-web-security`). The sandbox is off because the server runs as
 * root and Chromium refuses its sandbox there; what it renders is our own escaped HTML with
 * JavaScript disabled and every network route closed (unresolvable hosts, a dead proxy, CSP).
 */
const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-default-apps',
  '--disable-extensions',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
  '--mute-audio',
  '--font-render-hinting=none',
  '--host-resolver-rules=MAP * ~NOTFOUND',
  '--proxy-server=127.0.0.1:9',
  '--proxy-bypass-list=<-loopback>',
];

/** Requests the faces of the shipped fonts for the letter's text (and page numbers), then waits for all. */
const LOAD_FONTS = `(async () => {
  const text = document.body.innerText + '— 0123456789';
  const faces = ['16pt "LXGW WenKai"', '16pt "Noto Serif SC"', '700 22pt "Noto Serif SC"', '16pt "GIP CJK Quotes"'];
  await Promise.all(faces.map((face) => document.fonts.load(face, text).catch(() => [])));
  await document.fonts.ready;
  return true;
})()`;

interface PooledPage {
  readonly page: Page;
  readonly browser: Browser;
}

/**
 * Prints letter HTML to PDF with one long-lived Chromium per process, started on first use and
 * started again if it dies, and a small pool of reused pages. Each page first opens a `file://`
 * base page (so local fonts may load), then takes each letter with setContent(): fonts loaded once
 * stay cached in the page, which is what makes a warm letter take tens of milliseconds.
 */
@Injectable()
export class LetterPrinter implements OnModuleDestroy {
  private readonly logger = new Logger(LetterPrinter.name);
  private browser: Promise<Browser> | null = null;
  private readonly idle: PooledPage[] = [];
  private open = 0;
  private readonly waiting: Array<() => void> = [];
  private closed = false;
  private readonly baseUrl: string;
  private readonly headInsert: string;
  private readonly options: PrinterOptions;
  /** Which Chromium was found (after the first print). */
  located: LocatedChromium | null = null;

  constructor(options: PrinterOptions) {
    this.options = options;
    const templates = findTemplatesDir();
    this.baseUrl = pathToFileURL(path.join(templates, 'print-base.html')).href;
    this.headInsert =
      `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">` +
      fontStylesheetUrls()
        .map((href) => `<link rel="stylesheet" href="${href}">`)
        .join('') +
      `<style>${quoteFontFace()}</style>`;
    if (!fs.existsSync(path.join(templates, 'print-base.html')))
      throw new Error('templates/print-base.html is missing');
  }

  /** The PDF of a complete letter HTML document (as renderLetterHtml returns it). */
  async print(html: string): Promise<Buffer> {
    if (this.closed) throw new Error('LetterPrinter is closed');
    const document = this.printable(html);
    // A browser that died mid-letter is relaunched and the letter printed once more.
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.printOnce(document);
      } catch (error) {
        if (attempt >= 2 || !this.isBrowserLoss(error)) throw this.failure(error);
        this.logger.warn(`Chromium went away while printing; relaunching (${(error as Error).message})`);
      }
    }
  }

  /** Closes the browser; the next print() after close() is refused. */
  async close(): Promise<void> {
    this.closed = true;
    await this.shutdownBrowser();
  }

  async onModuleDestroy(): Promise<void> {
    await this.close();
  }

  /** Kills the browser process, as a crash would (for tests of the relaunch). */
  async killBrowserForTest(): Promise<void> {
    const browser = await this.browser;
    browser?.process()?.kill('SIGKILL');
    await new Promise<void>((resolve) => {
      if (!browser?.connected) resolve();
      else browser.once('disconnected', () => resolve());
    });
  }

  private printable(html: string): string {
    const head = /<head[^>]*>/i.exec(html);
    if (!head) throw new DomainError('LETTER_DATA_INVALID', '信函 HTML 缺少 <head>，无法打印');
    const at = head.index + head[0].length;
    return html.slice(0, at) + this.headInsert + html.slice(at);
  }

  private async printOnce(document: string): Promise<Buffer> {
    const pooled = await this.acquire();
    let healthy = false;
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`printing took longer than ${this.options.timeoutMs} ms`)),
          this.options.timeoutMs,
        );
      });
      const job = async () => {
        const { page } = pooled;
        await page.setContent(document, { waitUntil: 'load', timeout: this.options.timeoutMs });
        // Load every face the letter's text needs before printing: document.fonts.ready alone may
        // resolve before layout has even requested a unicode-range chunk, and the first letter of a
        // fresh page then prints with a system fallback. Runs through DevTools, so it works with page
        // JavaScript disabled.
        await page.evaluate(LOAD_FONTS);
        const pdf = await page.pdf({
          preferCSSPageSize: true,
          printBackground: true,
          displayHeaderFooter: false,
          timeout: this.options.timeoutMs,
        });
        return Buffer.from(pdf);
      };
      const pdf = await Promise.race([job(), timeout]);
      healthy = true;
      return pdf;
    } finally {
      clearTimeout(timer);
      await this.release(pooled, healthy);
    }
  }

  private async acquire(): Promise<PooledPage> {
    for (;;) {
      const browser = await this.ensureBrowser();
      const ready = this.idle.pop();
      if (ready) {
        if (ready.browser === browser && !ready.page.isClosed()) return ready;
        this.open--;
        continue;
      }
      if (this.open < this.options.poolSize) {
        this.open++;
        try {
          return { page: await this.newPage(browser), browser };
        } catch (error) {
          this.open--;
          this.wakeOne();
          throw error;
        }
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
  }

  private async release(pooled: PooledPage, healthy: boolean): Promise<void> {
    if (healthy && !this.closed && pooled.browser.connected) {
      this.idle.push(pooled);
    } else {
      this.open--;
      await pooled.page.close().catch(() => undefined);
    }
    this.wakeOne();
  }

  private wakeOne(): void {
    this.waiting.shift()?.();
  }

  private async newPage(browser: Browser): Promise<Page> {
    const page = await browser.newPage();
    await page.setJavaScriptEnabled(false);
    await page.goto(this.baseUrl, { waitUntil: 'load', timeout: this.options.timeoutMs });
    return page;
  }

  private ensureBrowser(): Promise<Browser> {
    this.browser ??= this.launch().catch((error: unknown) => {
      this.browser = null;
      throw error;
    });
    return this.browser;
  }

  private async launch(): Promise<Browser> {
    this.located ??= await locateChromium(this.options);
    const { executablePath, headless, source } = this.located;
    const browser = await puppeteer.launch({
      executablePath,
      headless,
      pipe: true,
      args: LAUNCH_ARGS,
      timeout: this.options.timeoutMs,
    });
    this.logger.log(
      `Chromium started for printing (${source}: ${executablePath}, ${await browser.version()})`,
    );
    browser.once('disconnected', () => {
      // Pages of a dead browser are dropped; the next print launches a new one.
      const current = this.browser;
      void current?.then((b) => {
        if (b === browser) this.browser = null;
      });
      for (let i = this.idle.length - 1; i >= 0; i--) {
        if (this.idle[i].browser === browser) {
          this.idle.splice(i, 1);
          this.open--;
        }
      }
      this.wakeOne();
    });
    return browser;
  }

  private async shutdownBrowser(): Promise<void> {
    const pending = this.browser;
    this.browser = null;
    this.idle.length = 0;
    this.open = 0;
    const browser = await pending?.catch(() => null);
    await browser?.close().catch(() => undefined);
  }

  private isBrowserLoss(error: unknown): boolean {
    const message = error instanceof Error ? error.message : '';
    return /Target closed|Session closed|Connection closed|Protocol error|detached|browser has disconnected/i.test(
      message,
    );
  }

  private failure(error: unknown): unknown {
    if (error instanceof DomainError) return error;
    const message = error instanceof Error ? error.message : String(error);
    this.logger.error(`Printing failed: ${message}`);
    return new DomainError('LETTER_PRINT_FAILED', '信函 PDF 生成失败，请稍后重试', { cause: error });
  }
}
