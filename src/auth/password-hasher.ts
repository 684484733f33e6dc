import { randomInt } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { hash, parseOptions, verify, type Options } from '@node-rs/argon2';
import { passwordProblems } from './password-policy.rules.js';

/**
 * argon2id (the package's default algorithm) with OWASP's first recommended setting: 19 MiB, 2 passes,
 * 1 lane — about 15 ms per verification on the project's 2-core machines (npm run bench -- password).
 */
export const ARGON2_OPTIONS: Readonly<Options> = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/** Memory-hard password hashing, and the same work for unknown users so timing does not tell them apart. */
@Injectable()
export class PasswordHasher {
  private dummyHash?: Promise<string>;

  hash(password: string): Promise<string> {
    return hash(password, ARGON2_OPTIONS);
  }

  /** False (never an exception) for a wrong password or a malformed stored hash. */
  async verify(storedHash: string, password: string): Promise<boolean> {
    try {
      return await verify(storedHash, password);
    } catch {
      return false;
    }
  }

  /**
   * Verifies against a hash of a random password, always false: called when the username is unknown,
   * so that "no such user" costs the same argon2 work as "wrong password".
   */
  async verifyNothing(password: string): Promise<false> {
    this.dummyHash ??= this.hash(`unknown-user-${randomInt(2 ** 47)}`);
    await this.verify(await this.dummyHash, password);
    return false;
  }

  /** The stored hash was made with other parameters than today's: replace it at the next sign-in. */
  needsRehash(storedHash: string): boolean {
    try {
      const o = parseOptions(storedHash);
      return (
        o.algorithm !== 2 /* argon2id */ ||
        o.memoryCost !== ARGON2_OPTIONS.memoryCost ||
        o.timeCost !== ARGON2_OPTIONS.timeCost ||
        o.parallelism !== ARGON2_OPTIONS.parallelism
      );
    } catch {
      return true;
    }
  }
}

const TEMPORARY_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

/**
 * A one-time password an admin hands over (16 random characters from an alphabet without look-alikes,
 * in four groups: about 90 bits). It always satisfies the password policy.
 */
export function generateTemporaryPassword(): string {
  for (;;) {
    const groups = Array.from({ length: 4 }, () =>
      Array.from({ length: 4 }, () => TEMPORARY_ALPHABET[randomInt(TEMPORARY_ALPHABET.length)]).join(''),
    );
    const candidate = groups.join('-');
    if (passwordProblems(candidate).length === 0) return candidate;
  }
}
