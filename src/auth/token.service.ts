import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { jwtVerify, SignJWT } from 'jose';
import { Clock } from '../common/clock/clock.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { JwtKeyStore } from './jwt-key.store.js';

const ISSUER = 'gip-desk';
const AUDIENCE = 'gip-desk-api';

export interface AccessTokenClaims {
  readonly userId: string;
  readonly sessionId: string;
}

/**
 * Short-lived access tokens (JWT, HS256, AUTH_ACCESS_TOKEN_MINUTES) naming the user and the session,
 * and opaque refresh tokens (256 random bits) stored only as their SHA-256.
 */
@Injectable()
export class TokenService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly keys: JwtKeyStore,
  ) {}

  async signAccessToken(claims: AccessTokenClaims): Promise<{ token: string; expiresAt: Date }> {
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + this.config.authAccessTokenMinutes * 60_000);
    const token = await new SignJWT({ sid: claims.sessionId })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(claims.userId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(Math.floor(now.getTime() / 1000))
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(await this.keys.get());
    return { token, expiresAt };
  }

  /** The claims of a valid token; null when it is malformed, tampered with, expired or not ours. */
  async verifyAccessToken(token: string): Promise<AccessTokenClaims | null> {
    const key = await this.keys.get(); // outside the try: a database failure is not a bad token
    try {
      const { payload } = await jwtVerify(token, key, {
        algorithms: ['HS256'],
        issuer: ISSUER,
        audience: AUDIENCE,
        currentDate: this.clock.now(),
        requiredClaims: ['sub', 'sid', 'exp', 'iat'],
      });
      if (typeof payload.sub !== 'string' || typeof payload.sid !== 'string') return null;
      return { userId: payload.sub, sessionId: payload.sid };
    } catch {
      return null;
    }
  }

  newRefreshToken(): { token: string; hash: string } {
    const token = `grt_${randomBytes(32).toString('base64url')}`;
    return { token, hash: hashRefreshToken(token) };
  }
}

export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
