import { DataSource } from 'typeorm';
import { CaseEvent } from '../../src/cases/case-event.entity.js';
import { CaseSweepService } from '../../src/cases/case-sweep.service.js';
import { CaseClockService } from '../../src/cases/case-clock.service.js';
import { DisclosureCase } from '../../src/cases/disclosure-case.entity.js';
import type { Outcome } from '../../src/cases/outcome.js';
import { DEMO_APP, type AuthedHttp } from '../support/auth.js';
import { CaseDesk, detailFor, type CaseBody } from '../support/case-desk.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

type Body = CaseBody;

/**
 * Steps typed out of order or late must follow the law's dates: a reply is not dated before its
 * approval, a lapse the sweep applied gives way to a correction or payment made in time, and nothing is
 * disclosed over a consulted party's head.
 */
describe('case steps and the law’s dates', () => {
  let t: TestApp;
  let desk: CaseDesk;

  beforeAll(async () => {
    t = await createTestApp(DEMO_APP);
    desk = new CaseDesk(t);
  });
  afterAll(() => t.close());

  beforeEach(() => desk.at('2026-11-27'));

  const open = (overrides: object = {}) => desk.open(overrides);
  const step = (who: AuthedHttp, c: Body, action: string, body: object = {}, status = 200) =>
    desk.step(who, c, action, body, status);
  const at = (date: string) => desk.at(date);

  describe('the law’s dates, not the order things are typed in', () => {
    const approved = async (outcome: Outcome, detail: object = detailFor(outcome), at0?: Body) => {
      let c = at0 ?? (await open());
      c = await step(desk.handler, c, 'drafting');
      c = await step(desk.handler, c, 'draft', { outcome, detail });
      c = await step(desk.handler, c, 'review-request');
      return step(desk.approver, c, 'approval');
    };

    /** A 补正 with its period to 12-11, then the lapse job run on `day`. */
    const correctionAskedThenSwept = async (day: string) => {
      const c = await open({ handlerId: undefined });
      await step(desk.clerk, c, 'correction-request', {
        noticeSentOn: '2026-11-27',
        items: ['请写明年份'],
        periodEndsOn: '2026-12-11',
        means: '邮寄',
      });
      await at(day);
      await t.app.get(CaseSweepService).sweep();
      return desk.get(c);
    };
    /** A fee notice received by the applicant on 11-27: 20 WD to pay, to 12-25. */
    const feeNoticeReceived = (c: Body) =>
      step(desk.handler, c, 'fee-notice', {
        sentOn: '2026-11-27',
        method: 'per_page',
        pages: 31,
        justification: '数量明显超过合理范围',
        paymentInstructions: '窗口缴纳',
        applicantReceivedOn: '2026-11-27',
      });

    it('refuses a reply dated before its approval (Art. 45), which would hide a late one', async () => {
      await at('2026-10-09');
      const received = await open({ evidence: { channel: 'in_person', submittedOn: '2026-10-09' } });
      expect(received.dueOn).toBe('2026-11-05');
      await at('2026-11-27');
      const c = await approved(
        'disclosed',
        detailFor('disclosed'),
        (await desk.clerk.get(`/api/v1/cases/${received.id}`)).body as Body,
      );
      const refused = await step(desk.clerk, c, 'reply', { repliedOn: '2026-11-04' }, 400);
      expect(refused.errors).toEqual([expect.objectContaining({ field: 'repliedOn' })]);
      expect(JSON.stringify(refused.errors)).toContain('2026-11-27');
      const replied = await step(desk.clerk, c, 'reply', { repliedOn: '2026-11-27' });
      expect(replied).toMatchObject({ status: 'issued', closedLate: true });
    });

    it('records an approval given on paper with its day, never before the review request', async () => {
      await at('2026-11-02');
      let c = await open({ evidence: { channel: 'in_person', submittedOn: '2026-11-02' } });
      c = await step(desk.handler, c, 'drafting');
      c = await step(desk.handler, c, 'draft', { outcome: 'not_held', detail: detailFor('not_held') });
      c = await step(desk.handler, c, 'review-request');
      await at('2026-11-27');
      c = (await desk.clerk.get(`/api/v1/cases/${c.id}`)).body as Body;
      const early = await step(desk.approver, c, 'approval', { approvedOn: '2026-11-01' }, 400);
      expect(early.errors).toEqual([expect.objectContaining({ field: 'approvedOn' })]);
      c = await step(desk.approver, c, 'approval', { approvedOn: '2026-11-20' });
      await step(desk.clerk, c, 'reply', { repliedOn: '2026-11-19' }, 400);
      const replied = await step(desk.clerk, c, 'reply', { repliedOn: '2026-11-20' });
      expect(replied).toMatchObject({ status: 'issued', repliedOn: '2026-11-20', closedLate: false });
    });

    it('warns of a 补正期限 too short to be 合理, and of a consultation whose receipt is not recorded', async () => {
      let c = await open();
      c = await step(desk.handler, c, 'correction-request', {
        noticeSentOn: '2026-11-27',
        items: ['请写明年份'],
        periodEndsOn: '2026-11-30',
        means: '邮寄',
      });
      expect(c.notices.join()).toContain('补正期限只有 1 个工作日（且告知以邮寄送达）');
      const other = await open();
      const consulting = await step(desk.handler, other, 'consultations', {
        kind: 'agency',
        partyName: '郯城县住房和城乡建设局',
        matter: '共同制作的文件',
        dispatchedOn: '2026-11-27',
      });
      expect(consulting.notices.join()).toContain('请在对方收到征求意见书后登记收到日期');
    });

    it('asks the reason of an Art. 35 period, and flags a very long one', async () => {
      const c = await open();
      const bare = await step(
        desk.approver,
        c,
        'art35-period',
        { dueOn: '2027-03-01', notifiedOn: '2026-11-27', reason: '太多' },
        400,
      );
      expect(bare.errors).toEqual([expect.objectContaining({ field: 'reason' })]);
      const long = await step(desk.approver, c, 'art35-period', {
        dueOn: '2027-12-31',
        notifiedOn: '2026-11-27',
        reason: '一次申请 300 项信息，需逐项检索档案',
      });
      expect(long.notices.join()).toContain('第三十五条');
    });

    it('refuses a corrected application received before the 补正 notice', async () => {
      await at('2026-11-20');
      let c = await open({
        handlerId: undefined,
        evidence: { channel: 'in_person', submittedOn: '2026-11-20' },
      });
      await at('2026-11-27');
      c = (await desk.clerk.get(`/api/v1/cases/${c.id}`)).body as Body;
      c = await step(desk.clerk, c, 'correction-request', {
        noticeSentOn: '2026-11-26',
        items: ['请写明所需信息的年份'],
        periodEndsOn: '2026-12-11',
        means: '当面告知',
      });
      const refused = await step(
        desk.clerk,
        c,
        'correction',
        { evidence: { channel: 'in_person', submittedOn: '2026-11-25' } },
        400,
      );
      expect(refused.errors).toEqual([expect.objectContaining({ field: 'evidence' })]);
      const after = (await desk.clerk.get(`/api/v1/cases/${c.id}`)).body as Body;
      expect(after).toMatchObject({ status: 'awaiting_correction', version: c.version });
    });

    it('reinstates a case the sweep closed when the correction had come in time (Art. 30)', async () => {
      let c = await correctionAskedThenSwept('2026-12-14');
      expect(c).toMatchObject({ status: 'deemed_withdrawn', outcome: 'deemed_withdrawn_correction' });
      expect(c.allowedActions).toContain('receive_correction');
      // Signed for by the post room on the period's last day, recorded on Monday.
      c = await step(desk.clerk, c, 'correction', {
        evidence: { channel: 'post_signed', signedForOn: '2026-12-11', trackingNumber: 'EA123456789CN' },
      });
      expect(c).toMatchObject({ status: 'registered', outcome: null, closedOn: null });
      expect(c.clock).toMatchObject({ state: 'running', clockStartedOn: '2026-12-11' });
      expect(c.notices.join()).toContain('恢复办理');
    });

    it('lets the approver take an approval back until the reply is made', async () => {
      const c = await approved('not_held');
      const back = await step(desk.approver, c, 'return', { comment: '检索范围还需补充' });
      expect(back).toMatchObject({ status: 'drafting' });
    });

    it('takes a late correction after the sweep only with the applicant’s 正当理由', async () => {
      let c = await correctionAskedThenSwept('2026-12-15');
      const evidence = { channel: 'in_person', submittedOn: '2026-12-15' };
      const refused = await step(desk.clerk, c, 'correction', { evidence }, 400);
      expect(refused.errors).toEqual([expect.objectContaining({ field: 'lateReason' })]);
      c = await step(desk.clerk, c, 'correction', { evidence, lateReason: '申请人住院治疗，有医院证明' });
      expect(c).toMatchObject({ status: 'registered', outcome: null });
      expect(c.clock.clockStartedOn).toBe('2026-12-15');
    });

    it('refuses a payment after the 20 WD even before the sweep has closed the case (Art. 42)', async () => {
      let c = await open();
      c = await feeNoticeReceived(c);
      await at('2026-12-28');
      const refused = await step(desk.clerk, c, 'fee-payment', { paidOn: '2026-12-28' }, 409);
      expect(refused).toMatchObject({ code: 'CASE_DEADLINE_RULE' });
      expect((refused as unknown as { detail: string }).detail).toContain('2026-12-25');
      const after = (await desk.clerk.get(`/api/v1/cases/${c.id}`)).body as Body;
      expect(after).toMatchObject({ status: 'awaiting_fee', version: c.version });
    });

    it('reinstates a case the sweep closed when the fee had been paid in time', async () => {
      let c = await open();
      c = await feeNoticeReceived(c);
      await at('2026-12-28');
      await t.app.get(CaseSweepService).sweep();
      c = (await desk.clerk.get(`/api/v1/cases/${c.id}`)).body as Body;
      expect(c).toMatchObject({ status: 'deemed_withdrawn', outcome: 'deemed_withdrawn_fee' });
      c = await step(desk.clerk, c, 'fee-payment', { paidOn: '2026-12-24', receiptNumber: 'NO.0012' });
      expect(c).toMatchObject({ status: 'investigating', outcome: null, closedOn: null });
      expect(c.clock.state).toBe('running');
      expect(c.notices.join()).toContain('恢复办理');
    });

    it('refuses to disclose before a consulted third party has answered or its 15 WD have run out (Art. 32)', async () => {
      let c = await open();
      c = await step(desk.handler, c, 'consultations', {
        kind: 'third_party',
        partyName: '郯城县某建材有限公司',
        matter: '拟公开的协议含贵公司报价',
        dispatchedOn: '2026-11-27',
        partyReceivedOn: '2026-11-27',
      });
      c = await approved('disclosed', detailFor('disclosed'), c);
      const refused = await step(desk.clerk, c, 'reply', { repliedOn: '2026-11-27' }, 409);
      expect(refused).toMatchObject({ code: 'CASE_CONSULTATION_PENDING' });
      expect((refused as unknown as { detail: string }).detail).toContain('2026-12-18');
      // A refusal does not wait for the party.
      const other = await approved('not_held', detailFor('not_held'));
      await step(desk.clerk, other, 'reply', { repliedOn: '2026-11-27' });
      // Once its period has run out, silence leaves the decision to the agency.
      await at('2026-12-21');
      c = (await desk.clerk.get(`/api/v1/cases/${c.id}`)).body as Body;
      const replied = await step(desk.clerk, c, 'reply', { repliedOn: '2026-12-21' });
      expect(replied.status).toBe('issued');
    });

    it('discloses over a third party’s objection only with public-interest reasons, and says to tell it in writing', async () => {
      let c = await open();
      c = await step(desk.handler, c, 'consultations', {
        kind: 'third_party',
        partyName: '郯城县某建材有限公司',
        matter: '拟公开的协议含贵公司报价',
        dispatchedOn: '2026-11-27',
        partyReceivedOn: '2026-11-27',
      });
      c = await step(desk.handler, c, 'consultations/reply', {
        consultationId: c.consultations[0].id,
        repliedOn: '2026-11-27',
        result: 'objection',
        summary: '涉及商业秘密，不同意公开',
      });
      // Without public-interest reasons the draft does not even go to review.
      c = await step(desk.handler, c, 'drafting');
      c = await step(desk.handler, c, 'draft', { outcome: 'disclosed', detail: detailFor('disclosed') });
      const refused = await step(desk.handler, c, 'review-request', {}, 409);
      expect(refused).toMatchObject({ code: 'CASE_CONSULTATION_PENDING' });
      expect(refused.detail).toContain('公共利益');
      c = await step(desk.handler, c, 'draft', {
        outcome: 'disclosed',
        detail: {
          ...detailFor('disclosed'),
          reasons: '该协议涉及公共财政资金使用，不公开将对公共利益造成重大影响，决定予以公开。',
        },
      });
      c = await step(desk.handler, c, 'review-request');
      c = await step(desk.approver, c, 'approval');
      const replied = await step(desk.clerk, c, 'reply', { repliedOn: '2026-11-27' });
      expect(replied.status).toBe('issued');
      expect(replied.notices.join()).toContain('书面告知第三方“郯城县某建材有限公司”');
    });

    it('refuses a 重复申请 whose “earlier” reply is dated after this application (Art. 36(6))', async () => {
      let c = await open();
      c = await step(desk.handler, c, 'drafting');
      c = await step(desk.handler, c, 'draft', {
        outcome: 'repeat_application',
        detail: {
          ...detailFor('repeat_application'),
          earlierReply: { date: '2026-11-27', reference: '郯自然资信复〔2026〕3号' },
        },
      });
      expect(c.notices.join()).toContain('早于本次申请的收到日期');
      const refused = await step(desk.handler, c, 'review-request', {}, 400);
      expect(refused.errors?.map((e) => e.field)).toEqual(['detail.earlierReply.date']);
    });
  });

  it('agrees with its events: each case here replays to its stored status and clock', async () => {
    // Replayed on a day after every event here (an event after "today" would read as not yet happened).
    await at('2026-12-31');
    await t.app.get(CaseSweepService).sweep(); // paused cases' projections move with today
    const ds = t.app.get(DataSource);
    const clocks = t.app.get(CaseClockService);
    const cases = await ds.getRepository(DisclosureCase).find();
    expect(cases.length).toBeGreaterThanOrEqual(10); // the cases of the tests above
    for (const c of cases) {
      const events = await ds
        .getRepository(CaseEvent)
        .find({ where: { caseId: c.id }, order: { seq: 'ASC' } });
      expect(events.at(-1)?.toStatus).toBe(c.status);
      const clock = await clocks.compute(c, events);
      expect({ id: c.id, dueOn: clock.dueOn, state: clock.state }).toEqual({
        id: c.id,
        dueOn: c.dueOn,
        state: c.clockState,
      });
    }
  });
});
