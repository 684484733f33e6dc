import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { AuditActor } from '../audit/audit-actor.js';
import { actorOf, type AuthUser, type ClientInfo } from './auth-user.js';

export type AuthenticatedRequest = Request & { user?: AuthUser };

/** The signed-in user (set by the AuthGuard). Only on routes with @Roles/@SignedIn. */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): AuthUser => {
  const user = context.switchToHttp().getRequest<AuthenticatedRequest>().user;
  if (!user) throw new Error('@CurrentUser() used on a route without @Roles()/@SignedIn()');
  return user;
});

export function clientInfoOf(request: Request): ClientInfo {
  const userAgent = request.headers['user-agent'];
  return { ip: request.ip ?? request.socket.remoteAddress ?? null, userAgent: userAgent ?? null };
}

/** Address and user agent of the caller, for public routes (sign-in) that have no user yet. */
export const Client = createParamDecorator((_data: unknown, context: ExecutionContext): ClientInfo =>
  clientInfoOf(context.switchToHttp().getRequest<Request>()),
);

/** The signed-in user as the audit "who and from where" (for services that record admin changes). */
export const Actor = createParamDecorator((_data: unknown, context: ExecutionContext): AuditActor => {
  const user = context.switchToHttp().getRequest<AuthenticatedRequest>().user;
  if (!user) throw new Error('@Actor() used on a route without @Roles()/@SignedIn()');
  return actorOf(user, user.client);
});
