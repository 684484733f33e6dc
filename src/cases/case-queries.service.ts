import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, type DataSource } from 'typeorm';
import { AgencyScope, findInScopeOrFail } from '../auth/agency-scope.js';
import type { AuthUser } from '../auth/auth-user.js';
import { maskIdNumber } from '../common/privacy/mask.js';
import { checkResidentIdNumber } from '../common/validation/identity-numbers.js';
import { CaseClockService } from './case-clock.service.js';
import { CaseEvent } from './case-event.entity.js';
import { CASE_NOTE_LABELS } from './case-timeline.service.js';
import { CASE_ACTION_LABELS, type CaseAction } from './case.workflow.js';
import { CaseMapper, dueFlagOf, summaryOf } from './case.mapper.js';
import { OPEN_STATUSES } from './case-status.js';
import type { ClockResult } from './clock.rules.js';
import { DisclosureCase } from './disclosure-case.entity.js';
import type { CaseDetailResponse, CaseEventResponse, CasePageResponse } from './dto/case-response.dto.js';
import type { ListCasesQuery } from './dto/list-cases.query.js';
import type {
  ApplicantMatch,
  RegistrationPreview,
  RegistrationPreviewInput,
} from './dto/registration-preview.dto.js';
import { APPLICANT_TYPE_LABELS } from './applicant-type.js';
import { Applicant } from './applicant.entity.js';
import { CORRECTION_NOTICE_WD, REPLY_PERIOD_WD } from './clock.rules.js';
import { deriveReceipt } from './receipt.rules.js';
import { petitionHint } from './registration.rules.js';
import { possibleRepeatWarning, similarApplications } from './similar-applications.js';

const ACTION_LABELS: Record<string, string> = {
  ...CASE_ACTION_LABELS,
  ...CASE_NOTE_LABELS,
  register: '登记',
};

