import type { ErrorCatalogPart } from '../common/errors/error-spec.js';

export const CASES_ERRORS = {
  CASE_NOT_FOUND: { status: 404, title: '申请不存在' },
  APPLICANT_NOT_FOUND: { status: 404, title: '申请人不存在' },
  CASE_INVALID_TRANSITION: { status: 409, title: '当前状态不允许此操作' },
  CASE_NOT_YOUR_CASE: { status: 403, title: '您不是本案承办人' },
  CASE_ROLE_NOT_ALLOWED: { status: 403, title: '您的角色不能执行此操作' },
  CASE_CORRECTION_TOO_LATE: { status: 409, title: '已超过补正告知期限' },
  CASE_EXTENSION_NOT_ALLOWED: { status: 409, title: '不能延长答复期限' },
  CASE_DEADLINE_RULE: { status: 409, title: '不符合法定期限要求' },
  CASE_CONSULTATION_PENDING: { status: 409, title: '征求意见尚未结束或第三方不同意公开' },
} as const satisfies ErrorCatalogPart;
