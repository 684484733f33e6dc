import fs from 'node:fs';
import path from 'node:path';
import { GUARDS_METADATA } from '@nestjs/common/constants.js';
import type { Response } from 'supertest';
import { DataSource } from 'typeorm';
import { ConsoleCsrfGuard } from '../../src/console/console-csrf.js';
import { ConsoleModule } from '../../src/console/console.module.js';
import { consoleTemplatesDir } from '../../src/console/console-views.js';
import { DEMO_APP, DEMO_PASSWORD } from '../support/auth.js';
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

  beforeAll(async () => {
    t = await createTestApp(DEMO_APP);
  });
  afterAll(() => t.close());

  /** Signs in through the sign-in form, as a browser does. */
  async function signIn(username: string): Promise<{ jar: Jar; csrf: string }> {
    const jar = new Jar();
    const page = await t.http.get('/sign-in');
    jar.take(page);
    const res = await t.http
      .post('/sign-in')
      .set('Cookie', jar.header)
      .type('form')
      .send({ _csrf: csrfOf(page.text), username, password: DEMO_PASSWORD, next: '/' });
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
    const res = await t.http
      .post('/sign-in')
      .set('Cookie', jar.header)
      .type('form')
      .send({ _csrf: csrfOf(page.text), username: 'zrzyj.handler', password: DEMO_PASSWORD, next: '/' });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/my-cases');
    const access = ([] as string[])
      .concat(res.headers['set-cookie'] ?? [])
      .find((c) => c.startsWith('gip_access='));
    expect(access).toMatch(/HttpOnly/);
    expect(access).toMatch(/SameSite=Strict/);
    // A next page elsewhere is never followed.
    const evil = await t.http
      .post('/sign-in')
      .set('Cookie', jar.header)
      .type('form')
      .send({
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
    const res = await t.http
      .post('/sign-in')
      .set('Cookie', jar.header)
      .type('form')
      .send({ _csrf: csrfOf(page.text), username: 'zrzyj.clerk', password: 'wrong-password', next: '/' });
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
    const missing = await t.http.post('/register').set('Cookie', jar.header).type('form').send(form);
    expect(missing.status).toBe(403);
    expect(missing.headers['content-type']).toMatch(/text\/html/);
    expect(missing.text).toContain('页面已过期或来源不明');
    const foreign = await t.http
      .post('/register')
      .set('Cookie', jar.header)
      .type('form')
      .send({ ...form, _csrf: other.csrf });
    expect(foreign.status).toBe(403);
    expect(await count()).toBe(before);
  });

  it('re-renders the registration form with what was typed and the messages beside the fields', async () => {
    const { jar, csrf } = await signIn('zrzyj.clerk');
    const res = await t.http.post('/register').set('Cookie', jar.header).type('form').send({
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
    const send = () => t.http.post('/register').set('Cookie', jar.header).type('form').send(form);
    const [a, b] = await Promise.all([send(), send()]);
    expect([a.status, b.status]).toEqual([303, 303]);
    expect(a.headers.location).toBe(b.headers.location);
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