/** Reading cases: lists, one case, its timeline and its clock. Agency scope applies to every query. */
@Injectable()
export class CaseQueriesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clocks: CaseClockService,
    private readonly mapper: CaseMapper,
  ) {}

  async list(user: AuthUser, query: ListCasesQuery): Promise<CasePageResponse> {
    const scope = AgencyScope.readableBy(user);
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const today = this.clocks.today();
    const qb = this.dataSource
      .getRepository(DisclosureCase)
      .createQueryBuilder('c')
      .innerJoin('c.applicant', 'a')
      .innerJoin('c.agency', 'g')
      .leftJoin('app_user', 'h', 'h.id = c.handler_id')
      .select([
        'c.id',
        'c.caseNumber',
        'c.agencyId',
        'c.informationSought',
        'c.channel',
        'c.receivedOn',
        'c.status',
        'c.handlerId',
        'c.clockState',
        'c.dueOn',
        'c.clockProvisional',
        'c.outcome',
        'c.closedOn',
        'c.closedLate',
        'c.version',
      ])
      .addSelect(['a.name', 'a.type', 'a.idNumber', 'g.name'])
      .addSelect('h.display_name', 'handler_name');
    scope.applyTo(qb, 'c.agencyId');
    if (query.agencyId) qb.andWhere('c.agencyId = :agencyId', { agencyId: query.agencyId });
    if (query.status?.length) qb.andWhere('c.status IN (:...status)', { status: query.status });
    if (query.open !== undefined) {
      qb.andWhere(`c.status ${query.open ? 'IN' : 'NOT IN'} (:...openStatuses)`, {
        openStatuses: OPEN_STATUSES,
      });
    }
    if (query.handlerId) {
      qb.andWhere('c.handlerId = :handlerId', {
        handlerId: query.handlerId === 'me' ? user.id : query.handlerId,
      });
    }
    if (query.channel) qb.andWhere('c.channel = :channel', { channel: query.channel });
    if (query.receivedFrom)
      qb.andWhere('c.receivedOn >= :receivedFrom', { receivedFrom: query.receivedFrom });
    if (query.receivedTo) qb.andWhere('c.receivedOn <= :receivedTo', { receivedTo: query.receivedTo });
    if (query.dueBefore) qb.andWhere('c.dueOn <= :dueBefore', { dueBefore: query.dueBefore });
    if (query.overdue !== undefined) {
      qb.andWhere('c.status IN (:...openForOverdue)', { openForOverdue: OPEN_STATUSES }).andWhere(
        query.overdue ? 'c.dueOn < :today' : '(c.dueOn IS NULL OR c.dueOn >= :today)',
        { today },
      );
    }
    if (query.paused !== undefined) {
      qb.andWhere(query.paused ? `c.clockState = 'paused'` : `c.clockState <> 'paused'`);
    }
    if (query.extensionRequested !== undefined) {
      qb.andWhere(
        query.extensionRequested
          ? `c.extension ->> 'status' = 'requested'`
          : `(c.extension IS NULL OR c.extension ->> 'status' <> 'requested')`,
      );
    }
    if (query.applicant?.trim()) {
      const term = query.applicant.trim();
      if (checkResidentIdNumber(term).valid || /^[0-9A-Z]{18}$/i.test(term)) {
        qb.andWhere('a.idNumber = :idNumber', { idNumber: term.toUpperCase() });
      } else {
        qb.andWhere('a.name LIKE :name', { name: `${escapeLike(term)}%` });
      }
    }
    if (query.q?.trim()) {
      const q = query.q.trim();
      qb.andWhere(
        new Brackets((w) =>
          w
            .where('c.informationSought ILIKE :q', { q: `%${escapeLike(q)}%` })
            .orWhere('c.caseNumber = :caseNumber', {
              caseNumber: q,
            }),
        ),
      );
    }
    // Most urgent first: open cases by due date (paused and waiting ones after those running), then the rest.
    if ((query.sort ?? 'due') === 'due') {
      qb.orderBy(
        `CASE WHEN c.status IN ('issued','served','withdrawn','deemed_withdrawn','archived') THEN 1 ELSE 0 END`,
        'ASC',
      )
        .addOrderBy('c.dueOn', 'ASC', 'NULLS LAST')
        .addOrderBy('c.receivedOn', 'ASC');
    } else {
      qb.orderBy('c.receivedOn', query.sort === 'received' ? 'ASC' : 'DESC');
    }
    qb.addOrderBy('c.id', 'ASC');
    const total = await qb.getCount();
    const { entities, raw } = await qb
      .offset((page - 1) * pageSize)
      .limit(pageSize)
      .getRawAndEntities();
    const handlerNames = new Map(
      (raw as Array<{ c_id: string; handler_name: string | null }>).map((r) => [r.c_id, r.handler_name]),
    );
    const items = await Promise.all(
      entities.map(async (c) => {
        const remaining = await this.remainingWorkingDays(c, today);
        return summaryOf(c, {
          agencyName: c.agency.name,
          applicantName: c.applicant.name,
          applicantType: c.applicant.type,
          applicantIdNumber: maskIdNumber(c.applicant.idNumber) ?? '',
          handlerName: handlerNames.get(c.id) ?? null,
          remaining,
          dueFlag: dueFlagOf(c, remaining, today),
        });
      }),
    );
    return { items, page, pageSize, total };
  }

  async get(user: AuthUser, id: string): Promise<CaseDetailResponse> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const c = await findInScopeOrFail(manager, DisclosureCase, id, AgencyScope.readableBy(user), {
        what: '申请',
      });
      const clock = await this.clocks.compute(c, await this.clocks.eventsOf(manager, c.id));
      return this.mapper.detail(manager, c, user, { clock, notices: [] });
    });
  }

  async clock(user: AuthUser, id: string): Promise<ClockResult> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const c = await findInScopeOrFail(manager, DisclosureCase, id, AgencyScope.readableBy(user), {
        what: '申请',
      });
      return this.clocks.compute(c, await this.clocks.eventsOf(manager, c.id));
    });
  }

  async events(user: AuthUser, id: string): Promise<CaseEventResponse[]> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const c = await findInScopeOrFail(manager, DisclosureCase, id, AgencyScope.readableBy(user), {
        what: '申请',
      });
      const events = await manager.find(CaseEvent, { where: { caseId: c.id }, order: { seq: 'ASC' } });
      return events.map((e) => ({
        seq: e.seq,
        action: e.action,
        actionLabel: ACTION_LABELS[e.action as CaseAction] ?? e.action,
        fromStatus: e.fromStatus,
        toStatus: e.toStatus,
        occurredAt: e.occurredAt.toISOString(),
        actorId: e.actorId,
        actorName: e.actorName,
        actorRole: e.actorRole,
        data: e.data,
        changes: e.changes,
        reason: e.reason,
      }));
    });
  }

  /**
   * The receipt date and deadlines a registration would get (Art. 31, 30, 33) with the warnings it
   * would raise, computed by the same rules as registering — nothing is stored.
   */
  async registrationPreview(user: AuthUser, input: RegistrationPreviewInput): Promise<RegistrationPreview> {
    const agencyId = AgencyScope.ownOf(user).agencyIds[0] as string;
    const today = this.clocks.today();
    const manager = this.dataSource.manager;
    const derived = deriveReceipt(input.evidence, {
      today,
      timeZone: this.clocks.timeZone,
      field: 'evidence',
    });
    const warnings: string[] = [];
    let receipt: RegistrationPreview['receipt'] = null;
    if (derived.ok) {
      const calendar = await this.clocks.calendarFor(agencyId);
      const due = calendar.addWorkingDays(derived.receipt.receivedOn, REPLY_PERIOD_WD);
      const correction = calendar.addWorkingDays(derived.receipt.receivedOn, CORRECTION_NOTICE_WD);
      receipt = {
        receivedOn: derived.receipt.receivedOn,
        rule: derived.receipt.rule,
        explanation: derived.receipt.explanation,
        correctionNoticeDueOn: correction.date,
        dueOn: due.date,
        provisional: due.provisional || correction.provisional,
      };
      warnings.push(...derived.receipt.warnings);
    }
    const applicantId =
      input.applicantId ??
      (input.idNumber?.trim()
        ? (
            await manager.findOne(Applicant, {
              where: { agencyId, idNumber: input.idNumber.trim().toUpperCase() },
              order: { createdAt: 'DESC' },
            })
          )?.id
        : undefined);
    const sought = input.informationSought?.trim() ?? '';
    if (applicantId && sought.length >= 2) {
      const repeat = possibleRepeatWarning(await similarApplications(manager, agencyId, applicantId, sought));
      if (repeat) warnings.push(repeat.message);
    }
    const petition = petitionHint(sought);
    if (petition) warnings.push(petition);
    return { receipt, receiptErrors: derived.ok ? [] : derived.errors, warnings };
  }

  /** Earlier applicants of the user's agency by name prefix or full ID number (for reuse at registration). */
  async findApplicants(user: AuthUser, term: string): Promise<ApplicantMatch[]> {
    const agencyId = AgencyScope.ownOf(user).agencyIds[0] as string;
    const q = term.trim();
    if (q.length === 0) return [];
    const qb = this.dataSource
      .getRepository(Applicant)
      .createQueryBuilder('a')
      .leftJoin(DisclosureCase, 'c', 'c.applicant_id = a.id')
      .select(['a.id', 'a.name', 'a.type', 'a.idNumber', 'a.phone', 'a.address'])
      .addSelect('max(c.received_on)::text', 'last_received_on')
      .addSelect('count(c.id)::int', 'applications')
      .where('a.agencyId = :agencyId', { agencyId })
      .groupBy('a.id')
      .orderBy('a.name', 'ASC')
      .limit(10);
    if (/^[0-9A-Za-z]{15,18}$/.test(q)) qb.andWhere('a.idNumber = :idNumber', { idNumber: q.toUpperCase() });
    else qb.andWhere('a.name LIKE :name', { name: `${escapeLike(q)}%` });
    const { entities, raw } = await qb.getRawAndEntities();
    const facts = new Map(
      (raw as Array<{ a_id: string; last_received_on: string | null; applications: number }>).map((r) => [
        r.a_id,
        r,
      ]),
    );
    return entities.map((a) => ({
      id: a.id,
      name: a.name,
      type: a.type,
      typeLabel: APPLICANT_TYPE_LABELS[a.type],
      idNumberMasked: maskIdNumber(a.idNumber) ?? '',
      phone: a.phone,
      address: a.address,
      lastReceivedOn: facts.get(a.id)?.last_received_on ?? null,
      applications: facts.get(a.id)?.applications ?? 0,
    }));
  }

  private async remainingWorkingDays(c: DisclosureCase, today: string): Promise<number | null> {
    if (!c.dueOn) return null;
    const calendar = await this.clocks.calendarFor(c.agencyId);
    return calendar.workingDaysBetween(today, c.dueOn).workingDays;
  }
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}
