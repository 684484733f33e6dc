import { Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ACCESS_TOKEN_COOKIE } from '../auth/access-policy.decorators.js';
import type { FieldError } from '../common/errors/domain-error.js';
import { isConsoleRequest, safeNextPath } from './console-paths.js';
import type { ConsoleViews } from './console-views.js';

export interface ErrorFacts {
  readonly code: string;
  readonly status: number;
  readonly title: string;
  readonly detail: string;
  readonly requestId?: string;
  readonly errors?: readonly FieldError[];
}

/** What the global filter asks of an HTML responder (src/common/http/problem-details.filter.ts). */
export interface HtmlErrorResponder {
  handles(request: Request): boolean;
  respond(request: Request, response: Response, error: ErrorFacts): void;
}

const SAFE = new Set(['GET', 'HEAD']);

/**
 * Errors on console pages are HTML pages in Chinese, not problem documents: a signed-out user is
 * sent to the sign-in page (and back afterwards), a user who must replace an initial password to
 * the password page, anything else gets a page saying what happened and where to go next. htmx
 * requests are told where to go with HX-Redirect instead of a 303 they would follow silently.
 */
export class ConsoleErrorPages implements HtmlErrorResponder {
  private readonly logger = new Logger('ConsoleErrorPages');

  constructor(private readonly views: ConsoleViews) {}

  handles(request: Request): boolean {
    return isConsoleRequest(request);
  }

  respond(request: Request, response: Response, error: ErrorFacts): void {
    const htmx = request.headers['hx-request'] === 'true';
    if (error.code === 'UNAUTHENTICATED') {
      const hadSession =
        typeof (request as { cookies?: Record<string, unknown> }).cookies?.[ACCESS_TOKEN_COOKIE] === 'string';
      // After a POST the form is gone; coming back to the page it was on is the best we can do.
      const next = SAFE.has(request.method) && !htmx ? request.originalUrl : refererPath(request);
      const to = `/sign-in?next=${encodeURIComponent(safeNextPath(next))}${hadSession ? '&expired=1' : ''}`;
      return this.redirect(response, to, htmx);
    }
    if (error.code === 'PASSWORD_CHANGE_REQUIRED') return this.redirect(response, '/password', htmx);
    const notFound = error.code === 'ROUTE_NOT_FOUND';
    this.views
      .render(
        'error',
        {
          page: { title: notFound ? '页面不存在' : error.title, nav: [] },
          error: {
            ...error,
            title: notFound ? '页面不存在' : error.title,
            detail: notFound ? `没有 ${request.path} 这个页面，请从菜单进入。` : error.detail,
          },
        },
        htmx ? false : 'bare',
      )
      .then((html) => {
        if (response.headersSent) return;
        response.status(error.status).type('html').setHeader('Cache-Control', 'no-store').send(html);
      })
      .catch((renderError: unknown) => {
        this.logger.error(`Rendering the error page failed: ${(renderError as Error).message}`);
        if (!response.headersSent)
          response.status(error.status).type('text').send(`${error.title}：${error.detail}`);
      });
  }

  private redirect(response: Response, to: string, htmx: boolean): void {
    if (htmx) response.status(200).setHeader('HX-Redirect', to).end();
    else response.redirect(303, to);
  }
}

function refererPath(request: Request): string {
  const referer = request.headers.referer;
  if (!referer) return '/';
  try {
    const url = new URL(referer);
    return url.host === request.headers.host ? `${url.pathname}${url.search}` : '/';
  } catch {
    return '/';
  }
}
