import { jest } from '@jest/globals';
import { createHmac } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditEvent } from '../../src/audit/audit-event.entity.js';
import { PasswordHasher } from '../../src/auth/password-hasher.js';
import { User } from '../../src/auth/user.entity.js';
import { DEMO_APP, DEMO_PASSWORD, sessionFrom, signIn, userNamed } from '../support/auth.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const ME = '/api/v1/auth/me';

describe('sign-in, tokens and sessions', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp(DEMO_APP);
  });
  afterAll(() => t.close());

  const events = (type: string) =>
    t.app
      .get(DataSource)
      .getRepository(AuditEvent)
      .find({ where: { type }, order: { id: 'ASC' } });

  describe('sign-in', () => {
    it('returns a session for the right password, usable as a bearer token', async () => {
      const res = await t.http
        .post('/api/v1/auth/sign-in')
        .set('User-Agent', 'e2e-agent')
        .send({ username: 'ZRZYJ.Clerk', password: DEMO_PASSWORD })
        .expect(200);
      expect(res.body).toMatchObject({
        tokenType: 'Bearer',
        accessToken: expect.any(String),
        refreshToken: expect.stringMatching(/^grt_/),
        user: {
          username: 'zrzyj.clerk',
          roles: ['clerk'],
          agencyName: '郯城县自然资源局',
          mustChangePassword: false,
        },
      });
      // 15 minutes from the test clock's "now", the session 12 hours.
      expect(res.body.accessTokenExpiresAt).toBe('2026-11-27T02:15:00.000Z');
      expect(res.body.sessionExpiresAt).toBe('2026-11-27T14:00:00.000Z');
      await t.http.get(ME).set('Authorization', `Bearer ${res.body.accessToken}`).expect(200);

      const user = await userNamed(t, 'zrzyj.clerk');
      expect(user.lastSignInAt?.toISOString()).toBe('2026-11-27T02:00:00.000Z');
      const [event] = (await events('auth.sign_in.succeeded')).filter((e) => e.actorUserId === user.id);
      expect(event).toMatchObject({
        actorUsername: 'zrzyj.clerk',
        userAgent: 'e2e-agent',
        ip: expect.any(String),
      });
    });

    it.each([
      ['an unknown user', 'nobody.here', DEMO_PASSWORD],
      ['a wrong password', 'zrzyj.handler', 'Wrong#Password1'],
    ])('answers %s with the same 401', async (_label, username, password) => {
      const res = await t.http.post('/api/v1/auth/sign-in').send({ username, password }).expect(401);
      expect(res.body).toMatchObject({ code: 'INVALID_CREDENTIALS', detail: '用户名或密码错误。' });
    });

    it('does the same argon2 work for an unknown user as for a wrong password', async () => {
      const hasher = t.app.get(PasswordHasher);
      const verify = jest.spyOn(hasher, 'verify');
      try {
        await t.http
          .post('/api/v1/auth/sign-in')
          .send({ username: 'no.such.user', password: 'x' })
          .expect(401);
        const unknownUser = verify.mock.calls.length;
        verify.mockClear();
        await t.http
          .post('/api/v1/auth/sign-in')
          .send({ username: 'jtj.approver', password: 'x' })
          .expect(401);
        expect(unknownUser).toBe(1);
        expect(verify.mock.calls.length).toBe(1);
        // The unknown user was checked against a real argon2id hash, not skipped.
        expect(String(verify.mock.calls[0][0])).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      } finally {
        verify.mockRestore();
      }
    });

    it('records failures with the reason, for the admin only', async () => {
      const failures = await events('auth.sign_in.failed');
      expect(failures.map((e) => e.details.reason)).toEqual(
        expect.arrayContaining(['unknown_user', 'wrong_password']),
      );
      expect(failures.find((e) => e.details.reason === 'unknown_user')).toMatchObject({
        actorUserId: null,
        actorUsername: 'nobody.here',
      });
    });

    it('refuses a deactivated user with the same 401, even with the right password', async () => {
      await t.app.get(DataSource).getRepository(User).update({ username: 'tax.approver' }, { active: false });
      const res = await t.http
        .post('/api/v1/auth/sign-in')
        .send({ username: 'tax.approver', password: DEMO_PASSWORD })
        .expect(401);
      expect(res.body.code).toBe('INVALID_CREDENTIALS');
    });

    it('validates the body', async () => {
      const res = await t.http.post('/api/v1/auth/sign-in').send({ username: 'x' }).expect(400);
      expect(res.body.errors).toEqual(
        expect.arrayContaining([expect.objectContaining({ field: 'password' })]),
      );
    });
  });

  describe('access tokens', () => {
    it.each([
      ['no token', undefined],
      ['a malformed header', 'Token abc'],
      ['garbage', 'Bearer not-a-jwt'],
    ])('answer 401 for %s', async (_label, header) => {
      const request = t.http.get(ME);
      const res = await (header ? request.set('Authorization', header) : request).expect(401);
      expect(res.body.code).toBe('UNAUTHENTICATED');
    });

    it('refuse a token whose payload was changed', async () => {
      const admin = await signIn(t, 'admin');
      const clerk = await signIn(t, 'matou.clerk');
      const [header, , signature] = clerk.accessToken.split('.');
      const adminPayload = admin.accessToken.split('.')[1];
      await t.http.get(ME).set('Authorization', `Bearer ${header}.${adminPayload}.${signature}`).expect(401);
    });

    it('refuse a token signed with another key, or with alg none', async () => {
      const clerk = await signIn(t, 'matou.handler');
      const [, payload] = clerk.accessToken.split('.');
      const hs = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
      const forged = createHmac('sha256', 'guessed-secret').update(`${hs}.${payload}`).digest('base64url');
      await t.http.get(ME).set('Authorization', `Bearer ${hs}.${payload}.${forged}`).expect(401);
      const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
      await t.http.get(ME).set('Authorization', `Bearer ${none}.${payload}.`).expect(401);
    });

    it('expire after 15 minutes; the refresh token then gives new ones', async () => {
      const session = await signIn(t, 'matou.approver');
      t.clock.advance(15 * 60_000 + 1000);
      try {
        await session.auth(t.http.get(ME)).expect(401);
        const res = await t.http
          .post('/api/v1/auth/refresh')
          .send({ refreshToken: session.refreshToken })
          .expect(200);
        expect(res.body.refreshToken).not.toBe(session.refreshToken);
        await sessionFrom(res.body).auth(t.http.get(ME)).expect(200);
      } finally {
        t.clock.advance(-(15 * 60_000 + 1000));
      }
    });

    it('the session ends after 12 hours, however often it is refreshed', async () => {
      const session = await signIn(t, 'zjj.clerk');
      t.clock.advance(12 * 3_600_000);
      try {
        const res = await t.http
          .post('/api/v1/auth/refresh')
          .send({ refreshToken: session.refreshToken })
          .expect(401);
        expect(res.body.code).toBe('REFRESH_TOKEN_INVALID');
      } finally {
        t.clock.advance(-12 * 3_600_000);
      }
    });
  });

  describe('refresh-token rotation', () => {
    it('issues a new pair and makes the old refresh token single-use', async () => {
      const first = await signIn(t, 'zjj.handler');
      const second = await t.http
        .post('/api/v1/auth/refresh')
        .send({ refreshToken: first.refreshToken })
        .expect(200);
      const next = sessionFrom(second.body);
      await next.auth(t.http.get(ME)).expect(200);

      // The old token comes back (a thief's copy, or the thief holds the new one): the family is revoked.
      const reuse = await t.http
        .post('/api/v1/auth/refresh')
        .send({ refreshToken: first.refreshToken })
        .expect(401);
      expect(reuse.body.code).toBe('REFRESH_TOKEN_INVALID');
      await t.http.post('/api/v1/auth/refresh').send({ refreshToken: next.refreshToken }).expect(401);
      await next.auth(t.http.get(ME)).expect(401);
      await first.auth(t.http.get(ME)).expect(401);

      const [event] = await events('auth.refresh_token.reused');
      expect(event).toMatchObject({ actorUsername: 'zjj.handler', subjectType: 'session' });
    });

    it('lets exactly one of two concurrent uses win, then revokes the family', async () => {
      const session = await signIn(t, 'zjj.approver');
      const results = await Promise.all(
        [1, 2].map(() => t.http.post('/api/v1/auth/refresh').send({ refreshToken: session.refreshToken })),
      );
      expect(results.map((r) => r.status).sort()).toEqual([200, 401]);
      const winner = results.find((r) => r.status === 200)?.body as { accessToken: string };
      await t.http.get(ME).set('Authorization', `Bearer ${winner.accessToken}`).expect(401);
    });

    it('answers an unknown or missing refresh token with 401', async () => {
      await t.http.post('/api/v1/auth/refresh').send({ refreshToken: 'grt_made-up' }).expect(401);
      await t.http.post('/api/v1/auth/refresh').send({}).expect(401);
    });
  });

  describe('sign-out', () => {
    it('ends the session: its access and refresh tokens stop working at once', async () => {
      const session = await signIn(t, 'gov.clerk');
      const other = await signIn(t, 'gov.clerk');
      await session.auth(t.http.post('/api/v1/auth/sign-out')).expect(204);
      await session.auth(t.http.get(ME)).expect(401);
      await t.http.post('/api/v1/auth/refresh').send({ refreshToken: session.refreshToken }).expect(401);
      await other.auth(t.http.get(ME)).expect(200); // another device stays signed in
      expect((await events('auth.sign_out')).length).toBeGreaterThan(0);
    });
  });

  describe('cookies (the web console)', () => {
    const cookies = (res: { headers: Record<string, unknown> }) => res.headers['set-cookie'] as string[];
    const jar = (set: string[]) => set.map((c) => c.split(';')[0]).join('; ');

    it('carries the tokens only in httpOnly SameSite=Strict cookies', async () => {
      const res = await t.http
        .post('/api/v1/auth/sign-in')
        .send({ username: 'gov.handler', password: DEMO_PASSWORD, transport: 'cookie' })
        .expect(200);
      expect(res.body.accessToken).toBeUndefined();
      expect(res.body.refreshToken).toBeUndefined();
      const set = cookies(res);
      expect(set).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^gip_access=.+; Max-Age=900; Path=\/; .*HttpOnly; SameSite=Strict/),
          expect.stringMatching(
            /^gip_refresh=grt_.+; Max-Age=43200; Path=\/api\/v1\/auth; .*HttpOnly; SameSite=Strict/,
          ),
        ]),
      );
      expect(set.join()).not.toContain('Secure'); // AUTH_COOKIE_SECURE defaults to false outside production

      const me = await t.http.get(ME).set('Cookie', jar(set)).expect(200);
      expect(me.body.username).toBe('gov.handler');

      const refreshed = await t.http.post('/api/v1/auth/refresh').set('Cookie', jar(set)).expect(200);
      expect(refreshed.body.refreshToken).toBeUndefined();
      const next = jar(cookies(refreshed));
      expect(next).not.toBe(jar(set));

      const out = await t.http.post('/api/v1/auth/sign-out').set('Cookie', next).expect(204);
      expect(cookies(out).join()).toMatch(/gip_access=;.*Expires=Thu, 01 Jan 1970/);
      await t.http.get(ME).set('Cookie', next).expect(401);
    });

    it('prefers the Authorization header when both are present', async () => {
      const res = await t.http
        .post('/api/v1/auth/sign-in')
        .send({ username: 'gov.approver', password: DEMO_PASSWORD, transport: 'cookie' })
        .expect(200);
      await t.http
        .get(ME)
        .set('Cookie', jar(cookies(res)))
        .set('Authorization', 'Bearer bad')
        .expect(401);
    });
  });

  describe('password change', () => {
    it('is forced for an admin-set password, then ends every old session', async () => {
      const admin = await signIn(t, 'admin');
      const created = await admin
        .auth(t.http.post('/api/v1/users'))
        .send({
          username: 'new.clerk',
          displayName: '新登记员',
          agencyId: (await userNamed(t, 'jtj.clerk')).agencyId,
          roles: ['clerk'],
        })
        .expect(201);
      const temporary = created.body.temporaryPassword as string;
      expect(temporary).toMatch(/^[A-Za-z0-9]{4}(-[A-Za-z0-9]{4}){3}$/);

      const signed = await t.http
        .post('/api/v1/auth/sign-in')
        .send({ username: 'new.clerk', password: temporary })
        .expect(200);
      expect(signed.body.user.mustChangePassword).toBe(true);
      const pending = sessionFrom(signed.body);
      const blocked = await pending.auth(t.http.get('/api/v1/agencies')).expect(403);
      expect(blocked.body.code).toBe('PASSWORD_CHANGE_REQUIRED');
      await pending.auth(t.http.get(ME)).expect(200);

      const weak = await pending
        .auth(t.http.post('/api/v1/auth/password'))
        .send({ currentPassword: temporary, newPassword: 'short' })
        .expect(400);
      expect(weak.body.errors.map((e: { field: string }) => e.field)).toEqual(
        expect.arrayContaining(['newPassword']),
      );
      const wrong = await pending
        .auth(t.http.post('/api/v1/auth/password'))
        .send({ currentPassword: 'Not#The1Password', newPassword: 'Brand#New2026' })
        .expect(400);
      expect(wrong.body.errors).toEqual([expect.objectContaining({ field: 'currentPassword' })]);

      const changed = await pending
        .auth(t.http.post('/api/v1/auth/password'))
        .send({ currentPassword: temporary, newPassword: 'Brand#New2026' })
        .expect(200);
      expect(changed.body.user.mustChangePassword).toBe(false);
      await pending.auth(t.http.get(ME)).expect(401);
      await t.http.post('/api/v1/auth/refresh').send({ refreshToken: pending.refreshToken }).expect(401);
      await sessionFrom(changed.body).auth(t.http.get('/api/v1/agencies')).expect(200);
      await t.http
        .post('/api/v1/auth/sign-in')
        .send({ username: 'new.clerk', password: temporary })
        .expect(401);
      await signIn(t, 'new.clerk', 'Brand#New2026');
      expect(await events('auth.password.changed')).toEqual([
        expect.objectContaining({
          actorUsername: 'new.clerk',
          details: { revokedSessions: 1, wasInitialPassword: true },
        }),
      ]);
    });
  });

  describe('deactivation and role changes by an admin', () => {
    it('take effect on the next request of an already signed-in user', async () => {
      const admin = await signIn(t, 'admin');
      const user = await signIn(t, 'tax.clerk');
      const stored = await userNamed(t, 'tax.clerk');
      await user.auth(t.http.get('/api/v1/agencies')).expect(200);

      await admin
        .auth(t.http.patch(`/api/v1/users/${stored.id}`))
        .send({ version: stored.version, roles: ['handler'] })
        .expect(200);
      const me = await user.auth(t.http.get(ME)).expect(200);
      expect(me.body.roles).toEqual(['handler']);

      await admin
        .auth(t.http.patch(`/api/v1/users/${stored.id}`))
        .send({ version: stored.version + 1, active: false })
        .expect(200);
      await user.auth(t.http.get(ME)).expect(401);
      await t.http.post('/api/v1/auth/refresh').send({ refreshToken: user.refreshToken }).expect(401);
      const [event] = (await events('user.updated')).filter(
        (e) => e.subjectId === stored.id && e.details.changes && 'active' in (e.details.changes as object),
      );
      expect(event.details).toMatchObject({
        changes: { active: { from: true, to: false } },
        revokedSessions: 1,
      });
    });
  });
});

