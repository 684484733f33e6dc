import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsNull, type DataSource, type EntityManager } from 'typeorm';
import type { AuditActor } from '../audit/audit-actor.js';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../common/clock/clock.js';
import { DomainError } from '../common/errors/domain-error.js';
import { AuthSession } from './auth-session.entity.js';
import { actorOf, type AuthUser, type ClientInfo } from './auth-user.js';
import type { ChangePasswordDto } from './dto/change-password.dto.js';
import type { MeDto } from './dto/me.dto.js';
import type { SignInDto } from './dto/sign-in.dto.js';
import { PasswordHasher } from './password-hasher.js';
import { passwordProblems } from './password-policy.rules.js';
import { RefreshToken } from './refresh-token.entity.js';
import { SessionService, type IssuedTokens } from './session.service.js';
import { SignInThrottleService, type ThrottleKeys } from './sign-in-throttle.service.js';
import { hashRefreshToken } from './token.service.js';
import { toMeDto } from './user.mappers.js';
import { User } from './user.entity.js';
import { normaliseUsername } from './user.rules.js';

export interface SessionResult {
  readonly tokens: IssuedTokens;
  readonly user: MeDto;
}

const INVALID_CREDENTIALS = () => new DomainError('INVALID_CREDENTIALS', '用户名或密码错误。');
const INVALID_REFRESH = () => new DomainError('REFRESH_TOKEN_INVALID', '登录已失效，请重新登录。');

