import type { ErrorCatalogPart } from '../common/errors/error-spec.js';

export const DATABASE_ERRORS = {
  DATABASE_UNAVAILABLE: { status: 503, title: '数据库不可用' },
} as const satisfies ErrorCatalogPart;
