import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { CasesService } from '../../src/cases/cases.service.js';
import { ReportLocksService } from '../../src/supervision/report-locks.service.js';
import { agencyId, as, DEMO_APP, signIn, type Session } from '../support/auth.js';
import { Given } from '../support/cases.js';
import { readPdf } from '../support/pdf.js';
import { binary, organisation, scripted } from '../support/supervision.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * Remedy records feeding table 四, locking a year's report after it ended, and what later changes
 * do to it: the locked figures stay, the moved cells and the cases behind them are listed, and each
 * case's timeline gets one `report_changed` note. Also the audit case list and the printed report.
 */
describe('remedies, locked reports and exports (e2e)', () => {
  let t: TestApp;
  let given: Given;
  let zrzyj: string;
  let supervisor: Session;
  let clerk: Session;
  let withheld: { id: string; caseNumber: string };
  let open: { id: string; version: number };

  beforeAll(async () => {
    t = await createTestApp(DEMO_APP);
    given = new Given(t);
    zrzyj = await agencyId(t, 'tc-zrzyj');
    withheld = await scripted(t, given, zrzyj, {
      receivedOn: '2026-07-01',
      applicant: { ...organisation('research_institution'), name: '某研究院', phone: '13912345678' },
      reply: { on: '2026-07-15', outcome: 'withheld_process_info' },
      servedOn: '2026-07-16',
    });
    // Open on 31 December 2026: 四、结转下年度 in 2026 (answered later, below).
    open = await scripted(t, given, zrzyj, { receivedOn: '2026-12-21', inReviewOn: '2026-12-28' });
    // From here on it is January 2027 (sessions are signed in on that day: tokens live 15 minutes).
    t.clock.set('2027-01-20T10:00:00+08:00');
    supervisor = await signIn(t, 'gov-office.supervisor');
    clerk = await signIn(t, 'zrzyj.clerk');
  }, 120_000);
  afterAll(() => t.close());

  describe('remedy records', () => {
    it('records a reconsideration on a concluded case, with a note on its timeline', async () => {
      const res = await as(t, clerk).post(`/api/v1/cases/${withheld.id}/remedies`).send({
        kind: 'reconsideration',
        filedOn: '2026-08-01',
        body: '郯城县人民政府',
        caseReference: '郯政复〔2026〕7号',
        result: 'upheld',
        decidedOn: '2026-09-10',
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ kindLabel: '行政复议', resultLabel: '结果维持', notices: [] });
      const events = await as(t, clerk).get(`/api/v1/cases/${withheld.id}/events`);
      expect(events.body.at(-1)).toMatchObject({
        action: 'remedy_recorded',
        actionLabel: '登记复议或诉讼',
        reason: '登记行政复议：郯城县人民政府 郯政复〔2026〕7号，结果维持',
      });
    });

    it('refuses a suit after reconsideration filed before it, and on an open case one filed before its due date', async () => {
      const early = await as(t, clerk).post(`/api/v1/cases/${withheld.id}/remedies`).send({
        kind: 'litigation_after_reconsideration',
        filedOn: '2026-07-20',
        body: '郯城县人民法院',
        result: 'pending',
      });
      expect(early.status).toBe(400);
      expect(early.body.errors.map((e: { field: string }) => e.field)).toEqual(['kind']);
      const notClosed = await as(t, clerk)
        .post(`/api/v1/cases/${open.id}/remedies`)
        .send({ kind: 'reconsideration', filedOn: '2027-01-05', body: '郯城县人民政府', result: 'pending' });
      // Open and overdue since 2027-01-19: only a challenge of that failure (逾期未答复) can be recorded.
      expect(notClosed.status).toBe(400);
      expect(notClosed.body.errors).toEqual([
        expect.objectContaining({ field: 'filedOn', message: expect.stringContaining('逾期未答复') }),
      ]);
    });

    it('records the suit after reconsideration and lists both; another agency cannot record', async () => {
      const suit = await as(t, clerk).post(`/api/v1/cases/${withheld.id}/remedies`).send({
        kind: 'litigation_after_reconsideration',
        filedOn: '2026-09-30',
        body: '临沂市兰山区人民法院',
        caseReference: '（2026）鲁1302行初88号',
        result: 'pending',
      });
      expect(suit.status).toBe(201);
      expect(suit.body.notices).toEqual([expect.stringContaining('十五日')]); // 20 days after the decision (行诉法 Art. 45)
      const list = await as(t, clerk).get(`/api/v1/cases/${withheld.id}/remedies`);
      expect(list.body.map((r: { kind: string }) => r.kind)).toEqual([
        'reconsideration',
        'litigation_after_reconsideration',
      ]);
      const jtjClerk = await signIn(t, 'jtj.clerk');
      const foreign = await as(t, jtjClerk)
        .post(`/api/v1/cases/${withheld.id}/remedies`)
        .send({ kind: 'reconsideration', filedOn: '2026-08-01', body: 'x', result: 'pending' });
      expect(foreign.status).toBe(404);
    });

    it('feeds table 四', async () => {
      const res = await as(t, supervisor).get('/api/v1/supervision/annual-reports/2026');
      expect(res.body.table4).toMatchObject({
        'reconsideration.upheld': 1,
        'reconsideration.total': 1,
        'litigation_after_reconsideration.pending': 1,
        'litigation_after_reconsideration.total': 1,
        'litigation_direct.total': 0,
      });
      const drill = await as(t, supervisor).get(
        '/api/v1/supervision/annual-reports/2026/cells?table=4&column=reconsideration.upheld',
      );
      expect(drill.body.items.map((i: { caseId: string }) => i.caseId)).toEqual([withheld.id]);
    });
  });

  describe('locking 2026', () => {
    it('is refused while the year is not over; an approver locks their agency’s report once', async () => {
      const early = await as(t, supervisor).post('/api/v1/supervision/annual-reports/2027/lock').send({});
      expect(early.status).toBe(409);
      expect(early.body.code).toBe('SUPERVISION_REPORT_YEAR_NOT_OVER');
      const approver = await signIn(t, 'zrzyj.approver');
      const own = await as(t, approver)
        .post('/api/v1/supervision/annual-reports/2026/lock')
        .send({ note: '已公布' });
      expect(own.status).toBe(200);
      expect(own.body.lock).toMatchObject({
        lockedByName: '县自然资源局审核人',
        changed: false,
        note: '已公布',
      });
      const again = await as(t, approver).post('/api/v1/supervision/annual-reports/2026/lock').send({});
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('SUPERVISION_REPORT_ALREADY_LOCKED');
    });

    it('freezes the county figures; later changes are listed cell by cell and case by case', async () => {
      const locked = await as(t, supervisor).post('/api/v1/supervision/annual-reports/2026/lock').send({});
      expect(locked.status).toBe(200);
      expect(locked.body.table3.carried_forward.total).toBe(1);

      // A reply back-dated into 2026 (made on 12-31, recorded on 01-20), and a late-registered 2026 case.
      await t.app.get(CasesService).approve(await given.user(zrzyj, 'approver'), open.id, {
        version: open.version,
        approvedOn: '2026-12-31',
      });
      const approved = await t.app.get(CasesService).issueReply(await given.user(zrzyj, 'clerk'), open.id, {
        version: open.version + 1,
        repliedOn: '2026-12-31',
      });
      expect(approved.status).toBe('issued');
      const late = await given.register(zrzyj, {
        applicant: {
          ...organisation('commercial_enterprise'),
          name: '郯城县某公司',
          phone: '13800138001',
          address: '郯城县',
        },
        evidence: { channel: 'post_signed', signedForOn: '2026-12-30', trackingNumber: 'EMS1234567890' },
      } as never);

      const res = await as(t, supervisor).get('/api/v1/supervision/annual-reports/2026');
      expect(res.body.table3.carried_forward.total).toBe(1); // the locked figure
      expect(res.body.lock.changed).toBe(true);
      expect(res.body.lock.current.table3.carried_forward.total).toBe(1); // one out (answered), one in (late)
      expect(
        res.body.lock.movedCells.map((m: { cell: string; locked: number; current: number }) => [
          m.cell,
          m.locked,
          m.current,
        ]),
      ).toEqual([
        ['3:received:commercial_enterprise', 0, 1],
        ['3:received:total', 2, 3],
        ['3:disclosed:natural_person', 0, 1],
        ['3:disclosed:total', 0, 1],
        ['3:results_total:natural_person', 0, 1],
        ['3:results_total:total', 1, 2],
        ['3:carried_forward:natural_person', 1, 0],
        ['3:carried_forward:commercial_enterprise', 0, 1],
      ]);
      const changed = Object.fromEntries(
        res.body.lock.changedCases.map(
          (c: { caseId: string; cellsBefore: string[]; cellsAfter: string[] }) => [
            c.caseId,
            [c.cellsBefore.length, c.cellsAfter.length],
          ],
        ),
      );
      expect(changed).toEqual({ [open.id]: [4, 6], [late.id]: [0, 4] });
    });

    it('notes each change once on the case’s timeline, whoever watches and however often', async () => {
      const watch = t.app.get(ReportLocksService);
      const recorded = await Promise.all([watch.watch(), watch.watch()]);
      // The county lock and the agency lock each see both cases.
      expect(recorded[0] + recorded[1]).toBe(4);
      expect(await watch.watch()).toBe(0);
      const events = await as(t, clerk).get(`/api/v1/cases/${open.id}/events`);
      const notes = events.body.filter((e: { action: string }) => e.action === 'report_changed');
      expect(notes).toHaveLength(2);
      expect(notes[0].data).toMatchObject({ year: 2026 });
      expect(notes[0].reason).toContain('2026 年度报告已于');
    });

    it('flags a remedy decided after the lock at once, on the report and the timeline', async () => {
      const list = await as(t, clerk).get(`/api/v1/cases/${withheld.id}/remedies`);
      const suit = list.body[1];
      // Judged in December 2026 but recorded in January: table 四 of 2026 moves from 尚未审结 to 纠正.
      const res = await as(t, clerk).patch(`/api/v1/cases/${withheld.id}/remedies/${suit.id}`).send({
        version: suit.version,
        kind: suit.kind,
        filedOn: suit.filedOn,
        body: suit.body,
        caseReference: suit.caseReference,
        result: 'corrected',
        decidedOn: '2026-12-15',
      });
      expect(res.status).toBe(200);
      const report = await as(t, supervisor).get('/api/v1/supervision/annual-reports/2026');
      expect(report.body.table4['litigation_after_reconsideration.pending']).toBe(1); // locked
      expect(report.body.lock.movedCells.filter((m: { table: number }) => m.table === 4)).toEqual([
        expect.objectContaining({
          cell: '4:litigation_after_reconsideration.corrected',
          locked: 0,
          current: 1,
        }),
        expect.objectContaining({
          cell: '4:litigation_after_reconsideration.pending',
          locked: 1,
          current: 0,
        }),
      ]);
      const events = await as(t, clerk).get(`/api/v1/cases/${withheld.id}/events`);
      expect(events.body.filter((e: { action: string }) => e.action === 'report_changed')).toHaveLength(2);
    });

    it('prints the locked report as a PDF in the official layout, saying it is locked and has moved', async () => {
      const res = await as(t, supervisor)
        .get('/api/v1/supervision/annual-reports/2026/export?format=pdf')
        .buffer(true)
        .parse(binary);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      const pdf = await readPdf(new Uint8Array(res.body as Buffer));
      expect(pdf.text).toContain('全县2026年政府信息公开工作年度报告（表三、表四）');
      expect(pdf.text).toContain('三、收到和处理政府信息公开申请情况');
      expect(pdf.text).toContain('四、政府信息公开行政复议、行政诉讼情况');
      expect(pdf.text).toContain('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）');
      expect(pdf.text).toContain('锁定后有');
      expect(pdf.fonts.every((f) => f.embedded && f.subtype !== '/Type3')).toBe(true);
    }, 60_000);
  });

  describe('audit case list', () => {
    it('masks personal data for a supervisor, and refuses them the full list', async () => {
      const res = await as(t, supervisor).get(
        '/api/v1/supervision/case-export?format=csv&from=2026-01-01&to=2026-12-31',
      );
      expect(res.status).toBe(200);
      const rows = parse(res.text, { bom: true, columns: true }) as Array<Record<string, string>>;
      const row = rows.find((r) => r['案件编号'] === withheld.caseNumber)!;
      expect(row).toMatchObject({
        申请人: '某***',
        证件号码: '**************0Y43',
        联系电话: '139****5678',
        申请人类型: '科研机构',
        办理结果: '不予公开：属于四类过程性信息',
        是否逾期答复: '否',
      });
      const full = await as(t, supervisor).get(
        '/api/v1/supervision/case-export?format=csv&from=2026-01-01&to=2026-12-31&personalData=full',
      );
      expect(full.status).toBe(403);
      expect(full.body.code).toBe('SUPERVISION_PERSONAL_DATA_FORBIDDEN');
    });

    it('shows the agency’s own clerk the full list as XLSX, and audits it', async () => {
      const res = await as(t, clerk)
        .get('/api/v1/supervision/case-export?format=xlsx&from=2026-01-01&to=2026-12-31&personalData=full')
        .buffer(true)
        .parse(binary);
      expect(res.status).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(res.body as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0];
      const header = (sheet.getRow(1).values as string[]).slice(1);
      const rows = [];
      for (let r = 2; r <= sheet.rowCount; r++) rows.push((sheet.getRow(r).values as string[]).slice(1));
      const row = rows.find((r) => r[0] === withheld.caseNumber)!;
      expect(row[header.indexOf('证件号码')]).toBe('91350100M000100Y43');
      expect(row[header.indexOf('联系电话')]).toBe('13912345678');
      expect(rows).toHaveLength(3);
      const admin = await signIn(t, 'admin');
      const audit = await as(t, admin).get('/api/v1/audit/events?type=case_list.exported_with_personal_data');
      expect(audit.body.items).toHaveLength(1);
      expect(audit.body.items[0].details).toMatchObject({ rows: 3, format: 'xlsx' });
    });
  });
});
