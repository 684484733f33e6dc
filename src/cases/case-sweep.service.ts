import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { IsoDate } from '../common/clock/dates.js';
import { JobsService } from '../jobs/jobs.service.js';
import { CaseClockService } from './case-clock.service.js';
import { OPEN_STATUSES } from './case-status.js';
import { CasesService } from './cases.service.js';
import { DisclosureCase } from './disclosure-case.entity.js';

export interface SweepResult {
  correctionLapses: number;
  feeLapses: number;
  consultationLapses: number;
  recomputed: number;
}

/**
 * The statutory periods that end by themselves: a 补正 period without a correction (Art. 30), a fee
 * not paid within 20 WD (109号), a consultation party silent for 15 WD (Art. 32, 34); and the due
 * dates of paused cases, which move every day. Runs hourly and at start (catching up after
 * downtime), through the job queue so that one instance does it; every step is idempotent.
 */
@Injectable()
export class CaseSweepService implements OnModuleInit {
  private readonly logger = new Logger(CaseSweepService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CasesService,
    private readonly clocks: CaseClockService,
    private readonly jobs: JobsService,
  ) {}

  onModuleInit(): void {
    this.jobs.register({
      name: 'case-sweep',
      cron: '5 * * * *',
      runAtStart: true,
      handler: () => this.sweep().then(() => undefined),
    });
  }

  async sweep(today: IsoDate = this.clocks.today()): Promise<SweepResult> {
    const ids = async (sql: string, params: unknown[]) =>
      ((await this.dataSource.query(sql, params)) as Array<{ id: string }>).map((r) => r.id);
    const result: SweepResult = { correctionLapses: 0, feeLapses: 0, consultationLapses: 0, recomputed: 0 };
    for (const id of await ids(
      `SELECT id FROM disclosure_case WHERE status = 'awaiting_correction' AND correction_period_ends_on < $1`,
      [today],
    )) {
      if (await this.cases.applyLapse(id, 'lapse_correction', today)) result.correctionLapses++;
    }
    for (const id of await ids(`SELECT id FROM disclosure_case WHERE status = 'awaiting_fee'`, [])) {
      if (await this.cases.applyLapse(id, 'lapse_fee', today)) result.feeLapses++;
    }
    for (const id of await ids(
      `SELECT DISTINCT k.case_id AS id FROM case_consultation k JOIN disclosure_case c ON c.id = k.case_id
        WHERE k.replied_on IS NULL AND k.result IS NULL AND k.period_ends_on < $1 AND c.status = ANY($2)`,
      [today, OPEN_STATUSES],
    )) {
      if (await this.cases.applyLapse(id, 'lapse_consultation', today)) result.consultationLapses++;
    }
    result.recomputed = await this.recompute(`clock_state = 'paused'`, today);
    if (Object.values(result).some((n) => n > 0))
      this.logger.log(`Sweep ${today}: ${JSON.stringify(result)}`);
    return result;
  }

  /**
   * Brings the stored clock columns of open cases matching `where` in line with their events and
   * the current calendar (after a calendar year is replaced, or daily for paused cases).
   */
  async recompute(where = 'true', today: IsoDate = this.clocks.today()): Promise<number> {
    const rows = (await this.dataSource.query(
      `SELECT id FROM disclosure_case WHERE status = ANY($1) AND (${where})`,
      [OPEN_STATUSES],
    )) as Array<{ id: string }>;
    let changed = 0;
    for (const { id } of rows) {
      changed += await this.dataSource.transaction(async (manager) => {
        const c = await manager.findOne(DisclosureCase, {
          where: { id },
          lock: { mode: 'pessimistic_write' },
        });
        if (!c) return 0;
        const before = JSON.stringify([
          c.dueOn,
          c.clockState,
          c.originalDueOn,
          c.clockProvisional,
          c.excludedWorkingDays,
        ]);
        const clock = await this.clocks.compute(c, await this.clocks.eventsOf(manager, c.id), today);
        CaseClockService.project(c, clock);
        if (
          JSON.stringify([
            c.dueOn,
            c.clockState,
            c.originalDueOn,
            c.clockProvisional,
            c.excludedWorkingDays,
          ]) === before
        ) {
          return 0;
        }
        // A projection refresh, not a state change: no version bump (a user's open form stays valid), no event.
        await manager.query(
          `UPDATE disclosure_case SET due_on = $2, clock_state = $3, original_due_on = $4, clock_provisional = $5,
                  excluded_working_days = $6, correction_notice_due_on = $7 WHERE id = $1`,
          [
            c.id,
            c.dueOn,
            c.clockState,
            c.originalDueOn,
            c.clockProvisional,
            c.excludedWorkingDays,
            c.correctionNoticeDueOn,
          ],
        );
        return 1;
      });
    }
    return changed;
  }
}
