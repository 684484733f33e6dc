/**
 * `npm run bench -- password`: the cost of the sign-in's argon2id verification with the configured
 * parameters (ARGON2_OPTIONS), next to the dummy verification an unknown user gets, and what an
 * access-token check costs on every request. Ratios against the first row: the unknown-user path
 * should be ≈ 1.00 × (same work), the JWT check orders of magnitude cheaper.
 */
import { scrypt } from 'node:crypto';
import { PasswordHasher } from '../../src/auth/password-hasher.js';
import { hashRefreshToken } from '../../src/auth/token.service.js';
import { compare } from './support/compare.js';
import { jwtVerify, SignJWT } from 'jose';

export default async function bench(): Promise<void> {
  const hasher = new PasswordHasher();
  const stored = await hasher.hash('Tancheng@2026');
  await hasher.verifyNothing('warm-up'); // builds the dummy hash once, as the first sign-in does

  await compare(
    'Password verification (one sign-in attempt)',
    { name: 'argon2id verify, wrong password', fn: () => hasher.verify(stored, 'Wrong#Password1') },
    { name: 'argon2id verify, unknown user (dummy)', fn: () => hasher.verifyNothing('Wrong#Password1') },
    {
      name: 'scrypt N=2^15 (Node built-in, for scale)',
      fn: () =>
        new Promise((resolve, reject) =>
          scrypt(
            'Wrong#Password1',
            'salt-16-bytes-xx',
            64,
            { N: 2 ** 15, maxmem: 64 * 1024 * 1024 },
            (e, k) => (e ? reject(e) : resolve(k)),
          ),
        ),
    },
  );

  const key = new TextEncoder().encode('k'.repeat(64));
  const token = await new SignJWT({ sid: 's' })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('u')
    .setIssuer('gip-desk')
    .setAudience('gip-desk-api')
    .setIssuedAt()
    .setExpirationTime('15m')
    .sign(key);
  await compare(
    'Per-request token work',
    { name: 'argon2id verify (for scale)', fn: () => hasher.verify(stored, 'Tancheng@2026') },
    {
      name: 'JWT HS256 verify',
      fn: () => jwtVerify(token, key, { issuer: 'gip-desk', audience: 'gip-desk-api' }),
    },
    {
      name: 'refresh-token SHA-256',
      fn: () => hashRefreshToken('grt_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG'),
    },
  );
}
