import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { actorOf, hasAnyRole, type AuthUser } from '../auth/auth-user.js';
import { CROSS_AGENCY_ROLES } from '../auth/role.js';
import type { ApplicantType } from '../cases/applicant-type.js';
import type { CaseStatus } from '../cases/case-status.js';
import type { Channel } from '../cases/channel.js';
import { OUTCOMES, type Outcome } from '../cases/outcome.js';
import { AuditService } from '../audit/audit.service.js';
import { Clock, type IsoDate } from '../common/clock/clock.js';
import { DomainError } from '../common/errors/domain-error.js';
import { annualReportToXlsx, table3Grid, table4Grid } from './annual-report.export.js';
import { TABLE3_COLUMN_LABELS, type Table3Column, type Table4Column } from './annual-report.layout.js';
import { AnnualReportPdf, reportDocument } from './annual-report.pdf.js';
import { AnnualReportsBuilder, type BuiltReport } from './annual-reports.builder.js';
import { CASE_LIST_COLUMNS, type CaseListRow } from './case-list.columns.js';
import { caseListToCsv, caseListToXlsx } from './case-list.export.js';
import type {
  AtRiskCategory,
  AtRiskQuery,
  CaseExportQuery,
  DrillDownQuery,
  LockReportDto,
  ReportExportQuery,
  TimelinessQuery,
} from './dto/supervision-queries.dto.js';
import type {
  AnnualReportResponse,
  AtRiskItemResponse,
  AtRiskResponse,
  DrillDownResponse,
  OpenCasesResponse,
  IdentityViolationResponse,
  ReportLockResponse,
  TimelinessResponse,
} from './dto/supervision-responses.dto.js';
import { parseReportClassKey, representativeOf } from './report-classes.rules.js';
import { checkPeriod, checkReportYear, reportYearRange } from './report-period.js';
import { ReportLocksService } from './report-locks.service.js';
import { csvWithBom } from './spreadsheet.js';
import { SupervisionLookups, type ReadScope } from './supervision-lookups.js';
import { SupervisionQueries } from './supervision-queries.js';
import { drillDownTable3 } from './table3.rules.js';
import { drillDownTable4 } from './table4.rules.js';
import { timelinessFromAggregates } from './timeliness-aggregates.rules.js';
import {
  countOpenCasesByBand,
  listAtRiskCases,
  OPEN_CASE_BAND_LABELS,
  OPEN_CASE_BANDS,
} from './timeliness.rules.js';

/** A file to download. */
export interface Download {
  readonly filename: string;
  readonly contentType: string;
  readonly body: Buffer;
}

const CATEGORY_LABELS: Record<AtRiskCategory, string> = {
  due_soon: '即将逾期',
  overdue_open: '逾期未办',
  closed_late: '逾期已办',
};

/** Rows a case-list export may hold: beyond it, narrow the period or the agency. */
export const CASE_EXPORT_LIMIT = 50_000;
const MAX_VIOLATION_CASES = 50;

/**
 * Supervision's reads (条例 Art. 47, 49–50): the timeliness dashboard, the at-risk list, the annual
 * report with its drill-down and downloads, and audit case lists. Supervisors and admins read every
 * agency; everyone else their own (another agency answers 404).
 */
