import { createHash } from 'node:crypto';
import type { Response, Test } from 'supertest';
import type { CaseDetailResponse } from '../../src/cases/dto/case-response.dto.js';
import type { IssuedLetterDetailDto, IssuedLetterDto } from '../../src/letters/dto/issued-letter.dto.js';
import { agencyId, as, DEMO_APP, signIn, type AuthedHttp } from '../support/auth.js';
import { Given, registration } from '../support/cases.js';
import { expectEmbeddedCjkFonts, readPdf } from '../support/pdf.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

type Body = CaseDetailResponse;
type Letter = IssuedLetterDetailDto;

/** supertest keeps application/pdf bodies as raw bytes with this parser (it receives the Node stream). */
const binary = ((res: NodeJS.ReadableStream, done: (error: Error | null, body: Buffer) => void): void => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}) as unknown as Parameters<Test['parse']>[0];

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

const MARKUP_REASONS =
  '经征求意见，<b>第三方</b>以商业秘密为由不同意公开且理由合理 <script>alert(1)</script> & "报价"';

describe('case letters over HTTP', () => {
  let t: TestApp;
  let given: Given;
  let clerk: AuthedHttp;
  let handler: AuthedHttp;
  let approver: AuthedHttp;
  let handlerId: string;

  /** Moves the clock and signs everyone in again (a session does not outlive a jump of days). */
  const at = async (date: string) => {
    t.clock.set(`${date}T10:00:00+08:00`);
    clerk = as(t, await signIn(t, 'zrzyj.clerk'));
    const h = await signIn(t, 'zrzyj.handler');
    handler = as(t, h);
    handlerId = h.userId;
    approver = as(t, await signIn(t, 'zrzyj.approver'));
  };

  beforeAll(async () => {
    t = await createTestApp(DEMO_APP);
    given = new Given(t);
  });
  afterAll(() => t.close());
  beforeEach(() => at('2026-11-27'));

  const open = async (overrides = {}): Promise<Body> =>
    (
      await clerk
        .post('/api/v1/cases')
        .send(registration({ handlerId, ...overrides }))
        .expect(201)
    ).body as Body;
  const step = async (who: AuthedHttp, c: Body, action: string, body: object = {}): Promise<Body> => {
    const res = await who.post(`/api/v1/cases/${c.id}/${action}`).send({ version: c.version, ...body });
    if (res.status !== 200) throw new Error(`${action}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as Body;
  };
  const issue = async (who: AuthedHttp, caseId: string, body: object, status = 201): Promise<Letter> => {
    const res = await who.post(`/api/v1/cases/${caseId}/letters`).send(body);
    if (res.status !== status) throw new Error(`issue: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as Letter;
  };
  const pdf = (who: AuthedHttp, url: string): Promise<Response & { body: Buffer }> =>
    who.get(url).buffer(true).parse(binary).expect(200) as Promise<Response & { body: Buffer }>;
  const letters = async (who: AuthedHttp, caseId: string): Promise<IssuedLetterDto[]> =>
    (await who.get(`/api/v1/cases/${caseId}/letters`).expect(200)).body as IssuedLetterDto[];

  it('issues every document of a real case through the workflow, and the reply with the reply', async () => {
    let c = await open();
    // 登记回执 at the counter: no 文号, the case's due date.
    const receipt = await issue(clerk, c.id, { type: 'receipt' });
    expect(receipt).toMatchObject({
      type: 'receipt',
      title: '政府信息公开申请登记回执',
      documentNumber: null,
      letterDate: '2026-11-27',
      current: true,
      viewModel: {
        replyDueDate: '2026-12-25',
        application: { caseNumber: c.caseNumber, receivedOn: '2026-11-27' },
      },
    });

    // 补正 (Art. 30): the notice documents the step, with its items and period.
    c = await step(handler, c, 'correction-request', {
      noticeSentOn: '2026-11-27',
      items: ['请写明所需信息涉及的地块名称'],
      periodEndsOn: '2026-12-11',
      means: '当面告知',
      guidance: '可参照县自然资源局网站公布的宗地图',
    });
    const correction = await issue(handler, c.id, { type: 'correction_notice' });
    expect(correction.documentNumber).toMatch(/^郯自然资信补〔2026〕[1-9]\d*号$/);
    expect(correction.viewModel).toMatchObject({
      items: ['请写明所需信息涉及的地块名称', '可参照县自然资源局网站公布的宗地图'],
      correctionDeadline: '2026-12-11',
    });
    c = await step(clerk, c, 'correction', { evidence: { channel: 'in_person', submittedOn: '2026-11-27' } });

    // 征求意见 (Art. 32): the 征求意见书 and the notice to the applicant.
    c = await step(handler, c, 'consultations', {
      kind: 'third_party',
      partyName: '郯城县某建材有限公司',
      matter: '拟公开的补偿协议载有贵公司的报价和银行账号',
      dispatchedOn: '2026-11-27',
    });
    const consultationId = c.consultations[0].id;
    const thirdParty = await issue(handler, c.id, { type: 'third_party_consultation', consultationId });
    expect(thirdParty.documentNumber).toMatch(/^郯自然资信征〔2026〕\d+号$/);
    expect(JSON.stringify(thirdParty.viewModel)).not.toContain('张三');
    const notice = await issue(clerk, c.id, { type: 'consultation_applicant_notice', consultationId });
    expect(JSON.stringify(notice.viewModel)).not.toContain('建材');
    c = await step(handler, c, 'consultations/reply', {
      consultationId,
      repliedOn: '2026-11-27',
      result: 'objection',
      summary: '涉及商业秘密，不同意公开',
    });

    // Extension (Art. 33 para 2): approved by the head of the office, notified; the letter says so.
    c = await step(handler, c, 'extension-request', { days: 20, reason: '需调取2019年以来的征收档案' });
    c = await step(approver, c, 'extension-decision', { approve: true, decidedOn: '2026-11-27' });
    c = await step(clerk, c, 'extension-notice', { notifiedOn: '2026-11-27', means: '邮寄延期答复告知书' });
    const extension = await issue(clerk, c.id, { type: 'extension_notice' });
    expect(extension.viewModel).toMatchObject({
      originalDueDate: c.clock.originalDueOn,
      extendedDueDate: c.dueOn,
      reasons: '需调取2019年以来的征收档案',
    });

    // The draft reply, previewed by the approver before approving.
    c = await step(handler, c, 'drafting');
    c = await step(handler, c, 'draft', {
      outcome: 'withheld_third_party',
      detail: { reasons: MARKUP_REASONS },
    });
    c = await step(handler, c, 'review-request');
    const check = await approver.get(`/api/v1/cases/${c.id}/letter-drafts/reply`).expect(200);
    expect(check.body).toMatchObject({
      type: 'reply_withheld',
      ok: true,
      errors: [],
      viewModel: { documentNumber: null },
    });
    const html = await approver.get(`/api/v1/cases/${c.id}/letter-drafts/reply/html`).expect(200);
    expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(html.text).toContain('样稿（未出具）');
    expect(html.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html.text).not.toMatch(/<script|<b>/);
    c = await step(approver, c, 'approval');

    // 作出答复: the reply letter is issued in the same transaction.
    c = await step(clerk, c, 'reply', { repliedOn: '2026-11-27' });
    expect(c).toMatchObject({ status: 'issued', repliedOn: '2026-11-27' });

    const all = await letters(clerk, c.id);
    expect(all.map((l) => l.type)).toEqual([
      'receipt',
      'correction_notice',
      'third_party_consultation',
      'consultation_applicant_notice',
      'extension_notice',
      'reply_withheld',
    ]);
    const reply = all.at(-1) as IssuedLetterDto;
    expect(reply).toMatchObject({ series: 'reply', letterDate: '2026-11-27', current: true, warnings: [] });
    expect(reply.documentNumber).toMatch(/^郯自然资信复〔2026〕[1-9]\d*号$/);

    // The timeline: a note per letter, and the reply event carrying its letter.
    const events = (await clerk.get(`/api/v1/cases/${c.id}/events`).expect(200)).body as Array<{
      action: string;
      data: Record<string, unknown>;
    }>;
    const notes = events.filter((e) => e.action === 'letter_issued').map((e) => e.data.letterId);
    expect(notes).toEqual(all.slice(0, 5).map((l) => l.id));
    expect(events.find((e) => e.action === 'issue_reply')?.data.letter).toMatchObject({
      letterId: reply.id,
      documentNumber: reply.documentNumber,
      pdfSha256: reply.pdfSha256,
    });

    // Download: the stored bytes, their digest, a Chinese file name, and the facts a court reads.
    const file = await pdf(clerk, reply.pdfUrl);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toBe(
      `attachment; filename="letter-${reply.id}.pdf"; filename*=UTF-8''${encodeURIComponent(`${reply.documentNumber} 政府信息公开申请答复书.pdf`)}`,
    );
    expect(sha256(file.body)).toBe(reply.pdfSha256);
    expect(file.headers.etag).toBe(`"${reply.pdfSha256}"`);
    expect(file.body.length).toBe(reply.pdfBytes);
    const facts = await readPdf(file.body);
    expectEmbeddedCjkFonts(facts);
    for (const fragment of [
      '张三：',
      reply.documentNumber as string,
      `收到您当面提交的政府信息公开申请（申请编号：${c.caseNumber}）`,
      '本机关于2026年11月27日向您发出补正告知书',
      '征求第三方意见',
      '根据《中华人民共和国政府信息公开条例》第十五条、第三十六条第（三）项的规定，本机关决定不予公开。',
      '应当自收到本答复之日起60日内先向郯城县人民政府',
      '<b>第三方</b>', // the handler's markup prints as text
    ]) {
      expect(facts.text).toContain(fragment.replace(/\s+/g, ''));
    }
    expect(facts.text).not.toContain('建材');
  });

  it('keeps an issued letter as issued: no route changes it, a second original is refused, the database refuses changes', async () => {
    const { caseId, letter } = await given.letterIn(await agencyId(t, 'tc-zrzyj'));
    for (const method of ['put', 'patch', 'delete'] as const) {
      await clerk[method](`/api/v1/cases/${caseId}/letters/${letter.id}`).send({}).expect(404);
    }
    const again = await clerk.post(`/api/v1/cases/${caseId}/letters`).send({ type: 'receipt' }).expect(409);
    expect(again.body).toMatchObject({ code: 'LETTER_ALREADY_ISSUED', letterId: letter.id });

    const ds = t.dataSource;
    await expect(ds.query(`UPDATE issued_letter SET title = 'x' WHERE id = $1`, [letter.id])).rejects.toThrow(
      /immutable/,
    );
    await expect(ds.query(`DELETE FROM issued_letter WHERE id = $1`, [letter.id])).rejects.toThrow(
      /immutable/,
    );
    await expect(ds.query(`TRUNCATE issued_letter CASCADE`)).rejects.toThrow(/immutable/);
    // The stored digest is the digest of the stored bytes (CHECK), so a substituted PDF cannot be stored.
    await expect(
      ds.query(
        `INSERT INTO issued_letter (case_id, agency_id, letter_type, subject, title, letter_date, view_model,
                                    html, pdf, pdf_sha256, issued_by, issued_by_name, supersedes_id, correction_reason)
         SELECT case_id, agency_id, letter_type, subject, title, letter_date, view_model, html, 'forged'::bytea,
                pdf_sha256, issued_by, issued_by_name, id, 'x' FROM issued_letter WHERE id = $1`,
        [letter.id],
      ),
    ).rejects.toThrow(/issued_letter_pdf_sha256_check/);
    const file = await pdf(clerk, letter.pdfUrl);
    expect(sha256(file.body)).toBe(letter.pdfSha256);
  });

  it('corrects a letter by a new one that supersedes it; a reply only by the approver', async () => {
    const zrzyj = await agencyId(t, 'tc-zrzyj');
    const { caseId, letter } = await given.letterIn(zrzyj);
    const corrected = (
      await clerk
        .post(`/api/v1/cases/${caseId}/letters/${letter.id}/corrections`)
        .send({ reason: '申请人姓名有误' })
        .expect(201)
    ).body as Letter;
    expect(corrected).toMatchObject({
      type: 'receipt',
      supersedesId: letter.id,
      correctionReason: '申请人姓名有误',
      current: true,
    });
    const listed = await letters(clerk, caseId);
    expect(listed.map((l) => [l.id, l.current, l.supersededById])).toEqual([
      [letter.id, false, corrected.id],
      [corrected.id, true, null],
    ]);
    const twice = await clerk
      .post(`/api/v1/cases/${caseId}/letters/${letter.id}/corrections`)
      .send({ reason: '再次更正' })
      .expect(409);
    expect(twice.body).toMatchObject({ code: 'LETTER_ALREADY_SUPERSEDED', supersededById: corrected.id });
    // The superseded letter is still there, byte for byte.
    expect(sha256((await pdf(clerk, letter.pdfUrl)).body)).toBe(letter.pdfSha256);

    const replied = await given.caseIn(zrzyj, 'issued');
    const [reply] = await letters(clerk, replied.id);
    const byClerk = await clerk
      .post(`/api/v1/cases/${replied.id}/letters/${reply.id}/corrections`)
      .send({ reason: '法律依据引用有误' })
      .expect(403);
    expect(byClerk.body.code).toBe('LETTER_ROLE_NOT_ALLOWED');
    const fixed = (
      await approver
        .post(`/api/v1/cases/${replied.id}/letters/${reply.id}/corrections`)
        .send({ reason: '法律依据引用有误' })
        .expect(201)
    ).body as Letter;
    expect(fixed).toMatchObject({ type: reply.type, supersedesId: reply.id, letterDate: '2026-11-27' });
    expect(fixed.documentNumber).toMatch(/^郯自然资信复〔2026〕\d+号$/);
    expect(fixed.documentNumber).not.toBe(reply.documentNumber);
    const events = (await clerk.get(`/api/v1/cases/${replied.id}/events`).expect(200)).body as Array<{
      action: string;
      reason: string;
      data: Record<string, unknown>;
    }>;
    expect(events.at(-1)).toMatchObject({
      action: 'letter_issued',
      reason: '法律依据引用有误',
      data: { letterId: fixed.id, supersedesId: reply.id },
    });
  });

  it('previews any letter as HTML and PDF, escaped and marked 样稿, without issuing it', async () => {
    let c = await open();
    c = await step(handler, c, 'drafting');
    c = await step(handler, c, 'draft', {
      outcome: 'not_held',
      detail: {
        basis: '第三十六条第（四）项',
        reasons: MARKUP_REASONS,
        searchDescription: '检索了<i>档案室</i>全部案卷',
      },
    });
    const html = await handler.get(`/api/v1/cases/${c.id}/letter-drafts/reply_not_held/html`).expect(200);
    expect(html.headers['content-security-policy']).toContain("default-src 'none'");
    expect(html.text).toContain('检索了&lt;i&gt;档案室&lt;/i&gt;全部案卷');
    expect(html.text).toContain('&lt;b&gt;第三方&lt;/b&gt;');
    expect(html.text).not.toMatch(/<script|<i>|<b>/);

    const receipt = await pdf(clerk, `/api/v1/cases/${c.id}/letter-drafts/receipt/pdf`);
    expect(receipt.headers['content-type']).toBe('application/pdf');
    expect(receipt.headers['content-disposition']).toMatch(
      /^inline; filename="draft-receipt\.pdf"; filename\*=UTF-8''/,
    );
    expect(receipt.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const facts = await readPdf(receipt.body);
    expectEmbeddedCjkFonts(facts);
    expect(facts.text).toContain('样稿');
    expect(facts.text).toContain('答复期限至2026年12月25日');
    expect(await letters(clerk, c.id)).toEqual([]);

    const unknown = await clerk.get(`/api/v1/cases/${c.id}/letter-drafts/memo/html`).expect(400);
    expect(unknown.body.code).toBe('LETTER_TYPE_UNKNOWN');
    const dated = await clerk.get(`/api/v1/cases/${c.id}/letter-drafts/receipt?date=2026-11-27`).expect(400);
    expect(dated.body.errors[0].field).toBe('date');
    const notYet = await clerk.get(`/api/v1/cases/${c.id}/letter-drafts/extension_notice`).expect(409);
    expect(notYet.body.code).toBe('LETTER_NOT_APPLICABLE');
  });

  it('refuses the reply when its letter would be unlawful (blank reconsideration body), writing nothing', async () => {
    const matou = await agencyId(t, 'tc-matou');
    const c = await given.caseIn(matou, 'approved');
    const matouClerk = as(t, await signIn(t, 'matou.clerk'));
    const counter = () =>
      t.dataSource.query(
        `SELECT last_number FROM document_number_counter WHERE agency_id = $1 AND series = 'reply'`,
        [matou],
      );
    const before = await counter();
    const eventsBefore = (await matouClerk.get(`/api/v1/cases/${c.id}/events`).expect(200)).body.length;
    const [{ name }] = await t.dataSource.query(
      `SELECT reconsideration_body_name AS name FROM agency WHERE id = $1`,
      [matou],
    );
    await t.dataSource.query(`UPDATE agency SET reconsideration_body_name = '' WHERE id = $1`, [matou]);
    try {
      const draft = await matouClerk.get(`/api/v1/cases/${c.id}/letter-drafts/reply`).expect(200);
      expect(draft.body.ok).toBe(false);
      const refused = await matouClerk
        .post(`/api/v1/cases/${c.id}/reply`)
        .send({ version: c.version, repliedOn: '2026-11-27' })
        .expect(409);
      expect(refused.body).toMatchObject({ code: 'LETTER_PRE_ISSUE_FAILED', letterType: 'reply_disclosed' });
      expect(refused.body.findings.map((f: { code: string }) => f.code)).toEqual([
        'REMEDY_BODY_INVALID',
        'REMEDY_MISSING',
      ]);
      for (const finding of refused.body.findings) expect(finding.article).toMatch(/《行政复议法》第二十条/);
      expect(refused.body.detail).toContain('未设置行政复议机关');
      const now = (await matouClerk.get(`/api/v1/cases/${c.id}`).expect(200)).body as Body;
      expect(now).toMatchObject({ status: 'approved', version: c.version, repliedOn: null });
      expect((await matouClerk.get(`/api/v1/cases/${c.id}/events`).expect(200)).body).toHaveLength(
        eventsBefore,
      );
      expect(await letters(matouClerk, c.id)).toEqual([]);
      expect(await counter()).toEqual(before);
    } finally {
      await t.dataSource.query(`UPDATE agency SET reconsideration_body_name = $2 WHERE id = $1`, [
        matou,
        name,
      ]);
    }
    await matouClerk
      .post(`/api/v1/cases/${c.id}/reply`)
      .send({ version: c.version, repliedOn: '2026-11-27' })
      .expect(200);
  });

  it('warns, and records the warning, when the reply is dated after its due date (Art. 33)', async () => {
    let c = await open();
    c = await step(handler, c, 'drafting');
    c = await step(handler, c, 'draft', {
      outcome: 'disclosed',
      detail: { accessInstructions: '随本答复书提供复印件' },
    });
    c = await step(handler, c, 'review-request');
    c = await step(approver, c, 'approval');
    expect(c.dueOn).toBe('2026-12-25');
    await at('2026-12-28');
    c = await step(clerk, c, 'reply', { repliedOn: '2026-12-28' });
    expect(c).toMatchObject({ status: 'issued', closedLate: true });
    expect(c.notices.join()).toContain('逾期答复');
    const [reply] = await letters(clerk, c.id);
    expect(reply.warnings).toEqual([
      expect.objectContaining({ code: 'REPLY_OVERDUE', article: '《政府信息公开条例》第三十三条' }),
    ]);
  });

  it('numbers 50 replies issued at once 1…n+50 without gaps or duplicates', async () => {
    const zjj = await agencyId(t, 'tc-zjj');
    const cases: Array<{ id: string; version: number }> = [];
    for (let batch = 0; batch < 5; batch++) {
      cases.push(...(await Promise.all(Array.from({ length: 10 }, () => given.caseIn(zjj, 'approved')))));
    }
    const [{ last }] = await t.dataSource.query(
      `SELECT coalesce(max(last_number), 0)::int AS last FROM document_number_counter
        WHERE agency_id = $1 AND series = 'reply' AND year = 2026`,
      [zjj],
    );
    const zjjClerk = as(t, await signIn(t, 'zjj.clerk'));
    const responses = await Promise.all(
      cases.map((c) =>
        zjjClerk.post(`/api/v1/cases/${c.id}/reply`).send({ version: c.version, repliedOn: '2026-11-27' }),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(cases.map(() => 200));
    const rows = (await t.dataSource.query(
      `SELECT sequence, document_number FROM issued_letter WHERE agency_id = $1 AND series = 'reply' ORDER BY sequence`,
      [zjj],
    )) as Array<{ sequence: number; document_number: string }>;
    expect(rows.map((r) => r.sequence)).toEqual(Array.from({ length: 50 }, (_, i) => last + i + 1));
    expect(rows.map((r) => r.document_number)).toEqual(rows.map((r) => `郯住建信复〔2026〕${r.sequence}号`));
  });

  it('scopes letters by agency: another agency’s case or letter is 404; supervisors read and download but never issue', async () => {
    const zrzyj = await agencyId(t, 'tc-zrzyj');
    const { caseId, letter } = await given.letterIn(zrzyj);
    const other = await given.letterIn(zrzyj);
    const jtjClerk = as(t, await signIn(t, 'jtj.clerk'));
    await jtjClerk.get(`/api/v1/cases/${caseId}/letters`).expect(404);
    await jtjClerk.get(letter.pdfUrl).expect(404);
    await jtjClerk.post(`/api/v1/cases/${caseId}/letters`).send({ type: 'receipt' }).expect(404);
    // A letter reached through another case is not found either.
    await clerk.get(`/api/v1/cases/${other.caseId}/letters/${letter.id}`).expect(404);
    await clerk.get(`/api/v1/cases/${other.caseId}/letters/${letter.id}/pdf`).expect(404);

    const supervisor = as(t, await signIn(t, 'gov-office.supervisor'));
    expect((await letters(supervisor, caseId)).map((l) => l.id)).toEqual([letter.id]);
    expect(sha256((await pdf(supervisor, letter.pdfUrl)).body)).toBe(letter.pdfSha256);
    await supervisor.post(`/api/v1/cases/${caseId}/letters`).send({ type: 'receipt' }).expect(403);
    await supervisor
      .post(`/api/v1/cases/${caseId}/letters/${letter.id}/corrections`)
      .send({ reason: 'x' })
      .expect(403);
  });

  it('Art. 35: asks for reasons, refuses a 不予处理 while the period runs, then warns the explanation is unrecorded', async () => {
    const first = await open();
    let c = await open({ applicantId: first.applicant.id, applicant: undefined });
    const request = await issue(handler, c.id, { type: 'reason_request', explanationDeadline: '2026-12-04' });
    expect(request.documentNumber).toMatch(/^郯自然资信告〔2026〕\d+号$/);
    expect(request.viewModel).toMatchObject({
      countingSince: '2026-11-01',
      explanationDeadline: '2026-12-04',
    });
    expect(request.viewModel.applicationCount).toBeGreaterThan(1);
    c = await step(handler, c, 'drafting');
    c = await step(handler, c, 'draft', {
      outcome: 'excessive_requests',
      detail: { reasons: '申请人本月提出的申请数量明显超过合理范围，且未说明正当理由。' },
    });
    c = await step(handler, c, 'review-request');
    c = await step(approver, c, 'approval');
    const early = await clerk
      .post(`/api/v1/cases/${c.id}/reply`)
      .send({ version: c.version, repliedOn: '2026-11-27' })
      .expect(409);
    expect(early.body.findings).toEqual([
      expect.objectContaining({
        code: 'REASON_PERIOD_RUNNING',
        article: '《中华人民共和国政府信息公开条例》第三十五条',
      }),
    ]);
    await at('2026-12-07');
    c = await step(clerk, c, 'reply', { repliedOn: '2026-12-07' });
    expect(c.notices.join()).toContain('本案未登记申请人的说明');
    const reply = (await letters(clerk, c.id)).at(-1) as IssuedLetterDto;
    expect(reply).toMatchObject({ type: 'reply_excessive_requests', letterDate: '2026-12-07' });
    const text = (await readPdf((await pdf(clerk, reply.pdfUrl)).body)).text;
    expect(text).toContain(`本机关于2026年11月27日向您发出说明理由告知书`);
  });

  it('issues the other letters: fee notice, 征求意见函, 视为放弃, withdrawal, and an on-the-spot reply', async () => {
    const zrzyj = await agencyId(t, 'tc-zrzyj');
    const fee = await given.caseIn(zrzyj, 'awaiting_fee');
    const feeNotice = await issue(handler, fee.id, { type: 'fee_notice' });
    expect(feeNotice.documentNumber).toMatch(/^郯自然资信费〔2026〕\d+号$/);
    expect(feeNotice.viewModel).toMatchObject({
      date: '2026-11-27',
      fee: { method: 'per_volume', quantity: 120, amountYuan: 1100 },
      payment: { method: '到县政务服务中心窗口缴纳' },
    });

    let consulted = await open();
    consulted = await step(handler, consulted, 'consultations', {
      kind: 'agency',
      partyName: '郯城县住房和城乡建设局',
      matter: '申请公开的批复由本局与贵局联合制作',
      dispatchedOn: '2026-11-27',
    });
    const agencyLetter = await issue(handler, consulted.id, {
      type: 'agency_consultation',
      consultationId: consulted.consultations[0].id,
    });
    expect(agencyLetter.viewModel).toMatchObject({
      basis: 'co_produced',
      consultedAgency: { name: '郯城县住房和城乡建设局' },
    });

    const withdrawn = await given.caseIn(zrzyj, 'withdrawn');
    expect((await issue(clerk, withdrawn.id, { type: 'withdrawal_confirmation' })).viewModel).toMatchObject({
      withdrawnOn: '2026-11-27',
    });

    const lapsed = await given.caseIn(zrzyj, 'deemed_withdrawn');
    await at('2026-12-14');
    const deemed = await issue(clerk, lapsed.id, { type: 'deemed_withdrawn' });
    expect(deemed.viewModel).toMatchObject({
      outcome: 'deemed_withdrawn_correction',
      notice: { date: '2026-11-27', documentNumber: null, deadline: '2026-12-11' },
    });
    expect(String(deemed.viewModel.remedy)).toContain('可以自收到本告知书之日起60日内向郯城县人民政府');

    // The reply is issued with the reply step, never on its own …
    const approved = await given.caseIn(zrzyj, 'approved');
    const early = await issue(clerk, approved.id, { type: 'reply_disclosed' }, 409);
    expect(early).toMatchObject({ code: 'LETTER_REPLY_WITH_CASE_STEP' });
    // … except for a reply made on the spot at registration, which had none: dated the day of the reply.
    await at('2026-11-27');
    const spot = await open({
      handlerId: undefined,
      onTheSpotReply: {
        outcome: 'already_public',
        detail: { accessInstructions: '郯城县人民政府网站“政府信息公开”栏目' },
      },
    });
    const spotReply = await issue(clerk, spot.id, { type: 'reply_disclosed' });
    expect(spotReply).toMatchObject({ letterDate: '2026-11-27', viewModel: { outcome: 'already_public' } });
    expect(spotReply.documentNumber).toMatch(/^郯自然资信复〔2026〕\d+号$/);
  });
});
