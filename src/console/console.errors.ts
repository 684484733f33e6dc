import type { ErrorCatalogPart } from '../common/errors/error-spec.js';

export const CONSOLE_ERRORS = {
  CONSOLE_CSRF_INVALID: { status: 403, title: '页面已过期或来源不明' },
} as const satisfies ErrorCatalogPart;
