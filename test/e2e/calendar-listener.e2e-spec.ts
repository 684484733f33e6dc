import { Injectable, Module } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  CalendarChangeListener,
  type CalendarChangeContext,
  type CalendarImpactRow,
} from '../../src/calendar/calendar-change.listener.js';
import { CalendarYear } from '../../src/calendar/calendar-year.entity.js';
import type { WorkingDayCalendar } from '../../src/calendar/working-day-calendar.js';
import { as, DEMO_APP, signIn, type AuthedHttp } from '../support/auth.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * The hook the cases module will implement: provided here by a module of its own, as the cases module
 * will, and found by the calendar without importing it.
 */
@Injectable()
class RecordingListener extends CalendarChangeListener {
  readonly applied_: Array<{ change: string; year: number | null; stored: boolean; due: string }> = [];
  failNext = false;

  async preview(
    before: WorkingDayCalendar,
    after: WorkingDayCalendar,
    context: CalendarChangeContext,
  ): Promise<CalendarImpactRow[]> {
    // One open case received 2026-12-10: its 20-working-day reply deadline before and after the change.
    const [was, will] = [before, after].map((c) => c.addWorkingDays('2026-12-10', 20));
    expect(context).toMatchObject({ change: 'year', year: 2027 });
    return was.date === will.date
      ? []
      : [
          {
            caseId: 'c1',
            caseNumber: '郯自然资依申〔2026〕88号',
            agencyId: 'a1',
            deadline: '答复期限',
            dueDateBefore: was.date,
            dueDateAfter: will.date,
            provisionalAfter: will.provisional,
          },
        ];
  }

  async applied(
    manager: EntityManager,
    after: WorkingDayCalendar,
    context: CalendarChangeContext,
  ): Promise<void> {
    // Inside the import's transaction: the new year is already written and visible through `manager`.
    const stored = await manager.existsBy(CalendarYear, { year: context.year ?? 0, origin: 'import' });
    this.applied_.push({
      change: context.change,
      year: context.year,
      stored,
      due: after.addWorkingDays('2026-12-10', 20).date,
    });
    if (this.failNext) {
      this.failNext = false;
      throw new Error('recomputing due dates failed');
    }
  }
}

@Module({
  providers: [RecordingListener, { provide: CalendarChangeListener, useExisting: RecordingListener }],
})
class FakeCasesModule {}

const year2027 = (extraDay: boolean) => ({
  year: 2027,
  papers: ['https://www.gov.cn/zhengce/zhengceku/202611/content_0000000.htm'],
  days: [
    { name: '元旦', date: '2027-01-01', isOffDay: true },
    ...(extraDay ? [{ name: '元旦', date: '2027-01-04', isOffDay: true }] : []),
  ],
});

describe('calendar changes reach the cases module’s listener', () => {
  let t: TestApp;
  let api: AuthedHttp;
  let listener: RecordingListener;

  beforeAll(async () => {
    t = await createTestApp({ ...DEMO_APP, imports: [FakeCasesModule] });
    api = as(t, await signIn(t, 'admin'));
    listener = t.app.get(RecordingListener);
  });
  afterAll(() => t.close());

  it('the dry run lists the cases whose due dates would move', async () => {
    const res = await api.put('/api/v1/calendar/years/2027?dryRun=true').send(year2027(true)).expect(200);
    expect(res.body.impact).toEqual([
      expect.objectContaining({
        caseId: 'c1',
        dueDateBefore: '2027-01-08',
        dueDateAfter: '2027-01-11',
        provisionalAfter: false,
      }),
    ]);
    expect(listener.applied_).toEqual([]);
  });

  it('applying calls the listener inside the transaction, with the new calendar', async () => {
    await api.put('/api/v1/calendar/years/2027').send(year2027(true)).expect(200);
    expect(listener.applied_).toEqual([{ change: 'year', year: 2027, stored: true, due: '2027-01-11' }]);
  });

  it('a failing listener rolls the change back', async () => {
    listener.failNext = true;
    await api.put('/api/v1/calendar/years/2027').send(year2027(false)).expect(500);
    const day = await api.get('/api/v1/calendar/days/2027-01-04').expect(200);
    expect(day.body).toMatchObject({ working: false, name: '元旦' });
  });
});
