import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AgencyScope, findInScopeOrFail } from '../auth/agency-scope.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CaseTimelineService } from '../cases/case-timeline.service.js';
import { DisclosureCase } from '../cases/disclosure-case.entity.js';
import { Clock } from '../common/clock/clock.js';
import { DomainError } from '../common/errors/domain-error.js';
import type { RecordRemedyDto, RemedyRecordResponse, UpdateRemedyDto } from './dto/remedy-record.dto.js';
import { checkRemedyRecord } from './remedy-record.rules.js';
import { RemedyRecord } from './remedy-record.entity.js';
import { REMEDY_KIND_LABELS, REMEDY_RESULT_LABELS } from './remedy.js';
import { ReportLocksService } from './report-locks.service.js';

/** The record's own facts, as entered. */
function fieldsOf(dto: RecordRemedyDto) {
  return {
    kind: dto.kind,
    filedOn: dto.filedOn,
    body: dto.body.trim(),
    caseReference: dto.caseReference?.trim() ?? '',
    result: dto.result,
    decidedOn: dto.decidedOn ?? null,
    note: dto.note?.trim() ?? '',
  };
}

function toResponse(r: RemedyRecord, notices: string[] = []): RemedyRecordResponse {
  return {
    id: r.id,
    caseId: r.caseId,
    agencyId: r.agencyId,
    kind: r.kind,
    kindLabel: r.kind === 'reconsideration' ? '行政复议' : `行政诉讼（${REMEDY_KIND_LABELS[r.kind]}）`,
    filedOn: r.filedOn,
    body: r.body,
    caseReference: r.caseReference,
    result: r.result,
    resultLabel: REMEDY_RESULT_LABELS[r.result],
    decidedOn: r.decidedOn,
    note: r.note,
    recordedBy: r.recordedBy,
    version: r.version,
    notices,
  };
}

/**
 * 行政复议 and 行政诉讼 about a concluded case (条例 Art. 51; table 四). The case's own agency records
 * them; each record and each change is noted on the case's timeline (`remedy_recorded`), and a
 * change that moves a locked report's table 四 is flagged at once.
 */
@Injectable()
export class RemedyRecordsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly timeline: CaseTimelineService,
    private readonly locks: ReportLocksService,
    private readonly clock: Clock,
  ) {}

  async list(user: AuthUser, caseId: string): Promise<RemedyRecordResponse[]> {
    const c = await findInScopeOrFail(
      this.dataSource.manager,
      DisclosureCase,
      caseId,
      AgencyScope.readableBy(user),
      {
        what: '申请',
      },
    );
    const records = await this.dataSource.manager.find(RemedyRecord, {
      where: { caseId: c.id },
      order: { filedOn: 'ASC', createdAt: 'ASC' },
    });
    return records.map((r) => toResponse(r));
  }

  record(user: AuthUser, caseId: string, dto: RecordRemedyDto): Promise<RemedyRecordResponse> {
    return this.dataSource.transaction(async (manager) => {
      const c = await this.caseOf(manager, user, caseId);
      const notices = await this.check(manager, c, dto, null);
      const record = await manager.save(
        manager.create(RemedyRecord, {
          caseId: c.id,
          agencyId: c.agencyId,
          ...fieldsOf(dto),
          recordedBy: user.id,
        }),
      );
      await this.noted(manager, user, record, 'recorded');
      return toResponse(record, notices);
    });
  }

  update(
    user: AuthUser,
    caseId: string,
    recordId: string,
    dto: UpdateRemedyDto,
  ): Promise<RemedyRecordResponse> {
    return this.dataSource.transaction(async (manager) => {
      const c = await this.caseOf(manager, user, caseId);
      const record = await manager.findOne(RemedyRecord, {
        where: { id: recordId, caseId: c.id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!record) throw DomainError.notFound('复议或诉讼记录');
      if (record.version !== dto.version) {
        throw new DomainError(
          'STALE_VERSION',
          `该记录已被他人更新（当前版本 ${record.version}，您提交的是 ${dto.version}），请刷新后重试。`,
          { extensions: { currentVersion: record.version } },
        );
      }
      const notices = await this.check(manager, c, dto, record.id);
      Object.assign(record, fieldsOf(dto));
      const saved = await manager.save(record);
      await this.noted(manager, user, saved, 'updated');
      return toResponse(saved, notices);
    });
  }

  /** The case, locked (its timeline gets a note), in the user's own agency: even a supervisor does not record for another. */
  private async caseOf(manager: EntityManager, user: AuthUser, caseId: string): Promise<DisclosureCase> {
    const c = await findInScopeOrFail(manager, DisclosureCase, caseId, AgencyScope.ownOf(user), {
      what: '申请',
      lock: 'pessimistic_write',
    });
    // An open case can be challenged only for not replying in time (its due date has passed).
    if (c.closedOn === null && (c.dueOn === null || c.dueOn >= this.clock.today())) {
      throw new DomainError(
        'SUPERVISION_REMEDY_CASE_OPEN',
        '本案尚未办结且未逾期：复议和诉讼针对已作出的答复（或逾期未答复）登记。',
      );
    }
    return c;
  }

  private async check(
    manager: EntityManager,
    c: DisclosureCase,
    dto: RecordRemedyDto,
    editingId: string | null,
  ): Promise<string[]> {
    const others = (await manager.find(RemedyRecord, { where: { caseId: c.id } })).filter(
      (r) => r.id !== editingId,
    );
    const { errors, notices } = checkRemedyRecord(
      { kind: dto.kind, filedOn: dto.filedOn, result: dto.result, decidedOn: dto.decidedOn ?? null },
      { closedOn: c.closedOn, dueOn: c.dueOn, outcome: c.outcome, servedOn: c.servedOn, others },
      this.clock.today(),
    );
    if (errors.length > 0) throw DomainError.validation(errors);
    return notices;
  }

  private async noted(
    manager: EntityManager,
    user: AuthUser,
    r: RemedyRecord,
    what: 'recorded' | 'updated',
  ): Promise<void> {
    await this.timeline.note(manager, r.caseId, {
      note: 'remedy_recorded',
      data: {
        remedyRecordId: r.id,
        change: what,
        kind: r.kind,
        filedOn: r.filedOn,
        body: r.body,
        caseReference: r.caseReference,
        result: r.result,
        decidedOn: r.decidedOn,
      },
      reason: `${what === 'recorded' ? '登记' : '更新'}${r.kind === 'reconsideration' ? '行政复议' : '行政诉讼'}：${r.body}${r.caseReference ? ` ${r.caseReference}` : ''}，${REMEDY_RESULT_LABELS[r.result]}`,
      actor: { id: user.id, name: user.displayName, role: user.roles[0] },
    });
    await this.locks.remedyChanged(manager, {
      recordId: r.id,
      caseId: r.caseId,
      agencyId: r.agencyId,
      kind: r.kind,
      filedOn: r.filedOn,
      result: r.result,
      decidedOn: r.decidedOn,
    });
  }
}
