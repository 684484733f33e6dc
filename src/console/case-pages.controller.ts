import {
  Body,
  Controller,
  Get,
  Inject,
  NotFoundException,
  Param,
  Post,
  Query,
  Req,
  Res,
  UseGuards,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AgenciesService } from '../agencies/agencies.service.js';
import { Roles, SignedIn } from '../auth/access-policy.decorators.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { CROSS_AGENCY_ROLES } from '../auth/role.js';
import { CaseQueriesService } from '../cases/case-queries.service.js';
import { CasesService } from '../cases/cases.service.js';
import { ListCasesQuery } from '../cases/dto/list-cases.query.js';
import { Clock } from '../common/clock/clock.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { isIsoDate } from '../supervision/report-period.js';
import { statusChoices } from './console-choices.js';
import type { ActionState } from './case-view.js';
import { ConsoleCasePage } from './case-page.js';
import { ConsoleCsrfGuard } from './console-csrf.js';
import { attemptValid } from './console-outcome.js';
import { ConsolePages } from './console-pages.js';
import { actionFormFor } from './forms/case-action.forms.js';
import { errorMap, validateForm, type FormBody } from './forms/form-values.js';
import { formFieldOf } from './forms/registration.form.js';
import { ParseIdPipe } from '../common/validation/parse-id.pipe.js';

const caseId = new ParseIdPipe();

/** The handler's list, the agency's case list and the case page with its allowed steps. */
@ApiExcludeController()
@UseGuards(ConsoleCsrfGuard)
@Controller()
export class ConsoleCasePagesController {
  constructor(
    private readonly pages: ConsolePages,
    private readonly cases: CasesService,
    private readonly queries: CaseQueriesService,
    private readonly agencies: AgenciesService,
    private readonly casePage: ConsoleCasePage,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** 我的案件: the handler's open cases, the least time left first. */
  @Roles('handler')
  @Get('my-cases')
  async myCases(@CurrentUser() user: AuthUser, @Req() req: Request, @Res() res: Response): Promise<void> {
    const page = await this.queries.list(user, { handlerId: 'me', open: true, sort: 'due', pageSize: 100 });
    return this.pages.send(req, res, 'my-cases', { list: page }, { title: '我的案件' });
  }

  /** 案件查询: the agency's cases (supervisors and admins: every agency's), filtered. */
  @SignedIn()
  @Get('case-list')
  async caseList(
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
    @Res() res: Response,
    @Query() raw: FormBody,
  ): Promise<void> {
    const filters = Object.fromEntries(
      Object.entries(raw).filter(([k, v]) => typeof v === 'string' && v !== '' && FILTERS.includes(k)),
    );
    const query = await validateForm(ListCasesQuery, filters);
    const { receivedFrom, receivedTo } = filters;
    const errors = [
      ...(query.ok ? [] : query.errors),
      ...(isIsoDate(receivedFrom) && isIsoDate(receivedTo) && receivedFrom > receivedTo
        ? [{ field: 'receivedTo', message: '结束日期不能早于开始日期' }]
        : []),
    ];
    const list =
      query.ok && errors.length === 0 ? await this.queries.list(user, { pageSize: 50, ...query.dto }) : null;
    const crossAgency = user.roles.some((r) => CROSS_AGENCY_ROLES.includes(r));
    return this.pages.send(
      req,
      res,
      'case-list',
      {
        list,
        filters,
        filterErrors: errors.length ? errorMap(errors) : null,
        filterProblems: Object.entries(errorMap(errors)).map(([field, message]) => ({
          field,
          text: `${FILTER_LABELS[field] ?? '查询条件'}：${message}`,
        })),
        statuses: statusChoices(),
        agencies: crossAgency ? await this.agencies.list({}) : null,
        pager: list && pager(list, filters),
        // The audit list of a period (src/supervision): the agency's own staff may include personal data.
        exportValues: {
          from: `${this.clock.today().slice(0, 4)}-01-01`,
          to: this.clock.today(),
          agencyId: typeof filters.agencyId === 'string' ? filters.agencyId : '',
        },
        fullAllowed: !crossAgency && user.roles.some((r) => ['clerk', 'handler', 'approver'].includes(r)),
      },
      { title: '案件查询', status: errors.length ? 400 : 200 },
    );
  }

  @SignedIn()
  @Get('case/:id')
  show(
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
    @Res() res: Response,
    @Param('id', caseId) id: string,
    @Query('registered') registered?: string,
  ): Promise<void> {
    return this.casePage.send(user, req, res, id, { registered: registered === '1' });
  }

  /**
   * One workflow step from the case page. Which steps a user may take is the transition table's
   * decision (the case detail's allowedActions; CasesService refuses the others with 409), so the
   * route admits every role that takes part in a case's workflow.
   */
  @Roles('clerk', 'handler', 'approver')
  @Post('case/:id/:action')
  async act(
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
    @Res() res: Response,
    @Param('id', caseId) id: string,
    @Param('action') slug: string,
    @Body() body: FormBody,
  ): Promise<void> {
    const form = actionFormFor(slug);
    if (!form) throw new NotFoundException(`Cannot POST ${req.path}`);
    const values = { ...body };
    const dto = await validateForm(form.dto, form.fromForm(body, this.config.businessTimeZone));
    const problem = await attemptValid(dto, (valid) => form.run(this.cases, user, id, valid as never));
    if (!problem.ok) {
      const errors: Record<string, string> = {};
      for (const e of problem.errors) errors[formFieldOf(e.field, body)] ??= e.message;
      const state: ActionState = { slug, values, errors, message: problem.message };
      return this.casePage.send(user, req, res, id, { action: state }, problem.status);
    }
    const next = form.next && dto.ok ? form.next(dto.dto as never) : null;
    this.pages.redirect(res, `/case/${id}`, {
      kind: 'success',
      messages: [form.done, ...(next ? [next] : []), ...problem.value.notices],
    });
  }
}

const FILTERS = [
  'q',
  'status',
  'open',
  'overdue',
  'paused',
  'agencyId',
  'applicant',
  'page',
  'sort',
  'handlerId',
  'receivedFrom',
  'receivedTo',
];

/** The filters' names on the page, for the messages above the list. */
const FILTER_LABELS: Readonly<Record<string, string>> = {
  q: '申请内容或案号',
  applicant: '申请人',
  status: '状态',
  open: '办理情况',
  overdue: '期限',
  paused: '暂停计时',
  agencyId: '机关',
  handlerId: '承办人',
  receivedFrom: '收到申请 自',
  receivedTo: '收到申请 至',
  page: '页码',
  sort: '排序',
};

function pager(list: { page: number; pageSize: number; total: number }, filters: Record<string, unknown>) {
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  const link = (page: number) =>
    `/case-list?${new URLSearchParams({ ...(filters as Record<string, string>), page: String(page) }).toString()}`;
  return {
    pages,
    current: list.page,
    prev: list.page > 1 ? link(list.page - 1) : null,
    next: list.page < pages ? link(list.page + 1) : null,
  };
}