@Injectable()
export class SupervisionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queries: SupervisionQueries,
    private readonly builder: AnnualReportsBuilder,
    private readonly locks: ReportLocksService,
    private readonly lookups: SupervisionLookups,
    private readonly pdf: AnnualReportPdf,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  // ── timeliness ───────────────────────────────────────────────────────────────────────────────────

  async timeliness(user: AuthUser, query: TimelinessQuery): Promise<TimelinessResponse> {
    const period = checkPeriod({ from: query.from, to: query.to });
    const read = await this.lookups.readScope(user, query.agencyId);
    const today = this.clock.today();
    const rows = await this.queries.timelinessAggregates(read.scope, period, today);
    const report = timelinessFromAggregates(rows, { ...period, today });
    const [agencies, users] = await Promise.all([
      this.lookups.agencyNames(),
      this.lookups.userNames(report.byHandler.map((h) => h.handlerId)),
    ]);
    return {
      from: period.from,
      to: period.to,
      today,
      agencyId: read.agencyId,
      overall: report.overall,
      byAgency: report.byAgency.map((a) => ({ ...a, agencyName: agencies.get(a.agencyId) ?? '' })),
      byHandler: report.byHandler.map((h) => ({
        ...h,
        agencyName: agencies.get(h.agencyId) ?? '',
        handlerName: h.handlerId === null ? null : (users.get(h.handlerId) ?? null),
      })),
      byMonth: report.byMonth.map((m) => ({ month: m.month, figures: m.figures })),
    };
  }

  /** Today's open cases by the working days they have left (the dashboard's distribution). */
  async openCases(user: AuthUser, agencyId: string | undefined): Promise<OpenCasesResponse> {
    const read = await this.lookups.readScope(user, agencyId);
    const today = this.clock.today();
    // Every open case (and those received or closed today, which the count leaves out if closed).
    const cases = await this.queries.timelinessCases(read.scope, today, {
      period: { from: today, to: today },
    });
    const counts = countOpenCasesByBand(cases, today);
    return {
      today,
      agencyId: read.agencyId,
      open: OPEN_CASE_BANDS.reduce((sum, band) => sum + counts[band], 0),
      bands: OPEN_CASE_BANDS.map((band) => ({
        band,
        label: OPEN_CASE_BAND_LABELS[band],
        count: counts[band],
      })),
    };
  }

  async atRisk(user: AuthUser, query: AtRiskQuery): Promise<AtRiskResponse> {
    const read = await this.lookups.readScope(user, query.agencyId);
    const today = this.clock.today();
    const within = query.within ?? 5;
    const categories = new Set<AtRiskCategory>(query.category ?? ['due_soon', 'overdue_open']);
    // The period only selects 逾期已办, but a wrong one is refused whichever categories are asked for.
    const period = checkPeriod({ from: query.from ?? `${today.slice(0, 4)}-01-01`, to: query.to ?? today });
    const listed: Array<
      Omit<
        AtRiskItemResponse,
        'caseNumber' | 'agencyName' | 'informationSought' | 'status' | 'handlerName' | 'categoryLabel'
      >
    > = [];
    if (categories.has('due_soon') || categories.has('overdue_open')) {
      const candidates = await this.queries.timelinessCases(read.scope, today, { atRiskWithin: within });
      for (const c of listAtRiskCases(candidates, { today, within })) {
        const category: AtRiskCategory = c.overdue ? 'overdue_open' : 'due_soon';
        if (!categories.has(category)) continue;
        listed.push({
          caseId: c.caseId,
          agencyId: c.agencyId,
          category,
          handlerId: c.handlerId,
          dueOn: c.dueOn,
          closedOn: null,
          remainingWorkingDays: c.remainingWorkingDays,
          paused: c.paused,
        });
      }
    }
    if (categories.has('closed_late')) {
      const late = await this.queries.closedLateCases(read.scope, period, today);
      late.sort((a, b) => (b.lateBy ?? 0) - (a.lateBy ?? 0) || a.caseId.localeCompare(b.caseId));
      for (const c of late) {
        listed.push({
          caseId: c.caseId,
          agencyId: c.agencyId,
          category: 'closed_late',
          handlerId: c.handlerId,
          dueOn: c.dueOn,
          closedOn: c.closedOn,
          remainingWorkingDays: -(c.lateBy ?? 0),
          paused: false,
        });
      }
    }
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const slice = listed.slice((page - 1) * pageSize, page * pageSize);
    const [refs, users] = await Promise.all([
      this.lookups.caseRefs(slice.map((i) => i.caseId)),
      this.lookups.userNames(slice.map((i) => i.handlerId)),
    ]);
    const counts: Record<string, number> = { due_soon: 0, overdue_open: 0, closed_late: 0 };
    for (const item of listed) counts[item.category] += 1;
    return {
      today,
      within,
      counts,
      items: slice.map((i) => {
        const ref = refs.get(i.caseId)!;
        return {
          ...i,
          caseNumber: ref.caseNumber,
          agencyName: ref.agencyName,
          informationSought: ref.informationSought,
          status: ref.status,
          handlerName: i.handlerId === null ? null : (users.get(i.handlerId) ?? null),
          categoryLabel: CATEGORY_LABELS[i.category as AtRiskCategory],
        };
      }),
      page,
      pageSize,
      total: listed.length,
    };
  }

  // ── annual report ────────────────────────────────────────────────────────────────────────────────

  async annualReport(
    user: AuthUser,
    year: number,
    agencyId: string | undefined,
  ): Promise<AnnualReportResponse> {
    checkReportYear(year, this.clock.today());
    const read = await this.lookups.readScope(user, agencyId);
    const built = await this.builder.build(read.scope, year);
    const lock = await this.locks.find(year, read.agencyId);
    const agencies = await this.lookups.agencyNames();
    const violations = await this.violations(built);
    const remedyCases = new Map(built.remedies.map((r) => [r.recordId, r.caseId]));
    const anomalyCaseIds = [
      ...built.report.caseAnomalies.map((a) => a.caseId),
      ...built.report.remedyAnomalies.map((a) => a.caseId),
    ];
    const refs = await this.lookups.caseRefs(anomalyCaseIds);
    let lockResponse: ReportLockResponse | null = null;
    if (lock) {
      const changes = await this.locks.changes(lock, built);
      const changedRefs = await this.lookups.caseRefs(changes.subjects.map((s) => s.caseId));
      lockResponse = {
        lockedAt: lock.lockedAt.toISOString(),
        lockedByName: lock.lockedByName,
        note: lock.note,
        changed: changes.movedCells.length > 0 || changes.subjects.length > 0,
        movedCells: changes.movedCells.map((m) => ({ ...m })),
        changedCases: changes.subjects.map((s) => ({
          ...this.refOf(changedRefs, s.caseId),
          remedyRecordId: s.remedyRecordId,
          cellsBefore: s.cellsBefore,
          cellsAfter: s.cellsAfter,
        })),
        current: { table3: built.report.table3.cells, table4: built.report.table4.cells },
      };
    }
    return {
      year,
      agencyId: read.agencyId,
      title: this.title(year, read, agencies),
      table3: (lock?.table3 ?? built.report.table3.cells) as Record<string, Record<string, number>>,
      table4: (lock?.table4 ?? built.report.table4.cells) as Record<string, number>,
      violations,
      anomalies: [
        ...built.report.caseAnomalies.map((a) => ({
          ...this.refOf(refs, a.caseId),
          problem: a.problem,
          message: a.message,
        })),
        ...built.report.remedyAnomalies.map((a) => ({
          ...this.refOf(refs, remedyCases.get(a.recordId) ?? a.caseId),
          problem: a.problem,
          message: a.message,
        })),
      ],
      consistent: built.report.consistent,
      lock: lockResponse,
    };
  }

  async drillDown(user: AuthUser, year: number, query: DrillDownQuery): Promise<DrillDownResponse> {
    checkReportYear(year, this.clock.today());
    const read = await this.lookups.readScope(user, query.agencyId);
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const offset = (page - 1) * pageSize;
    if (query.table === '3') {
      if (!query.row || !(query.column in TABLE3_COLUMN_LABELS)) {
        throw DomainError.validation([{ field: 'row', message: '表三须指定行（row）和表三的列（column）' }]);
      }
      const classes = await this.queries.reportClasses(read.scope, year);
      const keys = drillDownTable3(
        classes.map((c) => representativeOf(c, year)),
        year,
        { row: query.row, column: query.column as Table3Column },
      );
      const members = await this.queries.classMembers(
        keys.map((k) => parseReportClassKey(k)!),
        year,
        { offset, limit: pageSize },
      );
      const refs = await this.lookups.caseRefs(members.items.map((m) => m.caseId));
      return {
        year,
        cell: `3:${query.row}:${query.column}`,
        total: members.total,
        page,
        pageSize,
        items: members.items.map((m) => ({
          ...this.refOf(refs, m.caseId),
          remedyRecordId: null,
          applicantType: m.applicantType,
          receivedOn: m.receivedOn,
          closedOn: m.closedOn,
          outcome: m.outcome,
          outcomeLabel: m.outcome ? OUTCOMES[m.outcome].label : null,
        })),
      };
    }
    if (!query.column.includes('.')) {
      throw DomainError.validation([{ field: 'column', message: '表四的列形如 reconsideration.upheld' }]);
    }
    const records = await this.queries.remedyRecords(read.scope, year);
    const hits = drillDownTable4(records, year, { column: query.column as Table4Column });
    const slice = hits.slice(offset, offset + pageSize);
    const refs = await this.lookups.caseRefs(slice.map((h) => h.caseId));
    const facts = await this.caseFacts(slice.map((h) => h.caseId));
    return {
      year,
      cell: `4:${query.column}`,
      total: hits.length,
      page,
      pageSize,
      items: slice.map((h) => {
        const f = facts.get(h.caseId)!;
        return {
          ...this.refOf(refs, h.caseId),
          remedyRecordId: h.recordId,
          applicantType: f.applicantType,
          receivedOn: f.receivedOn,
          closedOn: f.closedOn,
          outcome: f.outcome,
          outcomeLabel: f.outcome ? OUTCOMES[f.outcome].label : null,
        };
      }),
    };
  }

  async exportReport(user: AuthUser, year: number, query: ReportExportQuery): Promise<Download> {
    const report = await this.annualReport(user, year, query.agencyId);
    const tables = {
      table3: { year, agencyId: report.agencyId, cells: report.table3 as never },
      table4: { year, agencyId: report.agencyId, cells: report.table4 as never },
    };
    const base = report.title;
    if (query.format === 'xlsx') {
      return {
        filename: `${base}.xlsx`,
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        body: await annualReportToXlsx(tables),
      };
    }
    if (query.format === 'csv') {
      return {
        filename: `${base}.csv`,
        contentType: 'text/csv; charset=utf-8',
        body: csvWithBom([...table3Grid(tables.table3).rows, [], ...table4Grid(tables.table4).rows]),
      };
    }
    const notes = [
      ...(report.lock
        ? [
            `本报告已于 ${report.lock.lockedAt.slice(0, 10)} 由${report.lock.lockedByName}锁定，表中数字为锁定时的数字。`,
            ...(report.lock.changed
              ? [
                  `锁定后有 ${report.lock.changedCases.length} 件案件或记录发生变更，涉及 ${report.lock.movedCells.length} 个数字。`,
                ]
              : []),
          ]
        : []),
      ...(report.consistent
        ? []
        : [
            `注意：本表未通过勾稽关系或数据检查（${report.violations.length + report.anomalies.length} 项），请核实后再公布。`,
          ]),
    ];
    return {
      filename: `${base}.pdf`,
      contentType: 'application/pdf',
      body: await this.pdf.print(
        reportDocument(tables, {
          title: report.title,
          subtitle: `统计期间：${year}年1月1日至${year}年12月31日，制表日期：${this.clock.today()}`,
          notes,
        }),
      ),
    };
  }

  async lock(user: AuthUser, year: number, dto: LockReportDto): Promise<AnnualReportResponse> {
    reportYearRange(year);
    const agencyId = dto.agencyId ?? (hasAnyRole(user, ['supervisor']) ? null : user.agencyId);
    await this.locks.lock(user, year, agencyId, dto.note?.trim() ?? '');
    return this.annualReport(user, year, agencyId ?? undefined);
  }

  // ── case lists ───────────────────────────────────────────────────────────────────────────────────

  async exportCases(user: AuthUser, query: CaseExportQuery): Promise<Download> {
    const period = checkPeriod({ from: query.from, to: query.to });
    const read = await this.lookups.readScope(user, query.agencyId);
    const full = query.personalData === 'full';
    // Personal data in clear only for those who handle the applications: the agency's own clerks,
    // handlers and approvers (who see it in the case anyway). Supervisors audit with masked lists.
    if (
      full &&
      (hasAnyRole(user, CROSS_AGENCY_ROLES) || !hasAnyRole(user, ['clerk', 'handler', 'approver']))
    ) {
      throw new DomainError(
        'SUPERVISION_PERSONAL_DATA_FORBIDDEN',
        '您的角色只能导出遮蔽个人信息的案件清单（仅本机关的登记员、承办人、审核人可导出完整信息）。',
      );
    }
    const params: unknown[] = [period.from, period.to];
    let scopeSql = '';
    if (!read.scope.isAll) {
      params.push([...(read.scope.agencyIds as string[])]);
      scopeSql = `AND c.agency_id = ANY($3::uuid[])`;
    }
    const [{ n }] = (await this.dataSource.query(
      `SELECT count(*)::int AS n FROM disclosure_case c WHERE c.received_on BETWEEN $1::date AND $2::date ${scopeSql}`,
      params,
    )) as Array<{ n: number }>;
    if (n > CASE_EXPORT_LIMIT) {
      throw new DomainError(
        'SUPERVISION_EXPORT_TOO_LARGE',
        `符合条件的案件有 ${n} 件，超过一次导出的上限 ${CASE_EXPORT_LIMIT} 件，请缩短期间或按机关导出。`,
      );
    }
    const raw = (await this.dataSource.query(
      `SELECT c.case_number, g.name AS agency_name, c.received_on::text AS received_on, c.channel,
              a.type AS applicant_type, a.name AS applicant_name, a.id_number, a.phone, a.address,
              c.information_sought, c.status, h.display_name AS handler_name, c.due_on::text AS due_on,
              c.closed_on::text AS closed_on, c.outcome, c.closed_late
         FROM disclosure_case c
         JOIN applicant a ON a.id = c.applicant_id
         JOIN agency g ON g.id = c.agency_id
         LEFT JOIN app_user h ON h.id = c.handler_id
        WHERE c.received_on BETWEEN $1::date AND $2::date ${scopeSql}
        ORDER BY g.name, c.received_on, c.case_number`,
      params,
    )) as Array<Record<string, string | boolean | null>>;
    const rows: CaseListRow[] = raw.map((r) => ({
      caseNumber: r.case_number as string,
      agencyName: r.agency_name as string,
      receivedOn: r.received_on as IsoDate,
      channel: r.channel as Channel,
      applicantType: r.applicant_type as ApplicantType,
      applicantName: r.applicant_name as string,
      idNumber: r.id_number as string,
      phone: r.phone as string,
      address: r.address as string,
      informationSought: r.information_sought as string,
      status: r.status as CaseStatus,
      handlerName: r.handler_name as string | null,
      dueOn: r.due_on as IsoDate | null,
      closedOn: r.closed_on as IsoDate | null,
      outcome: r.outcome as Outcome | null,
      closedLate: r.closed_late as boolean,
    }));
    if (full) {
      await this.audit.append(this.dataSource.manager, {
        type: 'case_list.exported_with_personal_data',
        actor: actorOf(user, user.client),
        agencyId: read.agencyId,
        details: { from: period.from, to: period.to, rows: rows.length, format: query.format },
      });
    }
    const options = { revealPersonalData: full };
    const name = `案件清单-${period.from}至${period.to}${full ? '-含个人信息' : ''}`;
    return query.format === 'csv'
      ? {
          filename: `${name}.csv`,
          contentType: 'text/csv; charset=utf-8',
          body: caseListToCsv(rows, CASE_LIST_COLUMNS, options),
        }
      : {
          filename: `${name}.xlsx`,
          contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          body: await caseListToXlsx(rows, CASE_LIST_COLUMNS, options),
        };
  }

  // ── helpers ──────────────────────────────────────────────────────────────────────────────────────

  private title(year: number, read: ReadScope, agencies: Map<string, string>): string {
    const who = read.agencyId === null ? '全县' : (agencies.get(read.agencyId) ?? '');
    return `${who}${year}年政府信息公开工作年度报告（表三、表四）`;
  }

  private refOf(
    refs: Map<string, { caseId: string; caseNumber: string; agencyId: string; agencyName: string }>,
    caseId: string,
  ) {
    const r = refs.get(caseId);
    return {
      caseId,
      caseNumber: r?.caseNumber ?? '',
      agencyId: r?.agencyId ?? '',
      agencyName: r?.agencyName ?? '',
    };
  }

  /** Identity violations with the cases (or records) behind each, the first 50 by receipt date. */
  private async violations(built: BuiltReport): Promise<IdentityViolationResponse[]> {
    const out: IdentityViolationResponse[] = [];
    for (const v of built.report.table3Violations) {
      const classes = v.caseIds.map((k) => parseReportClassKey(k)).filter((k) => k !== null);
      const members = await this.queries.classMembers(classes, built.year, {
        offset: 0,
        limit: MAX_VIOLATION_CASES,
      });
      const refs = await this.lookups.caseRefs(members.items.map((m) => m.caseId));
      out.push({
        table: 3,
        identity: v.identity,
        row: v.row,
        column: v.column,
        left: v.left,
        right: v.right,
        message: v.message,
        caseCount: members.total,
        cases: members.items.map((m) => this.refOf(refs, m.caseId)),
      });
    }
    for (const v of built.report.table4Violations) {
      const caseIds = v.recordIds.map((id) => built.remedies.find((r) => r.recordId === id)!.caseId);
      const refs = await this.lookups.caseRefs(caseIds.slice(0, MAX_VIOLATION_CASES));
      out.push({
        table: 4,
        identity: 'total_equals_result_columns',
        row: null,
        column: v.kind,
        left: v.left,
        right: v.right,
        message: v.message,
        caseCount: v.recordIds.length,
        cases: caseIds.slice(0, MAX_VIOLATION_CASES).map((id) => this.refOf(refs, id)),
      });
    }
    return out;
  }

  private async caseFacts(
    caseIds: readonly string[],
  ): Promise<
    Map<
      string,
      { applicantType: ApplicantType; receivedOn: IsoDate; closedOn: IsoDate | null; outcome: Outcome | null }
    >
  > {
    if (caseIds.length === 0) return new Map();
    const rows = (await this.dataSource.query(
      `SELECT case_id, applicant_type, received_on::text AS received_on, closed_on::text AS closed_on, outcome
         FROM supervision_case_fact WHERE case_id = ANY($1::uuid[])`,
      [[...new Set(caseIds)]],
    )) as Array<{
      case_id: string;
      applicant_type: ApplicantType;
      received_on: IsoDate;
      closed_on: IsoDate | null;
      outcome: Outcome | null;
    }>;
    return new Map(
      rows.map((r) => [
        r.case_id,
        {
          applicantType: r.applicant_type,
          receivedOn: r.received_on,
          closedOn: r.closed_on,
          outcome: r.outcome,
        },
      ]),
    );
  }
}
