/// <reference lib="dom" />
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { locateChromium } from '../../src/letters/chromium-locator.js';
import { DEMO_PASSWORD } from './auth.js';
import type { TestApp } from './test-app.js';

export const ARTIFACTS = path.resolve('test-artifacts', 'console');

/**
 * A real Chromium (found like the letter printer finds it: CHROMIUM_PATH → system → npm) with
 * JavaScript on, against the test app listening on a free port. Each user gets a browser context of
 * their own (their own cookies), at 1366×768 with a Chinese UI language like the county's PCs.
 */
export class ConsoleBrowser {
  private constructor(
    readonly browser: Browser,
    readonly base: string,
  ) {}

  static async start(t: TestApp): Promise<ConsoleBrowser> {
    await t.app.listen(0, '127.0.0.1');
    const { port } = t.app.getHttpServer().address() as AddressInfo;
    const located = await locateChromium({
      explicitPath: t.config.chromiumPath,
      cacheDir: t.config.chromiumCacheDir,
    });
    const browser = await puppeteer.launch({
      executablePath: located.executablePath,
      headless: located.headless,
      pipe: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--lang=zh-CN',
        '--font-render-hinting=none',
      ],
    });
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    return new ConsoleBrowser(browser, `http://127.0.0.1:${port}`);
  }

  /** A signed-in page of a fresh browser context. */
  async signIn(username: string): Promise<UserPage> {
    // Downloads (letters, reports, case lists) are saved where the screenshots go.
    const context = await this.browser.createBrowserContext({
      downloadBehavior: { policy: 'allow', downloadPath: path.join(ARTIFACTS, 'downloads') },
    });
    const page = await context.newPage();
    await page.setViewport({ width: 1366, height: 768 });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(String(error)));
    // A failed script, style or fragment load; a page answering 400 to a bad form is expected.
    page.on('response', (response) => {
      if (response.status() >= 400 && response.request().resourceType() !== 'document')
        problems.push(`${response.status()} ${response.url()}`);
    });
    // A live check replaced by a newer one is aborted on purpose (hx-sync), not a failure.
    page.on('requestfailed', (request) => {
      if (request.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`failed ${request.url()}`);
    });
    await page.goto(`${this.base}/sign-in`);
    await page.type('#f-username', username);
    await page.type('#f-password', DEMO_PASSWORD);
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
    return new UserPage(page, this.base, problems);
  }

  close(): Promise<void> {
    return this.browser.close();
  }
}

export class UserPage {
  constructor(
    readonly page: Page,
    readonly base: string,
    /** Script errors and failed loads seen by the page (a test expects none). */
    readonly problems: string[],
  ) {}

  async go(pathname: string): Promise<number> {
    const response = await this.page.goto(`${this.base}${pathname}`, { waitUntil: 'networkidle0' });
    return response?.status() ?? 0;
  }

  /** Sets an input's value as a person would leave it (date inputs are locale-formatted for typing). */
  async set(selector: string, value: string): Promise<void> {
    await this.page.$eval(
      selector,
      (element, v) => {
        const input = element as HTMLInputElement;
        input.value = v;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        input.dispatchEvent(new Event('change', { bubbles: true }));
      },
      value,
    );
  }

  async type(selector: string, value: string): Promise<void> {
    await this.page.click(selector, { count: 3 });
    await this.page.type(selector, value);
  }

  async choose(name: string, value: string): Promise<void> {
    await this.page.click(`input[name="${name}"][value="${value}"]`);
  }

  /** Submits the form the button is in and waits for the next page. */
  async submit(buttonSelector: string): Promise<void> {
    await Promise.all([
      this.page.waitForNavigation({ waitUntil: 'networkidle0' }),
      this.page.click(buttonSelector),
    ]);
  }

  async text(selector = 'main'): Promise<string> {
    return this.page.$eval(selector, (element) => (element as HTMLElement).innerText);
  }

  async shot(name: string): Promise<void> {
    await this.page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
  }

  /** Waits until an element's text contains `text` (after an htmx swap, for instance). */
  async waitForText(selector: string, text: string): Promise<void> {
    await this.page.waitForFunction(
      (sel, t) => document.querySelector(sel)?.textContent?.includes(t) ?? false,
      {},
      selector,
      text,
    );
  }

  /**
   * Sends a form of the page with its own fields (CSRF token included) through the browser's fetch,
   * with the page's cookies, following redirects: for forms whose answer is a file or opens a new tab.
   */
  async sendForm(formSelector: string): Promise<{ status: number; type: string; head: string; url: string }> {
    return this.page.$eval(formSelector, async (element) => {
      const form = element as HTMLFormElement;
      const response = await fetch(form.action, {
        method: 'POST',
        body: new URLSearchParams(new FormData(form) as unknown as Record<string, string>),
        credentials: 'same-origin',
      });
      const bytes = new Uint8Array(await response.arrayBuffer()).slice(0, 5);
      return {
        status: response.status,
        type: response.headers.get('content-type') ?? '',
        head: String.fromCharCode(...bytes),
        url: response.url,
      };
    });
  }

  /** GETs a link of the page through the browser's fetch (a download) and says what came back. */
  async fetchLink(
    selector: string,
  ): Promise<{ status: number; type: string; disposition: string; head: string }> {
    return this.page.$eval(selector, async (element) => {
      const response = await fetch((element as HTMLAnchorElement).href, { credentials: 'same-origin' });
      const bytes = new Uint8Array(await response.arrayBuffer()).slice(0, 5);
      return {
        status: response.status,
        type: response.headers.get('content-type') ?? '',
        disposition: response.headers.get('content-disposition') ?? '',
        head: String.fromCharCode(...bytes),
      };
    });
  }

  /** The text of the frame whose address contains `part` (a letter preview), once it has loaded. */
  async frameText(part: string): Promise<string> {
    const frame = await this.page.waitForFrame((f) => f.url().includes(part));
    await frame.waitForSelector('body');
    return frame.$eval('body', (body) => (body as HTMLElement).innerText);
  }

  /** Opens a step of the case page (its <details>) and returns the form's selector. */
  async openAction(slug: string): Promise<string> {
    await this.page.click(`#act-${slug} > summary`);
    return `#act-${slug} form`;
  }
}
