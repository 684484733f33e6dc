import { Body, Controller, Get, Inject, Param, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AgenciesService } from '../agencies/agencies.service.js';
import { AGENCY_TYPE_LABELS } from '../agencies/agency-type.js';
import type { AgencyDto, ReconsiderationBodyDefaultDto } from '../agencies/dto/agency.dto.js';
import { CreateAgencyDto } from '../agencies/dto/create-agency.dto.js';
import { RemedyDefaultQuery } from '../agencies/dto/remedy-default.query.js';
import { UpdateAgencyDto } from '../agencies/dto/update-agency.dto.js';
import { Roles } from '../auth/access-policy.decorators.js';
import { actorOf, type AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { CreateUserDto } from '../auth/dto/create-user.dto.js';
import { UpdateUserDto } from '../auth/dto/update-user.dto.js';
import { ROLE_LABELS } from '../auth/role.js';
import { UsersService } from '../auth/users.service.js';
import { CalendarImportService } from '../calendar/calendar-import.service.js';
import { calendarActorOf } from '../calendar/calendar-store.js';
import { CalendarService } from '../calendar/calendar.service.js';
import { CALENDAR_MAX_YEAR, CALENDAR_MIN_YEAR } from '../calendar/working-day-calendar.js';
import { OUTCOMES, type Outcome } from '../cases/outcome.js';
import { Clock } from '../common/clock/clock.js';
import { DomainError } from '../common/errors/domain-error.js';
import { REMEDY_TABLE } from '../letters/remedy-table.provider.js';
import { remedyParagraph, type RemedyProfile, type RemedyTable } from '../letters/remedy.rules.js';
import { agencyTypeChoices, roleChoices } from './console-choices.js';
import { ConsoleCsrfGuard } from './console-csrf.js';
import { attempt, attemptValid, type FormProblem } from './console-outcome.js';
import { ConsolePages } from './console-pages.js';
import {
  bool,
  defined,
  errorMap,
  int,
  many,
  text,
  validateForm,
  type FormBody,
} from './forms/form-values.js';
import { ParseIdPipe } from '../common/validation/parse-id.pipe.js';

const uuid = new ParseIdPipe();

/** Outcomes whose remedy paragraphs show the three wordings: both routes, 复议前置, split. */
const PREVIEW_OUTCOMES: readonly Outcome[] = ['disclosed', 'withheld_third_party', 'partially_disclosed'];

const AGENCY_TEXT_FIELDS = [
  'name',
  'shortName',
  'officeAddress',
  'officePostcode',
  'officePhone',
  'officeHours',
  'website',
  'docNumberPrefix',
  'courtName',
] as const;

/** Administration: agencies and their remedy profile, users and roles, the holiday calendar. */
@ApiExcludeController()
@UseGuards(ConsoleCsrfGuard)
@Roles('admin')
@Controller('admin')
export class ConsoleAdminController {
  constructor(
    private readonly pages: ConsolePages,
    private readonly agencies: AgenciesService,
    private readonly users: UsersService,
    private readonly calendars: CalendarService,
    private readonly imports: CalendarImportService,
    private readonly clock: Clock,
    @Inject(REMEDY_TABLE) private readonly remedyTable: RemedyTable,
  ) {}

  // ───────── agencies ─────────

  @Get('agencies')
  async agencyList(@Req() req: Request, @Res() res: Response): Promise<void> {
    const agencies = (await this.agencies.list({ includeInactive: 'true' })).map((a) => ({
      ...a,
      typeLabel: AGENCY_TYPE_LABELS[a.type],
    }));
    return this.pages.send(req, res, 'admin-agencies', { agencies }, { title: '机关与救济途径' });
  }

  /** A new agency (declared before `agencies/:id`, whose id must be a UUID). */
  @Get('agencies/new')
  async newAgency(@Req() req: Request, @Res() res: Response): Promise<void> {
    return this.newAgencyPage(
      req,
      res,
      { type: 'county_department', deriveReconsiderationBody: 'true' },
      null,
    );
  }

  /**
   * htmx: the reconsideration body the rule gives for a type and parent as chosen (复议法 Art. 24,
   * 27; src/agencies/remedy-body.rules.ts), or why it cannot give one.
   */
  @Get('agencies/remedy-default')
  async remedyDefault(@Res() res: Response, @Query() query: FormBody): Promise<void> {
    return this.pages.fragment(res, 'admin-remedy-default', await this.derivedNote(query));
  }

  @Post('agencies')
  async createAgency(
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
    @Res() res: Response,
    @Body() body: FormBody,
  ): Promise<void> {
    const derive = body.deriveReconsiderationBody === 'true';
    const plain = defined({
      code: text(body, 'code'),
      type: text(body, 'type'),
      parentId: text(body, 'parentId'),
      isSupervisor: body.isSupervisor === 'true' ? true : undefined,
      ...Object.fromEntries(AGENCY_TEXT_FIELDS.map((f) => [f, text(body, f)])),
      // Derived from type and parent unless typed (the rule, or the reason it cannot, is shown beside).
      reconsiderationBodyName: derive ? undefined : text(body, 'reconsiderationBodyName'),
      reconsiderationBodyAddress: derive ? undefined : text(body, 'reconsiderationBodyAddress'),
    });
    const form = await validateForm(CreateAgencyDto, plain);
    const result = await attemptValid(form, (dto) => this.agencies.create(dto, actorOf(user, user.client)));
    if (!result.ok) return this.newAgencyPage(req, res, body, result);
    this.pages.redirect(res, `/admin/agencies/${result.value.id}`, {
      kind: 'success',
      messages: [
        `已创建“${result.value.name}”，行政复议机关：${result.value.reconsiderationBodyName}${result.value.reconsiderationBodyDerived ? '（按规则自动确定）' : ''}。`,
      ],
    });
  }

  @Get('agencies/:id')
  async agency(@Req() req: Request, @Res() res: Response, @Param('id', uuid) id: string): Promise<void> {
    return this.agencyPage(req, res, id, null, null);
  }

  /**
   * htmx: the remedy paragraphs for the profile as typed (nothing saved). When the body is to follow
   * the rule, the paragraphs name the body the rule gives for the type and parent as chosen.
   */
  @Get('agencies/:id/remedy-preview')
  async remedyPreview(@Res() res: Response, @Query() query: FormBody): Promise<void> {
    return this.pages.fragment(res, 'admin-remedy-preview', {
      previews: this.previews(await this.previewProfile(query)),
    });
  }

  @Post('agencies/:id')
  async updateAgency(
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
    @Res() res: Response,
    @Param('id', uuid) id: string,
    @Body() body: FormBody,
  ): Promise<void> {
    const current = await this.agencies.get(id);
    const raw = (name: string) =>
      typeof body[name] === 'string' ? (body[name] as string).trim() : undefined;
    const plain: Record<string, unknown> = {
      version: int(body, 'version'),
      active: body.active === 'true',
      type: text(body, 'type'),
      // An empty choice is "no superior agency" (the county government's own record).
      parentId: 'parentId' in body ? (text(body, 'parentId') ?? null) : undefined,
    };
    for (const f of AGENCY_TEXT_FIELDS) plain[f] = raw(f);
    // Typing the body's name or address stops its derivation: send them only when they changed.
    const bodyName = raw('reconsiderationBodyName');
    const bodyAddress = raw('reconsiderationBodyAddress');
    if (body.deriveReconsiderationBody === 'true') plain.deriveReconsiderationBody = true;
    else {
      if (bodyName !== current.reconsiderationBodyName) plain.reconsiderationBodyName = bodyName;
      if (bodyAddress !== current.reconsiderationBodyAddress) plain.reconsiderationBodyAddress = bodyAddress;
    }
    const form = await validateForm(UpdateAgencyDto, defined(plain));
    const result = await attemptValid(form, (dto) =>
      this.agencies.update(id, dto, actorOf(user, user.client)),
    );
    if (!result.ok) return this.agencyPage(req, res, id, body, result);
    this.pages.redirect(res, `/admin/agencies/${id}`, {
      kind: 'success',
      messages: [`已保存“${result.value.name}”。`],
    });
  }

  // ───────── users ─────────

  @Get('users')
  usersPage(@CurrentUser() user: AuthUser, @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.userList(user, req, res, { roles: [] }, null);
  }

  @Post('users')
  async createUser(
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
    @Res() res: Response,
    @Body() body: FormBody,
  ): Promise<void> {
    const plain = defined({
      username: text(body, 'username'),
      displayName: text(body, 'displayName'),
      agencyId: text(body, 'agencyId'),
      roles: many(body, 'roles'),
      temporaryPassword: text(body, 'temporaryPassword'),
    });
    const form = await validateForm(CreateUserDto, plain);
    const result = await attemptValid(form, (dto) => this.users.create(user, dto));
    if (!result.ok) return this.userList(user, req, res, { ...body, roles: many(body, 'roles') }, result);
    return this.pages.send(
      req,
      res,
      'admin-user-password',
      { created: true, user: result.value.user, temporaryPassword: result.value.temporaryPassword ?? null },
      { title: '用户已创建', section: '/admin/users', status: 201 },
    );
  }

  @Get('users/:id')
  async userPage(
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
    @Res() res: Response,
    @Param('id', uuid) id: string,
  ): Promise<void> {
    return this.userEdit(user, req, res, id, null, null);
  }

  @Post('users/:id')
  async updateUser(
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
    @Res() res: Response,
    @Param('id', uuid) id: string,
    @Body() body: FormBody,
  ): Promise<void> {
    const plain = {
      version: int(body, 'version'),
      displayName: text(body, 'displayName'),
      agencyId: text(body, 'agencyId') ?? null,
      roles: many(body, 'roles'),
      active: bool(body, 'active') ?? false,
    };
    const form = await validateForm(UpdateUserDto, plain);
    const result = await attemptValid(form, (dto) => this.users.update(user, id, dto));
    if (!result.ok) return this.userEdit(user, req, res, id, { ...body, roles: many(body, 'roles') }, result);
    this.pages.redirect(res, '/admin/users', {
      kind: 'success',
      messages: [`已保存用户“${result.value.displayName}”。`],
    });
  }

  @Post('users/:id/password-reset')
  async resetPassword(
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
    @Res() res: Response,
    @Param('id', uuid) id: string,
  ): Promise<void> {
    const result = await this.users.resetPassword(user, id, {});
    return this.pages.send(
      req,
      res,
      'admin-user-password',
      { created: false, user: result.user, temporaryPassword: result.temporaryPassword ?? null },
      { title: '密码已重置', section: '/admin/users' },
    );
  }

  // ───────── calendar ─────────

  @Get('calendar')
  async calendarPage(@Req() req: Request, @Res() res: Response): Promise<void> {
    return this.calendarList(
      req,
      res,
      { year: String(Number(this.clock.today().slice(0, 4)) + 1) },
      null,
      null,
    );
  }

  @Get('calendar/:year')
  async calendarYear(
    @Req() req: Request,
    @Res() res: Response,
    @Param('year') yearText: string,
  ): Promise<void> {
    const year = /^\d{4}$/.test(yearText) ? Number(yearText) : NaN;
    if (!(year >= CALENDAR_MIN_YEAR && year <= CALENDAR_MAX_YEAR)) {
      throw new DomainError('BAD_REQUEST', `年份须在 ${CALENDAR_MIN_YEAR}—${CALENDAR_MAX_YEAR} 之间`);
    }
    const detail = await this.calendars.getYear(year);
    return this.pages.send(
      req,
      res,
      'admin-calendar-year',
      { detail },
      { title: `${year} 年放假安排`, section: '/admin/calendar' },
    );
  }

  /** Import a year: `mode=preview` shows the dry run's diff (days and affected cases), `mode=apply` loads it. */
  @Post('calendar/import')
  async importYear(
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
    @Res() res: Response,
    @Body() body: FormBody,
  ): Promise<void> {
    const values = { year: text(body, 'year') ?? '', json: typeof body.json === 'string' ? body.json : '' };
    const year = Number(values.year);
    const fail = (field: string, message: string) =>
      this.calendarList(req, res, values, { status: 400, message, errors: [{ field, message }] }, null);
    if (!/^\d{4}$/.test(values.year) || year < 2000 || year > 2100)
      return fail('year', '请填写 2000—2100 之间的年份');
    let parsed: unknown;
    try {
      parsed = JSON.parse(values.json);
    } catch {
      return fail('json', '不是合法的 JSON 文件内容，请检查是否完整粘贴');
    }
    const dryRun = body.mode !== 'apply';
    const result = await attempt(() =>
      this.imports.importYear(year, parsed, { dryRun, actor: calendarActorOf(user) }),
    );
    if (!result.ok) return this.calendarList(req, res, values, result, null);
    if (dryRun) return this.calendarList(req, res, values, null, result.value);
    this.pages.redirect(res, `/admin/calendar/${year}`, {
      kind: 'success',
      messages: [
        `已导入 ${year} 年放假安排（${result.value.changes.length} 天有变化）。未办结案件的期限已按新安排重新计算。`,
      ],
    });
  }

  // ───────── rendering ─────────

  private previews(profile: RemedyProfile) {
    return PREVIEW_OUTCOMES.map((outcome) => {
      try {
        return {
          label: OUTCOMES[outcome].label,
          text: remedyParagraph(profile, outcome, '答复', this.remedyTable),
          problem: null,
        };
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        return { label: OUTCOMES[outcome].label, text: null, problem: error.detail };
      }
    });
  }

  private async agencyPage(
    req: Request,
    res: Response,
    id: string,
    values: FormBody | null,
    problem: FormProblem | null,
  ) {
    const [agency, all] = await Promise.all([
      this.agencies.get(id),
      this.agencies.list({ includeInactive: 'true' }),
    ]);
    const shown = values ?? { ...agency, active: String(agency.active), parentId: agency.parentId ?? '' };
    const note = await this.derivedNote(shown);
    return this.pages.send(
      req,
      res,
      'admin-agency',
      {
        agency: { ...agency, typeLabel: AGENCY_TYPE_LABELS[agency.type] },
        ...agencyChoices(all, id),
        ...note,
        values: shown,
        problem,
        errors: errorMap(problem?.errors ?? []),
        previews: this.previews({
          reconsiderationBodyName: String(shown.reconsiderationBodyName ?? ''),
          reconsiderationBodyAddress: String(shown.reconsiderationBodyAddress ?? ''),
          courtName: String(shown.courtName ?? ''),
          requiredReconsiderationBody: requiredBodyOf(note.derived),
        }),
      },
      { title: agency.name, section: '/admin/agencies', status: problem?.status ?? 200 },
    );
  }

  /** The remedy profile a form would save: the typed body, or the rule's when the body follows it. */
  private async previewProfile(values: FormBody) {
    const typed = (name: string) => (typeof values[name] === 'string' ? (values[name] as string).trim() : '');
    const follows =
      values.deriveReconsiderationBody === 'true' ||
      (values.derivedNow === 'true' && typed('reconsiderationBodyName') === typed('derivedName'));
    const rule = await this.derivedBody(values);
    const derived = follows ? rule : null;
    return {
      reconsiderationBodyName: derived?.derivable ? (derived.name ?? '') : typed('reconsiderationBodyName'),
      reconsiderationBodyAddress: derived?.derivable
        ? (derived.address ?? '')
        : typed('reconsiderationBodyAddress'),
      courtName: typed('courtName') || '有管辖权的人民法院',
      // Where 复议法 Art. 24 names the body, the preview refuses another one as saving would.
      requiredReconsiderationBody: requiredBodyOf(rule),
    };
  }

  /** The body the rule gives for the type and parent in a form or query (null when they are invalid). */
  private async derivedBody(values: FormBody): Promise<ReconsiderationBodyDefaultDto | null> {
    const form = await validateForm(
      RemedyDefaultQuery,
      defined({ type: text(values, 'type'), parentId: text(values, 'parentId') }),
    );
    return form.ok ? this.agencies.remedyDefault(form.dto) : null;
  }

  private async derivedNote(values: FormBody) {
    const derived = await this.derivedBody(values);
    return { derived, problem: derived ? null : '请选择类型。' };
  }

  private async newAgencyPage(req: Request, res: Response, values: FormBody, problem: FormProblem | null) {
    const all = await this.agencies.list({ includeInactive: 'true' });
    return this.pages.send(
      req,
      res,
      'admin-agency-new',
      {
        ...agencyChoices(all, null),
        ...(await this.derivedNote(values)),
        values,
        problem,
        errors: errorMap(problem?.errors ?? []),
        previews: this.previews(await this.previewProfile(values)),
      },
      { title: '新增机关', section: '/admin/agencies', status: problem?.status ?? 200 },
    );
  }

  private async userList(
    user: AuthUser,
    req: Request,
    res: Response,
    values: FormBody,
    problem: FormProblem | null,
  ) {
    const [users, agencies] = await Promise.all([this.users.list(user, {}), this.agencies.list({})]);
    return this.pages.send(
      req,
      res,
      'admin-users',
      {
        users: users.map((u) => ({ ...u, roleLabels: u.roles.map((r) => ROLE_LABELS[r]).join('、') })),
        agencies,
        roles: roleChoices(),
        values,
        problem,
        errors: errorMap(problem?.errors ?? []),
      },
      { title: '用户与角色', status: problem?.status ?? 200 },
    );
  }

  private async userEdit(
    admin: AuthUser,
    req: Request,
    res: Response,
    id: string,
    values: FormBody | null,
    problem: FormProblem | null,
  ) {
    const [target, agencies] = await Promise.all([
      this.users.get(admin, id),
      this.agencies.list({ includeInactive: 'true' }),
    ]);
    return this.pages.send(
      req,
      res,
      'admin-user',
      {
        target,
        agencies,
        roles: roleChoices(),
        values: values ?? { ...target, active: String(target.active), agencyId: target.agencyId ?? '' },
        problem,
        errors: errorMap(problem?.errors ?? []),
      },
      { title: `用户 ${target.displayName}`, section: '/admin/users', status: problem?.status ?? 200 },
    );
  }

  private async calendarList(
    req: Request,
    res: Response,
    values: Record<string, unknown>,
    problem: FormProblem | null,
    preview: Awaited<ReturnType<CalendarImportService['importYear']>> | null,
  ) {
    const years = await this.calendars.listYears();
    return this.pages.send(
      req,
      res,
      'admin-calendar',
      { years, values, problem, errors: errorMap(problem?.errors ?? []), preview },
      { title: '节假日安排', status: problem?.status ?? 200, section: '/admin/calendar' },
    );
  }
}

/** The body the law names for the type and parent chosen (复议法 Art. 24), as the remedy rules take it. */
function requiredBodyOf(derived: ReconsiderationBodyDefaultDto | null) {
  return derived?.derivable && derived.fixed && derived.name && derived.basis
    ? { name: derived.name, basis: derived.basis }
    : null;
}

/** The type choices and the possible superior agencies (not the agency itself). */
function agencyChoices(all: readonly AgencyDto[], self: string | null) {
  return {
    types: agencyTypeChoices(),
    parents: all
      .filter((a) => a.id !== self)
      .map((a) => ({
        value: a.id,
        label: `${a.name}（${AGENCY_TYPE_LABELS[a.type]}${a.active ? '' : '，已停用'}）`,
      })),
  };
}
