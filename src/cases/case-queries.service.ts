import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, type DataSource, type SelectQueryBuilder } from 'typeorm';
import { AgencyScope, findInScopeOrFail } from '../auth/agency-scope.js';
import type { AuthUser } from '../auth/auth-user.js';
import type { IsoDate } from '../common/clock/dates.js';
import { maskIdNumber } from '../common/privacy/mask.js';
import { checkResidentIdNumber } from '../common/validation/identity-numbers.js';
import { CaseClockService } from './case-clock.service.js';
import { CaseEvent } from './case-event.entity.js';
import { COUNT_EXACT_LIMIT, pageTotal, TEXT_COUNT_EXACT_LIMIT, totalFromPage } from './case-list.rules.js';
import { CASE_NOTE_LABELS } from './case-timeline.service.js';
import { CASE_ACTION_LABELS, type CaseAction } from './case.workflow.js';
import { CaseMapper, dueFlagOf, summaryOf } from './case.mapper.js';
import { CASE_STATUSES, OPEN_STATUSES } from './case-status.js';
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

/**
 * True for a case that no longer owes a reply. The list indexes of migration CaseListIndexes are
 * built on exactly this expression (same statuses, same order): change both together, or the lists
 * fall back to sorting (test/integration/case-list-indexes.int-spec.ts checks that they match).
 */
export const CLOSED_CASE = `(c.status IN (${CASE_STATUSES.filter((s) => !OPEN_STATUSES.includes(s))
  .map((s) => `'${s}'`)
  .join(', ')}))`;

/**
 * "Still owes a reply", written so that the planner keeps it as a condition on the list indexes:
 * `NOT (status IN …)` would be rewritten to `status <> ALL (…)`, which no index matches.
 */
export const OPEN_CASE = `${CLOSED_CASE} IS FALSE`;

