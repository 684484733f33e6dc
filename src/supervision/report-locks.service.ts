import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { QueryFailedError, type DataSource, type EntityManager } from 'typeorm';
import { AgencyScope } from '../auth/agency-scope.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CaseTimelineService } from '../cases/case-timeline.service.js';
import { Clock } from '../common/clock/clock.js';
import { DomainError } from '../common/errors/domain-error.js';
import { JobsService } from '../jobs/jobs.service.js';
import { buildAnnualReports } from './annual-report.rules.js';
import { AnnualReportLockRemedy } from './annual-report-lock-remedy.entity.js';
import { AnnualReportLock } from './annual-report-lock.entity.js';
import type { BuiltReport } from './annual-reports.builder.js';
import type { Table4Column } from './annual-report.layout.js';
import { reportClassKey, representativeOf, type ReportClassKeyParts } from './report-classes.rules.js';
import {
  movedCells,
  sameCells,
  table3CellsOf,
  table4CellsOf,
  type CellRef,
  type MovedCell,
} from './report-lock.rules.js';
import { ReportChange } from './report-change.entity.js';
import { reportYearRange } from './report-period.js';
import { SupervisionQueries } from './supervision-queries.js';
import type { RemedyRecord } from './table4.rules.js';

/** One case or remedy record whose cells in a locked report differ from when it was locked. */
export interface SubjectChange {
  readonly subjectKey: string;
  readonly caseId: string;
  readonly remedyRecordId: string | null;
  readonly cellsBefore: CellRef[];
  readonly cellsAfter: CellRef[];
  /** Identifies the state changed to. */
  readonly changeKey: string;
}

export interface LockChanges {
  readonly movedCells: MovedCell[];
  readonly subjects: SubjectChange[];
}

const scopeOf = (lock: Pick<AnnualReportLock, 'agencyId'>): AgencyScope =>
  lock.agencyId === null ? AgencyScope.all() : AgencyScope.only(lock.agencyId);

/** Cells of a table 四 placement stored under a lock: its result column and its kind's 总计. */
const lockedRemedyCells = (placedIn: string): CellRef[] => [
  `4:${placedIn}`,
  `4:${placedIn.split('.')[0]}.total`,
];

/**
 * Locking a year's report (条例 Art. 49: what was published) and watching it: the figures are
 * frozen with the place of every case and record; a later change that moves a figure is listed on
 * the report (which cells, which cases) and noted once on the case's timeline (`report_changed`) —
 * within five minutes by a job for changes to cases, at once for remedy records.
 */
@Injectable()
export class ReportLocksService implements OnModuleInit {
  private readonly logger = new Logger(ReportLocksService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queries: SupervisionQueries,
    private readonly timeline: CaseTimelineService,
    private readonly clock: Clock,
    private readonly jobs: JobsService,
  ) {}

  onModuleInit(): void {
    this.jobs.register({
      name: 'report-change-watch',
      cron: '*/5 * * * *',
      runAtStart: true,
      handler: () => this.watch().then(() => undefined),
    });
  }

  find(year: number, agencyId: string | null): Promise<AnnualReportLock | null> {
    return this.dataSource.manager.findOneBy(AnnualReportLock, { year, scopeKey: agencyId ?? 'county' });
  }

  async lock(user: AuthUser, year: number, agencyId: string | null, note: string): Promise<AnnualReportLock> {
    if (agencyId === null && !user.roles.includes('supervisor')) {
      throw new DomainError('FORBIDDEN', '全县年度报告只能由督查（县政府信息公开工作主管部门）锁定。');
    }
    if (agencyId !== null && !AgencyScope.readableBy(user).covers(agencyId))
      throw DomainError.notFound('机关');
    const today = this.clock.today();
    if (today <= reportYearRange(year).to) {
      throw new DomainError(
        'SUPERVISION_REPORT_YEAR_NOT_OVER',
        `${year} 年尚未结束（今天是 ${today}），年度报告须在次年编制（条例第四十九条）。`,
      );
    }
    const scope = agencyId === null ? AgencyScope.all() : AgencyScope.only(agencyId);
    try {
      return await this.dataSource.transaction('REPEATABLE READ', async (manager) => {
        // One after the other: a transaction has a single connection.
        const classes = await this.queries.reportClasses(scope, year, manager);
        const remedies = await this.queries.remedyRecords(scope, year, manager);
        const { countyWide } = buildAnnualReports({
          year,
          cases: classes.map((c) => representativeOf(c, year)),
          anomalyCases: [],
          remedies,
        });
        const lock = await manager.save(
          manager.create(AnnualReportLock, {
            year,
            scopeKey: agencyId ?? 'county',
            agencyId,
            table3: countyWide.table3.cells,
            table4: countyWide.table4.cells,
            lockedAt: this.clock.now(),
            lockedBy: user.id,
            lockedByName: user.displayName,
            note,
          }),
        );
        await this.queries.snapshotLockCases(manager, lock.id, scope, year);
        const placed = remedies.flatMap((r) => {
          const cell = table4CellsOf(r, year).find((c) => !c.endsWith('.total'));
          return cell === undefined
            ? []
            : [
                {
                  lockId: lock.id,
                  recordId: r.recordId,
                  caseId: r.caseId,
                  agencyId: r.agencyId,
                  placedIn: cell.slice(2) as Table4Column,
                },
              ];
        });
        if (placed.length > 0) await manager.insert(AnnualReportLockRemedy, placed);
        return lock;
      });
    } catch (error) {
      if (error instanceof QueryFailedError && (error as { code?: string }).code === '23505') {
        throw new DomainError('SUPERVISION_REPORT_ALREADY_LOCKED', `${year} 年度报告已经锁定。`);
      }
      throw error;
    }
  }

