import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource, type EntityManager } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { SignInThrottle } from './sign-in-throttle.entity.js';
import {
  accountKey,
  addressKey,
  afterFailure,
  lockRemainingMs,
  throttlePolicy,
  type ThrottlePolicy,
} from './sign-in-throttle.rules.js';

export interface ThrottleKeys {
  readonly account: string;
  readonly address: string;
}

/** Persists the failure counters of sign-in-throttle.rules.ts, shared by all instances. */
@Injectable()
export class SignInThrottleService {
  private readonly policies: Record<keyof ThrottleKeys, ThrottlePolicy>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.policies = {
      account: throttlePolicy(config.authAccountMaxFailures),
      address: throttlePolicy(config.authAddressMaxFailures),
    };
  }

  keysFor(username: string, ip: string | null): ThrottleKeys {
    return { account: accountKey(username), address: addressKey(ip) };
  }

  /** Milliseconds until these keys may try again (the longer of the two locks); 0 when free. */
  async lockRemainingMs(keys: ThrottleKeys, now: Date): Promise<number> {
    const rows = await this.dataSource
      .getRepository(SignInThrottle)
      .findBy({ key: In([keys.account, keys.address]) });
    return Math.max(0, ...rows.map((row) => lockRemainingMs(row, now)));
  }

  /** Counts one failure for both keys; returns the keys this failure locked. */
  async recordFailure(
    manager: EntityManager,
    keys: ThrottleKeys,
    now: Date,
  ): Promise<Array<keyof ThrottleKeys>> {
    const lockedNow: Array<keyof ThrottleKeys> = [];
    for (const kind of ['account', 'address'] as const) {
      const key = keys[kind];
      // Create the row if missing, then lock it: concurrent failures count one after the other.
      await manager
        .createQueryBuilder()
        .insert()
        .into(SignInThrottle)
        .values({ key, failures: 0, windowStartedAt: now, lockedUntil: null })
        .orIgnore()
        .execute();
      const row = await manager.findOneOrFail(SignInThrottle, {
        where: { key },
        lock: { mode: 'pessimistic_write' },
      });
      const { next, lockedNow: locked } = afterFailure(row, this.policies[kind], now);
      await manager.update(SignInThrottle, { key }, next);
      if (locked) lockedNow.push(kind);
    }
    return lockedNow;
  }

  /** A successful sign-in (or an admin's password reset) clears the account's count. */
  async clearAccount(manager: EntityManager, username: string): Promise<void> {
    await manager.delete(SignInThrottle, { key: accountKey(username) });
  }
}
