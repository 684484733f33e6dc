import type { ErrorCatalogPart } from './error-spec.js';

export const COMMON_ERRORS = {
  VALIDATION_FAILED: { status: 400, title: '请求参数校验未通过' },
  MALFORMED_JSON: { status: 400, title: '请求体不是合法的 JSON' },
  BAD_REQUEST: { status: 400, title: '请求有误' },
  UNAUTHENTICATED: { status: 401, title: '未登录或登录已失效' },
  FORBIDDEN: { status: 403, title: '无权执行此操作' },
  NOT_FOUND: { status: 404, title: '记录不存在' },
  ROUTE_NOT_FOUND: { status: 404, title: '接口不存在' },
  METHOD_NOT_ALLOWED: { status: 405, title: '不支持的请求方法' },
  STALE_VERSION: { status: 409, title: '记录已被他人修改，请刷新后重试' },
  CONFLICT: { status: 409, title: '操作与当前状态冲突' },
  IDEMPOTENCY_KEY_REUSED: { status: 422, title: 'Idempotency-Key 已用于其他请求' },
  PAYLOAD_TOO_LARGE: { status: 413, title: '请求体过大' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: '不支持的内容类型' },
  RATE_LIMITED: { status: 429, title: '请求过于频繁，请稍后再试' },
  INTERNAL_ERROR: { status: 500, title: '服务器内部错误' },
  SERVICE_NOT_READY: { status: 503, title: '服务尚未就绪（数据库不可用或正在迁移）' },
} as const satisfies ErrorCatalogPart;