  /** What changed since the lock, against the report as built today. */
  async changes(lock: AnnualReportLock, built: BuiltReport): Promise<LockChanges> {
    const moved = movedCells(
      { table3: lock.table3, table4: lock.table4 },
      { table3: built.report.table3.cells, table4: built.report.table4.cells },
    );
    const subjects = [
      ...(await this.caseChanges(lock)),
      ...(await this.remedyChanges(this.dataSource.manager, lock, built.remedies)),
    ];
    return { movedCells: moved, subjects };
  }

  /**
   * Records every change to a locked report not yet recorded and notes it on the case's timeline,
   * each in its own transaction; the unique (lock, subject, change) makes it once across instances.
   */
  async watch(): Promise<number> {
    const locks = await this.dataSource.manager.find(AnnualReportLock, { order: { year: 'ASC' } });
    let recorded = 0;
    for (const lock of locks) {
      const remedies = await this.queries.remedyRecords(scopeOf(lock), lock.year);
      const subjects = [
        ...(await this.caseChanges(lock)),
        ...(await this.remedyChanges(this.dataSource.manager, lock, remedies)),
      ];
      for (const subject of subjects) {
        recorded += await this.dataSource.transaction((manager) => this.record(manager, lock, subject));
      }
    }
    if (recorded > 0) this.logger.log(`Changes to locked annual reports recorded: ${recorded}`);
    return recorded;
  }

  /** After a remedy record was written (inside its transaction): flags the locked reports it moved. */
  async remedyChanged(manager: EntityManager, record: RemedyRecord): Promise<void> {
    const locks = await manager
      .createQueryBuilder(AnnualReportLock, 'l')
      .where('(l.agencyId IS NULL OR l.agencyId = :agencyId)', { agencyId: record.agencyId })
      .getMany();
    for (const lock of locks) {
      const changes = await this.remedyChanges(manager, lock, [record], record.recordId);
      for (const change of changes) await this.record(manager, lock, change);
    }
  }

  private async caseChanges(lock: AnnualReportLock): Promise<SubjectChange[]> {
    const cellsOf = (k: ReportClassKeyParts | null): CellRef[] =>
      k === null ? [] : table3CellsOf(representativeOf({ ...k, count: 1 }, lock.year), lock.year);
    const out: SubjectChange[] = [];
    for (const d of await this.queries.lockCaseDiff(lock.id, scopeOf(lock), lock.year)) {
      const before = cellsOf(d.before);
      const after = cellsOf(d.after);
      if (sameCells(before, after)) continue; // e.g. 已主动公开 → 予以公开: the same row
      out.push({
        subjectKey: `case:${d.caseId}`,
        caseId: d.caseId,
        remedyRecordId: null,
        cellsBefore: before,
        cellsAfter: after,
        changeKey: d.after === null ? 'gone' : reportClassKey(d.after),
      });
    }
    return out;
  }

  /** Records (all under the lock, or only `onlyRecordId`) whose table 四 cells moved. */
  private async remedyChanges(
    manager: EntityManager,
    lock: AnnualReportLock,
    current: readonly RemedyRecord[],
    onlyRecordId?: string,
  ): Promise<SubjectChange[]> {
    const snapshot = await manager.findBy(AnnualReportLockRemedy, {
      lockId: lock.id,
      ...(onlyRecordId ? { recordId: onlyRecordId } : {}),
    });
    const locked = new Map(snapshot.map((s) => [s.recordId, s]));
    const now = new Map(current.map((r) => [r.recordId, r]));
    const out: SubjectChange[] = [];
    for (const recordId of new Set([...locked.keys(), ...now.keys()])) {
      const before = locked.has(recordId) ? lockedRemedyCells(locked.get(recordId)!.placedIn) : [];
      const record = now.get(recordId);
      const after = record ? table4CellsOf(record, lock.year) : [];
      if (sameCells(before, after)) continue;
      out.push({
        subjectKey: `remedy:${recordId}`,
        caseId: record?.caseId ?? locked.get(recordId)!.caseId,
        remedyRecordId: recordId,
        cellsBefore: before,
        cellsAfter: after,
        changeKey: after.join(',') || 'gone',
      });
    }
    return out;
  }

  /** Inserts the change once; the instance whose insert wins writes the timeline note. */
  private async record(
    manager: EntityManager,
    lock: AnnualReportLock,
    change: SubjectChange,
  ): Promise<number> {
    const inserted = (await manager
      .createQueryBuilder()
      .insert()
      .into(ReportChange)
      .values({
        lockId: lock.id,
        subjectKey: change.subjectKey,
        caseId: change.caseId,
        changeKey: change.changeKey.slice(0, 200),
        cellsBefore: change.cellsBefore,
        cellsAfter: change.cellsAfter,
      })
      .orIgnore()
      .returning(['id'])
      .execute()) as { raw: Array<{ id: string }> };
    if (inserted.raw.length === 0) return 0;
    const scope = lock.agencyId === null ? '全县' : '本机关';
    await this.timeline.note(manager, change.caseId, {
      note: 'report_changed',
      data: {
        year: lock.year,
        lockId: lock.id,
        report: lock.agencyId === null ? 'county' : lock.agencyId,
        remedyRecordId: change.remedyRecordId,
        cellsBefore: change.cellsBefore,
        cellsAfter: change.cellsAfter,
      },
      reason: `${scope} ${lock.year} 年度报告已于 ${lock.lockedAt.toISOString().slice(0, 10)} 锁定；本案${change.remedyRecordId ? '的复议或诉讼记录' : ''}变更使报告中的数字发生变动。`,
      actor: null,
    });
    await manager.update(ReportChange, { id: inserted.raw[0].id }, { notedAt: this.clock.now() });
    return 1;
  }
}
