import type { CookieOptions, Request, Response } from 'express';
import type { AppConfig } from '../config/app-config.js';
import { API_PREFIX } from '../configure-app.js';
import { ACCESS_TOKEN_COOKIE } from './access-policy.decorators.js';
import type { SessionResult } from './auth.service.js';
import type { SessionTokensDto } from './dto/session-tokens.dto.js';
import type { TokenTransportChoice } from './dto/token-transport.js';

export const REFRESH_TOKEN_COOKIE = 'gip_refresh';
/** The refresh cookie is sent only to the auth endpoints, never with ordinary API calls. */
const REFRESH_COOKIE_PATH = `/${API_PREFIX}/auth`;

function baseOptions(config: AppConfig): CookieOptions {
  return { httpOnly: true, sameSite: 'strict', secure: config.authCookieSecure };
}

/**
 * Hands a new session to the client: in the body for API clients (`bearer`), or only as httpOnly
 * SameSite=Strict cookies for the web console (`cookie`), where scripts never see the tokens.
 */
export function deliverSession(
  response: Response,
  result: SessionResult,
  transport: TokenTransportChoice,
  config: AppConfig,
  now: Date,
): SessionTokensDto {
  const { tokens } = result;
  const body: SessionTokensDto = {
    tokenType: 'Bearer',
    accessTokenExpiresAt: tokens.accessTokenExpiresAt.toISOString(),
    sessionExpiresAt: tokens.sessionExpiresAt.toISOString(),
    user: result.user,
  };
  if (transport === 'bearer')
    return { ...body, accessToken: tokens.accessToken, refreshToken: tokens.refreshToken };
  response.cookie(ACCESS_TOKEN_COOKIE, tokens.accessToken, {
    ...baseOptions(config),
    path: '/',
    maxAge: tokens.accessTokenExpiresAt.getTime() - now.getTime(),
  });
  response.cookie(REFRESH_TOKEN_COOKIE, tokens.refreshToken, {
    ...baseOptions(config),
    path: REFRESH_COOKIE_PATH,
    maxAge: tokens.sessionExpiresAt.getTime() - now.getTime(),
  });
  return body;
}

export function clearSessionCookies(response: Response, config: AppConfig): void {
  response.clearCookie(ACCESS_TOKEN_COOKIE, { ...baseOptions(config), path: '/' });
  response.clearCookie(REFRESH_TOKEN_COOKIE, { ...baseOptions(config), path: REFRESH_COOKIE_PATH });
}

/** The refresh token from the body, else from its cookie; and how the answer should travel. */
export function refreshTokenOf(
  request: Request,
  fromBody: string | undefined,
  transport: TokenTransportChoice | undefined,
): { token: string | undefined; transport: TokenTransportChoice } {
  if (fromBody) return { token: fromBody, transport: transport ?? 'bearer' };
  const cookie = (request as { cookies?: Record<string, unknown> }).cookies?.[REFRESH_TOKEN_COOKIE];
  return { token: typeof cookie === 'string' ? cookie : undefined, transport: transport ?? 'cookie' };
}
