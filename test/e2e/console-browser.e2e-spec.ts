/// <reference lib="dom" />
import fs from 'node:fs';
import { DEMO_APP } from '../support/auth.js';
import { ConsoleBrowser, type UserPage } from '../support/console-browser.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * The console in a real headless Chromium with JavaScript on, against the app on a free port and a
 * real database (test clock: 2026-11-27 10:00 in Shanghai). Screenshots of every main screen go to
 * test-artifacts/console/ (git-ignored) for a person to look at.
 */
describe('web console in a browser', () => {
  let t: TestApp;
  let browser: ConsoleBrowser;
  const registered = new Map<string, string>(); // channel → case URL
  let clerk: UserPage;

  beforeAll(async () => {
    t = await createTestApp(DEMO_APP);
    browser = await ConsoleBrowser.start(t);
    clerk = await browser.signIn('zrzyj.clerk');
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const fillApplicant = async (p: UserPage, name: string, idNumber: string) => {
    await p.type('#f-applicant-name', name);
    await p.type('#f-applicant-idNumber', idNumber);
    await p.type('#f-applicant-phone', '13800138000');
    await p.type('#f-applicant-address', '山东省临沂市郯城县人民路 1 号');
  };

  const checksSay = async (p: UserPage, text: string) => {
    await p.page.waitForFunction(
      (s) => document.querySelector('#checks')?.textContent?.includes(s),
      {},
      text,
    );
  };

  it('lands the clerk on the registration form, which shows the deadlines the law derives', async () => {
    expect(clerk.page.url()).toBe(`${browser.base}/register`);
    await checksSay(clerk, '2026年12月25日');
    const checks = await clerk.text('#checks');
    expect(checks).toContain('2026年11月27日');
    expect(checks).toContain('2026年12月25日'); // 20 working days after 11-27
    // Only the chosen channel's evidence is shown.
    expect(await clerk.page.$eval('[data-channel="fax"]', (e) => (e as HTMLElement).hidden)).toBe(true);
    await clerk.shot('01-register-form');
  });

  it('checks the ID number as the clerk types it, with the check-digit message', async () => {
    await clerk.type('#f-applicant-idNumber', '110105194912310021');
    await clerk.page.waitForFunction(() =>
      document.querySelector('#f-applicant-idNumber-check')?.textContent?.includes('校验位'),
    );
    expect(await clerk.text('#f-applicant-idNumber-check')).toBe('身份证号码校验位不正确，请核对号码');
    await clerk.shot('02-register-id-check');
  });

  const channels: Array<[string, (p: UserPage) => Promise<void>, string]> = [
    ['in_person', async (p) => p.set('#f-evidence-in_person-submittedOn', '2026-11-27'), '2026年12月25日'],
    ['oral', async (p) => p.set('#f-evidence-oral-submittedOn', '2026-11-26'), '2026年12月24日'],
    [
      'post_signed',
      async (p) => {
        await p.set('#f-evidence-post_signed-signedForOn', '2026-11-25');
        await p.type('#f-evidence-post_signed-trackingNumber', 'EA123456789CN');
      },
      '2026年12月23日',
    ],
    [
      'post_unsigned',
      async (p) => {
        await p.set('#f-evidence-post_unsigned-arrivedOn', '2026-11-26');
        await p.set('#f-evidence-post_unsigned-confirmedOn', '2026-11-26');
        await p.type('#f-evidence-post_unsigned-confirmationMeans', '电话');
      },
      '2026年12月24日',
    ],
    [
      'online',
      async (p) => {
        await p.set('#f-evidence-online-submittedAt', '2026-11-26T21:15');
        await p.choose('evidence.online.autoConfirmed', 'true');
      },
      '2026年12月24日',
    ],
    [
      'fax',
      async (p) => {
        await p.set('#f-evidence-fax-faxReceivedOn', '2026-11-26');
        await p.set('#f-evidence-fax-confirmedOn', '2026-11-27');
        await p.type('#f-evidence-fax-confirmationMeans', '电话');
      },
      '2026年12月25日',
    ],
  ];

  it.each(channels)('registers an application received by %s', async (channel, evidence, dueOn) => {
    await clerk.go('/register');
    await clerk.choose('evidence.channel', channel);
    await evidence(clerk);
    await fillApplicant(clerk, `申请人${channel}`, '11010519491231002X');
    await clerk.type('#f-informationSought', `2025年度郯城县城区土地征收补偿安置方案（${channel}）`);
    if (channel === 'in_person') await clerk.page.select('#f-handlerId', await handlerOption(clerk));
    await checksSay(clerk, dueOn);
    if (channel === 'post_unsigned') await clerk.shot('03-register-post-unsigned');
    await clerk.submit('.submit-bar button[type=submit]');
    expect(clerk.page.url()).toMatch(/\/case\/[0-9a-f-]{36}$/);
    const flash = await clerk.text('.flash');
    expect(flash).toContain('已登记，案号 2026-');
    expect(flash).toContain(`答复期限 ${dueOn}`);
    registered.set(channel, clerk.page.url());
    if (channel === 'in_person') await clerk.shot('04-case-registered');
  });

  it('finds an earlier applicant to reuse, and warns of a possible repeat application', async () => {
    await clerk.go('/register');
    await clerk.page.type('#applicant-lookup', '申请人in');
    await clerk.page.waitForSelector('[data-choose-applicant]');
    await clerk.shot('05-register-applicant-lookup');
    await clerk.page.click('[data-choose-applicant]');
    expect(await clerk.page.$eval('#new-applicant', (e) => (e as HTMLElement).hidden)).toBe(true);
    await clerk.type('#f-informationSought', '2025年度郯城县城区土地征收补偿安置方案（in_person）');
    await checksSay(clerk, '重复申请');
    await clerk.submit('.submit-bar button[type=submit]');
    expect(await clerk.text('.flash')).toContain('曾申请过相似内容');
  });

  it('keeps what was typed and shows the server’s messages beside the fields', async () => {
    await clerk.go('/register');
    await clerk.type('#f-applicant-name', '李四');
    await clerk.type('#f-informationSought', '某文件');
    // Submitting the form without JavaScript's help: the server validates.
    await clerk.submit('.submit-bar button[type=submit]');
    expect(await clerk.page.$eval('#f-applicant-name', (e) => (e as HTMLInputElement).value)).toBe('李四');
    expect(await clerk.text('#f-applicant-idNumber-error')).toBe('证件号码不能为空');
    expect(await clerk.text('.problem')).toContain('登记信息有误');
    await clerk.shot('06-register-errors');
  });

  it('takes a case through 补正, correction, consultation, draft and review, and the approver approves', async () => {
    const caseUrl = registered.get('in_person') as string;
    const handler = await browser.signIn('zrzyj.handler');
    expect(handler.page.url()).toBe(`${browser.base}/my-cases`);
    expect(await handler.text()).toContain('申请人in_person');
    await handler.shot('07-my-cases');
    await handler.page.goto(caseUrl, { waitUntil: 'networkidle0' });
    await handler.page.click('.explain > summary');
    await handler.shot('08-case-clock-explained');

    const correction = await handler.openAction('request-correction');
    await handler.type(`${correction} #f-request-correction-items`, '请写明所需信息的年份\n请写明地块位置');
    await handler.set(`${correction} #f-request-correction-periodEndsOn`, '2026-12-11');
    await handler.type(`${correction} #f-request-correction-means`, '邮寄补正告知书');
    await handler.submit(`${correction} button[type=submit]`);
    expect(await handler.text('.case-head')).toContain('待补正');

    const received = await handler.openAction('receive-correction');
    await handler.page.click(`${received} input[name="evidence.channel"][value="in_person"]`);
    await handler.submit(`${received} button[type=submit]`);
    expect(await handler.text('.flash')).toContain('重新计算');
    expect(await handler.text('.case-head')).toContain('办理中');

    const consult = await handler.openAction('start-consultation');
    await handler.type(`${consult} #f-start-consultation-partyName`, '郯城县某建材有限公司');
    await handler.type(`${consult} #f-start-consultation-matter`, '拟公开的补偿协议涉及贵公司的商业信息');
    await handler.submit(`${consult} button[type=submit]`);
    expect(await handler.text('.clock')).toContain('暂停计时');

    const reply = await handler.openAction('record-consultation-reply');
    await handler.type(`${reply} #f-record-consultation-reply-summary`, '同意公开');
    await handler.submit(`${reply} button[type=submit]`);

    await handler.submit(`${await handler.openAction('start-drafting')} button[type=submit]`);
    const draft = await handler.openAction('save-draft');
    await handler.page.select(`${draft} #f-save-draft-outcome`, 'disclosed');
    // The fields of another outcome are hidden.
    expect(
      await handler.page.$eval(`${draft} [data-outcomes="not_held"]`, (e) => (e as HTMLElement).hidden),
    ).toBe(true);
    await handler.type(`${draft} #f-save-draft-detail-accessInstructions`, '随本答复书提供复印件 3 页');
    await handler.shot('09-case-draft-form');
    await handler.submit(`${draft} button[type=submit]`);
    await handler.submit(`${await handler.openAction('submit-for-review')} button[type=submit]`);
    expect(await handler.text('.case-head')).toContain('待审核');
    await handler.shot('10-case-in-review');
    expect(handler.problems).toEqual([]);

    const approver = await browser.signIn('zrzyj.approver');
    expect(approver.page.url()).toBe(`${browser.base}/review`);
    expect(await approver.text()).toContain('申请人in_person');
    await approver.shot('11-review-queue');
    await approver.page.goto(caseUrl, { waitUntil: 'networkidle0' });
    const approve = await approver.openAction('approve');
    await approver.type(`${approve} #f-approve-comment`, '同意');
    await approver.submit(`${approve} button[type=submit]`);
    expect(await approver.text('.case-head')).toContain('已审核');

    // The reply is recorded (作出答复): the clock stops.
    const issue = await approver.openAction('issue-reply');
    await approver.submit(`${issue} button[type=submit]`);
    expect(await approver.text('.case-head')).toContain('已答复');
    expect(await approver.text('.clock')).toContain('已停止');
    expect(await approver.text('#timeline')).toContain('2026年11月27日作出答复');
    await approver.shot('12-case-replied');
    expect(approver.problems).toEqual([]);
  });

  it('shows the supervisor and the admin their pages', async () => {
    const supervisor = await browser.signIn('gov-office.supervisor');
    expect(supervisor.page.url()).toBe(`${browser.base}/supervision`);
    await supervisor.shot('13-supervision');
    await supervisor.go('/case-list');
    expect(await supervisor.text()).toContain('郯城县自然资源局');
    await supervisor.shot('14-case-list-county');

    const admin = await browser.signIn('admin');
    expect(admin.page.url()).toBe(`${browser.base}/admin/agencies`);
    await admin.shot('15-admin-agencies');
    await admin.page.click('table a');
    await admin.page.waitForSelector('#remedy-preview .remedy');
    expect(await admin.text('#remedy-preview')).toContain('60日内');
    await admin.shot('16-admin-agency-remedy');
    await admin.go('/admin/users');
    await admin.shot('17-admin-users');
    await admin.go('/admin/calendar');
    await admin.type('#f-year', '2026');
    await admin.set('#f-json', fs.readFileSync('seeds/data/holidays/2026.json', 'utf8'));
    await admin.submit('button[value=preview]');
    expect(await admin.text('#diff')).toContain('预览：2026 年');
    await admin.shot('18-admin-calendar-preview');
    expect(admin.problems).toEqual([]);
    expect(clerk.problems).toEqual([]);
  });
});

async function handlerOption(p: UserPage): Promise<string> {
  return p.page.$eval('#f-handlerId option:nth-child(2)', (o) => (o as HTMLOptionElement).value);
}
