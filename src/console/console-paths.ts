import type { Request } from 'express';

/**
 * Where the web console lives: outside the JSON API's /api/v1 prefix. Each top-level segment is
 * listed (path-to-regexp syntax) so that it never coincides with an API controller's path (cases,
 * users, agencies… stay under /api/v1): the prefix exclusion matches paths, not controllers.
 */
export const CONSOLE_PREFIX_EXCLUDES = [
  '/',
  'sign-in',
  'sign-out',
  'password',
  'register',
  'register/{*rest}',
  'my-cases',
  'case-list',
  'case-list/{*rest}',
  'case/{*rest}',
  'review',
  'supervision',
  'at-risk',
  'annual-report',
  'annual-report/{*rest}',
  'inbox',
  'inbox/{*rest}',
  'admin/{*rest}',
] as const;

/** Static files of the console (CSS, scripts, fonts), served from the project and node_modules. */
export const CONSOLE_ASSETS_PATH = '/assets';

/** Requests answered with HTML pages (errors included) rather than problem+json: everything outside the API. */
export function isConsoleRequest(request: Pick<Request, 'originalUrl'>): boolean {
  // originalUrl: inside a router mounted at /api/v1 (Nest's not-found handler), `path` is relative to it.
  const path = (request.originalUrl ?? '/').split(/[?#]/)[0];
  return !(path === '/api' || path.startsWith('/api/') || path === '/health' || path.startsWith('/health/'));
}

/** A same-site path to return to after signing in; anything else (//host, http:…) becomes '/'. */
export function safeNextPath(value: unknown): string {
  if (
    typeof value !== 'string' ||
    !value.startsWith('/') ||
    value.startsWith('//') ||
    value.startsWith('/\\')
  )
    return '/';
  if (value.startsWith('/sign-in') || value.startsWith('/sign-out') || value.length > 500) return '/';
  return value;
}
