import { Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '../common/clock/clock.js';
import { DomainError } from '../common/errors/domain-error.js';
import {
  ACCESS_POLICY,
  ACCESS_TOKEN_COOKIE,
  ALLOW_PENDING_PASSWORD_CHANGE,
  type AccessPolicy,
} from './access-policy.decorators.js';
import { AuthSession } from './auth-session.entity.js';
import { hasAnyRole, type AuthUser, type TokenTransport } from './auth-user.js';
import { clientInfoOf, type AuthenticatedRequest } from './current-user.decorator.js';
import { SessionService } from './session.service.js';
import { TokenService } from './token.service.js';

/**
 * The global guard (APP_GUARD): authenticates and authorises every route.
 * 1. A route must declare @Public() or @Roles()/@SignedIn(); one that declares nothing is refused.
 * 2. The access token comes from `Authorization: Bearer` or, failing that, the `gip_access` cookie.
 * 3. The token must verify (signature, issuer, audience, expiry) AND its session must still be open
 *    and its user active: sign-out, password change and deactivation take effect at once.
 * 4. A user who must replace an initial password may only use routes marked
 *    @AllowPendingPasswordChange().
 * 5. The user must hold one of the route's roles. Agency scoping is not done here but where data is
 *    read (AgencyScope), so that another agency's record answers 404 rather than 403.
 *
 * CSRF: a cookie-authenticated request is marked `authenticatedBy: 'cookie'`. The cookies are
 * SameSite=Strict and the API accepts only JSON bodies (no CORS), which browsers will not send
 * cross-site; when the web console arrives, its CSRF token check belongs right here, for cookie
 * requests with unsafe methods only (bearer clients are not exposed to CSRF).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger(AuthGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly sessions: SessionService,
    private readonly clock: Clock,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const policy = this.reflector.getAllAndOverride<AccessPolicy | undefined>(ACCESS_POLICY, targets);
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (!policy) {
      this.logger.error(
        `${request.method} ${request.path} declares no access policy (@Public or @Roles): refused`,
      );
      throw new DomainError('FORBIDDEN', '该接口未声明访问策略，已拒绝。');
    }
    if (policy.kind === 'public') return true;

    const user = await this.authenticate(request);
    if (!user) throw new DomainError('UNAUTHENTICATED', '未登录或登录已失效，请重新登录。');
    request.user = user;

    const allowPending = this.reflector.getAllAndOverride<boolean | undefined>(
      ALLOW_PENDING_PASSWORD_CHANGE,
      targets,
    );
    if (user.mustChangePassword && !allowPending) {
      throw new DomainError('PASSWORD_CHANGE_REQUIRED', '请先修改管理员设置的初始密码，再使用系统。');
    }
    if (!hasAnyRole(user, policy.roles)) {
      throw new DomainError('FORBIDDEN', '当前用户的角色无权执行此操作。');
    }
    return true;
  }

  private async authenticate(request: AuthenticatedRequest): Promise<AuthUser | null> {
    const found = tokenOf(request);
    if (!found) return null;
    const claims = await this.tokens.verifyAccessToken(found.token);
    if (!claims) return null;
    const session = await this.dataSource
      .getRepository(AuthSession)
      .findOne({ where: { id: claims.sessionId }, relations: { user: true } });
    if (
      !session ||
      session.userId !== claims.userId ||
      !this.sessions.isUsable(session, this.clock.now()) ||
      !session.user.active
    ) {
      return null;
    }
    const u = session.user;
    return {
      id: u.id,
      username: u.username,
      displayName: u.displayName,
      agencyId: u.agencyId,
      roles: [...u.roles],
      sessionId: session.id,
      authenticatedBy: found.via,
      mustChangePassword: u.mustChangePassword,
      client: clientInfoOf(request),
    };
  }
}

function tokenOf(request: AuthenticatedRequest): { token: string; via: TokenTransport } | null {
  const header = request.headers.authorization;
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    return match ? { token: match[1], via: 'bearer' } : null;
  }
  const cookies = (request as { cookies?: Record<string, unknown> }).cookies;
  const cookie = cookies?.[ACCESS_TOKEN_COOKIE];
  return typeof cookie === 'string' && cookie !== '' ? { token: cookie, via: 'cookie' } : null;
}
