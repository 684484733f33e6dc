import { randomUUID } from 'node:crypto';
import { agencyId, as, DEMO_APP, DEMO_PASSWORD, signIn, type AuthedHttp } from '../support/auth.js';
import { registration } from '../support/cases.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

type Problem = { code: string; errors?: Array<{ field: string; message: string; allowed?: string[] }> };

/**
 * Hostile or careless input over real HTTP (review ROBUST #1–#3, #6, #8, #9, #12, #23, #25): every answer
 * is a 400 VALIDATION_FAILED naming the field with one Chinese message, never a 500.
 */
describe('input robustness of the API', () => {
  let t: TestApp;
  let clerk: AuthedHttp;
  let handler: AuthedHttp;
  let admin: AuthedHttp;
  let zrzyj: string;

  beforeAll(async () => {
    t = await createTestApp(DEMO_APP);
    clerk = as(t, await signIn(t, 'zrzyj.clerk'));
    handler = as(t, await signIn(t, 'zrzyj.handler'));
    admin = as(t, await signIn(t, 'admin'));
    zrzyj = await agencyId(t, 'tc-zrzyj');
  });
  afterAll(() => t.close());

  /** The messages of the problem, by field. */
  const messages = (body: Problem): Record<string, string[]> => {
    const out: Record<string, string[]> = {};
    for (const e of body.errors ?? []) (out[e.field] ??= []).push(e.message);
    return out;
  };

  const expect400 = (res: { status: number; body: Problem }, field: string, message: string | RegExp) => {
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    const m = messages(res.body);
    expect(m[field]).toHaveLength(1);
    expect(m[field][0]).toMatch(message);
  };

  const good = registration();
  const UNSAFE = '不能包含控制字符或无效字符';

  describe('control characters and lone surrogates in any string (#1, #6, #23)', () => {
    const someCase = randomUUID();
    it.each<
      [string, () => AuthedHttp, 'post' | 'get' | 'put' | 'patch', () => string, object | undefined, string]
    >([
      [
        'NUL in the applicant’s name',
        () => clerk,
        'post',
        () => '/api/v1/cases',
        { ...good, applicant: { ...good.applicant, name: '张\u0000三' } },
        'applicant.name',
      ],
      [
        'NUL in the information sought',
        () => clerk,
        'post',
        () => '/api/v1/cases',
        { ...good, informationSought: '土地\u0000征收' },
        'informationSought',
      ],
      [
        'a bell in the address',
        () => clerk,
        'post',
        () => '/api/v1/cases',
        { ...good, applicant: { ...good.applicant, address: '地址\u0007' } },
        'applicant.address',
      ],
      [
        'a lone surrogate in the name',
        () => clerk,
        'post',
        () => '/api/v1/cases',
        { ...good, applicant: { ...good.applicant, name: '\ud800' } },
        'applicant.name',
      ],
      [
        'a lone low surrogate in a note',
        () => clerk,
        'post',
        () => '/api/v1/cases',
        { ...good, note: '备注\udc00' },
        'note',
      ],
      [
        'NUL in an item of a list',
        () => clerk,
        'post',
        () => `/api/v1/cases/${someCase}/correction-request`,
        { version: 1, items: ['a\u0000'], deadlineWorkingDays: 10 },
        'items',
      ],
      [
        'NUL deep in a draft',
        () => handler,
        'post',
        () => `/api/v1/cases/${someCase}/draft`,
        { version: 1, outcome: 'disclosed', detail: { providedForm: '纸质\u0000' } },
        'detail.providedForm',
      ],
      ['NUL in the search text', () => clerk, 'get', () => '/api/v1/cases?q=%00', undefined, 'q'],
      [
        'NUL inside the applicant filter',
        () => clerk,
        'get',
        () => '/api/v1/cases?applicant=a%00b',
        undefined,
        'applicant',
      ],
      [
        'NUL in a user’s display name',
        () => admin,
        'post',
        () => '/api/v1/users',
        { username: 'new.user', displayName: '测\u0000试', roles: ['clerk'], agencyId: zrzyj },
        'displayName',
      ],
      [
        'NUL in an agency’s address',
        () => admin,
        'patch',
        () => `/api/v1/agencies/${zrzyj}`,
        { version: 1, officeAddress: 'x\u0000' },
        'officeAddress',
      ],
      [
        'NUL in a local day off',
        () => admin,
        'put',
        () => `/api/v1/calendar/agencies/${zrzyj}/local-days/2026-12-01`,
        { name: 'x\u0000' },
        'name',
      ],
      [
        'NUL in a new password',
        () => clerk,
        'post',
        () => '/api/v1/auth/password',
        { currentPassword: DEMO_PASSWORD, newPassword: 'Abcdefgh1!\u0000x' },
        'newPassword',
      ],
    ])('%s → 400', async (_label, who, method, url, body, field) => {
      const request = who()[method](url());
      const res = body === undefined ? await request : await request.send(body);
      expect400(res, field, UNSAFE);
    });

    it('refuses NUL on the public sign-in before looking anyone up', async () => {
      const res = await t.http.post('/api/v1/auth/sign-in').send({ username: 'a\u0000', password: 'x' });
      expect400(res, 'username', UNSAFE);
    });

    it('reports the other problems of the body at the same time', async () => {
      const res = await clerk
        .post('/api/v1/cases')
        .send({ ...good, informationSought: 'x\u0000', requestedForm: 'fax' });
      expect(messages(res.body)).toMatchObject({ informationSought: [UNSAFE], requestedForm: ['取值无效'] });
    });

    it('still accepts tabs and line breaks in free text', async () => {
      await clerk
        .post('/api/v1/cases')
        .send({ ...good, informationSought: '第一项\t说明\r\n第二项' })
        .expect(201);
    });
  });

  describe('required nested objects missing or of the wrong kind (#2)', () => {
    const { evidence: _e, ...withoutEvidence } = good;
    it.each<[string, object, string, string]>([
      ['no evidence', withoutEvidence, 'evidence', '须填写收件凭证'],
      ['evidence as an array', { ...good, evidence: [] }, 'evidence', '必须是对象'],
      ['applicant as an array', { ...good, applicant: [] }, 'applicant', '必须是对象'],
      ['applicant as a string', { ...good, applicant: '张三' }, 'applicant', '必须是对象'],
      [
        'agent as an array',
        { ...good, applicant: { ...good.applicant, agent: [] } },
        'applicant.agent',
        '必须是对象',
      ],
      [
        'an on-the-spot reply without detail',
        { ...good, onTheSpotReply: { outcome: 'disclosed' } },
        'onTheSpotReply.detail',
        '须填写答复内容',
      ],
      [
        'an on-the-spot reply without outcome',
        { ...good, onTheSpotReply: { detail: {} } },
        'onTheSpotReply.outcome',
        '请选择办理结果',
      ],
    ])('registration with %s → 400', async (_label, body, field, message) => {
      expect400(await clerk.post('/api/v1/cases').send(body), field, message);
    });

    it('lists evidence and applicant for an empty body', async () => {
      const res = await clerk.post('/api/v1/cases').send({}).expect(400);
      expect(messages(res.body)).toMatchObject({
        evidence: ['须填写收件凭证'],
        applicant: ['须填写申请人信息，或选择已登记的申请人'],
        informationSought: ['须写明所申请公开的政府信息（名称或特征描述）'],
        requestedForm: ['请选择一项'],
      });
    });

    it.each<[string, () => AuthedHttp, string, object, string, string]>([
      [
        'a draft without detail',
        () => handler,
        'draft',
        { version: 1, outcome: 'disclosed' },
        'detail',
        '须填写答复内容',
      ],
      [
        'a draft with detail as an array',
        () => handler,
        'draft',
        { version: 1, outcome: 'disclosed', detail: [] },
        'detail',
        '必须是对象',
      ],
      [
        'a correction without evidence',
        () => clerk,
        'correction',
        { version: 1 },
        'evidence',
        '须填写收件凭证',
      ],
    ])('%s → 400', async (_label, who, step, body, field, message) => {
      expect400(await who().post(`/api/v1/cases/${randomUUID()}/${step}`).send(body), field, message);
    });
  });

  describe('query filters and route ids (#3, #9)', () => {
    it('refuses a handler filter that is neither "me" nor a user id', async () => {
      expect400(await clerk.get('/api/v1/cases?handlerId=junk'), 'handlerId', '不是合法的用户 ID');
      await handler.get('/api/v1/cases?handlerId=me').expect(200);
      await clerk.get(`/api/v1/cases?handlerId=${randomUUID()}`).expect(200);
    });

    it.each([
      '/api/v1/cases/abc',
      '/api/v1/cases/abc/events',
      '/api/v1/cases/abc/clock',
      '/api/v1/cases/abc/letters',
    ])('answers %s with a Chinese field message', async (url) => {
      expect400(await clerk.get(url), 'id', '不是有效的编号');
    });

    it.each([
      ['/api/v1/supervision/annual-reports/abc', 'year', '须为四位数的年份'],
      [`/api/v1/cases/${'x'.repeat(8)}/remedies`, 'id', '不是有效的编号'],
    ])('answers %s with a Chinese field message', async (url, field, message) => {
      expect400(await clerk.get(url), field, message);
    });

    it('refuses a reversed receipt-date range rather than listing nothing', async () => {
      const res = await clerk.get('/api/v1/cases?receivedFrom=2026-12-01&receivedTo=2026-01-01');
      expect400(res, 'receivedTo', '结束日期不能早于开始日期');
      await clerk.get('/api/v1/cases?receivedFrom=2026-01-01&receivedTo=2026-01-01').expect(200);
    });

    it('names no internal codes in a refused choice, but gives them to API clients', async () => {
      const res = await clerk.get('/api/v1/cases?channel=pigeon&sort=x');
      expect400(res, 'channel', '取值无效');
      expect400(res, 'sort', '取值无效');
      expect((res.body as Problem).errors?.find((e) => e.field === 'channel')?.allowed).toContain(
        'in_person',
      );
    });
  });

  describe('one relevant message per field (#8, #12)', () => {
    it.each<[string, string, string, string]>([
      ['page=-1', '/api/v1/cases?page=-1', 'page', '不能小于 1'],
      ['page=abc', '/api/v1/cases?page=abc', 'page', '必须是整数'],
      ['page=', '/api/v1/cases?page=', 'page', '不能为空'],
      ['pageSize=1000', '/api/v1/cases?pageSize=1000', 'pageSize', '不能大于 100'],
    ])('%s', async (_label, url, field, message) => {
      expect400(await clerk.get(url), field, message);
    });

    const { informationSought: _i, ...withoutInformation } = good;
    it.each<[string, object, string, string]>([
      [
        'missing information sought',
        withoutInformation,
        'informationSought',
        '须写明所申请公开的政府信息（名称或特征描述）',
      ],
      [
        'information sought of spaces',
        { ...good, informationSought: '     ' },
        'informationSought',
        '须写明所申请公开的政府信息（名称或特征描述）',
      ],
      [
        'an empty name',
        { ...good, applicant: { ...good.applicant, name: '' } },
        'applicant.name',
        '不能为空',
      ],
      [
        'a name of spaces',
        { ...good, applicant: { ...good.applicant, name: '   ' } },
        'applicant.name',
        '不能为空',
      ],
      [
        'a name of ideographic spaces',
        { ...good, applicant: { ...good.applicant, name: '\u3000\u3000' } },
        'applicant.name',
        '不能为空',
      ],
      [
        'a name of a zero-width space',
        { ...good, applicant: { ...good.applicant, name: '\u200B' } },
        'applicant.name',
        '不能为空',
      ],
      [
        'a missing address',
        { ...good, applicant: { ...good.applicant, address: undefined } },
        'applicant.address',
        '不能为空',
      ],
      [
        'a number as the name',
        { ...good, applicant: { ...good.applicant, name: 12 } },
        'applicant.name',
        '必须是文本',
      ],
      [
        'a missing phone',
        { ...good, applicant: { ...good.applicant, phone: undefined } },
        'applicant.phone',
        '不能为空',
      ],
      ['no requested form', { ...good, requestedForm: undefined }, 'requestedForm', '请选择一项'],
    ])('registration with %s → one message', async (_label, body, field, message) => {
      expect400(await clerk.post('/api/v1/cases').send(body), field, message);
    });
  });

  describe('repeated query parameters (#25)', () => {
    it.each([
      ['/api/v1/cases?page=2&page=3', 'page'],
      ['/api/v1/cases?channel=in_person&channel=post_signed', 'channel'],
      ['/api/v1/cases?q=a&q=b', 'q'],
    ])('%s → 参数重复', async (url, field) => {
      expect400(await clerk.get(url), field, '参数重复');
    });

    it('accepts a list parameter given twice', async () => {
      await clerk.get('/api/v1/cases?status=registered&status=investigating').expect(200);
    });
  });
});
