import fs from 'node:fs';
import { Agency } from '../../src/agencies/agency.entity.js';
import { CalendarChange } from '../../src/calendar/calendar-change.entity.js';
import { OWN_FORMAT } from '../../src/calendar/calendar-import.rules.js';
import { CalendarService } from '../../src/calendar/calendar.service.js';
import { runSeeds } from '../../seeds/run-seeds.js';
import { as, DEMO_APP, signIn, type AuthedHttp } from '../support/auth.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const API = '/api/v1/calendar';

const holidayCn2026 = () =>
  JSON.parse(fs.readFileSync('seeds/data/holidays/2026.json', 'utf8')) as Record<string, unknown>;

/** The 2027 schedule as it might be published (holiday-cn format). */
const holidayCn2027 = {
  year: 2027,
  papers: ['https://www.gov.cn/zhengce/zhengceku/202611/content_0000000.htm'],
  days: [
    { name: '元旦', date: '2027-01-01', isOffDay: true },
    { name: '元旦', date: '2027-01-02', isOffDay: true },
    { name: '元旦', date: '2027-01-03', isOffDay: true },
    { name: '春节', date: '2027-01-30', isOffDay: false },
    ...['05', '06', '07', '08', '09', '10', '11', '12', '13'].map((d) => ({
      name: '春节',
      date: `2027-02-${d}`,
      isOffDay: true,
    })),
    { name: '春节', date: '2027-02-20', isOffDay: false },
  ],
};

const changeCount = (t: TestApp) => t.dataSource.getRepository(CalendarChange).count();

