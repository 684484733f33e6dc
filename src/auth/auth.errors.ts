import type { ErrorCatalogPart } from '../common/errors/error-spec.js';

export const AUTH_ERRORS = {
  // The same answer for an unknown user, a wrong password and a deactivated account: nothing leaks.
  INVALID_CREDENTIALS: { status: 401, title: '用户名或密码错误' },
  REFRESH_TOKEN_INVALID: { status: 401, title: '登录已失效，请重新登录' },
  SIGN_IN_THROTTLED: { status: 429, title: '登录失败次数过多，请稍后再试' },
  PASSWORD_CHANGE_REQUIRED: { status: 403, title: '请先修改初始密码' },
  USERNAME_TAKEN: { status: 409, title: '用户名已被使用' },
  LAST_ADMIN: { status: 409, title: '不能移除最后一个可用的管理员' },
} as const satisfies ErrorCatalogPart;
