import { DataSource } from 'typeorm';
import { CaseEvent } from '../../src/cases/case-event.entity.js';
import { CaseSweepService } from '../../src/cases/case-sweep.service.js';
import { CASE_NOTES } from '../../src/cases/case-timeline.service.js';
import { CASE_TRANSITIONS } from '../../src/cases/case.workflow.js';
import { CaseClockService } from '../../src/cases/case-clock.service.js';
import { DisclosureCase } from '../../src/cases/disclosure-case.entity.js';
import { DRAFTABLE_OUTCOMES } from '../../src/cases/outcome.rules.js';
import { as, DEMO_APP, signIn, type AuthedHttp } from '../support/auth.js';
import { CaseDesk, detailFor, REASONS, type CaseBody } from '../support/case-desk.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

type Body = CaseBody;

describe('case journeys over HTTP', () => {
  let t: TestApp;
  let desk: CaseDesk;
  let otherHandler: AuthedHttp;

  beforeAll(async () => {
    t = await createTestApp(DEMO_APP);
    desk = new CaseDesk(t);
    otherHandler = as(t, await signIn(t, 'jtj.handler'));
  });
  afterAll(() => t.close());

  beforeEach(() => desk.at('2026-11-27'));

  const open = (overrides: object = {}) => desk.open(overrides);
  const step = (who: AuthedHttp, c: Body, action: string, body: object = {}, status = 200) =>
    desk.step(who, c, action, body, status);
  const at = (date: string) => desk.at(date);

  describe('every outcome, from registration to the archive', () => {
    it.each(DRAFTABLE_OUTCOMES.map((o) => [o]))('%s', async (outcome) => {
      let c = await open();
      expect(c.status).toBe('investigating');
      // Art. 30: “补正后仍不明确” presupposes a 补正; its reply letter is refused without one.
      const corrected = outcome === 'unclear_after_correction';
      if (corrected) {
        c = await step(desk.handler, c, 'correction-request', {
          noticeSentOn: '2026-11-27',
          items: ['请写明所需信息的年份和地块'],
          periodEndsOn: '2026-12-11',
          means: '当面告知',
        });
        c = await step(desk.clerk, c, 'correction', {
          evidence: { channel: 'in_person', submittedOn: '2026-11-27' },
        });
      }
      c = await step(desk.handler, c, 'drafting');
      c = await step(desk.handler, c, 'draft', { outcome, detail: detailFor(outcome) });
      c = await step(desk.handler, c, 'review-request');
      expect(c.status).toBe('in_review');
      c = await step(desk.approver, c, 'approval');
      c = await step(desk.clerk, c, 'reply', { repliedOn: '2026-11-27' });
      expect(c).toMatchObject({ status: 'issued', outcome, repliedOn: '2026-11-27', closedLate: false });
      expect(c.clock.state).toBe('stopped');
      c = await step(desk.clerk, c, 'service', {
        servedOn: '2026-11-27',
        means: 'EMS',
        proof: 'EMS 1234567890123',
      });
      c = await step(desk.clerk, c, 'archive');
      expect(c).toMatchObject({ status: 'archived', outcome, allowedActions: [] });
      const events = await desk.clerk.get(`/api/v1/cases/${c.id}/events`).expect(200);
      expect(events.body.map((e: { action: string }) => e.action)).toEqual([
        'register',
        'assign',
        ...(corrected ? ['request_correction', 'receive_correction'] : []),
        'start_drafting',
        'save_draft',
        'submit_for_review',
        'approve',
        'issue_reply',
        'serve',
        'archive',
      ]);
      expect(events.body[corrected ? 7 : 5]).toMatchObject({
        actorRole: 'approver',
        fromStatus: 'in_review',
        toStatus: 'approved',
      });
    });

    it('refuses to submit a refusal without its legal basis, reasons or facts', async () => {
      let c = await open();
      c = await step(desk.handler, c, 'drafting');
      c = await step(desk.handler, c, 'draft', {
        outcome: 'not_held',
        detail: { basis: '第三十六条第（四）项', reasons: REASONS },
      });
      expect(c.notices.join()).toContain('检索');
      const refused = await step(desk.handler, c, 'review-request', {}, 400);
      expect(refused.errors?.map((e) => e.field)).toEqual(['detail.searchDescription']);
      const again = await desk.clerk.get(`/api/v1/cases/${c.id}`).expect(200);
      expect(again.body).toMatchObject({ status: 'drafting', version: c.version });
    });
  });

  describe('补正 (Art. 30)', () => {
    it('stops the clock, and restarts 20 WD from the corrected application', async () => {
      let c = await open({ handlerId: undefined });
      c = await step(desk.clerk, c, 'correction-request', {
        noticeSentOn: '2026-11-27',
        items: ['请写明所需信息的年份', '请写明地块位置'],
        periodEndsOn: '2026-12-11',
        means: '当面告知',
      });
      expect(c).toMatchObject({ status: 'awaiting_correction', dueOn: null, dueFlag: 'awaiting_correction' });
      await at('2026-12-03');
      c = await step(desk.clerk, c, 'correction', {
        evidence: { channel: 'in_person', submittedOn: '2026-12-03' },
      });
      // 20 WD from Thursday 12-03: 12-31.
      expect(c).toMatchObject({ status: 'registered', receivedOn: '2026-11-27', dueOn: '2026-12-31' });
      expect(c.clock.clockStartedOn).toBe('2026-12-03');
      expect(c.clock.explanation.map((s) => s.text).join()).toContain('重新计算');
    });

    it('refuses a notice after the 7th working day, naming the last day', async () => {
      const c = await open({
        handlerId: undefined,
        evidence: { channel: 'in_person', submittedOn: '2026-11-17' },
      });
      expect(c.clock.correctionNoticeDueOn).toBe('2026-11-26');
      const refused = await step(
        desk.clerk,
        c,
        'correction-request',
        { noticeSentOn: '2026-11-27', items: ['x'], periodEndsOn: '2026-12-11', means: '邮寄' },
        409,
      );
      expect(refused).toMatchObject({ code: 'CASE_CORRECTION_TOO_LATE' });
      expect((refused as unknown as { detail: string }).detail).toContain('2026-11-26');
    });

    it('closes the case as 视为放弃 when the period lapses (其他处理 row 1)', async () => {
      let c = await open({ handlerId: undefined });
      c = await step(desk.clerk, c, 'correction-request', {
        noticeSentOn: '2026-11-27',
        items: ['请写明年份'],
        periodEndsOn: '2026-12-11',
        means: '邮寄',
      });
      await at('2026-12-11');
      expect((await t.app.get(CaseSweepService).sweep()).correctionLapses).toBe(0);
      await at('2026-12-14');
      expect((await t.app.get(CaseSweepService).sweep()).correctionLapses).toBeGreaterThanOrEqual(1);
      const after = (await desk.clerk.get(`/api/v1/cases/${c.id}`).expect(200)).body as Body;
      expect(after).toMatchObject({
        status: 'deemed_withdrawn',
        outcome: 'deemed_withdrawn_correction',
        closedOn: '2026-12-12',
      });
      expect((await t.app.get(CaseSweepService).sweep()).correctionLapses).toBe(0); // once only
    });
  });

  describe('consultations (Art. 32, 34)', () => {
    it('pause the clock while open and exclude their working days', async () => {
      let c = await open();
      expect(c.dueOn).toBe('2026-12-25');
      c = await step(desk.handler, c, 'consultations', {
        kind: 'third_party',
        partyName: '郯城县某建材有限公司',
        matter: '拟公开的协议含贵公司报价',
        dispatchedOn: '2026-11-27',
      });
      expect(c.clock.state).toBe('paused');
      await at('2026-12-04');
      const consultationId = c.consultations[0].id;
      c = await step(desk.clerk, c, 'consultations/receipt', {
        consultationId,
        partyReceivedOn: '2026-11-30',
      });
      expect(c.consultations[0].periodEndsOn).toBe('2026-12-21');
      c = await step(desk.handler, c, 'consultations/reply', {
        consultationId,
        repliedOn: '2026-12-04',
        result: 'objection',
        summary: '涉及商业秘密，不同意公开',
      });
      // 11-30…12-04 excluded (5 WD); 20 WD from 12-04 cross into 2027, whose schedule is unpublished.
      expect(c.clock).toMatchObject({
        state: 'running',
        excludedWorkingDays: 5,
        dueOn: '2027-01-04',
        provisional: true,
      });
      expect(c.notices.join()).toContain('第三十二条');
    });

    it('treat another agency’s silence as consent once its 15 WD lapse', async () => {
      let c = await open();
      c = await step(desk.handler, c, 'consultations', {
        kind: 'agency',
        partyName: '郯城县住房和城乡建设局',
        matter: '共同制作的文件',
        dispatchedOn: '2026-11-27',
        partyReceivedOn: '2026-11-27',
      });
      expect(c.consultations[0].periodEndsOn).toBe('2026-12-18');
      await at('2026-12-21');
      await t.app.get(CaseSweepService).sweep();
      const after = (await desk.clerk.get(`/api/v1/cases/${c.id}`).expect(200)).body as Body;
      expect(after.consultations[0].result).toBe('deemed_consent');
      expect(after.clock.state).toBe('running');
    });
  });

  describe('fees (Art. 42, 国办函〔2020〕109号)', () => {
    it('computes the fee by the tiers, waits for payment, then resumes', async () => {
      let c = await open();
      c = await step(desk.handler, c, 'fee-notice', {
        sentOn: '2026-11-27',
        method: 'per_page',
        pages: 120,
        justification: '申请复制的资料数量明显超过合理范围',
        paymentInstructions: '到县政务服务中心窗口缴纳',
        applicantReceivedOn: '2026-11-27',
      });
      expect(c.status).toBe('awaiting_fee');
      const events = await desk.clerk.get(`/api/v1/cases/${c.id}/events`).expect(200);
      expect(events.body.at(-1).data).toMatchObject({ amountYuan: 1100 });
      await at('2026-12-02');
      c = await step(desk.clerk, c, 'fee-payment', { paidOn: '2026-12-02' });
      expect(c).toMatchObject({ status: 'investigating' });
      expect(c.clock.excludedWorkingDays).toBe(3);
    });

    it('closes the case as 视为放弃 when the fee is not paid within 20 WD (其他处理 row 2)', async () => {
      let c = await open();
      c = await step(desk.handler, c, 'fee-notice', {
        sentOn: '2026-11-27',
        method: 'per_page',
        pages: 31,
        justification: '数量明显超过合理范围',
        paymentInstructions: '窗口缴纳',
      });
      await at('2026-12-28');
      await t.app.get(CaseSweepService).sweep();
      expect(((await desk.clerk.get(`/api/v1/cases/${c.id}`)).body as Body).status).toBe('awaiting_fee'); // receipt unknown
      c = (await desk.clerk.get(`/api/v1/cases/${c.id}`)).body as Body;
      c = await step(desk.clerk, c, 'fee-notice/receipt', { applicantReceivedOn: '2026-11-27' });
      await t.app.get(CaseSweepService).sweep();
      const after = (await desk.clerk.get(`/api/v1/cases/${c.id}`)).body as Body;
      expect(after).toMatchObject({
        status: 'deemed_withdrawn',
        outcome: 'deemed_withdrawn_fee',
        closedOn: '2026-12-26',
      });
    });
  });

  describe('extension (Art. 33 para 2)', () => {
    it('adds 20 WD once approved and notified before the original due date', async () => {
      let c = await open();
      c = await step(desk.handler, c, 'extension-request', { days: 20, reason: '需调取档案室历史档案' });
      c = await step(desk.approver, c, 'extension-decision', { approve: true, decidedOn: '2026-11-27' });
      expect(c.dueOn).toBe('2026-12-25'); // not yet notified
      c = await step(desk.clerk, c, 'extension-notice', {
        notifiedOn: '2026-11-27',
        means: '当面送达延期答复告知书',
      });
      expect(c).toMatchObject({ dueOn: '2027-01-25', clockProvisional: true });
      expect(c.clock.extension).toMatchObject({ days: 20, counted: true });
      const again = await step(desk.handler, c, 'extension-request', { days: 5, reason: '再延' }, 409);
      expect(again.code).toBe('CASE_EXTENSION_NOT_ALLOWED');
    });

    it('is refused once the original period has run out', async () => {
      const c = await open();
      await at('2026-12-28');
      const refused = await step(desk.handler, c, 'extension-request', { days: 10, reason: '太迟了' }, 409);
      expect(refused.code).toBe('CASE_EXTENSION_NOT_ALLOWED');
    });
  });

  it('Art. 35: a notified reasonable period replaces the due date', async () => {
    let c = await open();
    c = await step(desk.approver, c, 'art35-period', {
      dueOn: '2027-03-31',
      notifiedOn: '2026-11-27',
      reason: '一次申请 80 项信息',
    });
    expect(c).toMatchObject({ dueOn: '2027-03-31' });
  });

  it('records the applicant’s withdrawal (其他处理 row 3)', async () => {
    let c = await open();
    c = await step(desk.clerk, c, 'withdrawal', { withdrawnOn: '2026-11-27', means: '申请人书面撤回' });
    expect(c).toMatchObject({ status: 'withdrawn', outcome: 'withdrawn', closedOn: '2026-11-27' });
    c = await step(desk.clerk, c, 'archive');
    expect(c.status).toBe('archived');
  });

  describe('wrong steps', () => {
    it('answers 409 with the allowed steps for a step the state does not allow', async () => {
      const c = await open();
      const res = await desk.approver
        .post(`/api/v1/cases/${c.id}/approval`)
        .send({ version: c.version })
        .expect(409);
      expect(res.body).toMatchObject({
        code: 'CASE_INVALID_TRANSITION',
        status: 409,
        caseStatus: 'investigating',
      });
      expect(res.body.allowedActions).toEqual(
        expect.arrayContaining(['decide_extension', 'set_art35_period']),
      );
    });

    it('answers 403 to a desk.handler acting on another handler’s case, 404 on another agency’s', async () => {
      const c = await open();
      const colleague = as(t, await signIn(t, 'zrzyj.approver'));
      const res = await colleague.post(`/api/v1/cases/${c.id}/drafting`).send({ version: c.version });
      expect(res.status).toBe(403);
      await otherHandler.post(`/api/v1/cases/${c.id}/drafting`).send({ version: c.version }).expect(404);
    });

    it('answers 409 to a stale version, and 50 simultaneous conflicting steps leave exactly one applied', async () => {
      const c = await open({ handlerId: undefined });
      const results = await Promise.all(
        Array.from({ length: 50 }, () =>
          desk.clerk
            .post(`/api/v1/cases/${c.id}/assign`)
            .send({ version: c.version, handlerId: desk.handlerId }),
        ),
      );
      const statuses = results.map((r) => r.status);
      expect(statuses.filter((s) => s === 200)).toHaveLength(1);
      expect(statuses.filter((s) => s === 409)).toHaveLength(49);
      expect(results.find((r) => r.status === 409)?.body.code).toBe('STALE_VERSION');
      const events = await desk.clerk.get(`/api/v1/cases/${c.id}/events`).expect(200);
      expect(events.body.map((e: { action: string }) => e.action)).toEqual(['register', 'assign']);
      const now = (await desk.clerk.get(`/api/v1/cases/${c.id}`)).body as Body;
      expect(now).toMatchObject({ status: 'investigating', version: c.version + 1 });
    });

    it('keeps the event record append-only in the database', async () => {
      const c = await open();
      const ds = t.app.get(DataSource);
      await expect(ds.query(`UPDATE case_event SET reason = 'x' WHERE case_id = $1`, [c.id])).rejects.toThrow(
        /append-only/,
      );
      await expect(ds.query(`DELETE FROM case_event WHERE case_id = $1`, [c.id])).rejects.toThrow(
        /append-only/,
      );
    });
  });

  describe('a calendar change', () => {
    it('lists the cases whose due dates would move, then moves them with a timeline entry', async () => {
      const c = await open();
      expect(c).toMatchObject({ dueOn: '2026-12-25', clockProvisional: false });
      const longCase = await open({ evidence: { channel: 'in_person', submittedOn: '2026-11-27' } });
      let extended = await step(desk.handler, longCase, 'extension-request', {
        days: 20,
        reason: '需调取档案',
      });
      extended = await step(desk.approver, extended, 'extension-decision', {
        approve: true,
        decidedOn: '2026-11-27',
      });
      extended = await step(desk.clerk, extended, 'extension-notice', {
        notifiedOn: '2026-11-27',
        means: '当面告知',
      });
      expect(extended.dueOn).toBe('2027-01-25');
      // A test schedule for 2027 (not the real one): 1–3 January off, 25 January off.
      const year2027 = {
        year: 2027,
        papers: ['https://example.test/2027'],
        days: [
          { name: '元旦', date: '2027-01-01', isOffDay: true },
          { name: '测试放假', date: '2027-01-25', isOffDay: true },
        ],
      };
      const admin = as(t, await signIn(t, 'admin'));
      const dry = await admin.put('/api/v1/calendar/years/2027?dryRun=true').send(year2027).expect(200);
      const impact = JSON.stringify(dry.body);
      expect(impact).toContain(extended.id);
      expect(impact).not.toContain(c.id);
      await admin.put('/api/v1/calendar/years/2027').send(year2027).expect(200);
      const moved = (await desk.clerk.get(`/api/v1/cases/${extended.id}`)).body as Body;
      expect(moved).toMatchObject({ dueOn: '2027-01-26', clockProvisional: false });
      const events = await desk.clerk.get(`/api/v1/cases/${extended.id}/events`).expect(200);
      expect(events.body.at(-1)).toMatchObject({
        action: 'recompute',
        actorRole: 'system',
        changes: { dueOn: ['2027-01-25', '2027-01-26'] },
      });
    });
  });

  it('agrees with its events: replaying every case gives its stored status and due date', async () => {
    const ds = t.app.get(DataSource);
    await t.app.get(CaseSweepService).sweep(); // paused cases' projections move with today
    const cases = await ds.getRepository(DisclosureCase).find();
    expect(cases.length).toBeGreaterThan(30);
    const clocks = t.app.get(CaseClockService);
    const allowed = new Set(CASE_TRANSITIONS.map((tr) => `${tr.action}:${tr.from}>${tr.to}`));
    for (const c of cases) {
      const events = await ds
        .getRepository(CaseEvent)
        .find({ where: { caseId: c.id }, order: { seq: 'ASC' } });
      expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
      expect(events.at(-1)?.toStatus).toBe(c.status);
      for (const [i, e] of events.entries()) {
        if (i === 0) {
          expect(e).toMatchObject({ action: 'register', fromStatus: null });
          continue;
        }
        expect(e.fromStatus).toBe(events[i - 1].toStatus);
        // Every step is one the transition table allows (the on-the-spot reply is part of registration).
        if ((CASE_NOTES as readonly string[]).includes(e.action) || e.data.onTheSpot) continue;
        expect(e.toStatus).not.toBe(undefined);
        expect(allowed.has(`${e.action}:${e.fromStatus}>${e.toStatus}`)).toBe(true);
      }
      const clock = await clocks.compute(c, events);
      expect({ id: c.id, dueOn: clock.dueOn, state: clock.state }).toEqual({
        id: c.id,
        dueOn: c.dueOn,
        state: c.clockState,
      });
    }
  });
});
