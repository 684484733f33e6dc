import fs from 'node:fs';
import path from 'node:path';
import { GUARDS_METADATA } from '@nestjs/common/constants.js';
import type { Response } from 'supertest';
import { DataSource } from 'typeorm';
import { ConsoleCsrfGuard } from '../../src/console/console-csrf.js';
import { ConsoleModule } from '../../src/console/console.module.js';
import { consoleTemplatesDir } from '../../src/console/console-views.js';
import { IssuedLetter } from '../../src/letters/issued-letter.entity.js';
import { RemedyRecord } from '../../src/supervision/remedy-record.entity.js';
import { agencyId, as, DEMO_APP, DEMO_PASSWORD, signIn as apiSignIn } from '../support/auth.js';
import { Given } from '../support/cases.js';
import { binary } from '../support/supervision.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** A browser's cookie jar, enough for these tests. */
class Jar {
  private readonly cookies = new Map<string, string>();

  take(res: Response): this {
    for (const line of ([] as string[]).concat(res.headers['set-cookie'] ?? [])) {
      const [pair] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at);
      const value = pair.slice(at + 1);
      if (value === '' || /Expires=Thu, 01 Jan 1970/.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return this;
  }

  get header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  has(name: string): boolean {
    return this.cookies.has(name);
  }
}

const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

describe('web console over HTTP', () => {
  let t: TestApp;
  let given: Given;
  let zrzyj: string;

  beforeAll(async () => {
    t = await createTestApp(DEMO_APP);
    given = new Given(t);
    zrzyj = await agencyId(t, 'tc-zrzyj');
  });
  afterAll(() => t.close());

  /** A form posted as the browser of a signed-in user sends it. */
  const postForm = (jar: Jar, url: string, body: object) =>
    t.http.post(url).set('Cookie', jar.header).type('form').send(body);

  /** Signs in through the sign-in form, as a browser does. */
  async function signIn(username: string): Promise<{ jar: Jar; csrf: string }> {
    const jar = new Jar();
    const page = await t.http.get('/sign-in');
    jar.take(page);
    const res = await postForm(jar, '/sign-in', {
      _csrf: csrfOf(page.text),
      username,
      password: DEMO_PASSWORD,
      next: '/',
    });
    expect(res.status).toBe(303);
    jar.take(res);
    const home = await t.http.get(res.headers.location as string).set('Cookie', jar.header);
    jar.take(home);
    return { jar, csrf: csrfOf(home.text) };
  }

  it('sends a signed-out user to the sign-in page and back to the page asked for', async () => {
    const res = await t.http.get('/my-cases?x=1');
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/sign-in?next=%2Fmy-cases%3Fx%3D1');
    // An access cookie that no longer works: the page says the sign-in timed out.
    const stale = await t.http.get('/case-list').set('Cookie', 'gip_access=expired.token.here');
    expect(stale.headers.location).toBe('/sign-in?next=%2Fcase-list&expired=1');
    // htmx requests are told where to go rather than redirected silently.
    const htmx = await t.http.get('/register/checks').set('HX-Request', 'true');
    expect(htmx.headers['hx-redirect']).toMatch(/^\/sign-in\?next=/);
  });

  it('signs in with the form into httpOnly SameSite=Strict cookies, and goes to the role’s first page', async () => {
    const page = await t.http.get('/sign-in');
    const jar = new Jar().take(page);
    const res = await postForm(jar, '/sign-in', {
      _csrf: csrfOf(page.text),
      username: 'zrzyj.handler',
      password: DEMO_PASSWORD,
      next: '/',
    });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/my-cases');
    const access = ([] as string[])
      .concat(res.headers['set-cookie'] ?? [])
      .find((c) => c.startsWith('gip_access='));
    expect(access).toMatch(/HttpOnly/);
    expect(access).toMatch(/SameSite=Strict/);
    // A next page elsewhere is never followed.
    const evil = await postForm(jar, '/sign-in', {
      _csrf: csrfOf(page.text),
      username: 'zrzyj.handler',
      password: DEMO_PASSWORD,
      next: '//evil.example',
    });
    expect(evil.headers.location).toBe('/my-cases');
  });

  it('tells a wrong password in Chinese and keeps the user name', async () => {
    const page = await t.http.get('/sign-in');
    const jar = new Jar().take(page);
    const res = await postForm(jar, '/sign-in', {
      _csrf: csrfOf(page.text),
      username: 'zrzyj.clerk',
      password: 'wrong-password',
      next: '/',
    });
    expect(res.status).toBe(401);
    expect(res.text).toContain('用户名或密码错误');
    expect(res.text).toContain('value="zrzyj.clerk"');
  });

  it('refuses a form without its CSRF token, or with another session’s, and changes nothing', async () => {
    const { jar } = await signIn('zrzyj.clerk');
    const other = await signIn('jtj.clerk');
    const count = async () =>
      Number((await t.app.get(DataSource).query('SELECT count(*) FROM disclosure_case'))[0].count);
    const before = await count();
    const form = { 'evidence.channel': 'in_person', 'evidence.in_person.submittedOn': '2026-11-27' };
    const missing = await postForm(jar, '/register', form);
    expect(missing.status).toBe(403);
    expect(missing.headers['content-type']).toMatch(/text\/html/);
    expect(missing.text).toContain('页面已过期或来源不明');
    const foreign = await postForm(jar, '/register', { ...form, _csrf: other.csrf });
    expect(foreign.status).toBe(403);
    expect(await count()).toBe(before);
  });

  it('re-renders the registration form with what was typed and the messages beside the fields', async () => {
    const { jar, csrf } = await signIn('zrzyj.clerk');
    const res = await postForm(jar, '/register', {
      _csrf: csrf,
      idempotencyKey: 'console-test-key-1',
      'evidence.channel': 'post_unsigned',
      'evidence.post_unsigned.arrivedOn': '2026-11-25',
      'evidence.post_unsigned.confirmedOn': '2026-11-27',
      'evidence.post_unsigned.confirmationMeans': '电话',
      'applicant.type': 'natural_person',
      'applicant.name': '王五',
      'applicant.idType': 'resident_id',
      'applicant.idNumber': '110105194912310021',
      'applicant.phone': '13800138000',
      'applicant.address': '郯城县人民路 2 号',
      informationSought: '某某地块的征收公告',
      requestedForm: 'paper',
      deliveryMethod: 'post',
    });
    expect(res.status).toBe(400);
    expect(res.text).toContain('value="王五"');
    expect(res.text).toContain('某某地块的征收公告</textarea>');
    expect(res.text).toMatch(/id="f-applicant-idNumber-error">身份证号码校验位不正确，请核对号码</);
    expect(res.text).toContain('value="console-test-key-1"');
  });

  it('shows control characters and blank names beside the fields, and one message for an empty field', async () => {
    const { jar, csrf } = await signIn('zrzyj.clerk');
    const res = await postForm(jar, '/register', {
      _csrf: csrf,
      idempotencyKey: 'console-test-key-nul',
      'evidence.channel': 'in_person',
      'evidence.in_person.submittedOn': '2026-11-27',
      'applicant.type': 'natural_person',
      'applicant.name': '张\u0000三',
      'applicant.idType': 'resident_id',
      'applicant.idNumber': '11010519491231002X',
      'applicant.phone': '13800138000',
      'applicant.address': '\u200B',
      informationSought: '土地\u0001征收',
      requestedForm: 'paper',
      deliveryMethod: 'post',
    });
    expect(res.status).toBe(400);
    expect(res.text).toMatch(/id="f-applicant-name-error">不能包含控制字符或无效字符</);
    expect(res.text).toMatch(/id="f-informationSought-error">不能包含控制字符或无效字符</);
    expect(res.text).toMatch(/id="f-applicant-address-error">不能为空</);
    // The summary at the top says which field: a bare "不能为空" there would not.
    expect(res.text).toContain('>通讯地址：不能为空</a>');
  });

  it.each([
    ['/case-list?q=%00', 400, '不能包含控制字符或无效字符'],
    ['/case-list?applicant=%00', 400, '不能包含控制字符或无效字符'],
    ['/register/applicants?q=%00', 400, '不能包含控制字符或无效字符'],
    // A filter of the list page is reported on the page itself, with the list's other filters.
    ['/case-list?handlerId=junk', 400, '不是合法的用户 ID'],
    // A malformed id in a page address: said in Chinese, not Nest's English.
    ['/case/abc', 400, '不是有效的编号'],
    ['/inbox/abc/read', 404, '页面不存在'],
  ])('answers %s with %i and the reason, not 500', async (url, status, message) => {
    const { jar } = await signIn('zrzyj.clerk');
    const res = await t.http.get(url).set('Cookie', jar.header);
    expect(res.status).toBe(status);
    expect(res.text).toContain(message);
  });

  it('shows a receipt date the calendar cannot count from beside that date, not against an internal field', async () => {
    const { jar, csrf } = await signIn('zrzyj.clerk');
    const res = await postForm(jar, '/register', {
      _csrf: csrf,
      idempotencyKey: 'console-test-key-1900',
      'evidence.channel': 'in_person',
      'evidence.in_person.submittedOn': '1900-01-01',
      'applicant.type': 'natural_person',
      'applicant.name': '王五',
      'applicant.idType': 'resident_id',
      'applicant.idNumber': '11010519491231002X',
      'applicant.phone': '13800138000',
      'applicant.address': '郯城县人民路 2 号',
      informationSought: '某某地块的征收公告',
      requestedForm: 'paper',
      deliveryMethod: 'post',
    });
    expect(res.status).toBe(400);
    expect(res.text).toMatch(/id="f-evidence-in_person-submittedOn-error">日期超出工作日历可计算的范围/);
    expect(res.text).not.toContain('from：');
    // The live check of the number replaces the message a refused submit left under the field (said once).
    const checks = await t.http
      .get('/register/checks?applicant.idType=resident_id&applicant.idNumber=110105194912310021')
      .set('Cookie', jar.header)
      .set('HX-Request', 'true');
    expect(checks.text).toContain('id="f-applicant-idNumber-check" hx-swap-oob="true"');
    expect(checks.text).toContain('<p class="error" id="f-applicant-idNumber-error" hx-swap-oob="true"></p>');
    expect(checks.text.match(/校验位不正确/g)).toHaveLength(1);
  });

  it('registers once per Idempotency-Key, however often the form is sent', async () => {
    const { jar, csrf } = await signIn('zrzyj.clerk');
    const form = {
      _csrf: csrf,
      idempotencyKey: 'console-double-click-1',
      'evidence.channel': 'in_person',
      'evidence.in_person.submittedOn': '2026-11-27',
      'applicant.type': 'natural_person',
      'applicant.name': '赵六',
      'applicant.idType': 'resident_id',
      'applicant.idNumber': '11010519491231002X',
      'applicant.phone': '13800138000',
      'applicant.address': '郯城县人民路 3 号',
      informationSought: '2026年城区道路改造计划',
      requestedForm: 'paper',
      deliveryMethod: 'post',
    };
    const send = () => postForm(jar, '/register', form);
    const [a, b] = await Promise.all([send(), send()]);
    expect([a.status, b.status]).toEqual([303, 303]);
    expect(a.headers.location).toBe(b.headers.location);
  });

  describe('letters on the case page', () => {
    it('issues a notice only with the form’s CSRF token, and keeps nothing from a refused one', async () => {
      const { jar, csrf } = await signIn('zrzyj.clerk');
      const c = await given.caseIn(zrzyj, 'awaiting_correction');
      const letters = () => t.dataSource.getRepository(IssuedLetter).countBy({ caseId: c.id });
      const bare = await postForm(jar, `/case/${c.id}/letters/issue`, { type: 'correction_notice' });
      expect(bare.status).toBe(403);
      expect(await letters()).toBe(0);
      const ok = await postForm(jar, `/case/${c.id}/letters/issue`, {
        _csrf: csrf,
        type: 'correction_notice',
      });
      expect(ok.status).toBe(303);
      expect(ok.headers.location).toBe(`/case/${c.id}#letters`);
      expect(await letters()).toBe(1);
      // The second time it is refused (issued once; a correction is a new letter), on the case page.
      const again = await postForm(jar, `/case/${c.id}/letters/issue`, {
        _csrf: csrf,
        type: 'correction_notice',
      });
      expect(again.status).toBe(409);
      expect(again.text).toContain('本案已出具政府信息公开申请补正告知书');
      expect(await letters()).toBe(1);
    });

    it('shows a refused 说明理由告知书 beside its deadline, with what was typed', async () => {
      const { jar, csrf } = await signIn('zrzyj.clerk');
      const c = await given.caseIn(zrzyj, 'investigating');
      const res = await postForm(jar, `/case/${c.id}/letters/issue`, {
        _csrf: csrf,
        type: 'reason_request',
        explanationDeadline: '2026-11-20',
      });
      expect(res.status).toBe(400);
      expect(res.text).toMatch(/<details class="action" id="doc-reason_request" open>/);
      expect(res.text).toMatch(
        /id="f-reason-explanationDeadline" name="explanationDeadline" type="date" value="2026-11-20"/,
      );
      expect(res.text).toContain('说明理由的期限须晚于今天');
    });

    it('checks the reply letter for the date typed, and says when an error blocks it', async () => {
      const { jar } = await signIn('zrzyj.approver');
      const c = await given.caseIn(zrzyj, 'approved');
      const check = (date: string) =>
        t.http.get(`/case/${c.id}/letter-drafts/reply/check?repliedOn=${date}`).set('Cookie', jar.header);
      const today = await check('2026-11-27');
      expect(today.status).toBe(200);
      expect(today.text).toContain('data-blocking="false"');
      const early = await check('2026-11-20');
      expect(early.text).toContain('data-blocking="true"');
      expect(early.text).toContain('出具前须先解决');
      // The case page disables 作出答复 when today's check has errors, and shows the findings before it.
      const page = await t.http.get(`/case/${c.id}`).set('Cookie', jar.header);
      expect(page.text).toMatch(/id="act-issue-reply"[\s\S]*data-findings data-blocking="false"/);
      // Another agency's case: 404, never its findings.
      const other = await given.caseIn(await agencyId(t, 'tc-jtj'), 'approved');
      expect(
        (await t.http.get(`/case/${other.id}/letter-drafts/reply/check`).set('Cookie', jar.header)).status,
      ).toBe(404);
    });

    it('frames the preview from this site only, and downloads the stored PDF byte for byte', async () => {
      const { jar } = await signIn('zrzyj.clerk');
      const { caseId, letter } = await given.letterIn(zrzyj);
      const preview = await t.http
        .get(`/case/${caseId}/letter-drafts/receipt/html`)
        .set('Cookie', jar.header);
      expect(preview.headers['content-security-policy']).toContain("frame-ancestors 'self'");
      expect(preview.text).toContain('样稿（未出具）');
      expect(preview.text).toContain('/assets/vendor/lxgw-wenkai/lxgwwenkai-regular.css');
      expect((await t.http.get('/assets/vendor/lxgw-wenkai/lxgwwenkai-regular.css')).status).toBe(200);
      const mine = await t.http
        .get(`/case/${caseId}/letters/${letter.id}/pdf?dl=abc12345`)
        .set('Cookie', jar.header)
        .buffer(true)
        .parse(binary);
      const api = await as(t, await apiSignIn(t, 'zrzyj.clerk'))
        .get(`/api/v1/cases/${caseId}/letters/${letter.id}/pdf`)
        .buffer(true)
        .parse(binary);
      expect(Buffer.compare(mine.body as Buffer, api.body as Buffer)).toBe(0);
      expect(mine.headers['content-disposition']).toMatch(
        /^attachment; filename="download\.pdf"; filename\*=UTF-8''/,
      );
      // The page waiting for it learns it has arrived.
      expect(String(mine.headers['set-cookie'])).toContain('gip_download=abc12345');
    });
  });

  describe('remedy records', () => {
    const remedyForm = {
      kind: 'reconsideration',
      filedOn: '2026-11-27',
      body: '郯城县人民政府',
      result: 'pending',
    };

    it('refuses a record for a case still open, on the case page', async () => {
      const { jar, csrf } = await signIn('zrzyj.clerk');
      const c = await given.caseIn(zrzyj, 'investigating');
      const res = await postForm(jar, `/case/${c.id}/remedies/add`, { _csrf: csrf, ...remedyForm });
      // An open case shows no remedy panel; the refusal is the page's error.
      expect(res.status).toBe(409);
      expect(res.text).toContain('本案尚未办结');
    });

    it('re-renders the record form with the messages beside the fields and what was typed', async () => {
      const { jar, csrf } = await signIn('zrzyj.clerk');
      const c = await given.caseIn(zrzyj, 'served');
      const res = await postForm(jar, `/case/${c.id}/remedies/add`, {
        _csrf: csrf,
        ...remedyForm,
        body: '',
        caseReference: '郯政复〔2026〕7号',
      });
      expect(res.status).toBe(400);
      expect(res.text).toMatch(/<details class="action" id="remedy-new" open>/);
      expect(res.text).toContain('value="郯政复〔2026〕7号"');
      expect(res.text).toMatch(/id="f-remedy-new-body-error">须填写复议机关或人民法院</);
      expect(await t.dataSource.getRepository(RemedyRecord).countBy({ caseId: c.id })).toBe(0);
      const missing = await postForm(jar, `/case/${c.id}/remedies/add`, remedyForm);
      expect(missing.status).toBe(403);
    });

    it('updates a record with the version seen, and refuses a stale one', async () => {
      const { jar, csrf } = await signIn('zrzyj.clerk');
      const c = await given.caseIn(zrzyj, 'served');
      const added = await postForm(jar, `/case/${c.id}/remedies/add`, { _csrf: csrf, ...remedyForm });
      expect(added.status).toBe(303);
      const r = await t.dataSource.getRepository(RemedyRecord).findOneByOrFail({ caseId: c.id });
      const update = (version: number) =>
        postForm(jar, `/case/${c.id}/remedies/${r.id}/update`, {
          _csrf: csrf,
          ...remedyForm,
          version: String(version),
          result: 'upheld',
          decidedOn: '2026-11-27',
        });
      expect((await update(r.version)).status).toBe(303);
      const stale = await update(r.version);
      expect(stale.status).toBe(409);
      expect(stale.text).toContain('该记录已被他人更新');
    });
  });

  describe('registration answered on the spot', () => {
    const form = (csrf: string, key: string, more: Record<string, string>) => ({
      _csrf: csrf,
      idempotencyKey: key,
      'evidence.channel': 'in_person',
      'evidence.in_person.submittedOn': '2026-11-27',
      'applicant.type': 'natural_person',
      'applicant.name': '孙七',
      'applicant.idType': 'resident_id',
      'applicant.idNumber': '11010519491231002X',
      'applicant.phone': '13800138000',
      'applicant.address': '郯城县人民路 5 号',
      informationSought: '县政府2026年政府工作报告',
      requestedForm: 'paper',
      deliveryMethod: 'post',
      onTheSpot: 'true',
      'onTheSpotReply.outcome': 'already_public',
      'onTheSpotReply.detail.accessInstructions': '已在县政府网站公开',
      ...more,
    });

    it('is refused for a channel other than in person or oral, beside the choice', async () => {
      const { jar, csrf } = await signIn('zrzyj.clerk');
      const res = await postForm(
        jar,
        '/register',
        form(csrf, 'on-the-spot-fax', {
          'evidence.channel': 'fax',
          'evidence.fax.faxReceivedOn': '2026-11-27',
          'evidence.fax.confirmedOn': '2026-11-27',
          'evidence.fax.confirmationMeans': '电话',
        }),
      );
      expect(res.status).toBe(400);
      expect(res.text).toMatch(/id="f-onTheSpotReply-error">当场答复只适用于当面或口头提出的申请</);
      expect(res.text).toMatch(/name="onTheSpot" value="true" id="f-onTheSpot" checked/);
    });

    it('needs the facts its outcome requires', async () => {
      const { jar, csrf } = await signIn('zrzyj.clerk');
      const res = await postForm(
        jar,
        '/register',
        form(csrf, 'on-the-spot-not-held', { 'onTheSpotReply.outcome': 'not_held' }),
      );
      expect(res.status).toBe(400);
      expect(res.text).toMatch(/id="f-onTheSpotReply-detail-searchDescription-error">[^<]+</);
    });

    it('registers, replies and closes the case the same day', async () => {
      const { jar, csrf } = await signIn('zrzyj.clerk');
      const res = await postForm(jar, '/register', form(csrf, 'on-the-spot-ok', {}));
      expect(res.status).toBe(303);
      const page = await t.http.get(res.headers.location as string).set('Cookie', jar.take(res).header);
      expect(page.text).toContain('已登记并当场答复');
      expect(page.text).toContain('已办结');
    });
  });

  describe('supervision pages', () => {
    it('refuses to lock a year that is not over, on the report page', async () => {
      const { jar, csrf } = await signIn('gov-office.supervisor');
      const res = await postForm(jar, '/annual-report/lock', { _csrf: csrf, year: '2026', note: '测试' });
      expect(res.status).toBe(409);
      expect(res.text).toContain('全县2026年政府信息公开工作年度报告');
      const bare = await postForm(jar, '/annual-report/lock', { year: '2025' });
      expect(bare.status).toBe(403);
    });

    it('locks a past year and shows it locked', async () => {
      const { jar, csrf } = await signIn('zrzyj.approver');
      const res = await postForm(jar, '/annual-report/lock', {
        _csrf: csrf,
        year: '2025',
        note: '已于 2026年1月28日 公布',
      });
      expect(res.status).toBe(303);
      const page = await t.http.get(res.headers.location as string).set('Cookie', jar.take(res).header);
      expect(page.text).toContain('已锁定');
      expect(page.text).toContain('已于 2026年1月28日 公布');
    });

    it('sends a refused download back to its form with the reason; another agency is 404', async () => {
      const { jar } = await signIn('zrzyj.approver');
      const bad = await t.http
        .get('/case-list/export?format=csv&from=2026-12-01&to=2026-01-01&back=/supervision')
        .set('Cookie', jar.header);
      expect(bad.status).toBe(303);
      expect(bad.headers.location).toBe('/supervision');
      const other = await t.http
        .get(`/annual-report/download?year=2026&format=csv&agencyId=${await agencyId(t, 'tc-jtj')}`)
        .set('Cookie', jar.header);
      expect(other.status).toBe(404);
      const csv = await t.http
        .get('/annual-report/download?year=2026&format=csv&dl=tok12345')
        .set('Cookie', jar.header);
      expect(csv.status).toBe(200);
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      expect(String(csv.headers['set-cookie'])).toContain('gip_download=tok12345');
    });

    it('keeps supervisors to masked case lists', async () => {
      const { jar } = await signIn('gov-office.supervisor');
      const res = await t.http
        .get('/case-list/export?format=csv&from=2026-01-01&to=2026-12-31&personalData=full')
        .set('Cookie', jar.header);
      expect(res.status).toBe(403);
      expect(res.text).toContain('只能导出遮蔽个人信息的案件清单');
    });
  });

  describe('admin: agencies', () => {
    it('creates an agency whose reconsideration body follows its type and parent', async () => {
      const { jar, csrf } = await signIn('admin');
      const county = await agencyId(t, 'tc-gov');
      const bad = await postForm(jar, '/admin/agencies', {
        _csrf: csrf,
        code: 'Bad Code',
        name: '郯城县审计局',
        shortName: '县审计局',
        type: 'county_department',
        parentId: county,
        docNumberPrefix: '郯审计信复',
        deriveReconsiderationBody: 'true',
      });
      expect(bad.status).toBe(400);
      expect(bad.text).toContain('value="郯城县审计局"');
      expect(bad.text).toMatch(/id="f-code-error">只能包含小写字母、数字和连字符/);
      const ok = await postForm(jar, '/admin/agencies', {
        _csrf: csrf,
        code: 'tc-sjj',
        name: '郯城县审计局',
        shortName: '县审计局',
        type: 'county_department',
        parentId: county,
        docNumberPrefix: '郯审计信复',
        deriveReconsiderationBody: 'true',
      });
      expect(ok.status).toBe(303);
      const page = await t.http.get(ok.headers.location as string).set('Cookie', jar.take(ok).header);
      expect(page.text).toContain('已创建“郯城县审计局”，行政复议机关：郯城县人民政府（按规则自动确定）');
    });

    it('asks for the body the rule cannot give (the county government’s own is the city government)', async () => {
      const { jar, csrf } = await signIn('admin');
      const res = await postForm(jar, '/admin/agencies', {
        _csrf: csrf,
        code: 'tc-gov2',
        name: '某县人民政府',
        shortName: '某县政府',
        type: 'county_government',
        docNumberPrefix: '某政信复',
        deriveReconsiderationBody: 'true',
      });
      expect(res.status).toBe(400);
      expect(res.text).toContain('县级人民政府的行政复议机关是上一级（设区的市）人民政府');
    });

    it('changes an agency’s type and parent, refusing a pair that does not fit; a derived body follows them', async () => {
      const { jar, csrf } = await signIn('admin');
      const town = await agencyId(t, 'tc-matou');
      const page = await t.http.get(`/admin/agencies/${town}`).set('Cookie', jar.header);
      const value = (name: string) =>
        new RegExp(`name="${name}"[^>]*value="([^"]*)"`).exec(page.text)?.[1] ?? '';
      /** The profile form as shown, sent with another type and parent. */
      const save = (type: string, parentId: string) =>
        postForm(jar, `/admin/agencies/${town}`, {
          _csrf: csrf,
          ...Object.fromEntries(
            [
              'version',
              'name',
              'shortName',
              'docNumberPrefix',
              'reconsiderationBodyName',
              'reconsiderationBodyAddress',
              'courtName',
            ].map((field) => [field, value(field)]),
          ),
          active: 'true',
          type,
          parentId,
        });
      const res = await save('dispatched', '');
      // A 派出机构 must record who set it up (复议法 Art. 24, 27): refused, beside the fields.
      expect(res.status).toBe(400);
      expect(res.text).toContain('派出机构');
      expect(res.text).toMatch(/<option value="dispatched" selected>/);
      // Set up by the county government: its 派出机关 → reviewed by that government (Art. 24; legal-rules
      // does not quote the item, so none is cited).
      const county = await agencyId(t, 'tc-gov');
      const moved = await save('dispatched', county);
      expect(moved.status).toBe(303);
      const after = await t.http.get(`/admin/agencies/${town}`).set('Cookie', jar.take(moved).header);
      expect(after.text).toMatch(/<option value="dispatched" selected>/);
      expect(after.text).toContain('行政复议法第二十四条）');
      expect(after.text).not.toContain('第二十四条第一款第（三）项');
    });

    it('refuses a body other than the one 复议法 Art. 24 names, beside the field and in the live preview', async () => {
      const { jar, csrf } = await signIn('admin');
      const zrzyj = await agencyId(t, 'tc-zrzyj');
      const page = await t.http.get(`/admin/agencies/${zrzyj}`).set('Cookie', jar.header);
      const value = (name: string) =>
        new RegExp(`name="${name}"[^>]*value="([^"]*)"`).exec(page.text)?.[1] ?? '';
      expect(page.text).toContain('法律规定的复议机关，不能改填其他机关');
      const form = {
        _csrf: csrf,
        version: value('version'),
        name: value('name'),
        shortName: value('shortName'),
        docNumberPrefix: value('docNumberPrefix'),
        reconsiderationBodyAddress: value('reconsiderationBodyAddress'),
        courtName: value('courtName'),
        active: 'true',
        type: 'county_department',
        parentId: await agencyId(t, 'tc-gov'),
      };
      for (const [name, message] of [
        [
          '临沂市自然资源和规划局',
          '本机关的行政复议机关应为“郯城县人民政府”，不能写成“临沂市自然资源和规划局”',
        ],
        ['郯城县人民政府或者临沂市自然资源和规划局', '行政复议机关只能有一个'],
      ]) {
        const res = await postForm(jar, `/admin/agencies/${zrzyj}`, {
          ...form,
          reconsiderationBodyName: name,
        });
        expect(res.status).toBe(400);
        expect(res.text).toMatch(new RegExp(`id="f-reconsiderationBodyName-error">[^<]*${message}`));
      }
      const preview = await t.http
        .get(
          `/admin/agencies/${zrzyj}/remedy-preview?type=county_department&parentId=${form.parentId}` +
            `&reconsiderationBodyName=${encodeURIComponent('临沂市自然资源和规划局')}`,
        )
        .set('Cookie', jar.header);
      expect(preview.text).toContain('应为“郯城县人民政府”');
      expect(preview.text).not.toContain('向临沂市自然资源和规划局申请行政复议');
    });
  });

  describe('notifications', () => {
    it('marks all read only with the form’s token', async () => {
      const { jar, csrf } = await signIn('zrzyj.handler');
      expect((await postForm(jar, '/inbox/read-all', {})).status).toBe(403);
      const res = await postForm(jar, '/inbox/read-all', { _csrf: csrf });
      expect(res.status).toBe(303);
      expect(res.headers.location).toBe('/inbox');
    });
  });

  describe('bad values in page addresses (robustness review)', () => {
    const YEARS = '年度须在 2019 年（条例修订施行后的第一个年度）至 2026 年之间';
    const CELL = '/annual-report/cell?table=3&row=received&column=total';
    const pages: Array<[string, string, number, string[]]> = [
      ['gov-office.supervisor', '/annual-report?agencyId=junk', 400, ['不是合法的机关 ID']],
      ['admin', '/admin/calendar/99999', 400, ['年份须在 1949—2100 之间']],
      ['admin', '/admin/calendar/abc', 400, ['年份须在 1949—2100 之间']],
      ['admin', '/admin/calendar/1900', 400, ['年份须在 1949—2100 之间']],
      [
        'gov-office.supervisor',
        '/supervision?from=1000-01-01&to=9999-12-31',
        400,
        ['日期须在 1949—2100 年之间'],
      ],
      [
        'gov-office.supervisor',
        '/supervision?from=2000-01-01&to=2026-11-27',
        400,
        ['统计期间不能超过 10 年'],
      ],
      [
        'gov-office.supervisor',
        '/supervision?from=2026-12-01&to=2026-01-01',
        400,
        ['结束日期不能早于开始日期'],
      ],
      ['gov-office.supervisor', '/at-risk?from=2027-01-01&to=2020-01-01', 400, ['结束日期不能早于开始日期']],
      ['gov-office.supervisor', '/at-risk?from=1000-01-01&to=2026-01-01', 400, ['日期须在 1949—2100 年之间']],
      ['gov-office.supervisor', `${CELL}&year=abc`, 400, [`年度：${YEARS}`]],
      ['gov-office.supervisor', `${CELL}&year=2101`, 400, [`年度：${YEARS}`]],
      ['gov-office.supervisor', '/annual-report?year=1999', 400, [YEARS]],
      ['gov-office.supervisor', '/annual-report?year=2101', 400, [YEARS]],
      ['gov-office.supervisor', '/annual-report?year=abc', 400, [YEARS]],
      ['gov-office.supervisor', '/annual-report?year=-1', 400, [YEARS]],
      ['gov-office.supervisor', '/annual-report?year=99999', 400, [YEARS]],
      [
        'gov-office.supervisor',
        '/annual-report/cell?year=2026&table=9&column=x',
        400,
        ['表：表须为 3（表三）或 4（表四）', '列：不是表三或表四的列'],
      ],
      ['gov-office.supervisor', `${CELL}&year=2026&page=-1`, 400, ['页码：']],
      [
        'zrzyj.clerk',
        '/case-list?receivedFrom=2026-02-30&receivedTo=2026-01-01',
        400,
        ['查询条件有误', '收到申请 自：不是有效日期'],
      ],
      [
        'zrzyj.clerk',
        '/case-list?receivedFrom=2026-12-01&receivedTo=2026-01-01',
        400,
        ['收到申请 至：结束日期不能早于开始日期'],
      ],
    ];

    it.each(pages)('%s: %s → %i with the reason', async (user, url, status, messages) => {
      const { jar } = await signIn(user);
      const res = await t.http.get(url).set('Cookie', jar.header);
      expect(res.status).toBe(status);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      for (const message of messages) expect(res.text).toContain(message);
      for (const leak of ['NaN', 'undefined', '[object Object]', 'Validation failed', '服务器内部错误'])
        expect(res.text).not.toContain(leak);
    });

    const downloads: Array<[string, string, string, string[]]> = [
      [
        'gov-office.supervisor',
        '/annual-report/download?year=abc&format=pdf',
        '/annual-report',
        [`年度：${YEARS}`],
      ],
      [
        'gov-office.supervisor',
        '/annual-report/download?year=2026&format=doc',
        '/annual-report?year=2026',
        ['格式：须为 Excel（XLSX）、CSV 或 PDF'],
      ],
      [
        'zrzyj.clerk',
        '/case-list/export?format=doc&from=2026-01-01&to=2026-12-31',
        '/case-list',
        ['格式：须为 CSV 或 Excel（XLSX）'],
      ],
      [
        'zrzyj.clerk',
        '/case-list/export?format=csv&from=2026-12-01&to=2026-01-01',
        '/case-list',
        ['收到申请 至：结束日期不能早于开始日期'],
      ],
      [
        'zrzyj.clerk',
        '/case-list/export?format=csv&from=1000-01-01&to=9999-12-31',
        '/case-list',
        ['收到申请 自：日期须在 1949—2100 年之间'],
      ],
    ];

    it.each(downloads)('%s: %s goes back to %s and says why', async (user, url, back, messages) => {
      const { jar } = await signIn(user);
      const res = await t.http.get(url).set('Cookie', jar.header);
      expect(res.status).toBe(303);
      expect(res.headers.location).toBe(back);
      const page = await t.http.get(back).set('Cookie', jar.take(res).header);
      for (const message of messages) expect(page.text).toContain(message);
      for (const leak of ['NaN', 'undefined', '[object Object]', 'Validation failed'])
        expect(page.text).not.toContain(leak);
    });
  });

  it('answers errors as HTML pages on the console and as problem+json on the API', async () => {
    const page = await t.http.get('/no-such-page');
    expect(page.status).toBe(404);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.text).toContain('页面不存在');
    const api = await t.http.get('/api/v1/no-such-route');
    expect(api.status).toBe(404);
    expect(api.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(api.body.code).toBe('ROUTE_NOT_FOUND');
    const { jar } = await signIn('zrzyj.clerk');
    const forbidden = await t.http.get('/admin/users').set('Cookie', jar.header);
    expect(forbidden.status).toBe(403);
    expect(forbidden.text).toContain('当前用户的角色无权执行此操作');
  });

  it('serves htmx and the fonts from this server (no CDN)', async () => {
    const htmx = await t.http.get('/assets/vendor/htmx/htmx.min.js');
    expect(htmx.status).toBe(200);
    const css = await t.http.get('/assets/vendor/noto-sans-sc/400.css');
    expect(css.status).toBe(200);
    const page = await t.http.get('/sign-in');
    expect(page.text).not.toMatch(/(src|href)="https?:\/\//);
  });

  it('escapes everything: no console template uses triple braces except the layouts’ body', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (file.endsWith('.hbs')) {
          const text = fs.readFileSync(file, 'utf8').replace(/\{\{\{body\}\}\}/g, '');
          if (/\{\{\{|\{\{&/.test(text)) offenders.push(file);
          if (
            !file.includes(`${path.sep}layouts${path.sep}`) &&
            fs.readFileSync(file, 'utf8').includes('{{{body}}}')
          )
            offenders.push(file);
        }
      }
    };
    walk(consoleTemplatesDir());
    expect(offenders).toEqual([]);
  });

  it('puts the CSRF guard on every console controller', () => {
    const controllers = Reflect.getMetadata('controllers', ConsoleModule) as Array<new () => unknown>;
    expect(controllers.length).toBeGreaterThan(0);
    for (const controller of controllers) {
      expect([controller.name, Reflect.getMetadata(GUARDS_METADATA, controller)]).toEqual([
        controller.name,
        [ConsoleCsrfGuard],
      ]);
    }
  });
});
