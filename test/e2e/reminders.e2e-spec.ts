import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { RemindersService } from '../../src/notifications/reminders.service.js';
import { agencyId, as, DEMO_APP, signIn } from '../support/auth.js';
import { Given } from '../support/cases.js';
import { scripted } from '../support/supervision.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** A real SMTP server in the test process: every message it accepts, parsed. */
async function startSmtpServer(): Promise<{ port: number; mails: ParsedMail[]; close: () => Promise<void> }> {
  const mails: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          mails.push(mail);
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { port, mails, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/**
 * Two app instances on one database send each reminder once (the unique constraints decide, not
 * the queue), to the handler and the approver, in the app and by e-mail through a real SMTP server.
 */
describe('reminders across two instances (e2e)', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let one: TestApp;
  let two: TestApp;
  let zrzyj: string;
  let cases: Record<'overdue' | 'dueToday' | 'paused' | 'farOff', { id: string; caseNumber: string }>;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    const env = {
      ...DEMO_APP.env,
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtp.port),
      SMTP_FROM: '"郯城县政务公开提醒" <gip@tancheng.example>',
    };
    one = await createTestApp({ ...DEMO_APP, env });
    two = await createTestApp({ env, database: one.database });
    zrzyj = await agencyId(one, 'tc-zrzyj');
    const given = new Given(one);
    cases = {
      overdue: await scripted(one, given, zrzyj, { receivedOn: '2026-10-20' }), // due 11-17
      dueToday: await scripted(one, given, zrzyj, { receivedOn: '2026-10-30' }), // due 11-27
      paused: await scripted(one, given, zrzyj, {
        receivedOn: '2026-11-02',
        consultation: { on: '2026-11-25' },
      }),
      farOff: await scripted(one, given, zrzyj, { receivedOn: '2026-11-20' }), // 15 WD left
    };
    for (const username of ['zrzyj.handler', 'zrzyj.approver']) {
      const res = await as(one, await signIn(one, username))
        .put('/api/v1/notifications/settings')
        .send({ email: `${username}@tancheng.example`, emailEnabled: true });
      expect(res.status).toBe(200);
    }
  }, 120_000);

  afterAll(async () => {
    await two?.close();
    await one?.close();
    await smtp?.close();
  });

  it('sends each reminder once, whichever instance runs it and however often', async () => {
    const runs = await Promise.all([
      one.app.get(RemindersService).sendReminders(),
      two.app.get(RemindersService).sendReminders(),
      one.app.get(RemindersService).sendReminders(),
      two.app.get(RemindersService).sendReminders(),
    ]);
    expect(runs.reduce((n, r) => n + r.events, 0)).toBe(2); // overdue + due today; paused and far-off: none
    expect(runs.reduce((n, r) => n + r.notifications, 0)).toBe(4); // handler and approver, each twice
    const reminders = (await one.dataSource.query(
      `SELECT case_id, kind, due_on::text AS due_on FROM reminder ORDER BY kind`,
    )) as Array<{ case_id: string; kind: string; due_on: string }>;
    expect(reminders).toEqual([
      { case_id: cases.dueToday.id, kind: 'due_in_1', due_on: '2026-11-27' },
      { case_id: cases.overdue.id, kind: 'overdue', due_on: '2026-11-17' },
    ]);
    // A later run the same day finds nothing new.
    expect(await two.app.get(RemindersService).sendReminders()).toEqual({ events: 0, notifications: 0 });
  });

  it('notes the reminder once on the case’s timeline', async () => {
    const session = await signIn(one, 'zrzyj.clerk');
    const events = await as(one, session).get(`/api/v1/cases/${cases.overdue.id}/events`);
    const notes = events.body.filter((e: { action: string }) => e.action === 'reminder_sent');
    expect(notes).toHaveLength(1);
    expect(notes[0].data).toMatchObject({
      kind: 'overdue',
      dueOn: '2026-11-17',
      remainingWorkingDays: -8,
      recipients: ['县自然资源局承办人', '县自然资源局审核人'],
    });
  });

  it('e-mails each reminder once to each recipient who gave an address', async () => {
    const subjects = smtp.mails.map((m) => `${(m.to as { text: string }).text} ${m.subject}`).sort();
    expect(subjects).toEqual(
      [
        `zrzyj.approver@tancheng.example 【政府信息公开】已逾期：${cases.overdue.caseNumber} 答复期限 2026-11-17 已届满`,
        `zrzyj.approver@tancheng.example 【政府信息公开】期限提醒：${cases.dueToday.caseNumber} 今天到期（2026-11-27）`,
        `zrzyj.handler@tancheng.example 【政府信息公开】已逾期：${cases.overdue.caseNumber} 答复期限 2026-11-17 已届满`,
        `zrzyj.handler@tancheng.example 【政府信息公开】期限提醒：${cases.dueToday.caseNumber} 今天到期（2026-11-27）`,
      ].sort(),
    );
    expect(smtp.mails[0].from?.text).toContain('gip@tancheng.example');
    expect(smtp.mails[0].text).toContain('第三十三条');
  });

  it('sends the agency’s daily digest once, to its approvers and clerks', async () => {
    const runs = await Promise.all([
      one.app.get(RemindersService).sendDigests(),
      two.app.get(RemindersService).sendDigests(),
    ]);
    expect(runs.reduce((n, r) => n + r.notifications, 0)).toBe(2);
    const clerk = await signIn(one, 'zrzyj.clerk');
    const list = await as(one, clerk).get('/api/v1/notifications');
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({
      kind: 'digest',
      title: '每日提醒：郯城县自然资源局 逾期未办 1 件，即将到期 1 件',
      emailStatus: 'none', // the clerk gave no address: in the app only
    });
    // The approver's copy went by e-mail too: 4 reminders + 1 digest.
    expect(smtp.mails).toHaveLength(5);
  });

  it('lists the signed-in user’s notifications and marks them read', async () => {
    const handler = await signIn(one, 'zrzyj.handler');
    const api = as(one, handler);
    const unread = await api.get('/api/v1/notifications?unread=true');
    expect(unread.status).toBe(200);
    expect(unread.body).toMatchObject({ unreadCount: 2, total: 2 });
    expect(unread.body.items.every((n: { emailStatus: string }) => n.emailStatus === 'sent')).toBe(true);
    const first = unread.body.items[0].id as string;
    const read = await api.post(`/api/v1/notifications/${first}/read`);
    expect(read.status).toBe(200);
    expect(read.body.readAt).not.toBeNull();
    expect((await api.get('/api/v1/notifications?unread=true')).body.unreadCount).toBe(1);
    expect((await api.post('/api/v1/notifications/read-all')).body).toEqual({ marked: 1 });
    // Another user's notification is not theirs to read.
    const approver = await signIn(one, 'zrzyj.approver');
    expect((await as(one, approver).post(`/api/v1/notifications/${first}/read`)).status).toBe(404);
  });

  it('refuses e-mail reminders without an address', async () => {
    const clerk = await signIn(one, 'zrzyj.clerk');
    const res = await as(one, clerk).put('/api/v1/notifications/settings').send({ emailEnabled: true });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: 'email', message: '开启邮件提醒须填写电子邮箱' }]);
    const settings = await as(one, clerk).get('/api/v1/notifications/settings');
    expect(settings.body).toEqual({ email: null, emailEnabled: false, emailAvailable: true });
  });
});

describe('reminders without SMTP (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(DEMO_APP);
  });
  afterAll(() => t.close());

  it('stay in the app', async () => {
    const zrzyj = await agencyId(t, 'tc-zrzyj');
    const c = await scripted(t, new Given(t), zrzyj, { receivedOn: '2026-10-20' });
    const approver = await signIn(t, 'zrzyj.approver');
    await as(t, approver)
      .put('/api/v1/notifications/settings')
      .send({ email: 'a@tancheng.example', emailEnabled: true });
    expect(await t.app.get(RemindersService).sendReminders()).toEqual({ events: 1, notifications: 2 });
    const list = await as(t, approver).get('/api/v1/notifications');
    expect(
      list.body.items.map((n: { caseId: string; emailStatus: string }) => [n.caseId, n.emailStatus]),
    ).toEqual([[c.id, 'none']]);
    expect((await as(t, approver).get('/api/v1/notifications/settings')).body.emailAvailable).toBe(false);
  });
});
