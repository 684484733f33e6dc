import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { agencyId, as, DEMO_APP, signIn, type Session } from '../support/auth.js';
import { Given } from '../support/cases.js';
import { binary, buildHandCheckedSet } from '../support/supervision.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * Supervision over HTTP on a hand-checked set (test/support/supervision.ts): every figure below is
 * worked out by hand from the 2026 holiday schedule (清明 4-4..4-6, 劳动节 5-1..5-5, 国庆 10-1..10-7,
 * make-up days 1-4, 2-14, 2-28, 5-9, 9-20, 10-10).
 */
describe('supervision (e2e)', () => {
  let t: TestApp;
  let zrzyj: string;
  let jtj: string;
  let set: Awaited<ReturnType<typeof buildHandCheckedSet>>;
  let supervisor: Session;
  let clerk: Session;

  beforeAll(async () => {
    t = await createTestApp(DEMO_APP);
    zrzyj = await agencyId(t, 'tc-zrzyj');
    jtj = await agencyId(t, 'tc-jtj');
    set = await buildHandCheckedSet(t, new Given(t), zrzyj, jtj);
    supervisor = await signIn(t, 'gov-office.supervisor');
    clerk = await signIn(t, 'zrzyj.clerk');
  }, 120_000);
  afterAll(() => t.close());

  describe('timeliness', () => {
    it('county-wide for 2026: received, closed, on time, late, working days, and today’s open cases', async () => {
      const res = await as(t, supervisor).get('/api/v1/supervision/timeliness?from=2026-01-01&to=2026-12-31');
      expect(res.status).toBe(200);
      expect(res.body.overall).toEqual({
        received: 9, // all but z1 (received 2025-12-22)
        closed: 6, // z1 z2 z3 z4 j1 j2
        closedWithDeadline: 5, // z4 closed while waiting for a correction: no reply period ran
        closedOnTime: 4,
        closedLate: 1, // z3
        onTimeRate: 0.8,
        medianWorkingDays: 14, // 6 10 14 14 23
        p90WorkingDays: 23,
        open: 4, // z5 z6 z7 z8
        paused: 1, // z8
        dueSoon: 1, // z7 (due today); z8 is paused
        overdueOpen: 1, // z6
      });
      const byAgency = Object.fromEntries(
        res.body.byAgency.map((a: { agencyId: string }) => [a.agencyId, a]),
      );
      expect(byAgency[jtj].figures).toMatchObject({
        received: 2,
        closed: 2,
        closedOnTime: 2,
        medianWorkingDays: 8,
      });
      expect(byAgency[zrzyj].agencyName).toBe('郯城县自然资源局');
      expect(res.body.byHandler.map((h: { handlerName: string }) => h.handlerName).sort()).toEqual([
        '县教体局承办人',
        '县自然资源局承办人',
      ]);
      const months = Object.fromEntries(
        res.body.byMonth.map((m: { month: string; figures: { received: number; closed: number } }) => [
          m.month,
          [m.figures.received, m.figures.closed],
        ]),
      );
      expect(months).toEqual({
        '2026-01': [0, 1],
        '2026-02': [1, 1],
        '2026-03': [1, 1],
        '2026-04': [1, 0],
        '2026-05': [0, 1],
        '2026-06': [0, 0],
        '2026-07': [1, 1],
        '2026-08': [0, 0],
        '2026-09': [1, 1],
        '2026-10': [2, 0],
        '2026-11': [2, 0],
        '2026-12': [0, 0],
      });
    });

    it('a clerk sees their own agency only; another agency is 404', async () => {
      const own = await as(t, clerk).get('/api/v1/supervision/timeliness?from=2026-01-01&to=2026-12-31');
      expect(own.status).toBe(200);
      expect(own.body.agencyId).toBe(zrzyj);
      expect(own.body.overall.received).toBe(7);
      expect(own.body.byAgency.map((a: { agencyId: string }) => a.agencyId)).toEqual([zrzyj]);
      const other = await as(t, clerk).get(
        `/api/v1/supervision/timeliness?from=2026-01-01&to=2026-12-31&agencyId=${jtj}`,
      );
      expect(other.status).toBe(404);
    });

    it('refuses a period that ends before it starts', async () => {
      const res = await as(t, supervisor).get('/api/v1/supervision/timeliness?from=2026-12-01&to=2026-01-01');
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([
        expect.objectContaining({ field: 'to', message: '结束日期不能早于开始日期' }),
      ]);
    });

    // A typo (to=9999-12-31) once made the dashboard build 100,000 months; every endpoint with a
    // period refuses the same things the same way.
    const RANGE = '日期须在 1949—2100 年之间';
    it.each([
      [
        '/timeliness?from=1000-01-01&to=9999-12-31',
        [
          ['from', RANGE],
          ['to', RANGE],
        ],
      ],
      ['/timeliness?from=2016-12-31&to=2026-12-31', [['to', '统计期间不能超过 10 年']]],
      ['/timeliness?from=2026-01-01&to=2101-01-01', [['to', RANGE]]],
      [
        '/case-export?format=csv&from=1000-01-01&to=9999-12-31',
        [
          ['from', RANGE],
          ['to', RANGE],
        ],
      ],
      ['/case-export?format=csv&from=2000-01-01&to=2026-12-31', [['to', '统计期间不能超过 10 年']]],
      ['/case-export?format=csv&from=2026-12-01&to=2026-01-01', [['to', '结束日期不能早于开始日期']]],
      ['/at-risk?from=2027-01-01&to=2020-01-01', [['to', '结束日期不能早于开始日期']]],
      ['/at-risk?category=closed_late&from=1000-01-01&to=2026-01-01', [['from', RANGE]]],
      ['/at-risk?from=2000-01-01&to=2026-11-27', [['to', '统计期间不能超过 10 年']]],
      ['/at-risk?from=2027-01-01', [['to', '结束日期不能早于开始日期']]],
    ])('refuses GET %s', async (path, errors) => {
      const res = await as(t, supervisor).get(`/api/v1/supervision${path}`);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.errors.map((e: { field: string; message: string }) => [e.field, e.message])).toEqual(
        errors,
      );
    });

    it('accepts a period of ten years to the day before', async () => {
      const res = await as(t, supervisor).get('/api/v1/supervision/timeliness?from=2017-01-01&to=2026-12-31');
      expect(res.status).toBe(200);
      expect(res.body.byMonth).toHaveLength(120);
    });
  });

  describe('open cases by working days left', () => {
    it('puts each open case in one band, most urgent first', async () => {
      const res = await as(t, supervisor).get('/api/v1/supervision/open-cases');
      expect(res.status).toBe(200);
      expect(res.body.open).toBe(4);
      expect(
        Object.fromEntries(
          res.body.bands
            .filter((b: { count: number }) => b.count > 0)
            .map((b: { band: string; count: number }) => [b.band, b.count]),
        ),
      ).toEqual({
        overdue: 1, // z6
        due_today: 1, // z7
        within_20: 1, // z5, due 2026-12-18: 15 working days left
        paused: 1, // z8, waiting for the third party
      });
      expect(res.body.bands[0]).toEqual({ band: 'overdue', label: '已逾期', count: 1 });
    });

    it('a clerk sees their own agency only; another agency is 404', async () => {
      expect((await as(t, clerk).get(`/api/v1/supervision/open-cases?agencyId=${jtj}`)).status).toBe(404);
      expect((await as(t, clerk).get('/api/v1/supervision/open-cases')).body.agencyId).toBe(zrzyj);
    });
  });

  describe('at-risk list', () => {
    it('lists 逾期未办 and 即将逾期, most urgent first; a paused case is left out', async () => {
      const res = await as(t, supervisor).get('/api/v1/supervision/at-risk');
      expect(res.status).toBe(200);
      expect(
        res.body.items.map((i: { caseId: string; category: string; remainingWorkingDays: number }) => [
          i.caseId,
          i.category,
          i.remainingWorkingDays,
        ]),
      ).toEqual([
        [set.z6.id, 'overdue_open', -8],
        [set.z7.id, 'due_soon', 0],
      ]);
      expect(res.body.items[0]).toMatchObject({
        dueOn: '2026-11-17',
        categoryLabel: '逾期未办',
        caseNumber: set.z6.caseNumber,
      });
    });

    it('lists 逾期已办 with the working days it was late', async () => {
      const res = await as(t, supervisor).get(
        '/api/v1/supervision/at-risk?category=closed_late&from=2026-01-01&to=2026-12-31',
      );
      expect(
        res.body.items.map((i: { caseId: string; remainingWorkingDays: number; closedOn: string }) => [
          i.caseId,
          i.remainingWorkingDays,
          i.closedOn,
        ]),
      ).toEqual([[set.z3.id, -3, '2026-05-08']]);
      expect(res.body.counts).toEqual({ due_soon: 0, overdue_open: 0, closed_late: 1 });
    });
  });

  describe('annual report', () => {
    const T3 = (row: Record<string, number>) => ({
      natural_person: 0,
      commercial_enterprise: 0,
      research_institution: 0,
      public_interest_org: 0,
      legal_service_org: 0,
      other_org: 0,
      ...row,
    });

    it('table 三 for 2026 county-wide, with its identities holding', async () => {
      const res = await as(t, supervisor).get('/api/v1/supervision/annual-reports/2026');
      expect(res.status).toBe(200);
      const t3 = res.body.table3;
      expect(t3.received).toEqual(
        T3({
          natural_person: 6,
          commercial_enterprise: 1,
          research_institution: 1,
          legal_service_org: 1,
          total: 9,
        }),
      );
      expect(t3.carried_over).toEqual(T3({ natural_person: 1, total: 1 }));
      expect(t3.disclosed).toEqual(T3({ natural_person: 2, total: 2 }));
      expect(t3.unavailable_1).toEqual(T3({ natural_person: 1, total: 1 }));
      expect(t3.withheld_6).toEqual(T3({ research_institution: 1, total: 1 }));
      expect(t3.other_1).toEqual(T3({ commercial_enterprise: 1, total: 1 }));
      expect(t3.other_3).toEqual(T3({ natural_person: 1, total: 1 }));
      expect(t3.results_total).toEqual(
        T3({ natural_person: 4, commercial_enterprise: 1, research_institution: 1, total: 6 }),
      );
      expect(t3.carried_forward).toEqual(T3({ natural_person: 3, legal_service_org: 1, total: 4 }));
      expect(res.body).toMatchObject({ consistent: true, violations: [], anomalies: [], lock: null });
      expect(res.body.title).toBe('全县2026年政府信息公开工作年度报告（表三、表四）');
    });

    it('2025: the case received in December is new and carried forward', async () => {
      const res = await as(t, supervisor).get(`/api/v1/supervision/annual-reports/2025?agencyId=${zrzyj}`);
      expect(res.body.table3.received.total).toBe(1);
      expect(res.body.table3.carried_forward.total).toBe(1);
      expect(res.body.title).toBe('郯城县自然资源局2025年政府信息公开工作年度报告（表三、表四）');
    });

    it.each(['2018', '2027', '2101'])('refuses year %s: reports run from 2019 to this year', async (year) => {
      for (const path of [
        `/${year}`,
        `/${year}/cells?table=3&row=received&column=total`,
        `/${year}/export?format=csv`,
      ]) {
        const res = await as(t, supervisor).get(`/api/v1/supervision/annual-reports${path}`);
        expect(res.status).toBe(400);
        expect(res.body.errors).toEqual([
          { field: 'year', message: '年度须在 2019 年（条例修订施行后的第一个年度）至 2026 年之间' },
        ]);
      }
    });

    it('drills down from a cell to its cases', async () => {
      const res = await as(t, supervisor).get(
        '/api/v1/supervision/annual-reports/2026/cells?table=3&row=carried_forward&column=natural_person',
      );
      expect(res.status).toBe(200);
      expect(res.body.total).toBe(3);
      expect(res.body.items.map((i: { caseId: string }) => i.caseId)).toEqual([
        set.z6.id,
        set.z7.id,
        set.z8.id,
      ]);
      const own = await as(t, clerk).get(
        '/api/v1/supervision/annual-reports/2026/cells?table=3&row=results_total&column=total',
      );
      expect(own.body.items.map((i: { caseId: string }) => i.caseId)).toEqual([
        set.z1.id,
        set.z2.id,
        set.z3.id,
        set.z4.id,
      ]);
    });

    it('exports table 三 and 四 as XLSX and CSV that read back to the same figures', async () => {
      const xlsx = await as(t, supervisor)
        .get('/api/v1/supervision/annual-reports/2026/export?format=xlsx')
        .buffer(true)
        .parse(binary);
      expect(xlsx.status).toBe(200);
      expect(xlsx.headers['content-disposition']).toContain(
        `filename*=UTF-8''${encodeURIComponent('全县2026年政府信息公开工作年度报告（表三、表四）.xlsx')}`,
      );
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(xlsx.body as unknown as ArrayBuffer);
      const sheet = workbook.getWorksheet('表三')!;
      // Row 5 is 一、本年新收 (title + 3 header rows); columns D..J the 7 applicant columns.
      expect(sheet.getCell('A5').value).toBe('一、本年新收政府信息公开申请数量');
      expect([4, 5, 6, 7, 8, 9, 10].map((c) => sheet.getRow(5).getCell(c).value)).toEqual([
        6, 1, 1, 0, 1, 0, 9,
      ]);

      const csv = await as(t, supervisor).get('/api/v1/supervision/annual-reports/2026/export?format=csv');
      expect(csv.status).toBe(200);
      expect(csv.headers['content-type']).toContain('text/csv');
      const rows = parse(csv.text, { bom: true, relax_column_count: true }) as string[][];
      const carriedForward = rows.find((r) => r[0] === '四、结转下年度继续办理')!;
      expect(carriedForward.slice(3, 10)).toEqual(['3', '0', '0', '0', '1', '0', '4']);
    });
  });
});
