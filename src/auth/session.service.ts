import { Inject, Injectable } from '@nestjs/common';
import { IsNull, type EntityManager } from 'typeorm';
import { Clock } from '../common/clock/clock.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { AuthSession, type RevocationReason } from './auth-session.entity.js';
import type { ClientInfo } from './auth-user.js';
import { RefreshToken } from './refresh-token.entity.js';
import { TokenService } from './token.service.js';

export interface IssuedTokens {
  readonly sessionId: string;
  readonly accessToken: string;
  readonly accessTokenExpiresAt: Date;
  readonly refreshToken: string;
  readonly sessionExpiresAt: Date;
}

/** Sign-in sessions: start, rotate their refresh token, revoke. All inside the caller's transaction. */
@Injectable()
export class SessionService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly tokens: TokenService,
  ) {}

  async start(manager: EntityManager, userId: string, client: ClientInfo): Promise<IssuedTokens> {
    const now = this.clock.now();
    const session = await manager.save(
      manager.create(AuthSession, {
        userId,
        createdAt: now,
        expiresAt: new Date(now.getTime() + this.config.authSessionHours * 3_600_000),
        ip: client.ip?.slice(0, 64) ?? null,
        userAgent: client.userAgent?.slice(0, 300) ?? null,
      }),
    );
    return this.issue(manager, session);
  }

  /** Issues the successor of a refresh token that the caller has just marked used. */
  async rotate(manager: EntityManager, session: AuthSession): Promise<IssuedTokens> {
    await manager.update(AuthSession, { id: session.id }, { lastRefreshedAt: this.clock.now() });
    return this.issue(manager, session);
  }

  async revoke(manager: EntityManager, sessionId: string, reason: RevocationReason): Promise<void> {
    await manager.update(
      AuthSession,
      { id: sessionId, revokedAt: IsNull() },
      { revokedAt: this.clock.now(), revokedReason: reason },
    );
  }

  /** Ends every open sign-in of a user; returns how many. */
  async revokeAllOfUser(manager: EntityManager, userId: string, reason: RevocationReason): Promise<number> {
    const result = await manager.update(
      AuthSession,
      { userId, revokedAt: IsNull() },
      { revokedAt: this.clock.now(), revokedReason: reason },
    );
    return result.affected ?? 0;
  }

  isUsable(session: AuthSession, now: Date): boolean {
    return session.revokedAt === null && session.expiresAt.getTime() > now.getTime();
  }

  private async issue(manager: EntityManager, session: AuthSession): Promise<IssuedTokens> {
    const refresh = this.tokens.newRefreshToken();
    await manager.insert(RefreshToken, {
      tokenHash: refresh.hash,
      sessionId: session.id,
      createdAt: this.clock.now(),
    });
    const access = await this.tokens.signAccessToken({ userId: session.userId, sessionId: session.id });
    return {
      sessionId: session.id,
      accessToken: access.token,
      accessTokenExpiresAt: access.expiresAt,
      refreshToken: refresh.token,
      sessionExpiresAt: session.expiresAt,
    };
  }
}
