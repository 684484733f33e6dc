import { Body, Controller, Param, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Roles } from '../auth/access-policy.decorators.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { RecordRemedyDto, UpdateRemedyDto } from '../supervision/dto/remedy-record.dto.js';
import { RemedyRecordsService } from '../supervision/remedy-records.service.js';
import { ConsoleCasePage } from './case-page.js';
import { ConsoleCsrfGuard } from './console-csrf.js';
import { attemptValid, type Attempt } from './console-outcome.js';
import { ConsolePages } from './console-pages.js';
import { defined, errorMap, int, text, validateForm, type FormBody } from './forms/form-values.js';
import { ParseIdPipe } from '../common/validation/parse-id.pipe.js';

const uuid = new ParseIdPipe();

/** The remedy form's fields as the API's DTO (an empty decision date is "not decided yet"). */
function remedyFromForm(body: FormBody): Record<string, unknown> {
  return defined({
    kind: text(body, 'kind'),
    filedOn: text(body, 'filedOn'),
    // Kept when empty, so that the message says it must be filled in (not that it is missing).
    body: typeof body.body === 'string' ? body.body.trim() : undefined,
    caseReference: text(body, 'caseReference'),
    result: text(body, 'result'),
    decidedOn: text(body, 'decidedOn') ?? null,
    note: text(body, 'note'),
  });
}

/**
 * 行政复议 and 行政诉讼 about a concluded case (条例 Art. 51; table 四 of the annual report), recorded
 * and updated from the case page by the case's own agency, through RemedyRecordsService like the API.
 */
@ApiExcludeController()
@UseGuards(ConsoleCsrfGuard)
@Roles('clerk', 'handler', 'approver')
@Controller('case/:id/remedies')
export class ConsoleCaseRemediesController {
  constructor(
    private readonly remedies: RemedyRecordsService,
    private readonly pages: ConsolePages,
    private readonly casePage: ConsoleCasePage,
  ) {}

  @Post('add')
  async record(
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
    @Res() res: Response,
    @Param('id', uuid) caseId: string,
    @Body() body: FormBody,
  ): Promise<void> {
    const form = await validateForm(RecordRemedyDto, remedyFromForm(body));
    const result = await attemptValid(form, (dto) => this.remedies.record(user, caseId, dto));
    return this.done(user, req, res, caseId, 'new', body, result, '已登记');
  }

  @Post(':remedyId/update')
  async update(
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
    @Res() res: Response,
    @Param('id', uuid) caseId: string,
    @Param('remedyId', uuid) remedyId: string,
    @Body() body: FormBody,
  ): Promise<void> {
    const form = await validateForm(UpdateRemedyDto, {
      ...remedyFromForm(body),
      version: int(body, 'version'),
    });
    const result = await attemptValid(form, (dto) => this.remedies.update(user, caseId, remedyId, dto));
    return this.done(user, req, res, caseId, remedyId, body, result, '已更新');
  }

  private async done(
    user: AuthUser,
    req: Request,
    res: Response,
    caseId: string,
    form: string,
    body: FormBody,
    result: Attempt<{ kindLabel: string; body: string; resultLabel: string; notices: string[] }>,
    verb: string,
  ): Promise<void> {
    if (!result.ok) {
      const panel = {
        panel: 'remedy' as const,
        form,
        values: body,
        errors: errorMap(result.errors),
        problem: result,
      };
      return this.casePage.send(user, req, res, caseId, { panel }, result.status);
    }
    const r = result.value;
    this.pages.redirect(res, `/case/${caseId}#remedies`, {
      kind: r.notices.length ? 'warning' : 'success',
      messages: [`${verb}${r.kindLabel}（${r.body}，${r.resultLabel}）。`, ...r.notices],
    });
  }
}
