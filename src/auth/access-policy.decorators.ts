import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ROLES, type Role } from './role.js';

/**
 * Every route declares who may call it; the global AuthGuard enforces it and denies a route that
 * declares nothing. The access matrix test (test/e2e/access-matrix.ts) checks each declaration.
 */
export const ACCESS_POLICY = 'gip:access-policy';
export const ALLOW_PENDING_PASSWORD_CHANGE = 'gip:allow-pending-password-change';

export type AccessPolicy =
  { readonly kind: 'public' } | { readonly kind: 'roles'; readonly roles: readonly Role[] };

export const ACCESS_TOKEN_COOKIE = 'gip_access';

function documentedAuth(): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiBearerAuth(),
    ApiCookieAuth(ACCESS_TOKEN_COOKIE),
    ApiUnauthorizedResponse({ description: '未登录、令牌无效或已过期（401 UNAUTHENTICATED）' }),
    ApiForbiddenResponse({
      description: '角色不符（403 FORBIDDEN）或须先修改密码（403 PASSWORD_CHANGE_REQUIRED）',
    }),
  );
}

/**
 * No authentication. Put the reason in a comment next to it: a public route is a deliberate decision
 * (health checks for load balancers, sign-in itself, …).
 */
export const Public = (): MethodDecorator & ClassDecorator =>
  SetMetadata(ACCESS_POLICY, { kind: 'public' } satisfies AccessPolicy);

/** Signed in and holding at least one of these roles. */
export function Roles(...roles: Role[]): MethodDecorator & ClassDecorator {
  if (roles.length === 0) throw new Error('@Roles() needs at least one role; use @SignedIn() for any role.');
  return applyDecorators(
    SetMetadata(ACCESS_POLICY, { kind: 'roles', roles } satisfies AccessPolicy),
    documentedAuth(),
  );
}

/** Any signed-in user, whatever their roles (their own profile, sign-out, the agency directory). */
export const SignedIn = (): MethodDecorator & ClassDecorator => Roles(...ROLES);

/**
 * The route stays usable while the user must still replace an initial or reset password (reading
 * their own profile, changing the password, signing out). Everything else answers 403
 * PASSWORD_CHANGE_REQUIRED until then.
 */
export const AllowPendingPasswordChange = (): MethodDecorator & ClassDecorator =>
  SetMetadata(ALLOW_PENDING_PASSWORD_CHANGE, true);
