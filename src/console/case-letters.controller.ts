import { Body, Controller, Get, Inject, Param, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Roles, SignedIn } from '../auth/access-policy.decorators.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { DomainError } from '../common/errors/domain-error.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { CaseLettersService } from '../letters/case-letters.service.js';
import { IssueLetterDto, LetterDraftQuery } from '../letters/dto/issue-letter.dto.js';
import { LETTER_TYPES } from '../letters/letter-types.js';
import { ConsoleCasePage } from './case-page.js';
import { findingsOf } from './case-letters.view.js';
import { ConsoleCsrfGuard } from './console-csrf.js';
import { sendFile } from './console-downloads.js';
import { attempt, attemptAsked, attemptValid } from './console-outcome.js';
import { ConsolePages } from './console-pages.js';
import { defined, errorMap, text, validateForm, type FormBody } from './forms/form-values.js';
import { ParseIdPipe } from '../common/validation/parse-id.pipe.js';

const uuid = new ParseIdPipe();

/** The letters' own fonts, served by the console (a PC without 仿宋 or 楷体 still sees the letter as printed). */
const LETTER_FONT_LINKS = [
  '/assets/vendor/noto-serif-sc/400.css',
  '/assets/vendor/noto-serif-sc/700.css',
  '/assets/vendor/lxgw-wenkai/lxgwwenkai-regular.css',
]
  .map((href) => `<link rel="stylesheet" href="${href}">`)
  .join('');

/** A preview is our own escaped HTML, framed by the case page: styles and fonts of this site, nothing else. */
const PREVIEW_CSP =
  "default-src 'none'; style-src 'self' 'unsafe-inline'; font-src 'self'; img-src data:; frame-ancestors 'self'";

/**
 * A case's letters on the case page: download the issued ones, preview any document the case has
 * reached (HTML in a frame, PDF), see the pre-issue findings (also as the reply date changes), issue a
 * procedural notice, and print the receipt slip (登记回执) in one click. Everything goes through
 * CaseLettersService, like the API.
 */
