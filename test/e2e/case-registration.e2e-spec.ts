import { DataSource } from 'typeorm';
import { DisclosureCase } from '../../src/cases/disclosure-case.entity.js';
import { as, DEMO_APP, signIn, type AuthedHttp } from '../support/auth.js';
import { applicant, registration } from '../support/cases.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * Registration (登记) over HTTP, as a clerk at 县自然资源局. Today is Friday 2026-11-27; Art. 31 decides
 * the receipt date, Art. 33 the due date (20 WD, the day of receipt not counted).
 */
describe('registering an application', () => {
  let t: TestApp;
  let clerk: AuthedHttp;
  let supervisor: AuthedHttp;
  let otherClerk: AuthedHttp;

  beforeAll(async () => {
    t = await createTestApp(DEMO_APP);
    clerk = as(t, await signIn(t, 'zrzyj.clerk'));
    supervisor = as(t, await signIn(t, 'gov-office.supervisor'));
    otherClerk = as(t, await signIn(t, 'jtj.clerk'));
  });
  afterAll(() => t.close());

  const register = (body: object, key?: string) => {
    const request = clerk.post('/api/v1/cases');
    if (key) void request.set('Idempotency-Key', key);
    return request.send(body);
  };

  describe('derives the legal receipt date from each channel’s evidence (Art. 31)', () => {
    it.each([
      [
        'in person (Art. 31(1))',
        { channel: 'in_person', submittedOn: '2026-11-26' },
        '2026-11-26',
        '2026-12-24',
      ],
      [
        'oral, written down by the office (Art. 29)',
        { channel: 'oral', submittedOn: '2026-11-27' },
        '2026-11-27',
        '2026-12-25',
      ],
      [
        'registered post: the day the agency signed for it, not the day the clerk opened it',
        { channel: 'post_signed', signedForOn: '2026-11-23', trackingNumber: 'EMS1234567890' },
        '2026-11-23',
        '2026-12-21',
      ],
      [
        'ordinary letter: the day of confirmation with the applicant',
        {
          channel: 'post_unsigned',
          arrivedOn: '2026-11-25',
          confirmedOn: '2026-11-25',
          confirmationMeans: '电话',
        },
        '2026-11-25',
        '2026-12-23',
      ],
      [
        'online with the platform’s own confirmation: the submission day (指导案例26号), even a Sunday',
        { channel: 'online', submittedAt: '2026-11-22T21:30:00+08:00', autoConfirmed: true },
        '2026-11-22',
        '2026-12-18',
      ],
      [
        'online, late evening UTC is already the next day in Shanghai',
        { channel: 'online', submittedAt: '2026-11-24T17:30:00Z', autoConfirmed: true },
        '2026-11-25',
        '2026-12-23',
      ],
      [
        'online without auto-confirmation: the day both sides confirmed',
        {
          channel: 'online',
          submittedAt: '2026-11-24T09:00:00+08:00',
          autoConfirmed: false,
          confirmedOn: '2026-11-25',
        },
        '2026-11-25',
        '2026-12-23',
      ],
      [
        'fax: the day both sides confirmed',
        {
          channel: 'fax',
          faxReceivedOn: '2026-11-26',
          confirmedOn: '2026-11-26',
          confirmationMeans: '电话回执',
        },
        '2026-11-26',
        '2026-12-24',
      ],
    ])('%s', async (_label, evidence, receivedOn, dueOn) => {
      const res = await register(registration({ evidence } as never)).expect(201);
      expect(res.body).toMatchObject({
        receivedOn,
        dueOn,
        status: 'registered',
        channel: evidence.channel,
        caseNumber: expect.stringMatching(/^2026-\d{5}$/),
        version: 1,
      });
      expect(res.body.clock.explanation[0].text).toContain(receivedOn);
      expect(res.body.clock.explanation[0].text).toContain('第三十一条');
    });

    it('asks why an ordinary letter was not confirmed on the day it arrived, and warns', async () => {
      const evidence = {
        channel: 'post_unsigned',
        arrivedOn: '2026-11-24',
        confirmedOn: '2026-11-26',
        confirmationMeans: '电话',
      };
      const refused = await register(registration({ evidence } as never)).expect(400);
      expect(refused.body.errors).toEqual([
        expect.objectContaining({ field: 'evidence.lateConfirmationReason' }),
      ]);
      const res = await register(
        registration({ evidence: { ...evidence, lateConfirmationReason: '当日电话无人接听' } } as never),
      ).expect(201);
      expect(res.body.receivedOn).toBe('2026-11-26');
      expect(res.body.notices.join()).toContain('晚于到达当日');
    });
  });

  describe('refuses bad input with field messages in Chinese, writing nothing', () => {
    const count = () => t.app.get(DataSource).getRepository(DisclosureCase).count();

    it.each([
      ['no information sought (Art. 29(二))', { informationSought: '' }, 'informationSought'],
      [
        'an ID number with a wrong check digit',
        { applicant: { ...registration().applicant, idNumber: '110105194912310021' } },
        'applicant.idNumber',
      ],
      [
        'a credit code with a wrong check character',
        {
          applicant: {
            ...registration().applicant,
            type: 'commercial_enterprise',
            idType: 'credit_code',
            idNumber: '91350100M000100Y44',
          },
        },
        'applicant.idNumber',
      ],
      [
        'a receipt date in the future',
        { evidence: { channel: 'in_person', submittedOn: '2026-11-28' } },
        'evidence.submittedOn',
      ],
      [
        'an impossible date',
        { evidence: { channel: 'in_person', submittedOn: '2026-02-30' } },
        'evidence.submittedOn',
      ],
      [
        'a confirmation before the submission',
        {
          evidence: {
            channel: 'online',
            submittedAt: '2026-11-25T09:00:00+08:00',
            autoConfirmed: false,
            confirmedOn: '2026-11-24',
          },
        },
        'evidence.confirmedOn',
      ],
      [
        'evidence of another channel',
        { evidence: { channel: 'in_person', submittedOn: '2026-11-27', signedForOn: '2026-11-27' } },
        'evidence.signedForOn',
      ],
      ['no requested form (Art. 29(三))', { requestedForm: undefined }, 'requestedForm'],
      ['no applicant at all', { applicant: undefined }, 'applicant'],
      [
        'a bad phone number',
        { applicant: { ...registration().applicant, phone: '12345' } },
        'applicant.phone',
      ],
    ])('%s', async (_label, overrides, field) => {
      const before = await count();
      const res = await register({ ...registration(), ...overrides }).expect(400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      const error = (res.body.errors as Array<{ field: string; message: string }>).find(
        (e) => e.field === field,
      );
      expect(error?.message).toMatch(/[\u4e00-\u9fff]/);
      expect(await count()).toBe(before);
    });

    it('refuses registration by a handler (403) and by an anonymous caller (401)', async () => {
      const handler = as(t, await signIn(t, 'zrzyj.handler'));
      expect((await handler.post('/api/v1/cases').send(registration())).status).toBe(403);
      expect((await t.http.post('/api/v1/cases').send(registration())).status).toBe(401);
    });
  });

  describe('Idempotency-Key', () => {
    it('creates one case for a double-clicked form', async () => {
      const key = `form-${Date.now()}`;
      const [a, b] = await Promise.all([register(registration(), key), register(registration(), key)]);
      expect([a.status, b.status].sort()).toEqual([201, 201]);
      expect(a.body.id).toBe(b.body.id);
      const again = await register(registration(), key).expect(201);
      expect(again.body.id).toBe(a.body.id);
    });

    it('refuses the same key with another body', async () => {
      const key = `form-b-${Date.now()}`;
      await register(registration(), key).expect(201);
      const res = await register(
        registration({ informationSought: '另一项信息：2024年度财政预算' }),
        key,
      ).expect(422);
      expect(res.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    });

    it('frees the key when the command fails', async () => {
      const key = `form-c-${Date.now()}`;
      await register({ ...registration(), informationSought: '' }, key).expect(400);
      await register({ ...registration(), informationSought: '' }, key).expect(400);
    });
  });

  it('answers on the spot and closes the case the same day (Art. 33 para 1)', async () => {
    const res = await register(
      registration({
        onTheSpotReply: {
          outcome: 'already_public',
          detail: { accessInstructions: '郯城县人民政府门户网站“政府信息公开”栏目已公开，网址见答复' },
        },
      } as never),
    ).expect(201);
    expect(res.body).toMatchObject({
      status: 'served',
      outcome: 'already_public',
      closedOn: '2026-11-27',
      closedLate: false,
    });
    expect(res.body.clock.state).toBe('stopped');
    const refused = await register(
      registration({
        evidence: { channel: 'post_signed', signedForOn: '2026-11-27' },
        onTheSpotReply: { outcome: 'already_public', detail: { accessInstructions: '网站' } },
      } as never),
    ).expect(400);
    expect(refused.body.errors[0].field).toBe('onTheSpotReply');
  });

  it('warns of a possible repeat application (Art. 36(6)) and a possible petition (Art. 39)', async () => {
    const person = applicant({ name: '李重复', idNumber: '371322199003070013' });
    const first = await register(
      registration({ applicant: person, informationSought: '马头镇2025年农村危房改造补助名单' }),
    ).expect(201);
    const second = await register(
      registration({
        applicantId: first.body.applicant.id,
        applicant: undefined,
        informationSought: '马头镇2025年农村危房改造补助名单及标准，要求查处违规发放问题',
      }),
    ).expect(201);
    const codes = (second.body.warnings as Array<{ code: string; relatedCaseIds?: string[] }>).map(
      (w) => w.code,
    );
    expect(codes).toEqual(expect.arrayContaining(['possible_repeat', 'possible_petition']));
    expect(
      second.body.warnings.find((w: { code: string }) => w.code === 'possible_repeat').relatedCaseIds,
    ).toContain(first.body.id);
    expect(second.body.applicant.id).toBe(first.body.applicant.id);
  });

  it('shows full ID numbers to the agency’s case workers only, masks them in lists and for supervisors', async () => {
    const res = await register(registration()).expect(201);
    expect(res.body.applicant.idNumber).toBe('11010519491231002X');
    expect(res.body.applicantIdNumber).toBe('110105********002X');
    const list = await clerk.get('/api/v1/cases?q=' + encodeURIComponent('土地征收')).expect(200);
    expect(JSON.stringify(list.body)).not.toContain('11010519491231002X');
    const seen = await supervisor.get(`/api/v1/cases/${res.body.id}`).expect(200);
    expect(seen.body.applicant.idNumber).toBe('110105********002X');
    expect(seen.body.allowedActions).toEqual([]);
    await otherClerk.get(`/api/v1/cases/${res.body.id}`).expect(404);
  });

  it('finds cases by applicant ID number, name, text and status, most urgent first', async () => {
    const idNumber = '371322200002291231';
    const mine = await register(
      registration({
        applicant: applicant({ name: '王查询', idNumber }),
        informationSought: '郯城县2026年城市道路维修计划',
      }),
    ).expect(201);
    const byId = await clerk.get(`/api/v1/cases?applicant=${idNumber}`).expect(200);
    expect(byId.body.items.map((i: { id: string }) => i.id)).toEqual([mine.body.id]);
    const byName = await clerk.get(`/api/v1/cases?applicant=${encodeURIComponent('王查')}`).expect(200);
    expect(byName.body.items.map((i: { id: string }) => i.id)).toContain(mine.body.id);
    const byText = await clerk.get(`/api/v1/cases?q=${encodeURIComponent('道路维修')}`).expect(200);
    expect(byText.body.items.map((i: { id: string }) => i.id)).toEqual([mine.body.id]);
    const all = await clerk.get('/api/v1/cases?open=true&pageSize=100').expect(200);
    const dues = (all.body.items as Array<{ dueOn: string | null }>).map((i) => i.dueOn).filter(Boolean);
    expect(dues).toEqual([...dues].sort());
    expect(all.body.items[0]).toEqual(
      expect.objectContaining({ remainingWorkingDays: expect.any(Number), dueFlag: expect.any(String) }),
    );
    const other = await otherClerk.get('/api/v1/cases?pageSize=100').expect(200);
    expect(other.body.items.map((i: { id: string }) => i.id)).not.toContain(mine.body.id);
    await clerk.get('/api/v1/cases?status=nonsense').expect(400);
    await clerk.get('/api/v1/cases?receivedFrom=2026-13-01').expect(400);
  });

  describe('counts and pages a list the way the indexes serve it', () => {
    type Item = { id: string; status: string; dueFlag: string; dueOn: string | null; caseNumber: string };
    const ids = (res: { body: { items: Item[] } }) => res.body.items.map((i) => i.id);
    const text = '郯城县2026年城区供水管网改造项目';
    let registered: string[];

    beforeAll(async () => {
      registered = [];
      for (const n of [1, 2, 3]) {
        const res = await register(registration({ informationSought: `${text}第${n}标段` })).expect(201);
        registered.push(res.body.id as string);
      }
      // And one closed at once: an on-the-spot reply (Art. 33 para 1).
      await register(
        registration({
          informationSought: '郯城县2026年政府工作报告',
          onTheSpotReply: {
            outcome: 'already_public',
            detail: { accessInstructions: '县政府门户网站已公开' },
          },
        } as never),
      ).expect(201);
    });

    it('counts the matches when the page is full, exactly (totalExact)', async () => {
      const page = await clerk.get(`/api/v1/cases?q=${encodeURIComponent(text)}&pageSize=2`).expect(200);
      expect(page.body).toMatchObject({ page: 1, pageSize: 2, total: 3, totalExact: true });
      expect(page.body.items).toHaveLength(2);
      const all = await clerk.get('/api/v1/cases?open=true&pageSize=100').expect(200);
      const counted = await clerk.get('/api/v1/cases?open=true&pageSize=1').expect(200);
      expect(counted.body).toMatchObject({ total: all.body.total, totalExact: true });
      expect(counted.body.total).toBe(all.body.items.length);
    });

    it('pages through the same order as one long page', async () => {
      const long = await clerk.get(`/api/v1/cases?q=${encodeURIComponent(text)}&pageSize=3`).expect(200);
      expect(ids(long).sort()).toEqual([...registered].sort());
      const pages = [];
      for (const p of [1, 2, 3, 4]) {
        pages.push(
          await clerk.get(`/api/v1/cases?q=${encodeURIComponent(text)}&pageSize=1&page=${p}`).expect(200),
        );
      }
      expect(pages.flatMap(ids)).toEqual(ids(long));
      expect(pages[3].body).toMatchObject({ items: [], total: 3, totalExact: true });
      const newest = await clerk.get(
        `/api/v1/cases?q=${encodeURIComponent(text)}&sort=-received&pageSize=1&page=3`,
      );
      expect(newest.body.items).toHaveLength(1);
    });

    it('finds a two-character term, and a one-character one', async () => {
      const two = await clerk.get(`/api/v1/cases?q=${encodeURIComponent('供水')}&pageSize=100`).expect(200);
      expect(ids(two).sort()).toEqual([...registered].sort());
      const one = await clerk.get(`/api/v1/cases?q=${encodeURIComponent('网')}&pageSize=100`).expect(200);
      expect(ids(one)).toEqual(expect.arrayContaining(registered));
      const none = await clerk.get(`/api/v1/cases?q=${encodeURIComponent('供电')}`).expect(200);
      expect(none.body).toMatchObject({ items: [], total: 0, totalExact: true });
    });

    it('searches the case number only with something shaped like one', async () => {
      const first = await clerk.get(`/api/v1/cases/${registered[0]}`).expect(200);
      const byNumber = await clerk.get(`/api/v1/cases?q=${first.body.caseNumber}`).expect(200);
      expect(ids(byNumber)).toEqual([registered[0]]);
    });

    it('tells open from closed cases, and open overdue ones once their due date has passed', async () => {
      const closed = await clerk.get('/api/v1/cases?open=false&pageSize=100').expect(200);
      expect(closed.body.items.length).toBeGreaterThan(0);
      expect(closed.body.items.every((i: Item) => i.dueFlag === 'closed')).toBe(true);
      const open = await clerk.get('/api/v1/cases?open=true&pageSize=100').expect(200);
      expect(open.body.items.some((i: Item) => i.dueFlag === 'closed')).toBe(false);
      expect(await clerk.get('/api/v1/cases?overdue=true').expect(200)).toHaveProperty('body.total', 0);

      // Registered on 2026-11-27, due 20 working days later (2026-12-25): overdue in January.
      t.clock.set('2027-01-11T10:00:00+08:00');
      try {
        const later = as(t, await signIn(t, 'zrzyj.clerk')); // the earlier token has expired
        const overdue = await later.get('/api/v1/cases?overdue=true&pageSize=100').expect(200);
        expect(overdue.body.items.map((i: Item) => i.id)).toEqual(expect.arrayContaining(registered));
        expect(overdue.body.items.every((i: Item) => i.dueFlag === 'overdue')).toBe(true);
        expect(overdue.body.total).toBe(open.body.total);
        const notOverdue = await later.get('/api/v1/cases?overdue=false&pageSize=100').expect(200);
        expect(notOverdue.body.items.map((i: Item) => i.id)).not.toEqual(expect.arrayContaining(registered));
      } finally {
        t.clock.set('2026-11-27T10:00:00+08:00');
      }
    });
  });
});