/** Sign-in, token refresh with reuse detection, sign-out, password change. */
@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionService,
    private readonly throttle: SignInThrottleService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Unknown user, wrong password and deactivated account all do the same work (one argon2
   * verification, one failure record) and give the same 401.
   */
  async signIn(dto: SignInDto, client: ClientInfo): Promise<SessionResult> {
    const username = normaliseUsername(dto.username).slice(0, 100);
    const now = this.clock.now();
    const keys = this.throttle.keysFor(username, client.ip);
    await this.refuseWhileLocked(keys, now);

    const user = await this.dataSource
      .getRepository(User)
      .findOne({ where: { username }, relations: { agency: true } });
    const passwordOk = user
      ? await this.hasher.verify(user.passwordHash, dto.password)
      : await this.hasher.verifyNothing(dto.password);

    if (!user || !passwordOk || !user.active) {
      const reason = !user ? 'unknown_user' : !passwordOk ? 'wrong_password' : 'user_inactive';
      await this.dataSource.transaction((m) =>
        this.recordFailure(m, keys, now, {
          actor: { userId: user?.id ?? null, username, ip: client.ip, userAgent: client.userAgent },
          user,
          reason,
        }),
      );
      throw INVALID_CREDENTIALS();
    }

    const rehashed = this.hasher.needsRehash(user.passwordHash) ? await this.hasher.hash(dto.password) : null;
    return this.dataSource.transaction(async (m) => {
      await m.update(
        User,
        { id: user.id },
        {
          lastSignInAt: now,
          lastSignInIp: client.ip?.slice(0, 64) ?? null,
          ...(rehashed ? { passwordHash: rehashed } : {}),
        },
      );
      await this.throttle.clearAccount(m, username);
      const tokens = await this.sessions.start(m, user.id, client);
      await this.audit.append(m, {
        type: 'auth.sign_in.succeeded',
        actor: actorOf(user, client),
        subject: { type: 'user', id: user.id },
        agencyId: user.agencyId,
        details: { sessionId: tokens.sessionId, mustChangePassword: user.mustChangePassword },
      });
      return { tokens, user: toMeDto(user) };
    });
  }

  /**
   * Rotates a refresh token: it is marked used and a successor issued in the same session. A token
   * that was already used is a stolen copy (or its thief's original): the whole session is revoked.
   */
  async refresh(refreshToken: string | undefined, client: ClientInfo): Promise<SessionResult> {
    if (!refreshToken) throw INVALID_REFRESH();
    const tokenHash = hashRefreshToken(refreshToken);
    const outcome = await this.dataSource.transaction(async (m) => {
      const stored = await m.findOne(RefreshToken, { where: { tokenHash } });
      if (!stored) return { kind: 'invalid' } as const;
      const session = await m.findOneOrFail(AuthSession, {
        where: { id: stored.sessionId },
        relations: { user: { agency: true } },
      });
      const now = this.clock.now();
      // Conditional update: of two concurrent uses of one token, exactly one wins.
      const claimed = await m.update(RefreshToken, { tokenHash, usedAt: IsNull() }, { usedAt: now });
      if (!claimed.affected) {
        if (session.revokedAt === null) {
          await this.sessions.revoke(m, session.id, 'refresh_token_reused');
          await this.audit.append(m, {
            type: 'auth.refresh_token.reused',
            actor: actorOf(session.user, client),
            subject: { type: 'session', id: session.id },
            agencyId: session.user.agencyId,
            details: { sessionId: session.id, firstUsedAt: stored.usedAt?.toISOString() ?? null },
          });
        }
        return { kind: 'reused' } as const;
      }
      if (!this.sessions.isUsable(session, now) || !session.user.active) return { kind: 'invalid' } as const;
      const tokens = await this.sessions.rotate(m, session);
      return { kind: 'ok', result: { tokens, user: toMeDto(session.user) } } as const;
    });
    // Thrown after the transaction: the revocation above must be committed, not rolled back.
    if (outcome.kind !== 'ok') throw INVALID_REFRESH();
    return outcome.result;
  }

  async signOut(user: AuthUser): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      await this.sessions.revoke(m, user.sessionId, 'sign_out');
      await this.audit.append(m, {
        type: 'auth.sign_out',
        actor: actorOf(user, user.client),
        subject: { type: 'session', id: user.sessionId },
        agencyId: user.agencyId,
      });
    });
  }

  /** Replaces the password, ends every sign-in of the user (other devices too) and starts a new one. */
  async changePassword(user: AuthUser, dto: ChangePasswordDto): Promise<SessionResult> {
    const now = this.clock.now();
    const keys = this.throttle.keysFor(user.username, user.client.ip);
    await this.refuseWhileLocked(keys, now);
    const stored = await this.dataSource
      .getRepository(User)
      .findOneOrFail({ where: { id: user.id }, relations: { agency: true } });
    if (!(await this.hasher.verify(stored.passwordHash, dto.currentPassword))) {
      // Counts like a failed sign-in: a stolen session must not become a password-guessing oracle.
      await this.dataSource.transaction((m) =>
        this.recordFailure(m, keys, now, {
          actor: actorOf(user, user.client),
          user: stored,
          reason: 'wrong_current_password',
        }),
      );
      throw DomainError.validation([{ field: 'currentPassword', message: '当前密码不正确' }]);
    }
    const problems = passwordProblems(dto.newPassword, {
      username: stored.username,
      currentPassword: dto.currentPassword,
    });
    if (problems.length > 0) {
      throw DomainError.validation(problems.map((message) => ({ field: 'newPassword', message })));
    }
    const passwordHash = await this.hasher.hash(dto.newPassword);
    return this.dataSource.transaction(async (m) => {
      await m.update(
        User,
        { id: user.id },
        { passwordHash, mustChangePassword: false, passwordChangedAt: now },
      );
      const revoked = await this.sessions.revokeAllOfUser(m, user.id, 'password_changed');
      await this.throttle.clearAccount(m, stored.username);
      const tokens = await this.sessions.start(m, user.id, user.client);
      await this.audit.append(m, {
        type: 'auth.password.changed',
        actor: actorOf(user, user.client),
        subject: { type: 'user', id: user.id },
        agencyId: user.agencyId,
        details: { revokedSessions: revoked, wasInitialPassword: stored.mustChangePassword },
      });
      return { tokens, user: toMeDto({ ...stored, mustChangePassword: false }) };
    });
  }

  async me(user: AuthUser): Promise<MeDto> {
    const stored = await this.dataSource
      .getRepository(User)
      .findOneOrFail({ where: { id: user.id }, relations: { agency: true } });
    return toMeDto(stored);
  }

  private async refuseWhileLocked(keys: ThrottleKeys, now: Date): Promise<void> {
    const waitMs = await this.throttle.lockRemainingMs(keys, now);
    if (waitMs === 0) return;
    const retryAfterSeconds = Math.ceil(waitMs / 1000);
    throw new DomainError(
      'SIGN_IN_THROTTLED',
      `登录失败次数过多，请 ${Math.ceil(retryAfterSeconds / 60)} 分钟后再试，或联系管理员。`,
      { extensions: { retryAfterSeconds } },
    );
  }

  private async recordFailure(
    m: EntityManager,
    keys: ThrottleKeys,
    now: Date,
    event: { actor: AuditActor; user: User | null; reason: string },
  ): Promise<void> {
    const lockedNow = await this.throttle.recordFailure(m, keys, now);
    const common = {
      actor: event.actor,
      subject: event.user ? { type: 'user', id: event.user.id } : undefined,
      agencyId: event.user?.agencyId ?? null,
    };
    await this.audit.append(m, { ...common, type: 'auth.sign_in.failed', details: { reason: event.reason } });
    for (const kind of lockedNow) {
      await this.audit.append(m, { ...common, type: 'auth.sign_in.locked', details: { key: kind } });
    }
  }
}