@ApiExcludeController()
@UseGuards(ConsoleCsrfGuard)
@Controller('case/:id')
export class ConsoleCaseLettersController {
  constructor(
    private readonly letters: CaseLettersService,
    private readonly pages: ConsolePages,
    private readonly casePage: ConsoleCasePage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** An issued letter's stored PDF, byte for byte (`?inline=1` to open it for printing). */
  @SignedIn()
  @Get('letters/:letterId/pdf')
  async download(
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
    @Res() res: Response,
    @Param('id', uuid) caseId: string,
    @Param('letterId', uuid) letterId: string,
    @Query('inline') inline?: string,
  ): Promise<void> {
    const file = await this.letters.download(user, caseId, letterId);
    sendFile(
      req,
      res,
      { filename: file.filename, contentType: 'application/pdf', body: file.pdf },
      inline === '1' ? 'inline' : 'attachment',
      this.config.authCookieSecure,
    );
  }

  /** The draft as HTML, marked 样稿 (for the frame on the case page). */
  @SignedIn()
  @Get('letter-drafts/:type/html')
  async previewHtml(
    @CurrentUser() user: AuthUser,
    @Res() res: Response,
    @Param('id', uuid) caseId: string,
    @Param('type') type: string,
    @Query() query: FormBody,
  ): Promise<void> {
    const { complete, html } = await this.letters.previewHtml(
      user,
      caseId,
      type,
      await this.draftQuery(query),
    );
    // Without a lawful remedy paragraph the frame shows the pre-issue findings, not a letter.
    res
      .status(complete ? 200 : 409)
      .type('html')
      .setHeader('Content-Security-Policy', PREVIEW_CSP)
      .setHeader('Cache-Control', 'no-store')
      .send(html.replace(/<\/head>/i, `${LETTER_FONT_LINKS}</head>`));
  }

  /** The draft printed as PDF, marked 样稿 and without 文号 (opens in a new tab). */
  @SignedIn()
  @Get('letter-drafts/:type/pdf')
  async previewPdf(
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
    @Res() res: Response,
    @Param('id', uuid) caseId: string,
    @Param('type') type: string,
    @Query() query: FormBody,
  ): Promise<void> {
    const file = await this.letters.previewPdf(user, caseId, type, await this.draftQuery(query));
    sendFile(req, res, { filename: file.filename, contentType: 'application/pdf', body: file.pdf }, 'inline');
  }

  /**
   * htmx: the pre-issue findings of a document for the options as typed — the reply letter for the
   * reply date in the 作出答复 form (`repliedOn`), the 说明理由告知书 for its deadline.
   */
  @SignedIn()
  @Get('letter-drafts/:type/check')
  async check(
    @CurrentUser() user: AuthUser,
    @Res() res: Response,
    @Param('id', uuid) caseId: string,
    @Param('type') type: string,
    @Query() query: FormBody,
  ): Promise<void> {
    const plain = defined({
      date: text(query, 'repliedOn') ?? text(query, 'date'),
      consultationId: text(query, 'consultationId'),
      explanationDeadline: text(query, 'explanationDeadline'),
    });
    const form = await validateForm(LetterDraftQuery, plain);
    const result = await attemptAsked(form, (dto) => this.letters.draft(user, caseId, type, dto));
    return this.pages.fragment(res, 'letter-check', {
      findings: result.ok ? findingsOf(result.value) : null,
      problem: result.ok ? null : result.message,
      fieldErrors: result.ok ? [] : result.errors.map((e) => e.message),
    });
  }

  /** Issue a procedural notice (or the letter of a reply made on the spot): pre-issue check, 文号, PDF. */
  @Roles('clerk', 'handler', 'approver')
  @Post('letters/issue')
  async issue(
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
    @Res() res: Response,
    @Param('id', uuid) caseId: string,
    @Body() body: FormBody,
  ): Promise<void> {
    const plain = defined({
      type: text(body, 'type'),
      consultationId: text(body, 'consultationId'),
      explanationDeadline: text(body, 'explanationDeadline'),
    });
    const form = await validateForm(IssueLetterDto, plain);
    const result = await attemptValid(form, (dto) => this.letters.issue(user, caseId, dto));
    if (!result.ok) {
      const type = text(body, 'type') ?? '';
      return this.casePage.send(
        user,
        req,
        res,
        caseId,
        {
          panel: {
            panel: 'letters',
            form: type,
            values: body,
            errors: errorMap(result.errors),
            problem: result,
          },
        },
        result.status,
      );
    }
    const letter = result.value;
    this.pages.redirect(res, `/case/${caseId}#letters`, {
      kind: 'success',
      messages: [
        `已出具${letter.title}${letter.documentNumber ? `（${letter.documentNumber}）` : ''}，可在“文书”中下载。`,
        ...letter.warnings.map((w) => `${w.message}（${w.article}）`),
      ],
    });
  }

  /**
   * 打印登记回执 in one click: issues the receipt slip if it has not been issued yet, then opens its PDF
   * (the form opens a new tab). Issued once per case; later clicks open the same slip.
   */
  @Roles('clerk', 'handler', 'approver')
  @Post('letters/receipt')
  async receipt(
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
    @Res() res: Response,
    @Param('id', uuid) caseId: string,
  ): Promise<void> {
    const result = await attempt(async () => {
      try {
        return (await this.letters.issue(user, caseId, { type: 'receipt' })).id;
      } catch (error) {
        const existing = error instanceof DomainError ? error.extensions?.letterId : undefined;
        if (
          error instanceof DomainError &&
          error.code === 'LETTER_ALREADY_ISSUED' &&
          typeof existing === 'string'
        )
          return existing;
        throw error;
      }
    });
    if (!result.ok) {
      return this.pages.send(
        req,
        res,
        'error',
        {
          error: {
            title: `不能出具${LETTER_TYPES.receipt.title}`,
            detail: result.message,
            status: result.status,
          },
          back: `/case/${caseId}`,
        },
        { title: '不能出具登记回执', section: '/case-list', status: result.status },
      );
    }
    res.redirect(303, `/case/${caseId}/letters/${result.value}/pdf?inline=1`);
  }

  /** The preview options from a query string, validated like the API's (unknown ones ignored). */
  private async draftQuery(query: FormBody): Promise<LetterDraftQuery> {
    const plain = defined({
      date: text(query, 'date'),
      consultationId: text(query, 'consultationId'),
      explanationDeadline: text(query, 'explanationDeadline'),
    });
    const form = await validateForm(LetterDraftQuery, plain);
    if (!form.ok) throw DomainError.validation(form.errors);
    return form.dto;
  }
}
