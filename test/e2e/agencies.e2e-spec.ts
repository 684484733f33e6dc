import { AgencyUsageRegistry } from '../../src/agencies/agency-usage.registry.js';
import { agencyId, DEMO_APP, signIn, type Session } from '../support/auth.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe('agencies', () => {
  let t: TestApp;
  let admin: Session;
  let govId: string;

  beforeAll(async () => {
    t = await createTestApp(DEMO_APP);
    admin = await signIn(t, 'admin');
    govId = await agencyId(t, 'tc-gov');
  });
  afterAll(() => t.close());

  const create = (body: object) => admin.auth(t.http.post('/api/v1/agencies')).send(body);
  const department = (code: string, extra: object = {}) => ({
    code,
    name: `郯城县${code}局`,
    shortName: `县${code}局`,
    type: 'county_department',
    parentId: govId,
    docNumberPrefix: `郯${code}信复`,
    ...extra,
  });

  it('lists the demo county for any signed-in user, with the derived remedy bodies', async () => {
    const clerk = await signIn(t, 'matou.clerk');
    const res = await clerk.auth(t.http.get('/api/v1/agencies')).expect(200);
    const byCode = Object.fromEntries((res.body as Array<{ code: string }>).map((a) => [a.code, a]));
    expect(byCode['tc-zrzyj']).toMatchObject({
      reconsiderationBodyName: '郯城县人民政府',
      reconsiderationBodyAddress: '山东省临沂市郯城县人民路 100 号',
      reconsiderationBodyDerived: true,
      courtName: '有管辖权的人民法院',
    });
    expect(byCode['tc-gov']).toMatchObject({
      reconsiderationBodyName: '临沂市人民政府',
      reconsiderationBodyDerived: false,
    });
    expect(byCode['tc-tax']).toMatchObject({ reconsiderationBodyName: '国家税务总局临沂市税务局' });
  });

  it('derives the reconsideration body of a new department from its parent (复议法 Art. 24)', async () => {
    const res = await create(department('sj')).expect(201);
    expect(res.body).toMatchObject({
      code: 'sj',
      reconsiderationBodyName: '郯城县人民政府',
      reconsiderationBodyDerived: true,
      active: true,
      version: 1,
    });
    const preview = await admin
      .auth(t.http.get(`/api/v1/agencies/remedy-default?type=town&parentId=${govId}`))
      .expect(200);
    expect(preview.body).toMatchObject({
      derivable: true,
      name: '郯城县人民政府',
      basis: expect.stringContaining('第二十四条'),
    });
  });

  it('requires the body where the rule cannot derive it, and keeps a typed one', async () => {
    const missing = await create({ ...department('hg'), type: 'vertical', parentId: null }).expect(400);
    expect(missing.body.errors).toEqual([
      expect.objectContaining({
        field: 'reconsiderationBodyName',
        message: expect.stringContaining('第二十七条'),
      }),
    ]);
    const typed = await create({
      ...department('hg'),
      type: 'vertical',
      parentId: null,
      reconsiderationBodyName: '临沂海关',
      reconsiderationBodyAddress: '临沂市（演示）',
    }).expect(201);
    expect(typed.body).toMatchObject({
      reconsiderationBodyName: '临沂海关',
      reconsiderationBodyDerived: false,
    });
  });

  it.each([
    ['a department without parent', { parentId: null }, 'parentId'],
    ['a department under a department', { parentId: 'zrzyj' }, 'parentId'],
    ['a bad postcode', { officePostcode: '2761' }, 'officePostcode'],
    ['an unknown type', { type: 'ministry' }, 'type'],
    ['a bad code', { code: 'Has Space' }, 'code'],
  ])('refuses %s', async (_label, change, field) => {
    const body = { ...department('bad'), ...change } as Record<string, unknown>;
    if (body.parentId === 'zrzyj') body.parentId = await agencyId(t, 'tc-zrzyj');
    const res = await create(body).expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('refuses a duplicate code with 409', async () => {
    const res = await create(department('tc-zrzyj')).expect(409);
    expect(res.body.code).toBe('AGENCY_CODE_TAKEN');
  });

  it('keeps derived bodies in step when the county government moves', async () => {
    const gov = (await admin.auth(t.http.get(`/api/v1/agencies/${govId}`)).expect(200)).body;
    await admin
      .auth(t.http.patch(`/api/v1/agencies/${govId}`))
      .send({ version: gov.version, officeAddress: '山东省临沂市郯城县新政务中心' })
      .expect(200);
    const zrzyj = await admin
      .auth(t.http.get(`/api/v1/agencies/${await agencyId(t, 'tc-zrzyj')}`))
      .expect(200);
    expect(zrzyj.body.reconsiderationBodyAddress).toBe('山东省临沂市郯城县新政务中心');
    const tax = await admin.auth(t.http.get(`/api/v1/agencies/${await agencyId(t, 'tc-tax')}`)).expect(200);
    expect(tax.body.reconsiderationBodyAddress).toBe('山东省临沂市（演示地址）'); // typed: untouched
  });

  it('stops deriving once an admin types the body, and derives again on request', async () => {
    const created = (await create(department('tj')).expect(201)).body;
    const typed = await admin
      .auth(t.http.patch(`/api/v1/agencies/${created.id}`))
      .send({ version: created.version, reconsiderationBodyAddress: '县司法局行政复议室' })
      .expect(200);
    expect(typed.body).toMatchObject({
      reconsiderationBodyName: '郯城县人民政府',
      reconsiderationBodyDerived: false,
    });
    const back = await admin
      .auth(t.http.patch(`/api/v1/agencies/${created.id}`))
      .send({ version: typed.body.version, deriveReconsiderationBody: true })
      .expect(200);
    expect(back.body).toMatchObject({
      reconsiderationBodyDerived: true,
      reconsiderationBodyAddress: '山东省临沂市郯城县新政务中心',
    });
  });

  it('refuses a stale version with 409', async () => {
    const created = (await create(department('wj')).expect(201)).body;
    await admin
      .auth(t.http.patch(`/api/v1/agencies/${created.id}`))
      .send({ version: 1, shortName: 'A' })
      .expect(200);
    const res = await admin
      .auth(t.http.patch(`/api/v1/agencies/${created.id}`))
      .send({ version: 1, shortName: 'B' })
      .expect(409);
    expect(res.body.code).toBe('STALE_VERSION');
  });

  it('refuses a type change that would orphan its sub-agencies', async () => {
    const gov = (await admin.auth(t.http.get(`/api/v1/agencies/${govId}`)).expect(200)).body;
    const res = await admin
      .auth(t.http.patch(`/api/v1/agencies/${govId}`))
      .send({ version: gov.version, type: 'vertical' })
      .expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('type');
  });

  it('deletes an unused agency, and refuses one in use with the reasons', async () => {
    const unused = (await create(department('ly')).expect(201)).body;
    await admin.auth(t.http.delete(`/api/v1/agencies/${unused.id}`)).expect(204);
    await admin.auth(t.http.get(`/api/v1/agencies/${unused.id}`)).expect(404);

    const zrzyj = await agencyId(t, 'tc-zrzyj');
    const inUse = await admin.auth(t.http.delete(`/api/v1/agencies/${zrzyj}`)).expect(409);
    expect(inUse.body).toMatchObject({ code: 'AGENCY_IN_USE', usedBy: ['用户'] });
    const withChildren = await admin.auth(t.http.delete(`/api/v1/agencies/${govId}`)).expect(409);
    expect(withChildren.body.usedBy).toEqual(['下级机关', '用户']);
  });

  it('asks the checks other modules register (the cases module will register its cases)', async () => {
    const registry = t.app.get(AgencyUsageRegistry);
    const fresh = (await create(department('cs')).expect(201)).body;
    registry.register({ label: '办理的申请', isUsed: async (_m, id) => id === fresh.id });
    const res = await admin.auth(t.http.delete(`/api/v1/agencies/${fresh.id}`)).expect(409);
    expect(res.body.usedBy).toEqual(['办理的申请']);
    expect(res.body.detail).toContain('请停用');

    const deactivated = await admin
      .auth(t.http.patch(`/api/v1/agencies/${fresh.id}`))
      .send({ version: fresh.version, active: false })
      .expect(200);
    expect(deactivated.body.active).toBe(false);
    const list = await admin.auth(t.http.get('/api/v1/agencies')).expect(200);
    expect(list.body.map((a: { code: string }) => a.code)).not.toContain('cs');
    const all = await admin.auth(t.http.get('/api/v1/agencies?includeInactive=true')).expect(200);
    expect(all.body.map((a: { code: string }) => a.code)).toContain('cs');
  });

  it('answers 400 for a malformed id and 404 for an unknown one', async () => {
    const bad = await admin.auth(t.http.get('/api/v1/agencies/not-a-uuid')).expect(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'id' })]);
    await admin.auth(t.http.get('/api/v1/agencies/6f1c2a10-0000-4000-8000-000000000000')).expect(404);
  });

  it('audits changes with who and what changed', async () => {
    const res = await admin.auth(t.http.get('/api/v1/audit/events?type=agency.updated&limit=50')).expect(200);
    const moved = (
      res.body.items as Array<{ subjectId: string; actorUsername: string; details: Record<string, unknown> }>
    ).find((e) => e.subjectId === govId);
    expect(moved).toMatchObject({
      actorUsername: 'admin',
      details: {
        changes: {
          officeAddress: { from: '山东省临沂市郯城县人民路 100 号', to: '山东省临沂市郯城县新政务中心' },
        },
      },
    });
  });
});
