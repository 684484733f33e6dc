import { createHmac } from 'node:crypto';
import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { doubleCsrf } from 'csrf-csrf';
import type { Request, Response } from 'express';
import type { AuthenticatedRequest } from '../auth/current-user.decorator.js';
import { JwtKeyStore } from '../auth/jwt-key.store.js';
import { DomainError } from '../common/errors/domain-error.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';

export const CSRF_COOKIE = 'gip_csrf';
export const CSRF_FIELD = '_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/**
 * CSRF protection for the console's forms: csrf-csrf's double-submit cookie, with the token an HMAC
 * bound to the sign-in session (AuthSession id) — stateless like the rest of the app, so any instance
 * behind the load balancer checks it. The session cookies are SameSite=Strict already; the token is
 * the second, independent line (older browsers, same-site subdomains). The key is derived from the
 * JWT key, so every instance shares it without another secret to configure.
 */
@Injectable()
export class ConsoleCsrf {
  private secret: string | undefined;
  private readonly csrf;

  constructor(
    private readonly keys: JwtKeyStore,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.csrf = doubleCsrf({
      getSecret: () => {
        if (!this.secret) throw new Error('The CSRF key is not loaded yet');
        return this.secret;
      },
      // Public pages (sign-in) have no session yet: their token is bound to the empty identifier.
      getSessionIdentifier: (req) => (req as AuthenticatedRequest).user?.sessionId ?? '',
      cookieName: CSRF_COOKIE,
      cookieOptions: { sameSite: 'strict', path: '/', secure: config.authCookieSecure, httpOnly: true },
      // Forms send the token as a field; htmx requests (no form encoding of ours) as a header.
      getCsrfTokenFromRequest: (req) => {
        const value = req.is('application/x-www-form-urlencoded')
          ? (req.body as Record<string, unknown> | undefined)?.[CSRF_FIELD]
          : req.headers[CSRF_HEADER];
        return typeof value === 'string' ? value : undefined;
      },
    });
  }

  /** The token to put in the page's forms (the cookie is set or kept on the response). */
  async tokenFor(request: Request, response: Response): Promise<string> {
    await this.load();
    return this.csrf.generateCsrfToken(request, response);
  }

  async isValid(request: Request): Promise<boolean> {
    await this.load();
    return this.csrf.validateRequest(request);
  }

  private async load(): Promise<void> {
    if (this.secret) return;
    const key = await this.keys.get();
    this.secret = createHmac('sha256', key).update('gip-desk/console-csrf/v1').digest('hex');
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * On every console controller (after the global AuthGuard, so the session is known): an unsafe
 * request must carry the form's token. Requests with an Authorization header carry their credential
 * explicitly (a bearer token is never sent by a browser on its own), so CSRF does not apply to them.
 */
@Injectable()
export class ConsoleCsrfGuard implements CanActivate {
  constructor(private readonly csrf: ConsoleCsrf) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request>();
    if (SAFE_METHODS.has(request.method) || request.headers.authorization !== undefined) return true;
    if (await this.csrf.isValid(request)) return true;
    throw new DomainError(
      'CONSOLE_CSRF_INVALID',
      '表单已过期（可能在别的窗口重新登录过），或请求并非从本系统页面发出。请刷新页面后重新提交。',
    );
  }
}
