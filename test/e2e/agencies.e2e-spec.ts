import { AgencyUsageRegistry } from '../../src/agencies/agency-usage.registry.js';
import { agencyId, as, DEMO_APP, signIn, type Session } from '../support/auth.js';
import { Given } from '../support/cases.js';
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

  describe('the remedy profile (复议法 Art. 24; the rule the letters use)', () => {
    const patch = async (code: string, change: object, status: number) => {
      const id = await agencyId(t, code);
      const now = (await admin.auth(t.http.get(`/api/v1/agencies/${id}`)).expect(200)).body;
      return admin
        .auth(t.http.patch(`/api/v1/agencies/${id}`))
        .send({ version: now.version, ...change })
        .expect(status);
    };
    const bodyErrors = (res: { body: { errors: Array<{ field: string; message: string }> } }) =>
      res.body.errors.filter((e) => e.field === 'reconsiderationBodyName').map((e) => e.message);

    it('refuses the superior department as a county department’s body, naming the county government', async () => {
      const res = await patch('tc-zrzyj', { reconsiderationBodyName: '临沂市自然资源和规划局' }, 400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(bodyErrors(res)).toEqual([
        expect.stringMatching(/行政复议法第二十四条.*应为“郯城县人民政府”.*临沂市自然资源和规划局/),
      ]);
      const after = await admin.auth(t.http.get(`/api/v1/agencies/${await agencyId(t, 'tc-zrzyj')}`));
      expect(after.body).toMatchObject({
        reconsiderationBodyName: '郯城县人民政府',
        reconsiderationBodyDerived: true,
      });
    });

    it.each([
      ['a county department', 'tc-zrzyj', '郯城县人民政府或者临沂市自然资源和规划局'],
      ['a county department', 'tc-zrzyj', '临沂市自然资源和规划局、郯城县人民政府'],
      ['a town', 'tc-matou', '郯城县人民政府/临沂市人民政府'],
      [
        'a vertical agency (its body is editable, but one)',
        'tc-tax',
        '国家税务总局临沂市税务局或郯城县人民政府',
      ],
      ['the county government (its body is editable, but one)', 'tc-gov', '临沂市人民政府或者山东省人民政府'],
    ])('refuses two bodies for %s (%s): %s', async (_label, code, name) => {
      const res = await patch(code, { reconsiderationBodyName: name }, 400);
      expect(bodyErrors(res)).toEqual([expect.stringContaining('行政复议机关只能有一个')]);
    });

    it.each([
      ['a vertical agency naming the county government (Art. 27)', 'tc-tax', '郯城县人民政府', '第二十七条'],
      ['the county government naming itself', 'tc-gov', '郯城县人民政府', '不能是本机关自己'],
    ])('refuses %s', async (_label, code, name, message) => {
      const res = await patch(code, { reconsiderationBodyName: name }, 400);
      expect(bodyErrors(res)).toEqual([expect.stringContaining(message)]);
    });

    it('refuses a wrong body for a new department and for a vertical agency retyped as a department', async () => {
      const created = await create(
        department('gh', { reconsiderationBodyName: '临沂市自然资源和规划局' }),
      ).expect(400);
      expect(bodyErrors(created)).toEqual([expect.stringContaining('应为“郯城县人民政府”')]);
      // A vertical agency with its typed superior, retyped as a department without re-deriving: the typed
      // body would stay, and Art. 24 names another.
      const tax = await patch('tc-tax', { type: 'county_department', parentId: govId }, 400);
      expect(bodyErrors(tax)).toEqual([
        expect.stringContaining('应为“郯城县人民政府”，不能写成“国家税务总局临沂市税务局”'),
      ]);
    });

    it('accepts the body the law names, typed with its own address, and keeps vertical bodies editable', async () => {
      const typed = await patch(
        'tc-zrzyj',
        {
          reconsiderationBodyName: '郯城县人民政府',
          reconsiderationBodyAddress: '郯城县人民政府行政复议办公室（县司法局）',
        },
        200,
      );
      expect(typed.body).toMatchObject({
        reconsiderationBodyName: '郯城县人民政府',
        reconsiderationBodyAddress: '郯城县人民政府行政复议办公室（县司法局）',
        reconsiderationBodyDerived: false,
      });
      const back = await patch('tc-zrzyj', { deriveReconsiderationBody: true }, 200);
      expect(back.body).toMatchObject({ reconsiderationBodyDerived: true });
      // Art. 27: the vertical agency's superior is typed; another single body is the admin's call.
      const tax = await patch('tc-tax', { reconsiderationBodyName: '国家税务总局山东省税务局' }, 200);
      expect(tax.body.reconsiderationBodyName).toBe('国家税务总局山东省税务局');
      await patch('tc-tax', { reconsiderationBodyName: '国家税务总局临沂市税务局' }, 200);
      const remedyDefault = await admin
        .auth(t.http.get(`/api/v1/agencies/remedy-default?type=county_department&parentId=${govId}`))
        .expect(200);
      expect(remedyDefault.body).toMatchObject({ derivable: true, fixed: true, name: '郯城县人民政府' });
    });

    it('renames a typed body the law names when the county government is renamed', async () => {
      const dept = (await create(department('rj')).expect(201)).body;
      await admin
        .auth(t.http.patch(`/api/v1/agencies/${dept.id}`))
        .send({ version: dept.version, reconsiderationBodyAddress: '县司法局' })
        .expect(200);
      await patch('tc-gov', { name: '郯城县人民政府（新）' }, 200);
      try {
        const moved = await admin.auth(t.http.get(`/api/v1/agencies/${dept.id}`)).expect(200);
        expect(moved.body).toMatchObject({
          reconsiderationBodyName: '郯城县人民政府（新）',
          reconsiderationBodyAddress: '县司法局',
          reconsiderationBodyDerived: false,
        });
      } finally {
        await patch('tc-gov', { name: '郯城县人民政府' }, 200);
      }
    });

    it('shows the finding instead of a letter without remedy when a stored profile is invalid', async () => {
      const zrzyj = await agencyId(t, 'tc-zrzyj');
      const c = await new Given(t).caseIn(zrzyj, 'approved');
      const approver = as(t, await signIn(t, 'zrzyj.approver'));
      const html = () => approver.get(`/api/v1/cases/${c.id}/letter-drafts/reply/html`);
      expect((await html().expect(200)).text).toContain('样稿（未出具）');
      // Stored before saving checked it: the letters refuse it at issue time, and the preview says why.
      await t.dataSource.query(
        `UPDATE agency SET reconsideration_body_name = '临沂市自然资源和规划局', reconsideration_body_derived = false WHERE id = $1`,
        [zrzyj],
      );
      try {
        const refused = await html().expect(409);
        expect(refused.headers['content-type']).toBe('text/html; charset=utf-8');
        expect(refused.text).not.toContain('样稿（未出具）');
        expect(refused.text).toContain('无法生成救济途径告知');
        expect(refused.text).toContain(
          '本机关的行政复议机关应为“郯城县人民政府”，不能写成“临沂市自然资源和规划局”',
        );
        expect(refused.text).toContain('《行政复议法》第二十条第三款');
        const pdf = await approver.get(`/api/v1/cases/${c.id}/letter-drafts/reply/pdf`).expect(409);
        expect(pdf.body).toMatchObject({
          code: 'LETTER_REMEDY_PROFILE_INVALID',
          findings: expect.arrayContaining([expect.objectContaining({ code: 'REMEDY_BODY_INVALID' })]),
        });
        const draft = await approver.get(`/api/v1/cases/${c.id}/letter-drafts/reply`).expect(200);
        expect(draft.body.errors.map((f: { code: string }) => f.code)).toEqual([
          'REMEDY_BODY_INVALID',
          'REMEDY_MISSING',
        ]);
        const clerk = as(t, await signIn(t, 'zrzyj.clerk'));
        const reply = await clerk
          .post(`/api/v1/cases/${c.id}/reply`)
          .send({ version: c.version, repliedOn: '2026-11-27' })
          .expect(409);
        expect(reply.body.code).toBe('LETTER_PRE_ISSUE_FAILED');
        // The two-body form, stored the same way, is shown the same way.
        await t.dataSource.query(
          `UPDATE agency SET reconsideration_body_name = '临沂市自然资源和规划局或者郯城县人民政府' WHERE id = $1`,
          [zrzyj],
        );
        expect((await html().expect(409)).text).toContain('行政复议机关只能有一个');
      } finally {
        await t.dataSource.query(
          `UPDATE agency SET reconsideration_body_name = '郯城县人民政府', reconsideration_body_derived = true WHERE id = $1`,
          [zrzyj],
        );
      }
      expect((await html().expect(200)).text).toContain('样稿（未出具）');
    });
  });
});