/** Case numbers are `<year>-<number>` (cases.service.ts nextCaseNumber). */
const CASE_NUMBER_SHAPE = /^\d{4}-\d{5,}$/;

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

  /**
   * One page of cases and how many match. Every filter is served by an index at 1,000,000 cases
   * (migration CaseListIndexes; `npm run bench -- cases`): the default order is the column list of
   * the `*_list_idx` indexes, "open" is the negation of their first expression, and the total is
   * counted exactly up to COUNT_EXACT_LIMIT, estimated beyond (case-list.rules.ts).
   */
  async list(user: AuthUser, query: ListCasesQuery): Promise<CasePageResponse> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const offset = (page - 1) * pageSize;
    const today = this.clocks.today();
    // The page's ids first, from the case table alone (in index order, stopping after the page),
    // then its rows with their applicant, agency and handler: a deep page joins 20 rows, not all
    // the rows it skips.
    const pageIds = this.matching(user, query, today).select('c.id', 'id');
    this.order(pageIds, query.sort).offset(offset).limit(pageSize);
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
      .addSelect('h.display_name', 'handler_name')
      .where(`c.id IN (${pageIds.getQuery()})`)
      .setParameters(pageIds.getParameters());
    const { entities, raw } = await this.order(qb, query.sort).getRawAndEntities();
    const { total, exact } =
      totalFromPage(offset, pageSize, entities.length) ??
      (await this.countMatching(user, query, today, offset, pageSize, entities.length));

    const handlerNames = new Map(
      (raw as Array<{ c_id: string; handler_name: string | null }>).map((r) => [r.c_id, r.handler_name]),
    );
    // One calendar per agency on the page (cached by CalendarService; no query per row).
    const calendars = new Map(
      await Promise.all(
        [...new Set(entities.map((c) => c.agencyId))].map(
          async (agencyId) => [agencyId, await this.clocks.calendarFor(agencyId)] as const,
        ),
      ),
    );
    const items = entities.map((c) => {
      const remaining = c.dueOn
        ? calendars.get(c.agencyId)!.workingDaysBetween(today, c.dueOn).workingDays
        : null;
      return summaryOf(c, {
        agencyName: c.agency.name,
        applicantName: c.applicant.name,
        applicantType: c.applicant.type,
        applicantIdNumber: maskIdNumber(c.applicant.idNumber) ?? '',
        handlerName: handlerNames.get(c.id) ?? null,
        remaining,
        dueFlag: dueFlagOf(c, remaining, today),
      });
    });
    return { items, page, pageSize, total, totalExact: exact };
  }

  /** Counts the matching cases up to the exact limit + 1, and asks the planner beyond that. */
  private async countMatching(
    user: AuthUser,
    query: ListCasesQuery,
    today: IsoDate,
    offset: number,
    pageSize: number,
    rowsOnPage: number,
  ) {
    const matching = this.matching(user, query, today).select('1');
    const limit = query.q?.trim() ? TEXT_COUNT_EXACT_LIMIT : COUNT_EXACT_LIMIT;
    const [cappedSql, cappedParameters] = matching
      .clone()
      .limit(limit + 1)
      .getQueryAndParameters();
    const [{ n }] = (await this.dataSource.query(
      `SELECT count(*)::int AS n FROM (${cappedSql}) AS matching`,
      cappedParameters,
    )) as Array<{ n: number }>;
    let estimated: number | undefined;
    if (n > limit) {
      const [sql, parameters] = matching.getQueryAndParameters();
      const [row] = (await this.dataSource.query(`EXPLAIN (FORMAT JSON) ${sql}`, parameters)) as Array<{
        'QUERY PLAN': Array<{ Plan: { 'Plan Rows': number } }>;
      }>;
      estimated = row['QUERY PLAN'][0].Plan['Plan Rows'];
    }
    return pageTotal({ offset, pageSize, rowsOnPage, limit, counted: n, estimated });
  }

  /** The cases matching the scope and filters (alias `c`), joined only to what a filter needs. */
  private matching(
    user: AuthUser,
    query: ListCasesQuery,
    today: IsoDate,
  ): SelectQueryBuilder<DisclosureCase> {
    const qb = this.dataSource.getRepository(DisclosureCase).createQueryBuilder('c');
    if (query.applicant?.trim()) qb.innerJoin('c.applicant', 'a');
    this.filter(qb, user, query, today);
    return qb;
  }

  /** Most urgent first (the list indexes' order): open cases by due date, then the closed ones. */
  private order(
    qb: SelectQueryBuilder<DisclosureCase>,
    sort: ListCasesQuery['sort'],
  ): SelectQueryBuilder<DisclosureCase> {
    if ((sort ?? 'due') === 'due') {
      return qb
        .orderBy(CLOSED_CASE, 'ASC')
        .addOrderBy('c.dueOn', 'ASC', 'NULLS LAST')
        .addOrderBy('c.receivedOn', 'ASC')
        .addOrderBy('c.id', 'ASC');
    }
    return qb.orderBy('c.receivedOn', sort === 'received' ? 'ASC' : 'DESC').addOrderBy('c.id', 'ASC');
  }

  /** The agency scope and the query's filters, on a builder whose case alias is `c` (and applicant `a`). */
  private filter(
    qb: SelectQueryBuilder<DisclosureCase>,
    user: AuthUser,
    query: ListCasesQuery,
    today: IsoDate,
  ): void {
    AgencyScope.readableBy(user).applyTo(qb, 'c.agencyId');
    if (query.agencyId) qb.andWhere('c.agencyId = :agencyId', { agencyId: query.agencyId });
    if (query.status?.length) qb.andWhere('c.status IN (:...status)', { status: query.status });
    if (query.open !== undefined) qb.andWhere(query.open ? OPEN_CASE : `${CLOSED_CASE} IS TRUE`);
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
      qb.andWhere(OPEN_CASE).andWhere(
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
      // Three characters or more: the trigram index. Two: the trigram index cannot narrow them, so
      // the bigram index (migration CaseTextSearch) answers exactly — a text contains a two-character
      // term if and only if the term is one of its bigrams. (Adding ILIKE would make the planner
      // multiply two selectivities of one condition and misjudge every plan and estimate.)
      const text =
        [...q].length === 2
          ? 'case_text_bigrams(c.informationSought) @> case_text_bigrams(:term)'
          : 'c.informationSought ILIKE :q';
      // Only something shaped like a case number (2026-00015) can be one: other text needs no
      // second condition, which would cost a scan of the case-number index for a supervisor.
      qb.andWhere(
        CASE_NUMBER_SHAPE.test(q)
          ? new Brackets((w) => w.where(text).orWhere('c.caseNumber = :caseNumber'))
          : text,
        { q: `%${escapeLike(q)}%`, term: q, caseNumber: q },
      );
    }
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
      now: this.clocks.now(),
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
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}
