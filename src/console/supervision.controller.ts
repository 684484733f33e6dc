import { Body, Controller, Get, Inject, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AgenciesService } from '../agencies/agencies.service.js';
import { Roles, SignedIn } from '../auth/access-policy.decorators.js';
import { hasAnyRole, type AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { CROSS_AGENCY_ROLES } from '../auth/role.js';
import { APPLICANT_TYPE_LABELS, type ApplicantType } from '../cases/applicant-type.js';
import { Clock } from '../common/clock/clock.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { FieldError } from '../common/errors/domain-error.js';
import {
  AgencyFilterQuery,
  AtRiskQuery,
  CaseExportQuery,
  DrillDownQuery,
  LockReportDto,
  ReportExportQuery,
  TimelinessQuery,
} from '../supervision/dto/supervision-queries.dto.js';
import type { AnnualReportResponse } from '../supervision/dto/supervision-responses.dto.js';
import { FIRST_REPORT_YEAR, reportYearMessage } from '../supervision/report-period.js';
import { SupervisionService } from '../supervision/supervision.service.js';
import { percent } from './charts.js';
import { ConsoleCsrfGuard } from './console-csrf.js';
import { sendFile } from './console-downloads.js';
import { attemptAsked, attemptValid, invalid, type Attempt, type FormProblem } from './console-outcome.js';
import { ConsolePages } from './console-pages.js';
import { safeNextPath } from './console-paths.js';
import { defined, errorMap, many, text, validateForm, type FormBody } from './forms/form-values.js';
import {
  atRiskRemainingText,
  cellTitle,
  openCasesChart,
  rateByAgencyChart,
  rateByMonthChart,
  reportTables,
} from './supervision.view.js';

const CATEGORY_CHOICES = [
  { value: 'overdue_open', label: '逾期未办' },
  { value: 'due_soon', label: '即将逾期' },
  { value: 'closed_late', label: '逾期已办' },
];

/** How the fields are named to the user, for messages shown away from the fields (drill-down, downloads). */
const FIELD_LABELS: Readonly<Record<string, string>> = {
  year: '年度',
  agencyId: '机关',
  table: '表',
  row: '行',
  column: '列',
  page: '页码',
  format: '格式',
  from: '收到申请 自',
  to: '收到申请 至',
  personalData: '个人信息',
};

/**
 * 督查与年报: the supervisor's county (an approver's own agency): the timeliness dashboard with charts
 * drawn on the server, the at-risk list, the annual report tables 三 and 四 with drill-down, downloads
 * and locking, and case-list exports. Every figure comes from SupervisionService, as the API's.
 */
@ApiExcludeController()
@UseGuards(ConsoleCsrfGuard)
@Controller()
export class ConsoleSupervisionController {
  constructor(
    private readonly pages: ConsolePages,
    private readonly supervision: SupervisionService,
    private readonly agencies: AgenciesService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The dashboard: figures of a period, charts, today's open cases and the overdue list. */
  @Roles('supervisor', 'approver')
  @Get('supervision')
  async dashboard(
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
    @Res() res: Response,
    @Query() raw: FormBody,
  ): Promise<void> {
    const today = this.clock.today();
    const values = {
      from: text(raw, 'from') ?? `${today.slice(0, 4)}-01-01`,
      to: text(raw, 'to') ?? today,
      agencyId: text(raw, 'agencyId') ?? '',
    };
    const form = await validateForm(
      TimelinessQuery,
      defined({ ...values, agencyId: values.agencyId || undefined }),
    );
    const result = await attemptValid(form, async (q) => {
      const [timeliness, open, overdue] = await Promise.all([
        this.supervision.timeliness(user, q),
        this.supervision.openCases(user, q.agencyId),
        this.supervision.atRisk(user, { agencyId: q.agencyId, category: ['overdue_open'], pageSize: 100 }),
      ]);
      return { timeliness, open, overdue };
    });
    const figures = result.ok ? result.value : null;
    return this.pages.send(
      req,
      res,
      'supervision',
      {
        ...(await this.common(user, values.agencyId)),
        values,
        problem: result.ok ? null : result,
        errors: result.ok ? {} : errorMap(result.errors),
        today,
        overall: figures?.timeliness.overall ?? null,
        onTimeRate: figures && percent(figures.timeliness.overall.onTimeRate),
        charts: figures && {
          agency: rateByAgencyChart(figures.timeliness),
          month: rateByMonthChart(figures.timeliness),
          open: openCasesChart(figures.open),
        },
        overdue: figures && withRemainingText(figures.overdue),
        exportValues: { from: values.from, to: values.to, agencyId: values.agencyId },
      },
      { title: '督查概况', status: result.ok ? 200 : result.status },
    );
  }

  /** 即将逾期 / 逾期未办 / 逾期已办 across agencies, most urgent first. */
  @Roles('supervisor', 'approver')
  @Get('at-risk')
  async atRisk(
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
    @Res() res: Response,
    @Query() raw: FormBody,
  ): Promise<void> {
    const today = this.clock.today();
    const categories = many(raw, 'category');
    const values = {
      category: categories.length ? categories : ['overdue_open', 'due_soon'],
      within: text(raw, 'within') ?? '5',
      agencyId: text(raw, 'agencyId') ?? '',
      from: text(raw, 'from') ?? `${today.slice(0, 4)}-01-01`,
      to: text(raw, 'to') ?? today,
      page: text(raw, 'page') ?? '1',
    };
    const form = await validateForm(
      AtRiskQuery,
      defined({ ...values, agencyId: values.agencyId || undefined, pageSize: '50' }),
    );
    const result = await attemptValid(form, (q) => this.supervision.atRisk(user, q));
    const list = result.ok ? withRemainingText(result.value) : null;
    const pages = list ? Math.max(1, Math.ceil(list.total / list.pageSize)) : 1;
    const link = (page: number) => {
      const q = new URLSearchParams();
      for (const c of values.category) q.append('category', c);
      q.set('within', values.within);
      if (values.agencyId) q.set('agencyId', values.agencyId);
      q.set('from', values.from);
      q.set('to', values.to);
      q.set('page', String(page));
      return `/at-risk?${q.toString()}`;
    };
    return this.pages.send(
      req,
      res,
      'supervision-at-risk',
      {
        ...(await this.common(user, values.agencyId)),
        values,
        categories: CATEGORY_CHOICES.map((c) => ({ ...c, checked: values.category.includes(c.value) })),
        problem: result.ok ? null : result,
        errors: result.ok ? {} : errorMap(result.errors),
        list,
        pager: list && {
          pages,
          current: list.page,
          prev: list.page > 1 ? link(list.page - 1) : null,
          next: list.page < pages ? link(list.page + 1) : null,
        },
      },
      { title: '预警清单', section: '/supervision', status: result.ok ? 200 : result.status },
    );
  }

  /** The annual report's tables 三 and 四 on screen, with identities, locking and downloads. */
  @Roles('supervisor', 'approver')
  @Get('annual-report')
  async report(
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
    @Res() res: Response,
    @Query() raw: FormBody,
  ): Promise<void> {
    return this.reportPage(user, req, res, raw, null);
  }

  /** Locks a year's report (the year must be over); later changes are flagged against it. */
  @Roles('supervisor', 'approver')
  @Post('annual-report/lock')
  async lock(
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
    @Res() res: Response,
    @Body() body: FormBody,
  ): Promise<void> {
    const asked = this.reportYear(body);
    if (asked.year === null) return this.reportPage(user, req, res, body, invalid([asked.error]));
    const year = asked.year;
    const form = await validateForm(
      LockReportDto,
      defined({ agencyId: text(body, 'agencyId'), note: text(body, 'note') }),
    );
    const result = await attemptValid(form, (dto) => this.supervision.lock(user, year, dto));
    if (!result.ok) return this.reportPage(user, req, res, body, result);
    this.pages.redirect(res, reportHref(year, text(body, 'agencyId')), {
      kind: 'success',
      messages: [`已锁定${result.value.title}。此后案件或复议诉讼记录的变动将在报告中标出。`],
    });
  }

  /** Drill-down: the cases (or remedy records) counted in one cell; an htmx request gets the list only. */
  @Roles('supervisor', 'approver')
  @Get('annual-report/cell')
  async cell(
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
    @Res() res: Response,
    @Query() raw: FormBody,
  ): Promise<void> {
    const asked = this.reportYear(raw);
    const year = asked.year;
    const values = {
      year: year === null ? '' : String(year),
      agencyId: text(raw, 'agencyId') ?? '',
      table: text(raw, 'table') ?? '',
      row: text(raw, 'row') ?? '',
      column: text(raw, 'column') ?? '',
      page: text(raw, 'page') ?? '1',
    };
    const form = await validateForm(
      DrillDownQuery,
      defined({
        agencyId: values.agencyId || undefined,
        table: values.table,
        row: values.row || undefined,
        column: values.column,
        page: values.page,
        pageSize: '50',
      }),
    );
    const result =
      year === null
        ? invalid([asked.error, ...(form.ok ? [] : form.errors)])
        : await attemptValid(form, (q) => this.supervision.drillDown(user, year, q));
    const list = result.ok ? result.value : null;
    const pages = list ? Math.max(1, Math.ceil(list.total / list.pageSize)) : 1;
    const link = (page: number) =>
      `/annual-report/cell?${new URLSearchParams({ ...values, page: String(page) }).toString()}`;
    const model = {
      values,
      title: list ? cellTitle(list.cell) : '单元格',
      problem: result.ok ? null : result,
      problemItems: result.ok ? [] : labelled(result.errors, FIELD_LABELS),
      list: list && {
        ...list,
        items: list.items.map((i) => ({
          ...i,
          applicantTypeLabel: APPLICANT_TYPE_LABELS[i.applicantType as ApplicantType] ?? i.applicantType,
        })),
      },
      isTable4: values.table === '4',
      pager: list && {
        pages,
        current: list.page,
        prev: list.page > 1 ? link(list.page - 1) : null,
        next: list.page < pages ? link(list.page + 1) : null,
      },
      back: year === null ? '/annual-report' : reportHref(year, values.agencyId),
    };
    if (req.headers['hx-request'] === 'true') return this.pages.fragment(res, 'supervision-cell-list', model);
    return this.pages.send(req, res, 'supervision-cell', model, {
      title: year === null ? '年度报告 明细' : `${year}年度报告 ${model.title}`,
      section: '/supervision',
      status: result.ok ? 200 : result.status,
    });
  }

  /** The report as XLSX, CSV or PDF (the PDF is printed by Chromium: seconds, with progress shown). */
  @Roles('supervisor', 'approver')
  @Get('annual-report/download')
  async download(
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
    @Res() res: Response,
    @Query() raw: FormBody,
  ): Promise<void> {
    const asked = this.reportYear(raw);
    const year = asked.year;
    const form = await validateForm(
      ReportExportQuery,
      defined({ format: text(raw, 'format'), agencyId: text(raw, 'agencyId') }),
    );
    const result =
      year === null
        ? invalid([asked.error])
        : await attemptAsked(form, (q) => this.supervision.exportReport(user, year, q));
    if (!result.ok) {
      const back =
        year === null ? '/annual-report' : reportHref(year, form.ok ? form.dto.agencyId : undefined);
      return this.backWith(res, back, result);
    }
    sendFile(req, res, result.value, 'attachment', this.config.authCookieSecure);
  }

  /** The audit case list of a period (CSV/XLSX); personal data masked unless the agency's own ask for it. */
  @SignedIn()
  @Get('case-list/export')
  async exportCases(
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
    @Res() res: Response,
    @Query() raw: FormBody,
  ): Promise<void> {
    const form = await validateForm(
      CaseExportQuery,
      defined({
        format: text(raw, 'format'),
        from: text(raw, 'from'),
        to: text(raw, 'to'),
        agencyId: text(raw, 'agencyId'),
        personalData: text(raw, 'personalData'),
      }),
    );
    const result = await attemptAsked(form, (q) => this.supervision.exportCases(user, q));
    if (!result.ok) return this.backWith(res, safeNextPath(text(raw, 'back') ?? '/case-list'), result);
    sendFile(req, res, result.value, 'attachment', this.config.authCookieSecure);
  }

  // ── internals ──

  private async reportPage(
    user: AuthUser,
    req: Request,
    res: Response,
    raw: FormBody,
    lockProblem: FormProblem | null,
  ): Promise<void> {
    const thisYear = Number(this.clock.today().slice(0, 4));
    const asked = this.reportYear(raw);
    // A year refused is said beside the year, and the choice falls back to this year.
    const year = asked.year ?? thisYear;
    const agencyId = text(raw, 'agencyId') ?? '';
    const form = await validateForm(AgencyFilterQuery, defined({ agencyId: agencyId || undefined }));
    const result: Attempt<AnnualReportResponse> =
      asked.year === null
        ? invalid([asked.error, ...(form.ok ? [] : form.errors)])
        : await attemptValid(form, (q) => this.supervision.annualReport(user, year, q.agencyId));
    const report: AnnualReportResponse | null = result.ok ? result.value : null;
    const base = `/annual-report/cell?year=${year}${agencyId ? `&agencyId=${agencyId}` : ''}`;
    const query = `year=${year}${agencyId ? `&agencyId=${agencyId}` : ''}`;
    return this.pages.send(
      req,
      res,
      'supervision-report',
      {
        ...(await this.common(user, agencyId)),
        values: { year: String(year), agencyId, note: text(raw, 'note') ?? '' },
        years: Array.from({ length: thisYear - FIRST_REPORT_YEAR + 1 }, (_, i) => thisYear - i).map((y) => ({
          value: String(y),
          label: `${y} 年度${y === thisYear ? '（本年，截至今天）' : ''}`,
        })),
        problem: result.ok ? null : result,
        errors: result.ok ? {} : errorMap(result.errors),
        lockProblem,
        lockErrors: errorMap(lockProblem?.errors ?? []),
        report,
        tables: report && reportTables(report, base),
        yearOver: year < thisYear,
        thisYear: year === thisYear,
        downloads: ['xlsx', 'csv', 'pdf'].map((format) => ({
          format,
          label: { xlsx: 'Excel（XLSX）', csv: 'CSV', pdf: 'PDF（打印版）' }[format],
          href: `/annual-report/download?${query}&format=${format}`,
          busy: format === 'pdf' ? '正在生成 PDF…' : '正在生成…',
        })),
        changedCases: report?.lock?.changedCases.map((c) => ({
          ...c,
          before: c.cellsBefore.map(cellTitle),
          after: c.cellsAfter.map(cellTitle),
        })),
        movedCells: report?.lock?.movedCells.map((m) => ({ ...m, title: cellTitle(m.cell) })),
        violations: report?.violations.map((v) => ({ ...v })),
      },
      {
        title: report ? report.title : '年度报告',
        section: '/supervision',
        status: lockProblem?.status ?? (result.ok ? 200 : result.status),
      },
    );
  }

  /**
   * The report year asked for (`year`; absent: this year): four digits from FIRST_REPORT_YEAR to this
   * year, as the API accepts, or the message to show beside the year.
   */
  private reportYear(raw: FormBody): { year: number; error?: undefined } | { year: null; error: FieldError } {
    const thisYear = Number(this.clock.today().slice(0, 4));
    const asked = text(raw, 'year');
    if (asked === undefined) return { year: thisYear };
    const year = /^\d{4}$/.test(asked) ? Number(asked) : NaN;
    if (year >= FIRST_REPORT_YEAR && year <= thisYear) return { year };
    return { year: null, error: { field: 'year', message: reportYearMessage(thisYear) } };
  }

  /** What every supervision page needs: whether the user reads across agencies, and the agencies to choose. */
  private async common(user: AuthUser, agencyId: string) {
    const crossAgency = hasAnyRole(user, CROSS_AGENCY_ROLES);
    const agencies = crossAgency ? await this.agencies.list({ includeInactive: 'true' }) : [];
    return {
      crossAgency,
      agencyOptions: agencies.map((a) => ({ value: a.id, label: a.active ? a.name : `${a.name}（已停用）` })),
      scopeName: crossAgency
        ? (agencies.find((a) => a.id === agencyId)?.name ?? '全县')
        : (await this.agencies.get(user.agencyId as string)).name,
    };
  }

  private backWith(res: Response, to: string, problem: FormProblem): void {
    this.pages.redirect(res, to, {
      kind: 'warning',
      messages: [problem.message, ...labelled(problem.errors, FIELD_LABELS)],
    });
  }
}

function withRemainingText<T extends { items: Array<{ category: string; remainingWorkingDays: number }> }>(
  list: T,
): T {
  return {
    ...list,
    items: list.items.map((i) => ({
      ...i,
      remainingText: atRiskRemainingText(i.category, i.remainingWorkingDays),
    })),
  };
}

/** Field messages with the field's name in words (for pages without the fields beside them). */
function labelled(errors: readonly FieldError[], labels: Readonly<Record<string, string>>): string[] {
  return [...new Set(errors.map((e) => `${labels[e.field] ?? '参数'}：${e.message}`))];
}

function reportHref(year: number, agencyId: string | undefined): string {
  return `/annual-report?year=${year}${agencyId ? `&agencyId=${agencyId}` : ''}`;
}