describe('sign-in throttling', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({
      ...DEMO_APP,
      env: {
        ...DEMO_APP.env,
        TRUST_PROXY: 'loopback',
        AUTH_ACCOUNT_MAX_FAILURES: '3',
        AUTH_ADDRESS_MAX_FAILURES: '5',
      },
    });
  });
  afterAll(() => t.close());

  const attempt = (username: string, password: string, address: string) =>
    t.http.post('/api/v1/auth/sign-in').set('X-Forwarded-For', address).send({ username, password });

  it('locks an account after 3 failures, even for the right password, for 15 minutes', async () => {
    for (let i = 0; i < 3; i++) await attempt('zrzyj.clerk', 'Wrong#Pass1', `10.0.0.${i + 1}`).expect(401);
    const locked = await attempt('zrzyj.clerk', DEMO_PASSWORD, '10.0.1.1').expect(429);
    expect(locked.body).toMatchObject({ code: 'SIGN_IN_THROTTLED', retryAfterSeconds: 900 });
    expect(locked.headers['retry-after']).toBe('900');
    await attempt('zrzyj.handler', DEMO_PASSWORD, '10.0.1.1').expect(200); // other accounts are not affected

    t.clock.advance(15 * 60_000);
    try {
      await attempt('zrzyj.clerk', DEMO_PASSWORD, '10.0.1.1').expect(200);
    } finally {
      t.clock.advance(-15 * 60_000);
    }
  });

  it('locks the same way for a username that does not exist (nothing to learn from a lock)', async () => {
    for (let i = 0; i < 3; i++) await attempt('ghost.user', 'Wrong#Pass1', `10.0.2.${i + 1}`).expect(401);
    await attempt('ghost.user', 'Wrong#Pass1', '10.0.2.9').expect(429);
  });

  it('locks an address that tries many accounts', async () => {
    for (const name of ['a1', 'a2', 'a3', 'a4', 'a5'])
      await attempt(name, 'Wrong#Pass1', '10.9.9.9').expect(401);
    await attempt('jtj.clerk', DEMO_PASSWORD, '10.9.9.9').expect(429);
    await attempt('jtj.clerk', DEMO_PASSWORD, '10.9.9.10').expect(200);
  });

  it('is lifted by an admin password reset', async () => {
    for (let i = 0; i < 3; i++) await attempt('jtj.handler', 'Wrong#Pass1', `10.0.3.${i + 1}`).expect(401);
    await attempt('jtj.handler', DEMO_PASSWORD, '10.0.3.9').expect(429);
    const admin = await signIn(t, 'admin');
    const user = await userNamed(t, 'jtj.handler');
    const reset = await admin
      .auth(t.http.post(`/api/v1/users/${user.id}/password-reset`))
      .send({ temporaryPassword: 'Reset#Pass2026' })
      .expect(200);
    expect(reset.body.temporaryPassword).toBeUndefined();
    expect(reset.body.user.mustChangePassword).toBe(true);
    await attempt('jtj.handler', 'Reset#Pass2026', '10.0.3.9').expect(200);
  });

  it('audits the lock', async () => {
    const locks = await t.app
      .get(DataSource)
      .getRepository(AuditEvent)
      .findBy({ type: 'auth.sign_in.locked' });
    expect(locks.map((e) => e.details.key)).toEqual(expect.arrayContaining(['account', 'address']));
    expect(locks[0].ip).toMatch(/^10\./);
  });
});