describe('calendar API', () => {
  let t: TestApp;
  let api: AuthedHttp;

  beforeAll(async () => {
    t = await createTestApp(DEMO_APP);
    api = as(t, await signIn(t, 'admin'));
  });
  afterAll(() => t.close());

  describe('reading the years', () => {
    it('lists the seeded official schedules 2019–2026 with their notices; 2027 is not published', async () => {
      const res = await api.get(`${API}/years`).expect(200);
      expect(res.body.items.map((y: { year: number }) => y.year)).toEqual([
        2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026,
      ]);
      expect(res.body).toMatchObject({
        lastPublishedYear: 2026,
        today: '2026-11-27',
        unpublishedUpcomingYears: [2027],
      });
      const y2020 = res.body.items.find((y: { year: number }) => y.year === 2020);
      expect(y2020).toMatchObject({ status: 'published', origin: 'seed', sourceFormat: 'holiday-cn' });
      expect(y2020.sources.map((s: { documentNumber: string }) => s.documentNumber)).toEqual([
        '国办发明电〔2019〕16号',
        '国办发明电〔2020〕1号',
      ]);
      expect(y2020.loadedBy).toEqual({ userId: null, name: '系统（种子数据）', remoteAddress: null });
    });

    it('shows a year with its days, notes and history', async () => {
      const res = await api.get(`${API}/years/2020`).expect(200);
      expect(res.body.days).toContainEqual({
        date: '2020-02-01',
        weekday: '周六',
        kind: 'holiday',
        name: '春节',
        note: expect.stringContaining('国办发明电〔2020〕1号'),
      });
      expect(res.body.history).toEqual([expect.objectContaining({ action: 'year_seeded' })]);
    });

    it('shows an unpublished year with the statutory holidays the computations assume', async () => {
      const res = await api.get(`${API}/years/2027`).expect(200);
      expect(res.body).toMatchObject({ year: 2027, status: 'not_published', sources: [], days: [] });
      expect(res.body.statutoryFallback.title).toContain('2024年11月10日修订');
      expect(res.body.statutoryFallback.days).toContainEqual(
        expect.objectContaining({ date: '2027-02-06', name: '春节', provisional: true, working: false }),
      );
    });

    it.each(['1948', '2101', 'abc', '2026.5'])('refuses year %s with a field error', async (year) => {
      const res = await api.get(`${API}/years/${year}`).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('year');
    });
  });

  describe('computing', () => {
    it('adds working days and shows its working (legal-rules §5.5)', async () => {
      const res = await api.get(`${API}/working-days/add?from=2025-09-26&days=20`).expect(200);
      expect(res.body).toEqual({
        from: '2025-09-26',
        date: '2025-10-30',
        provisional: false,
        provisionalYears: [],
        explanation: expect.any(Array),
        summary: expect.stringContaining('2025-10-30'),
      });
      expect(res.body.explanation[1]).toEqual({
        date: '2025-09-28',
        weekday: '周日',
        kind: 'makeup_counted',
        reason: '调休上班（国庆节、中秋节）',
        ordinal: 1,
      });
    });

    it('flags a deadline that reaches into unpublished 2027', async () => {
      const res = await api.get(`${API}/working-days/add?from=2026-12-10&days=20`).expect(200);
      expect(res.body).toMatchObject({ date: '2027-01-08', provisional: true, provisionalYears: [2027] });
    });

    it('counts working days between two dates', async () => {
      const res = await api.get(`${API}/working-days/between?from=2026-02-12&to=2026-03-18`).expect(200);
      expect(res.body).toMatchObject({
        from: '2026-02-12',
        to: '2026-03-18',
        workingDays: 20,
        provisional: false,
      });
      const reversed = await api.get(`${API}/working-days/between?from=2026-03-18&to=2026-02-12`).expect(200);
      expect(reversed.body.workingDays).toBe(-20);
    });

    it('computes calendar-day and month periods, moved past a holiday (W6)', async () => {
      const days = await api.get(`${API}/calendar-days/add?from=2026-08-02&days=60`).expect(200);
      expect(days.body).toMatchObject({ date: '2026-10-08', provisional: false });
      expect(days.body.explanation.at(-1)).toMatchObject({ date: '2026-10-08', kind: 'moved' });
      const months = await api.get(`${API}/months/add?from=2026-08-31&months=6`).expect(200);
      expect(months.body).toMatchObject({ date: '2027-03-01', provisional: true, provisionalYears: [2027] });
    });

    it('tells what a day is', async () => {
      const res = await api.get(`${API}/days/2026-02-28`).expect(200);
      expect(res.body).toEqual({
        date: '2026-02-28',
        weekday: '周六',
        working: true,
        kind: 'makeup_workday',
        name: '春节',
        provisional: false,
      });
    });

    it.each([
      ['an impossible date', 'from=2026-02-30&days=20', 'from'],
      ['a malformed date', 'from=2026-2-3&days=20', 'from'],
      ['a missing date', 'days=20', 'from'],
      ['negative days', 'from=2026-02-03&days=-1', 'days'],
      ['more than 1000 days', 'from=2026-02-03&days=1001', 'days'],
      ['days that are not a number', 'from=2026-02-03&days=abc', 'days'],
      ['an agency id that is not a uuid', 'from=2026-02-03&days=1&agencyId=x', 'agencyId'],
      ['an unknown parameter', 'from=2026-02-03&days=1&foo=1', 'foo'],
    ])('refuses %s with a 400 field error', async (_what, query, field) => {
      const res = await api.get(`${API}/working-days/add?${query}`).expect(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    });

    it('refuses a date outside 1949–2100 and an interval too long to explain', async () => {
      const out = await api.get(`${API}/working-days/add?from=2100-12-30&days=20`).expect(400);
      expect(out.body.code).toBe('CALENDAR_DATE_OUT_OF_RANGE');
      const long = await api.get(`${API}/working-days/between?from=2019-01-01&to=2030-01-01`).expect(400);
      expect(long.body.errors).toEqual([expect.objectContaining({ field: 'to' })]);
    });

    it('answers 404 for an unknown agency', async () => {
      const res = await api
        .get(`${API}/working-days/add?from=2026-02-03&days=1&agencyId=00000000-0000-4000-8000-000000000000`)
        .expect(404);
      expect(res.body.code).toBe('NOT_FOUND');
    });

    it('keeps the calendar cached while nothing changes', async () => {
      const service = t.app.get(CalendarService);
      expect(await service.forAgency(null)).toBe(await service.forAgency(null));
    });
  });

  describe('loading a year (PUT /years/{year})', () => {
    it('dry run: validates, lists the days that change and the (for now empty) impact, writes nothing', async () => {
      const before = await changeCount(t);
      const res = await api.put(`${API}/years/2027?dryRun=true`).send(holidayCn2027).expect(200);
      expect(res.body).toMatchObject({
        year: 2027,
        dryRun: true,
        format: 'holiday-cn',
        statusBefore: 'not_published',
        statusAfter: 'published',
        replaces: false,
        unchanged: false,
        warnings: [],
        impact: [],
      });
      expect(res.body.changes).toContainEqual({
        date: '2027-01-30',
        weekday: '周六',
        before: { working: false, kind: 'weekend', name: null },
        after: { working: true, kind: 'makeup_workday', name: '春节' },
      });
      expect(res.body.changeId).toBeUndefined();
      expect(await changeCount(t)).toBe(before);
      const year = await api.get(`${API}/years/2027`).expect(200);
      expect(year.body.status).toBe('not_published');
    });

    it('rejects an invalid schedule listing every error, and changes nothing', async () => {
      const before = await changeCount(t);
      const res = await api
        .put(`${API}/years/2027`)
        .send({
          ...holidayCn2027,
          days: [
            { name: '元旦', date: '2026-12-31', isOffDay: true },
            { name: '元旦', date: '2027-06-01', isOffDay: true },
            { name: '元旦', date: '2027-06-01', isOffDay: true },
            { name: '春节', date: '2027-02-31', isOffDay: true },
            { name: '春节', date: '2027-01-30', isOffDay: true },
            { name: '春节', date: '2027-01-30', isOffDay: false },
            { name: '', date: '2027-03-01', isOffDay: 'yes' },
          ],
        })
        .expect(400);
      expect(res.body.code).toBe('CALENDAR_IMPORT_INVALID');
      expect(res.body.errors).toEqual([
        { field: 'days[3].date', message: '不是合法的日期（YYYY-MM-DD）' },
        { field: 'days[6].name', message: '必须是 1–40 个字符的节日名称' },
        { field: 'days[6].isOffDay', message: '必须是 true 或 false' },
        { field: 'days[2].date', message: '2027-06-01 重复出现' },
        { field: 'days[5].date', message: '2027-01-30 同时被标为放假和调休上班' },
      ]);
      expect(await changeCount(t)).toBe(before);
    });

    it('refuses a body whose year differs from the address', async () => {
      const res = await api.put(`${API}/years/2028`).send(holidayCn2027).expect(400);
      expect(res.body.errors).toEqual([{ field: 'year', message: '与地址中的年份 2028 不一致' }]);
    });

    it('applies in one transaction, records who did it, and the new year is used at once', async () => {
      const res = await api.put(`${API}/years/2027`).send(holidayCn2027).expect(200);
      expect(res.body).toMatchObject({
        year: 2027,
        dryRun: false,
        replaces: false,
        changeId: expect.any(String),
      });
      const year = await api.get(`${API}/years/2027`).expect(200);
      expect(year.body).toMatchObject({ status: 'published', origin: 'import', sourceFormat: 'holiday-cn' });
      // Recorded who did it: the signed-in admin, and from where.
      expect(year.body.loadedBy).toEqual({
        userId: expect.any(String),
        name: '系统管理员',
        remoteAddress: expect.stringMatching(/127\.0\.0\.1/),
      });
      expect(year.body.history[0]).toMatchObject({ id: res.body.changeId, action: 'year_imported' });
      const add = await api.get(`${API}/working-days/add?from=2026-12-10&days=20`).expect(200);
      expect(add.body).toMatchObject({ date: '2027-01-08', provisional: false, provisionalYears: [] });
      const spring = await api.get(`${API}/working-days/add?from=2027-01-29&days=1`).expect(200);
      expect(spring.body.date).toBe('2027-01-30'); // the make-up Saturday of the loaded notice
    });

    it('replaces a published year (logged), and later seeds leave the admin’s year alone', async () => {
      const own = {
        format: OWN_FORMAT,
        year: 2026,
        sources: [
          {
            title: '国务院办公厅关于2026年部分节假日安排的通知',
            documentNumber: null,
            url: 'https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm',
            publishedOn: '2025-11-04',
          },
        ],
        days: (holidayCn2026().days as Array<{ name: string; date: string; isOffDay: boolean }>)
          .filter((d) => d.date !== '2026-10-10')
          .map((d) => ({ date: d.date, kind: d.isOffDay ? 'holiday' : 'makeup_workday', name: d.name })),
      };
      const dry = await api.put(`${API}/years/2026?dryRun=true`).send(own).expect(200);
      expect(dry.body).toMatchObject({ format: 'gip-desk', replaces: true, statusBefore: 'published' });
      expect(dry.body.changes).toEqual([
        {
          date: '2026-10-10',
          weekday: '周六',
          before: { working: true, kind: 'makeup_workday', name: '国庆节' },
          after: { working: false, kind: 'weekend', name: null },
        },
      ]);
      await api.put(`${API}/years/2026`).send(own).expect(200);
      const year = await api.get(`${API}/years/2026`).expect(200);
      expect(year.body).toMatchObject({ origin: 'import', sourceFormat: 'gip-desk' });
      expect(year.body.history.map((h: { action: string }) => h.action)).toEqual([
        'year_replaced',
        'year_seeded',
      ]);
      expect(year.body.history[0].details.changes).toHaveLength(1);

      const seeds = await runSeeds(t.dataSource, { demo: false, demoUsers: false, now: new Date() });
      expect(seeds.holidayCalendars).toEqual({ inserted: [], updated: [], keptAdminYears: [2026] });
      const after = await api.get(`${API}/days/2026-10-10`).expect(200);
      expect(after.body.kind).toBe('weekend');
    });

    it('serialises concurrent imports of one year: both succeed, the last one stands', async () => {
      const a = { ...holidayCn2027, days: holidayCn2027.days.slice(0, 3) };
      const b = { ...holidayCn2027, days: holidayCn2027.days.slice(0, 4) };
      const [ra, rb] = await Promise.all([
        api.put(`${API}/years/2027`).send(a),
        api.put(`${API}/years/2027`).send(b),
      ]);
      expect([ra.status, rb.status]).toEqual([200, 200]);
      const last = Number(ra.body.changeId) > Number(rb.body.changeId) ? ra : rb;
      const year = await api.get(`${API}/years/2027`).expect(200);
      expect(year.body.contentHash).toBe(last.body.contentHash);
    });
  });

  describe('an agency’s local days off (放假办法 Art. 4)', () => {
    let agencyId: string;

    beforeAll(async () => {
      const agency = await t.dataSource.getRepository(Agency).save({
        code: 'test-minzu',
        name: '测试自治县民族宗教事务局',
        shortName: '民宗局',
        type: 'county_department',
        docNumberPrefix: '测民宗信复',
        reconsiderationBodyName: '测试自治县人民政府',
      });
      agencyId = agency.id;
    });

    it('adds one, which moves that agency’s deadlines only, and removes it', async () => {
      const put = await api
        .put(`${API}/agencies/${agencyId}/local-days/2026-03-10`)
        .send({ name: '三月三', note: '自治县人民政府通知放假一天' })
        .expect(200);
      expect(put.body).toMatchObject({
        date: '2026-03-10',
        weekday: '周二',
        name: '三月三',
        effective: true,
      });
      const list = await api.get(`${API}/agencies/${agencyId}/local-days`).expect(200);
      expect(list.body.items).toHaveLength(1);

      const local = await api
        .get(`${API}/working-days/add?from=2026-02-12&days=20&agencyId=${agencyId}`)
        .expect(200);
      expect(local.body).toMatchObject({ date: '2026-03-19', agencyId });
      expect(local.body.explanation).toContainEqual(
        expect.objectContaining({ date: '2026-03-10', kind: 'skipped', reason: '本地放假（三月三）' }),
      );
      const national = await api.get(`${API}/working-days/add?from=2026-02-12&days=20`).expect(200);
      expect(national.body.date).toBe('2026-03-18');

      await api.delete(`${API}/agencies/${agencyId}/local-days/2026-03-10`).expect(204);
      const again = await api
        .get(`${API}/working-days/add?from=2026-02-12&days=20&agencyId=${agencyId}`)
        .expect(200);
      expect(again.body.date).toBe('2026-03-18');
      const log = await t.dataSource
        .getRepository(CalendarChange)
        .find({ where: { agencyId }, order: { id: 'ASC' } });
      expect(log.map((c) => c.action)).toEqual(['local_day_added', 'local_day_removed']);
    });

    it('answers 404 for an unknown agency or day, 400 for a bad date or a missing name', async () => {
      await api
        .put(`${API}/agencies/00000000-0000-4000-8000-000000000000/local-days/2026-03-10`)
        .send({ name: 'x' })
        .expect(404);
      await api.delete(`${API}/agencies/${agencyId}/local-days/2026-03-11`).expect(404);
      await api.put(`${API}/agencies/${agencyId}/local-days/2026-02-30`).send({ name: 'x' }).expect(400);
      const res = await api.put(`${API}/agencies/${agencyId}/local-days/2026-03-10`).send({}).expect(400);
      expect(new Set(res.body.errors.map((e: { field: string }) => e.field))).toEqual(new Set(['name']));
    });
  });

  it('is documented in OpenAPI', async () => {
    const res = await api.get('/api/docs-json').expect(200);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/calendar/years',
        '/api/v1/calendar/years/{year}',
        '/api/v1/calendar/working-days/add',
        '/api/v1/calendar/working-days/between',
      ]),
    );
    expect(
      res.body.paths['/api/v1/calendar/years/{year}'].put.requestBody.content['application/json'].schema
        .oneOf,
    ).toHaveLength(2);
  });
});
