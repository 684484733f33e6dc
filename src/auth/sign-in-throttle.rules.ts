/**
 * Throttling of failed sign-ins (GB/T 22239-2019 8.1.4.1: 登录失败处理功能). Counted separately per
 * account (guessing one user's password) and per client address (trying many accounts): after
 * `maxFailures` failures within the window, that key is locked for `lockMs`. While locked, sign-in is
 * refused without checking the password, so guessing stops working; the lock ends by itself.
 * Keys do not depend on whether the account exists, so a lock reveals nothing about it.
 */
export interface ThrottlePolicy {
  readonly maxFailures: number;
  readonly windowMs: number;
  readonly lockMs: number;
}

export interface ThrottleState {
  readonly failures: number;
  readonly windowStartedAt: Date;
  readonly lockedUntil: Date | null;
}

const FIFTEEN_MINUTES = 15 * 60 * 1000;

export function throttlePolicy(maxFailures: number): ThrottlePolicy {
  return { maxFailures, windowMs: FIFTEEN_MINUTES, lockMs: FIFTEEN_MINUTES };
}

/** Milliseconds until the key may try again; 0 when it is not locked. */
export function lockRemainingMs(state: ThrottleState | null, now: Date): number {
  if (!state?.lockedUntil) return 0;
  return Math.max(0, state.lockedUntil.getTime() - now.getTime());
}

/** The state after one more failure, and whether that failure locked the key. */
export function afterFailure(
  state: ThrottleState | null,
  policy: ThrottlePolicy,
  now: Date,
): { readonly next: ThrottleState; readonly lockedNow: boolean } {
  const expired =
    !state ||
    now.getTime() - state.windowStartedAt.getTime() >= policy.windowMs ||
    (state.lockedUntil !== null && state.lockedUntil.getTime() <= now.getTime());
  const failures = expired ? 1 : state.failures + 1;
  const windowStartedAt = expired ? now : state.windowStartedAt;
  if (failures >= policy.maxFailures) {
    return {
      next: { failures, windowStartedAt, lockedUntil: new Date(now.getTime() + policy.lockMs) },
      lockedNow: true,
    };
  }
  return { next: { failures, windowStartedAt, lockedUntil: null }, lockedNow: false };
}

export const accountKey = (username: string) => `account:${username}`;
export const addressKey = (ip: string | null) => `address:${ip ?? 'unknown'}`;
