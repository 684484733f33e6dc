import { Body, Controller, Get, Header, Param, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles, SignedIn } from '../auth/access-policy.decorators.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { CaseLettersService, type LetterFile } from './case-letters.service.js';
import { IssueLetterDto, LetterDraftQuery, SupersedeLetterDto } from './dto/issue-letter.dto.js';
import { IssuedLetterDetailDto, IssuedLetterDto, LetterDraftDto } from './dto/issued-letter.dto.js';
import { ParseIdPipe } from '../common/validation/parse-id.pipe.js';

const id = new ParseIdPipe();

// A preview is our own escaped HTML: no script, nothing loaded but inline styles and an embedded seal.
const PREVIEW_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src 'self'";

/** RFC 6266: an ASCII fallback name and the real (Chinese) name in UTF-8. */
function send(res: Response, file: LetterFile, fallback: string): StreamableFile {
  if (file.sha256) res.setHeader('ETag', `"${file.sha256}"`);
  return new StreamableFile(file.pdf, {
    type: 'application/pdf',
    length: file.pdf.length,
    disposition: `${file.disposition}; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
  });
}

/**
 * A case's letters: previews of any document type (HTML, PDF, and the pre-issue check), issuing,
 * the issued letters and their stored PDFs, and corrections. The reply letter is issued with the
 * reply itself (POST /cases/:id/reply).
 */
@ApiTags('letters')
@Controller('cases/:id')
export class CaseLettersController {
  constructor(private readonly letters: CaseLettersService) {}

  @Get('letters')
  @SignedIn()
  @ApiOperation({
    summary: 'The letters issued for the case, corrections included (current = not superseded)',
  })
  @ApiOkResponse({ type: IssuedLetterDto, isArray: true })
  list(@CurrentUser() user: AuthUser, @Param('id', id) caseId: string): Promise<IssuedLetterDto[]> {
    return this.letters.list(user, caseId);
  }

  @Post('letters')
  @Roles('clerk', 'handler', 'approver')
  @ApiOperation({
    summary: 'Issue a letter: pre-issue check (409 with findings), 文号, PDF stored with its SHA-256',
  })
  @ApiOkResponse({ type: IssuedLetterDetailDto })
  issue(
    @CurrentUser() user: AuthUser,
    @Param('id', id) caseId: string,
    @Body() dto: IssueLetterDto,
  ): Promise<IssuedLetterDetailDto> {
    return this.letters.issue(user, caseId, dto);
  }

  @Get('letters/:letterId')
  @SignedIn()
  @ApiOkResponse({ type: IssuedLetterDetailDto })
  get(
    @CurrentUser() user: AuthUser,
    @Param('id', id) caseId: string,
    @Param('letterId', id) letterId: string,
  ): Promise<IssuedLetterDetailDto> {
    return this.letters.get(user, caseId, letterId);
  }

  @Get('letters/:letterId/pdf')
  @SignedIn()
  @ApiOperation({ summary: 'The stored PDF, exactly as issued (ETag: its SHA-256)' })
  @ApiProduces('application/pdf')
  async download(
    @CurrentUser() user: AuthUser,
    @Param('id', id) caseId: string,
    @Param('letterId', id) letterId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return send(res, await this.letters.download(user, caseId, letterId), `letter-${letterId}.pdf`);
  }

  @Post('letters/:letterId/corrections')
  @Roles('clerk', 'handler', 'approver')
  @ApiOperation({ summary: 'Correct an issued letter: a new letter with its own 文号 supersedes it' })
  @ApiOkResponse({ type: IssuedLetterDetailDto })
  supersede(
    @CurrentUser() user: AuthUser,
    @Param('id', id) caseId: string,
    @Param('letterId', id) letterId: string,
    @Body() dto: SupersedeLetterDto,
  ): Promise<IssuedLetterDetailDto> {
    return this.letters.supersede(user, caseId, letterId, dto);
  }

  @Get('letter-drafts/:type')
  @SignedIn()
  @ApiParam({ name: 'type', description: 'A letter type, or `reply` for the letter of the case’s outcome' })
  @ApiOperation({ summary: 'What issuing the letter now would print, and the pre-issue findings' })
  @ApiOkResponse({ type: LetterDraftDto })
  draft(
    @CurrentUser() user: AuthUser,
    @Param('id', id) caseId: string,
    @Param('type') type: string,
    @Query() query: LetterDraftQuery,
  ): Promise<LetterDraftDto> {
    return this.letters.draft(user, caseId, type, query);
  }

  @Get('letter-drafts/:type/html')
  @SignedIn()
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Content-Security-Policy', PREVIEW_CSP)
  @ApiParam({ name: 'type', description: 'A letter type, or `reply`' })
  @ApiOperation({
    summary:
      'Preview as HTML (marked 样稿, no 文号); 409 with a page of the pre-issue findings instead when ' +
      'the agency’s remedy profile gives no lawful remedy paragraph',
  })
  @ApiProduces('text/html')
  async previewHtml(
    @CurrentUser() user: AuthUser,
    @Param('id', id) caseId: string,
    @Param('type') type: string,
    @Query() query: LetterDraftQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const preview = await this.letters.previewHtml(user, caseId, type, query);
    if (!preview.complete) res.status(409);
    return preview.html;
  }

  @Get('letter-drafts/:type/pdf')
  @SignedIn()
  @ApiParam({ name: 'type', description: 'A letter type, or `reply`' })
  @ApiOperation({
    summary: 'Preview as PDF (marked 样稿, no 文号), e.g. to print the 登记回执 at the counter',
  })
  @ApiProduces('application/pdf')
  async previewPdf(
    @CurrentUser() user: AuthUser,
    @Param('id', id) caseId: string,
    @Param('type') type: string,
    @Query() query: LetterDraftQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return send(res, await this.letters.previewPdf(user, caseId, type, query), `draft-${type}.pdf`);
  }
}
