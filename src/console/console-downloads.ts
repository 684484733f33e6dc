import type { Request, Response } from 'express';

/**
 * The cookie a download answers with, named by the token the page sent (`?dl=…`): console.js shows
 * “正在生成…” beside the link from the click until the cookie appears, i.e. until the file has been
 * generated and its response has arrived — a PDF printed by Chromium or a large export takes seconds.
 * Not httpOnly (the page's script reads it); it holds nothing but the page's own random token.
 */
export const DOWNLOAD_COOKIE = 'gip_download';
const TOKEN = /^[A-Za-z0-9_-]{8,64}$/;

export interface ConsoleFile {
  readonly filename: string;
  readonly contentType: string;
  readonly body: Buffer;
}

/** A file for the browser: RFC 6266 names (ASCII fallback and the Chinese name), never cached. */
export function sendFile(
  req: Request,
  res: Response,
  file: ConsoleFile,
  disposition: 'attachment' | 'inline' = 'attachment',
  secure = false,
): void {
  const dot = file.filename.lastIndexOf('.');
  const fallback = `download${dot >= 0 ? file.filename.slice(dot) : ''}`;
  const token = typeof req.query.dl === 'string' && TOKEN.test(req.query.dl) ? req.query.dl : null;
  if (token) {
    res.cookie(DOWNLOAD_COOKIE, token, {
      path: '/',
      sameSite: 'strict',
      secure,
      httpOnly: false,
      maxAge: 60_000,
    });
  }
  res
    .status(200)
    .setHeader('Content-Type', file.contentType)
    .setHeader('Content-Length', String(file.body.length))
    .setHeader(
      'Content-Disposition',
      `${disposition}; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
    )
    .setHeader('Cache-Control', 'no-store');
  res.end(file.body);
}
