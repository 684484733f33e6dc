import {
  Body,
  Controller,
  Get,
  NotFoundException,
  Param,
  ParseUUIDPipe,
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
import { UsersService } from '../auth/users.service.js';
import { CaseQueriesService } from '../cases/case-queries.service.js';
import { CasesService } from '../cases/cases.service.js';
import { ListCasesQuery } from '../cases/dto/list-cases.query.js';
import { Clock } from '../common/clock/clock.js';
import { Inject } from '@nestjs/common';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { caseView, type ActionState } from './case-view.js';
import { chineseDate } from './console-format.js';
import { groundChoices, outcomeChoices, registrationChoices, statusChoices } from './console-choices.js';
import { ConsoleCsrfGuard } from './console-csrf.js';
import { attemptValid } from './console-outcome.js';
import { ConsolePages } from './console-pages.js';
import { actionFormFor } from './forms/case-action.forms.js';
import { errorMap, validateForm, type FormBody } from './forms/form-values.js';
import { formFieldOf } from './forms/registration.form.js';
import { OUTCOMES } from '../cases/outcome.js';

const caseId = new ParseUUIDPipe({ version: undefined });

/** The handler's list, the agency's case list and the case page with its allowed steps. */
@ApiExcludeController()
@UseGuards(ConsoleCsrfGuard)
@Controller()
export class ConsoleCasePagesController {
  constructor(
    private readonly pages: ConsolePages,
    private readonly cases: CasesService,
    private readonly queries: CaseQueriesService,
    private readonly users: UsersService,
    private readonly agencies: AgenciesService,
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
    const list = query.ok ? await this.queries.list(user, { pageSize: 50, ...query.dto }) : null;
    const crossAgency = user.roles.some((r) => CROSS_AGENCY_ROLES.includes(r));
    return this.pages.send(
      req,
      res,
      'case-list',
      {
        list,
        filters,
        filterErrors: query.ok ? null : errorMap(query.errors),
        statuses: statusChoices(),
        agencies: crossAgency ? await this.agencies.list({}) : null,
        pager: list && pager(list, filters),
      },
      { title: '案件查询' },
    );
  }

  @SignedIn()
  @Get('case/:id')
  show(
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
    @Res() res: Response,
    @Param('id', caseId) id: string,
  ): Promise<void> {
    return this.render(user, req, res, id, null, 200);
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
      return this.render(user, req, res, id, state, problem.status);
    }
    this.pages.redirect(res, `/case/${id}`, {
      kind: 'success',
      messages: [form.done, ...problem.value.notices],
    });
  }

  private async render(
    user: AuthUser,
    req: Request,
    res: Response,
    id: string,
    actionState: ActionState | null,
    status: number,
  ): Promise<void> {
    const [c, events] = await Promise.all([this.queries.get(user, id), this.queries.events(user, id)]);
    const handlers = c.allowedActions.includes('assign')
      ? (await this.users.list(user, { role: 'handler', active: true, agencyId: c.agencyId })).map((h) => ({
          value: h.id,
          label: h.displayName,
        }))
      : [];
    const view = caseView(c, events, { today: this.clock.today(), actionState, handlers });
    return this.pages.send(
      req,
      res,
      'case',
      {
        ...view,
        ...registrationChoices(),
        outcomes: outcomeChoices(),
        grounds: groundChoices(),
        consultationKinds: [
          { value: 'third_party', label: '第三方（第三十二条）' },
          { value: 'agency', label: '其他机关（第三十四条、第十一条）' },
        ],
        consultationOptions: {
          open: view.openConsultations.map((k) => ({
            value: k.id,
            label: `${k.partyName}（${chineseDate(k.dispatchedOn)}发出）`,
          })),
          unreceived: view.unreceivedConsultations.map((k) => ({
            value: k.id,
            label: `${k.partyName}（${chineseDate(k.dispatchedOn)}发出）`,
          })),
        },
        consultationResults: [
          { value: 'consent', label: '同意公开' },
          { value: 'objection', label: '不同意公开' },
        ],
        feeMethods: [
          { value: 'per_page', label: '按量计收（页数）' },
          { value: 'per_item', label: '按件计收（件数）' },
        ],
        approveChoices: [
          { value: 'true', label: '同意延期' },
          { value: 'false', label: '不同意延期' },
        ],
        defaultBases: Object.fromEntries(Object.entries(OUTCOMES).map(([k, v]) => [k, v.basis])),
      },
      { title: `案件 ${c.caseNumber}`, section: '/case-list', status },
    );
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
];

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
