import type { Request, Response } from 'express';

const FLASH_COOKIE = 'gip_flash';
const MAX_BYTES = 3000;

export interface Flash {
  readonly kind: 'success' | 'info' | 'warning';
  readonly messages: readonly string[];
}

/**
 * A message for the page a redirect leads to (post/redirect/get), in a short-lived cookie: the app
 * keeps no server session. Shown once, escaped like everything else.
 */
export function setFlash(response: Response, flash: Flash, secure: boolean): void {
  let messages = [...flash.messages];
  let value = encode({ ...flash, messages });
  while (value.length > MAX_BYTES && messages.length > 0) {
    messages = messages.slice(0, -1);
    value = encode({ ...flash, messages: [...messages, '（更多提示见案件时间线）'] });
  }
  response.cookie(FLASH_COOKIE, value, {
    httpOnly: true,
    sameSite: 'strict',
    path: '/',
    secure,
    maxAge: 60_000,
  });
}

export function takeFlash(request: Request, response: Response): Flash | null {
  const raw = (request as { cookies?: Record<string, unknown> }).cookies?.[FLASH_COOKIE];
  if (typeof raw !== 'string') return null;
  response.clearCookie(FLASH_COOKIE, { path: '/' });
  try {
    const parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Flash;
    if (!Array.isArray(parsed.messages)) return null;
    return { kind: parsed.kind, messages: parsed.messages.map(String) };
  } catch {
    return null;
  }
}

function encode(flash: Flash): string {
  return Buffer.from(JSON.stringify(flash), 'utf8').toString('base64url');
}
