import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, Inject, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Roles } from '../auth/access-policy.decorators.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { UsersService } from '../auth/users.service.js';
import { CaseQueriesService } from '../cases/case-queries.service.js';
import { CasesService } from '../cases/cases.service.js';
import { ReceiptEvidenceDto } from '../cases/dto/receipt-evidence.dto.js';
import { RegisterCaseDto } from '../cases/dto/register-case.dto.js';
import type { ReceiptEvidence } from '../cases/receipt.rules.js';
import { Clock } from '../common/clock/clock.js';
import { validateIdNumber } from '../common/validation/validators.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { chineseDate } from './console-format.js';
import { ConsoleCsrfGuard } from './console-csrf.js';
import { attempt, type FormProblem } from './console-outcome.js';
import { ConsolePages } from './console-pages.js';
import { outcomeFormChoices, registrationChoices } from './console-choices.js';
import { text, validateForm, type FormBody } from './forms/form-values.js';
import {
  evidenceDefaults,
  evidenceFromForm,
  formFieldOf,
  REGISTRATION_FIELD_LABELS,
  registrationFromForm,
} from './forms/registration.form.js';

/**
 * 登记: the clerk's registration form. It follows the channel (only that channel's receipt evidence),
 * shows the receipt date and deadlines the law derives while the clerk types (GET /register/checks,
 * htmx), finds earlier applicants, and carries an Idempotency-Key so a double click registers once.
 */
@ApiExcludeController()
@UseGuards(ConsoleCsrfGuard)
@Roles('clerk')
@Controller('register')
export class ConsoleRegistrationController {
  constructor(
    private readonly pages: ConsolePages,
    private readonly cases: CasesService,
    private readonly queries: CaseQueriesService,
    private readonly users: UsersService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  async form(@CurrentUser() user: AuthUser, @Req() req: Request, @Res() res: Response): Promise<void> {
    const today = this.clock.today();
    const values: Record<string, string> = {
      ...evidenceDefaults('in_person', today),
      'applicant.type': 'natural_person',
      'applicant.idType': 'resident_id',
      'applicant.agent.idType': 'resident_id',
      requestedForm: 'paper',
      deliveryMethod: 'post',
      idempotencyKey: randomUUID(),
    };
    return this.render(user, req, res, values, null);
  }

  @Post()
  async register(
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
    @Res() res: Response,
    @Body() body: FormBody,
  ): Promise<void> {
    const form = await validateForm(
      RegisterCaseDto,
      registrationFromForm(body, this.config.businessTimeZone),
    );
    if (!form.ok) {
      return this.render(user, req, res, body, {
        status: 400,
        message: '登记信息有误，请按提示修改。',
        errors: form.errors,
      });
    }
    const key = text(body, 'idempotencyKey');
    const result = await attempt(() => this.cases.register(user, form.dto, key));
    if (!result.ok) return this.render(user, req, res, body, result);
    const c = result.value;
    this.pages.redirect(res, `/case/${c.id}?registered=1`, {
      kind: 'success',
      messages: [
        c.repliedOn
          ? `已登记并当场答复，案号 ${c.caseNumber}，本案已办结。请在下方“文书”中出具答复书交申请人。`
          : `已登记，案号 ${c.caseNumber}。收到申请之日 ${chineseDate(c.receivedOn)}，答复期限 ${chineseDate(c.dueOn)}。`,
        ...c.notices,
      ],
    });
  }

  /** htmx: the derived receipt date and deadlines, the ID-number check and warnings, as the clerk types. */
  @Get('checks')
  async checks(@CurrentUser() user: AuthUser, @Res() res: Response, @Query() query: FormBody): Promise<void> {
    const evidence = await validateForm(
      ReceiptEvidenceDto,
      evidenceFromForm(query, this.config.businessTimeZone),
    );
    const applicantId = text(query, 'applicantId');
    const idNumber = text(query, 'applicant.idNumber');
    const preview = evidence.ok
      ? await this.queries.registrationPreview(user, {
          evidence: evidence.dto as unknown as ReceiptEvidence,
          applicantId,
          idNumber: applicantId ? undefined : idNumber,
          informationSought: text(query, 'informationSought'),
        })
      : null;
    const idProblem =
      !applicantId && idNumber ? validateIdNumber(idNumber, text(query, 'applicant.idType')) : undefined;
    const receiptErrors = (preview?.receiptErrors ?? []).map((e) => ({
      ...e,
      field: formFieldOf(e.field, query),
    }));
    return this.pages.fragment(res, 'register-checks', {
      preview,
      incomplete: !evidence.ok,
      receiptErrors,
      idProblem,
      idChecked: Boolean(!applicantId && idNumber && !idProblem),
    });
  }

  /** htmx: earlier applicants of this agency by name prefix or full ID number. */
  @Get('applicants')
  async applicants(
    @CurrentUser() user: AuthUser,
    @Res() res: Response,
    @Query('q') q?: string,
  ): Promise<void> {
    const term = typeof q === 'string' ? q : '';
    const matches = term.trim() ? await this.queries.findApplicants(user, term) : [];
    return this.pages.fragment(res, 'register-applicants', { term, matches, searched: term.trim() !== '' });
  }

  private async render(
    user: AuthUser,
    req: Request,
    res: Response,
    values: FormBody,
    problem: FormProblem | null,
  ): Promise<void> {
    const handlers = await this.users.list(user, { role: 'handler', active: true });
    const errors: Record<string, string> = {};
    for (const e of problem?.errors ?? []) errors[formFieldOf(e.field, values)] ??= e.message;
    return this.pages.send(
      req,
      res,
      'register',
      {
        values,
        errors,
        errorLabels: REGISTRATION_FIELD_LABELS,
        problem,
        handlers: handlers.map((h) => ({ value: h.id, label: h.displayName })),
        ...registrationChoices(),
        ...outcomeFormChoices(),
      },
      { title: '登记申请', status: problem?.status ?? 200 },
    );
  }
}
