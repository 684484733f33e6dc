import type { ErrorCatalogPart } from '../common/errors/error-spec.js';

export const AGENCY_ERRORS = {
  AGENCY_CODE_TAKEN: { status: 409, title: '机关代码已被使用' },
  AGENCY_IN_USE: { status: 409, title: '机关已有关联记录，只能停用，不能删除' },
} as const satisfies ErrorCatalogPart;
