/// <reference lib="dom" />
import fs from 'node:fs';
import { RemindersService } from '../../src/notifications/reminders.service.js';
import { SupervisionService } from '../../src/supervision/supervision.service.js';
import { agencyId, DEMO_APP } from '../support/auth.js';
import { Given } from '../support/cases.js';
import { ConsoleBrowser, type UserPage } from '../support/console-browser.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * The console in a real headless Chromium with JavaScript on, against the app on a free port and a
 * real database (test clock: 2026-11-27 10:00 in Shanghai) holding the demo county and its thirty 2026
 * cases. The issue's journey: a clerk registers by every channel; a handler takes one case through
 * 补正 → correction → consultation → reply, issuing the notices on the way; an approver reads the reply
 * letter and approves; the reply is made with its letter; a supervisor finds the case in the dashboard
 * and, by drilling down, in the annual report. Screenshots of every screen go to test-artifacts/console/
 * (git-ignored) for a person to look at.
 */
describe('web console in a browser', () => {
  let t: TestApp;
  let browser: ConsoleBrowser;
  const registered = new Map<string, string>(); // channel → case URL
  let clerk: UserPage;
  let zrzyj: string;
  /** 县自然资源局's cases closed in 2026 before the journey (the dashboard counts one more after it). */
  let closedBefore: number;

  beforeAll(async () => {
    t = await createTestApp({ ...DEMO_APP, env: { ...DEMO_APP.env, DEMO_CASES: 'true' } });
    zrzyj = await agencyId(t, 'tc-zrzyj');
    const supervisor = await new Given(t).user(await agencyId(t, 'tc-gov-office'), 'supervisor');
    const before = await t.app
      .get(SupervisionService)
      .timeliness(supervisor, { from: '2026-01-01', to: '2026-11-27', agencyId: zrzyj });
    closedBefore = before.overall.closed;
    browser = await ConsoleBrowser.start(t);
    clerk = await browser.signIn('zrzyj.clerk');
  }, 240_000);

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
    expect(clerk.page.url()).toMatch(/\/case\/[0-9a-f-]{36}\?registered=1$/);
    const flash = await clerk.text('.flash');
    expect(flash).toContain('已登记，案号 2026-');
    expect(flash).toContain(`答复期限 ${dueOn}`);
    registered.set(channel, clerk.page.url().replace(/\?.*$/, ''));
    if (channel === 'in_person') {
      // At the counter: the receipt slip in one click, then the next applicant.
      expect(await clerk.text('.next-steps')).toContain('打印登记回执');
      await clerk.shot('04-case-registered');
      const slip = await clerk.sendForm('.next-steps form[action$="/letters/receipt"]');
      expect(slip).toMatchObject({ status: 200, type: 'application/pdf', head: '%PDF-' });
      expect(slip.url).toMatch(/\/letters\/[0-9a-f-]{36}\/pdf\?inline=1$/);
      // A second click opens the same slip (issued once per case).
      expect((await clerk.sendForm('.next-steps form[action$="/letters/receipt"]')).url).toBe(slip.url);
      await clerk.go(new URL(clerk.page.url()).pathname);
      expect(await clerk.text('#letters')).toContain('政府信息公开申请登记回执');
    }
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

  let journeyCaseNumber = '';

  it('takes a case through 补正, correction, consultation, draft and review, issuing the notices, and the approver approves and replies', async () => {
    const caseUrl = registered.get('in_person') as string;
    const handler = await browser.signIn('zrzyj.handler');
    expect(handler.page.url()).toBe(`${browser.base}/my-cases`);
    expect(await handler.text()).toContain('申请人in_person');
    await handler.shot('07-my-cases');
    await handler.page.goto(caseUrl, { waitUntil: 'networkidle0' });
    journeyCaseNumber = (await handler.text('.case-head h1')).match(/\d{4}-\d{5}/)?.[0] ?? '';
    await handler.page.click('.explain > summary');
    await handler.shot('08-case-clock-explained');

    const correction = await handler.openAction('request-correction');
    await handler.type(`${correction} #f-request-correction-items`, '请写明所需信息的年份\n请写明地块位置');
    await handler.set(`${correction} #f-request-correction-periodEndsOn`, '2026-12-11');
    await handler.type(`${correction} #f-request-correction-means`, '邮寄补正告知书');
    await handler.submit(`${correction} button[type=submit]`);
    expect(await handler.text('.case-head')).toContain('待补正');
    expect(await handler.text('.flash')).toContain('请在下方“文书”中出具补正告知书');

    // The 补正告知书: its pre-issue check, a preview in the page, then issued with its 文号.
    const notice = '#doc-correction_notice';
    expect(await handler.text(notice)).toContain('出具前检查');
    await handler.page.click(`${notice} .preview > summary`);
    expect(await handler.frameText('/letter-drafts/correction_notice/html')).toContain('请写明地块位置');
    await handler.shot('19-case-correction-notice-preview');
    await handler.submit(`${notice} button[type=submit]`);
    expect(await handler.text('.flash')).toMatch(
      /已出具政府信息公开申请补正告知书（郯自然资信补〔2026〕\d+号）/,
    );
    const issued = await handler.fetchLink('#letters table.issued a[href$="/pdf"]');
    expect(issued).toMatchObject({ status: 200, type: 'application/pdf', head: '%PDF-' });
    expect(issued.disposition).toMatch(/^attachment;/);

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
    // The 征求意见书 to the third party.
    await handler.submit('[id^="doc-third_party_consultation-"] button[type=submit]');
    expect(await handler.text('.flash')).toContain('已出具政府信息公开征求意见书');
    await handler.shot('20-case-letters-issued');

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
    // The handler reads the reply letter the draft makes before sending it to review.
    expect(await handler.text('#reply-letter')).toContain('答复书样稿');
    await handler.submit(`${await handler.openAction('submit-for-review')} button[type=submit]`);
    expect(await handler.text('.case-head')).toContain('待审核');
    await handler.shot('10-case-in-review');
    expect(handler.problems).toEqual([]);

    const approver = await browser.signIn('zrzyj.approver');
    expect(approver.page.url()).toBe(`${browser.base}/review`);
    expect(await approver.text()).toContain('申请人in_person');
    await approver.shot('11-review-queue');
    await approver.page.goto(caseUrl, { waitUntil: 'networkidle0' });
    // Reviewing: the reply letter as it will be issued, open in the page, with its pre-issue check.
    const letter = await approver.frameText('/letter-drafts/reply/html');
    expect(letter).toContain('样稿（未出具）');
    expect(letter).toContain('申请人in_person');
    expect(letter).toContain('随本答复书提供复印件 3 页');
    expect(await approver.text('#reply-letter')).toContain('出具前检查');
    await approver.shot('21-approver-reads-reply-letter');
    const approve = await approver.openAction('approve');
    await approver.type(`${approve} #f-approve-comment`, '同意');
    await approver.submit(`${approve} button[type=submit]`);
    expect(await approver.text('.case-head')).toContain('已审核');

    // 作出答复: the findings for the chosen date are shown before the button, and follow the date.
    const issue = await approver.openAction('issue-reply');
    expect(await approver.text(`${issue} [data-findings]`)).toContain('出具前检查');
    await approver.set(`${issue} #f-issue-reply-repliedOn`, '2026-11-26');
    await approver.page.waitForResponse((r) => r.url().includes('/letter-drafts/reply/check?'));
    await approver.shot('22-issue-reply-with-findings');
    await approver.set(`${issue} #f-issue-reply-repliedOn`, '2026-11-27');
    await approver.page.waitForResponse((r) => r.url().includes('repliedOn=2026-11-27'));
    await approver.submit(`${issue} button[type=submit]`);
    expect(await approver.text('.case-head')).toContain('已答复');
    expect(await approver.text('.clock')).toContain('已停止');
    expect(await approver.text('#timeline')).toMatch(
      /2026年11月27日作出答复，出具政府信息公开申请答复书（郯自然资信复〔2026〕\d+号）/,
    );
    expect(await approver.text('#letters')).toContain('政府信息公开申请答复书');
    const replyPdf = await approver.fetchLink('#timeline a[href$="/pdf"]');
    expect(replyPdf).toMatchObject({ status: 200, type: 'application/pdf', head: '%PDF-' });
    await approver.shot('12-case-replied');
    expect(approver.problems).toEqual([]);
  });

  it('shows the supervisor the replied case in the dashboard and, drilling down, in the annual report', async () => {
    const supervisor = await browser.signIn('gov-office.supervisor');
    expect(supervisor.page.url()).toBe(`${browser.base}/supervision`);
    await supervisor.shot('13-supervision-dashboard');
    // 县自然资源局 closed one more case this year: the journey's reply.
    const row = await supervisor.page.$$eval('#chart-agency-data tbody tr', (rows) =>
      rows.map((r) => Array.from(r.children).map((c) => c.textContent?.trim() ?? '')),
    );
    const zrzyjRow = row.find((r) => r[0] === '郯城县自然资源局');
    expect(zrzyjRow?.[2]).toBe(String(closedBefore + 1));
    // The charts are SVG drawn on the server, each with its title for screen readers.
    expect(
      await supervisor.page.$$eval('svg.svg-chart > title', (ts) => ts.map((x) => x.textContent)),
    ).toEqual(['各机关按期办结率', '在办案件按剩余工作日分布', '各月按期办结率']);

    await supervisor.go('/at-risk');
    expect(await supervisor.text()).toContain('逾期未办');
    await supervisor.shot('23-at-risk');

    await supervisor.go('/annual-report?year=2026');
    expect(await supervisor.text('h1')).toBe('全县2026年政府信息公开工作年度报告（表三、表四）');
    await supervisor.shot('24-annual-report');
    await supervisor.page.click('a[href*="row=disclosed&column=natural_person"]');
    await supervisor.waitForText('#drill', journeyCaseNumber);
    const drill = await supervisor.text('#drill');
    expect(drill).toContain('（一）予以公开 · 自然人');
    expect(drill).toMatch(new RegExp(`${journeyCaseNumber}\\s+郯城县自然资源局`));
    await supervisor.shot('25-annual-report-drill-down');
    // The downloads say they are being made until the file arrives.
    await supervisor.page.click('a[data-download][href*="format=pdf"]');
    await supervisor.waitForText('.downloads', '已生成');
    expect(supervisor.problems).toEqual([]);
  });

  it('records a 行政复议 on the replied case, and the bell counts the handler’s reminders', async () => {
    const caseUrl = registered.get('in_person') as string;
    const approver = await browser.signIn('zrzyj.approver');
    await approver.page.goto(caseUrl, { waitUntil: 'networkidle0' });
    // Served first: a remedy is against a concluded case (the reply is concluded when made).
    await approver.page.click('#remedy-new > summary');
    await approver.page.select('#f-remedy-new-kind', 'reconsideration');
    await approver.set('#f-remedy-new-filedOn', '2026-11-27');
    await approver.type('#f-remedy-new-body', '郯城县人民政府');
    await approver.type('#f-remedy-new-caseReference', '郯政复〔2026〕31号');
    await approver.shot('26-remedy-form');
    await approver.submit('#remedy-new button[type=submit]');
    expect(await approver.text('.flash')).toContain('已登记行政复议（郯城县人民政府，尚未审结）');
    expect(await approver.text('#remedies')).toContain('郯政复〔2026〕31号');
    // Its result once decided.
    await approver.page.click('#remedies details.action:not(#remedy-new) > summary');
    await approver.page.select('#remedies details[open] select[name="result"]', 'upheld');
    await approver.set('#remedies details[open] input[name="decidedOn"]', '2026-11-27');
    await approver.submit('#remedies details[open] button[type=submit]');
    expect(await approver.text('#remedies')).toContain('结果维持');
    await approver.shot('27-remedy-recorded');
    expect(approver.problems).toEqual([]);

    // The reminders job (run here by hand: tests keep jobs off) reaches the handler of the demo
    // county's overdue and due cases; the bell says how many are unread.
    await t.app.get(RemindersService).sendReminders();
    const handler = await browser.signIn('zrzyj.handler');
    const bell = await handler.page.$eval('.bell', (b) => b.getAttribute('aria-label') ?? '');
    const unread = Number(/(\d+) 条未读/.exec(bell)?.[1] ?? 0);
    expect(unread).toBeGreaterThan(0);
    await handler.go('/inbox');
    expect(await handler.text('.notes')).toContain('期限提醒');
    await handler.shot('28-inbox');
    await handler.submit('.note.unread form[action$="/read"] button');
    expect(await handler.page.$eval('.bell', (b) => b.getAttribute('aria-label'))).toBe(
      unread > 1 ? `通知：${unread - 1} 条未读` : '通知：没有未读',
    );
    // Opening a reminder goes to its case.
    await handler.submit('.note form[action$="/open"] button');
    expect(handler.page.url()).toMatch(/\/case\/[0-9a-f-]{36}$/);
    expect(handler.problems).toEqual([]);
  });

  it('registers an application answered on the spot, then issues its reply letter', async () => {
    await clerk.go('/register');
    expect(await clerk.page.$eval('[data-on-the-spot]', (e) => (e as HTMLElement).hidden)).toBe(false);
    await clerk.choose('evidence.channel', 'fax');
    // Only an applicant at the counter can be answered on the spot (Art. 33 para 1).
    expect(await clerk.page.$eval('[data-on-the-spot]', (e) => (e as HTMLElement).hidden)).toBe(true);
    await clerk.choose('evidence.channel', 'in_person');
    await fillApplicant(clerk, '当场答复申请人', '11010519491231002X');
    await clerk.type('#f-informationSought', '县政府2026年政府工作报告');
    await clerk.page.click('#f-onTheSpot');
    await clerk.page.select('#f-onTheSpotReply-outcome', 'already_public');
    await clerk.type(
      '#f-onTheSpotReply-detail-accessInstructions',
      '已在郯城县人民政府网站“政府工作报告”栏目公开',
    );
    await clerk.shot('29-register-on-the-spot');
    await clerk.submit('.submit-bar button[type=submit]');
    expect(await clerk.text('.flash')).toContain('已登记并当场答复');
    expect(await clerk.text('.case-head')).toContain('已办结');
    // Its letter was not issued at registration: it is issued here, with its pre-issue check.
    expect(await clerk.text('#letters')).toContain('政府信息公开申请答复书');
    await clerk.submit('[id^="doc-reply_disclosed"] button[type=submit]');
    expect(await clerk.text('.flash')).toMatch(/已出具政府信息公开申请答复书（郯自然资信复〔2026〕\d+号）/);
    await clerk.shot('30-on-the-spot-reply-letter');
    expect(clerk.problems).toEqual([]);
  });

  it('shows an approver their own agency’s dashboard and report', async () => {
    const approver = await browser.signIn('zrzyj.approver');
    await approver.go('/supervision');
    expect(await approver.text('h1')).toBe('督查概况：郯城县自然资源局');
    expect(await approver.page.$('#f-agencyId')).toBeNull();
    await approver.shot('31-approver-dashboard');
    await approver.go('/annual-report?year=2026');
    expect(await approver.text('h1')).toBe('郯城县自然资源局2026年政府信息公开工作年度报告（表三、表四）');
    expect(approver.problems).toEqual([]);
  });

  it('shows the supervisor and the admin their pages', async () => {
    const supervisor = await browser.signIn('gov-office.supervisor');
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
    // A new agency: its reconsideration body follows from its type and parent (复议法 Art. 24, 27).
    await admin.go('/admin/agencies/new');
    await admin.page.select('#f-type', 'town');
    const county = await admin.page.$$eval('#f-parentId option', (options) =>
      options.find((o) => o.textContent?.includes('（县级人民政府）'))?.getAttribute('value'),
    );
    await admin.page.select('#f-parentId', county as string);
    await admin.waitForText('#remedy-default', '按规则确定：郯城县人民政府');
    // A town (or street office): Art. 24 names the county government; no item is cited (legal-rules
    // quotes item (二) for 乡镇 only), and no other body may be typed.
    expect(await admin.text('#remedy-default')).toContain('（行政复议法第二十四条）');
    expect(await admin.text('#remedy-default')).toContain('不能改填其他机关');
    await admin.shot('32-admin-agency-new');
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
