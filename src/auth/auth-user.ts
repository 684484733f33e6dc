import type { AuditActor } from '../audit/audit-actor.js';
import type { Role } from './role.js';

/** How the request carried its access token. A future CSRF check applies to `cookie` only. */
export type TokenTransport = 'bearer' | 'cookie';

export interface ClientInfo {
  /** The client address as Express sees it (TRUST_PROXY decides whether X-Forwarded-For counts). */
  readonly ip: string | null;
  readonly userAgent: string | null;
}

/**
 * The signed-in user of a request, loaded fresh from the database by the AuthGuard on every request
 * (roles, agency and the active flag take effect at once). Injected with `@CurrentUser()`.
 */
export interface AuthUser {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  /** Null only for an installation admin who belongs to no agency (roles = ['admin']). */
  readonly agencyId: string | null;
  readonly roles: readonly Role[];
  /** The sign-in session (refresh-token family) the access token belongs to. */
  readonly sessionId: string;
  readonly authenticatedBy: TokenTransport;
  readonly mustChangePassword: boolean;
  readonly client: ClientInfo;
}

export function hasAnyRole(user: Pick<AuthUser, 'roles'>, roles: readonly Role[]): boolean {
  return user.roles.some((r) => roles.includes(r));
}

/** The audit "who and from where" of a user acting from a client. */
export function actorOf(
  user: { readonly id: string; readonly username: string },
  client: ClientInfo,
): AuditActor {
  return { userId: user.id, username: user.username, ip: client.ip, userAgent: client.userAgent };
}
