import { DataSource } from 'typeorm';
import { User } from '../../src/auth/user.entity.js';
import { agencyId, DEMO_APP, signIn, userNamed, type Session } from '../support/auth.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe('user administration', () => {
  let t: TestApp;
  let admin: Session;
  let zrzyj: string;

  beforeAll(async () => {
    t = await createTestApp(DEMO_APP);
    admin = await signIn(t, 'admin');
    zrzyj = await agencyId(t, 'tc-zrzyj');
  });
  afterAll(() => t.close());

  const createUser = (body: object) => admin.auth(t.http.post('/api/v1/users')).send(body);

  it('creates a user with a generated one-time password, stored only as an argon2id hash', async () => {
    const res = await createUser({
      username: 'Li.Si',
      displayName: '李四',
      agencyId: zrzyj,
      roles: ['handler', 'approver'],
    }).expect(201);
    expect(res.body.user).toMatchObject({
      username: 'li.si',
      agencyName: '郯城县自然资源局',
      roles: ['handler', 'approver'],
      active: true,
      mustChangePassword: true,
      lastSignInAt: null,
      version: 1,
    });
    expect(res.body.temporaryPassword).toEqual(expect.any(String));
    const stored = await t.app.get(DataSource).getRepository(User).findOneByOrFail({ username: 'li.si' });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    expect(stored.passwordHash).not.toContain(res.body.temporaryPassword);
  });

  it('uses a password the admin chose if it satisfies the policy', async () => {
    const weak = await createUser({
      username: 'wang.wu',
      displayName: '王五',
      agencyId: zrzyj,
      roles: ['clerk'],
      temporaryPassword: 'wangwu123',
    }).expect(400);
    expect(weak.body.errors.every((e: { field: string }) => e.field === 'temporaryPassword')).toBe(true);
    const ok = await createUser({
      username: 'wang.wu',
      displayName: '王五',
      agencyId: zrzyj,
      roles: ['clerk'],
      temporaryPassword: 'Chosen#Pass2026',
    }).expect(201);
    expect(ok.body.temporaryPassword).toBeUndefined();
  });

  it.each([
    ['a taken username (any case)', { username: 'ZRZYJ.CLERK', roles: ['clerk'] }, 409, 'USERNAME_TAKEN'],
    [
      'a supervisor outside the supervising office',
      { username: 'sup.x', roles: ['supervisor'] },
      400,
      'VALIDATION_FAILED',
    ],
    [
      'a clerk without agency',
      { username: 'clerk.x', roles: ['clerk'], agencyId: null },
      400,
      'VALIDATION_FAILED',
    ],
    ['an unknown role', { username: 'role.x', roles: ['boss'] }, 400, 'VALIDATION_FAILED'],
    ['no role', { username: 'role.y', roles: [] }, 400, 'VALIDATION_FAILED'],
    ['a Chinese username', { username: '张三', roles: ['clerk'] }, 400, 'VALIDATION_FAILED'],
  ])('refuses %s', async (_label, change, status, code) => {
    const body: Record<string, unknown> = { displayName: '测试', agencyId: zrzyj, ...change };
    if (body.agencyId === null) delete body.agencyId;
    const res = await createUser(body).expect(status);
    expect(res.body.code).toBe(code);
  });

  it('lets an installation admin belong to no agency', async () => {
    const res = await createUser({ username: 'it.admin', displayName: '信息中心', roles: ['admin'] }).expect(
      201,
    );
    expect(res.body.user).toMatchObject({ agencyId: null, roles: ['admin'] });
  });

  it('lists and filters users', async () => {
    const res = await admin
      .auth(t.http.get(`/api/v1/users?agencyId=${zrzyj}&role=clerk&active=true`))
      .expect(200);
    expect(res.body.map((u: { username: string }) => u.username)).toEqual(['wang.wu', 'zrzyj.clerk']);
    const all = await admin.auth(t.http.get('/api/v1/users')).expect(200);
    expect(all.body.length).toBeGreaterThan(20);
  });

  it('never deactivates or demotes the last active admin', async () => {
    const itAdmin = await userNamed(t, 'it.admin');
    await admin
      .auth(t.http.patch(`/api/v1/users/${itAdmin.id}`))
      .send({ version: itAdmin.version, active: false })
      .expect(200);
    const me = await userNamed(t, 'admin');
    const res = await admin
      .auth(t.http.patch(`/api/v1/users/${me.id}`))
      .send({ version: me.version, roles: ['clerk'] })
      .expect(409);
    expect(res.body.code).toBe('LAST_ADMIN');
  });

  it('refuses moving a user into a deactivated agency', async () => {
    const tax = await agencyId(t, 'tc-tax');
    const agency = (await admin.auth(t.http.get(`/api/v1/agencies/${tax}`)).expect(200)).body;
    await admin
      .auth(t.http.patch(`/api/v1/agencies/${tax}`))
      .send({ version: agency.version, active: false })
      .expect(200);
    const user = await userNamed(t, 'jtj.clerk');
    const res = await admin
      .auth(t.http.patch(`/api/v1/users/${user.id}`))
      .send({ version: user.version, agencyId: tax })
      .expect(400);
    expect(res.body.errors).toEqual([
      expect.objectContaining({ field: 'agencyId', message: expect.stringContaining('已停用') }),
    ]);
    // Its own users stay as they are: deactivating an agency retires it for new work only.
    await signIn(t, 'tax.clerk');
  });

  it('audits role and agency changes with before and after', async () => {
    const user = await userNamed(t, 'matou.clerk');
    const jtj = await agencyId(t, 'tc-jtj');
    await admin
      .auth(t.http.patch(`/api/v1/users/${user.id}`))
      .send({ version: user.version, roles: ['clerk', 'handler'], agencyId: jtj })
      .expect(200);
    const res = await admin
      .auth(t.http.get(`/api/v1/audit/events?type=user.updated&subjectId=${user.id}`))
      .expect(200);
    expect(res.body.items[0]).toMatchObject({
      actorUsername: 'admin',
      ip: expect.any(String),
      details: {
        changes: {
          roles: { from: ['clerk'], to: ['clerk', 'handler'] },
          agencyId: { from: user.agencyId, to: jtj },
        },
      },
    });
  });

  it('answers 400 for a malformed id and 404 for an unknown one', async () => {
    await admin.auth(t.http.get('/api/v1/users/123')).expect(400);
    await admin.auth(t.http.get('/api/v1/users/6f1c2a10-0000-4000-8000-000000000000')).expect(404);
  });
});
