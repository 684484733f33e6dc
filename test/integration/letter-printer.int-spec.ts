import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { LetterPrinter } from '../../src/letters/letter-printer.js';
import { readPdf } from '../support/pdf.js';

const page = (body: string) =>
  `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><style>body{font-family:'LXGW WenKai'}</style></head><body>${body}</body></html>`;

describe('LetterPrinter', () => {
  const printer = new LetterPrinter({ poolSize: 2, timeoutMs: 60_000 });
  afterAll(() => printer.close());

  it('does not start Chromium until the first print', () => {
    const idle = new LetterPrinter({ poolSize: 1, timeoutMs: 1000 });
    expect(idle.located).toBeNull();
    return idle.close();
  });

  it('runs no JavaScript in a letter', async () => {
    const html = page(
      '<p id="t">原文</p><script>document.getElementById("t").textContent = "被脚本改写";</script>',
    );
    const facts = await readPdf(await printer.print(html));
    expect(facts.text).toContain('原文');
    expect(facts.text).not.toContain('被脚本改写');
  });

  it('loads nothing over the network, not even from this machine', async () => {
    const requests: string[] = [];
    const server = http.createServer((req, res) => {
      requests.push(req.url ?? '');
      res.end('x');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const base = `http://127.0.0.1:${port}`;
      const html = page(
        `<link rel="stylesheet" href="${base}/a.css"><img src="${base}/b.png"><p style="background:url(${base}/c.png)">网络</p>` +
          `<iframe src="${base}/d.html"></iframe><img src="http://example.com/e.png">`,
      );
      const facts = await readPdf(await printer.print(html));
      expect(facts.text).toContain('网络');
      expect(requests).toEqual([]);
    } finally {
      server.close();
    }
  });

  it('prints many letters at once through its small pool', async () => {
    const pdfs = await Promise.all(
      Array.from({ length: 6 }, (_, i) => printer.print(page(`<p>第${i + 1}封</p>`))),
    );
    const texts = await Promise.all(pdfs.map(async (pdf) => (await readPdf(pdf)).text));
    expect(texts.map((t) => /第(\d)封/.exec(t)?.[1])).toEqual(['1', '2', '3', '4', '5', '6']);
  });

  it('relaunches Chromium when it dies', async () => {
    await printer.print(page('<p>之前</p>'));
    await printer.killBrowserForTest();
    const facts = await readPdf(await printer.print(page('<p>之后</p>')));
    expect(facts.text).toContain('之后');
  });

  it('gives up on a letter after its timeout with a clear error, and keeps working', async () => {
    const slow = new LetterPrinter({ poolSize: 1, timeoutMs: 1000 });
    try {
      // A huge table takes far longer than a second to lay out and print.
      const rows = '<tr><td>格</td><td>格</td><td>格</td></tr>'.repeat(60_000);
      await expect(slow.print(page(`<table>${rows}</table>`))).rejects.toMatchObject({
        code: 'LETTER_PRINT_FAILED',
      });
    } finally {
      await slow.close();
    }
  });

  it('refuses HTML without a head', async () => {
    await expect(printer.print('<p>无头</p>')).rejects.toMatchObject({ code: 'LETTER_DATA_INVALID' });
  });
});
