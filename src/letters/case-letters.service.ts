import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AgencyScope, findInScopeOrFail } from '../auth/agency-scope.js';
import type { AuthUser } from '../auth/auth-user.js';
import { actorsFor } from '../cases/case-actors.js';
import { CaseClockService } from '../cases/case-clock.service.js';
import { CaseTimelineService } from '../cases/case-timeline.service.js';
import { DisclosureCase } from '../cases/disclosure-case.entity.js';
import { DomainError } from '../common/errors/domain-error.js';
import { isReplyLetter, type LetterOptions } from './case-letter.rules.js';
import type { IssueLetterDto, LetterDraftQuery, SupersedeLetterDto } from './dto/issue-letter.dto.js';
import type { IssuedLetterDetailDto, IssuedLetterDto, LetterDraftDto } from './dto/issued-letter.dto.js';
import { IssuedLetter } from './issued-letter.entity.js';
import {
  caseLetterInput,
  LetterIssuer,
  letterTimelineFacts,
  type CaseLetterInput,
  type PreparedLetter,
} from './letter-issuer.service.js';
import { markAsDraft, renderPreviewRefusal } from './letter-renderer.js';
import { LETTER_TYPE_CODES, OUTCOME_LETTERS } from './letter-types.js';
import type { LetterType } from './letter-view-models.js';
import { remedyErrors, type PreIssueResult } from './pre-issue.rules.js';

/** A PDF to send: the bytes, the name to save it under, and how to show it. */
export interface LetterFile {
  readonly pdf: Buffer;
  readonly filename: string;
  readonly sha256: string | null;
  readonly disposition: 'attachment' | 'inline';
}

/** An HTML preview: the letter marked 样稿, or (`complete: false`) the findings that stop it. */
export interface LetterPreview {
  readonly complete: boolean;
  readonly html: string;
}

/** A PDF preview is refused, like the HTML one, when the remedy paragraph could not be written. */
function refuseWithoutRemedy(title: string, type: LetterType, check: PreIssueResult): void {
  const missing = remedyErrors(check);
  if (missing.length === 0) return;
  throw new DomainError(
    'LETTER_REMEDY_PROFILE_INVALID',
    `${title}无法生成救济途径告知：${missing.map((f) => `${f.message}（${f.article}）`).join('；')}`,
    { extensions: { letterType: type, findings: check.errors } },
  );
}

/** `reply` stands for the letter of the case's outcome (OUTCOME_LETTERS). */
export const REPLY_ALIAS = 'reply';

/**
 * The letters of a case over HTTP: list, read, download, preview (HTML, PDF, and the pre-issue
 * check), issue and correct. Reads are open to the case's agency and to supervisors and admins; only
 * the agency's own clerk, approver or the case's handler issues. The reply letter itself is issued
 * by CasesService.issueReply with the reply.
 */
@Injectable()
export class CaseLettersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clocks: CaseClockService,
    private readonly timeline: CaseTimelineService,
    private readonly issuer: LetterIssuer,
  ) {}

  list(user: AuthUser, caseId: string): Promise<IssuedLetterDto[]> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const c = await this.readable(manager, user, caseId);
      return (await this.load(manager, c.id)).map(({ dto }) => dto);
    });
  }

  get(user: AuthUser, caseId: string, letterId: string): Promise<IssuedLetterDetailDto> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const c = await this.readable(manager, user, caseId);
      const [found] = await this.load(manager, c.id, letterId);
      if (!found) throw DomainError.notFound('文书');
      return { ...found.dto, viewModel: found.letter.viewModel };
    });
  }

  async download(user: AuthUser, caseId: string, letterId: string): Promise<LetterFile> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const c = await this.readable(manager, user, caseId);
      const letter = await manager.findOne(IssuedLetter, {
        select: { id: true, pdf: true, pdfSha256: true, title: true, documentNumber: true },
        where: { id: letterId, caseId: c.id },
      });
      if (!letter) throw DomainError.notFound('文书');
      return {
        pdf: letter.pdf,
        filename: `${letter.documentNumber ?? `申请编号${c.caseNumber}`} ${letter.title}.pdf`,
        sha256: letter.pdfSha256,
        disposition: 'attachment',
      };
    });
  }

  /** The draft's view model and pre-issue findings: what issuing it now would print, or why not. */
  async draft(
    user: AuthUser,
    caseId: string,
    type: string,
    query: LetterDraftQuery,
  ): Promise<LetterDraftDto> {
    const { draft, check } = await this.prepare(user, caseId, type, query);
    return {
      type: draft.type,
      title: draft.title,
      series: draft.series,
      subject: draft.subject,
      viewModel: draft.viewModel as unknown as Record<string, unknown>,
      ok: check.ok,
      errors: [...check.errors],
      warnings: [...check.warnings],
    };
  }

  /**
   * The draft as HTML marked 样稿 — or, when the agency's remedy profile gives it no lawful remedy
   * paragraph, the pre-issue check's findings instead (`complete: false`): a preview must never look
   * like a finished letter without its remedy paragraph (复议法 Art. 20 para 3, 23 para 2).
   */
  async previewHtml(
    user: AuthUser,
    caseId: string,
    type: string,
    query: LetterDraftQuery,
  ): Promise<LetterPreview> {
    const { draft, check } = await this.prepare(user, caseId, type, query);
    if (remedyErrors(check).length > 0) {
      return { complete: false, html: renderPreviewRefusal(draft.title, check.errors) };
    }
    return { complete: true, html: markAsDraft(this.issuer.render(draft)) };
  }

  async previewPdf(
    user: AuthUser,
    caseId: string,
    type: string,
    query: LetterDraftQuery,
  ): Promise<LetterFile> {
    const { draft, facts, check } = await this.prepare(user, caseId, type, query);
    refuseWithoutRemedy(draft.title, draft.type, check);
    // Printed after the read transaction: no connection is held while Chromium works.
    const pdf = await this.issuer.print(markAsDraft(this.issuer.render(draft)));
    return {
      pdf,
      filename: `样稿 申请编号${facts.case.caseNumber} ${draft.title}.pdf`,
      sha256: null,
      disposition: 'inline',
    };
  }

  issue(user: AuthUser, caseId: string, dto: IssueLetterDto): Promise<IssuedLetterDetailDto> {
    return this.dataSource.transaction(async (manager) => {
      const c = await this.actionable(manager, user, caseId);
      const role = this.issuingRole(user, c);
      // The reply is made with its letter (CasesService.issueReply); only a reply made without one
      // (当场答复 at registration) gets its letter here, dated the day of the reply.
      if (isReplyLetter(dto.type) && !c.repliedOn) {
        throw new DomainError(
          'LETTER_REPLY_WITH_CASE_STEP',
          '答复书在“作出答复”时一并出具（POST /api/v1/cases/:id/reply），不能单独出具；出具前可以预览。',
        );
      }
      const input = await this.inputFor(manager, c, user);
      const letter = await this.issuer.issue(manager, input, dto.type, choices(dto), {
        id: user.id,
        name: user.displayName,
      });
      await this.note(manager, c, letter, user, role);
      return this.detail(manager, c.id, letter.id);
    });
  }

  /** A correction: a new letter, with its own 文号, that supersedes the old one (which stays as it was). */
  supersede(
    user: AuthUser,
    caseId: string,
    letterId: string,
    dto: SupersedeLetterDto,
  ): Promise<IssuedLetterDetailDto> {
    return this.dataSource.transaction(async (manager) => {
      const c = await this.actionable(manager, user, caseId);
      const role = this.issuingRole(user, c);
      const old = await manager.findOne(IssuedLetter, {
        select: { id: true, letterType: true, series: true, options: true, documentNumber: true },
        where: { id: letterId, caseId: c.id },
      });
      if (!old) throw DomainError.notFound('文书');
      const correction = await manager.findOne(IssuedLetter, {
        select: { id: true, documentNumber: true },
        where: { supersedesId: old.id },
      });
      if (correction) {
        throw new DomainError(
          'LETTER_ALREADY_SUPERSEDED',
          `该文书已被更正${correction.documentNumber ? `（${correction.documentNumber}）` : ''}，请更正最新的文书。`,
          { extensions: { supersededById: correction.id } },
        );
      }
      // Art. 45 (审核): a reply is a decision; correcting it is for the head of the disclosure office.
      if (old.series === 'reply' && role !== 'approver') {
        throw new DomainError('LETTER_ROLE_NOT_ALLOWED', '答复类文书的更正须由审核人出具。');
      }
      const input = await this.inputFor(manager, c, user);
      const options: LetterOptions = {
        ...old.options,
        ...choices(dto),
        // A corrected reply is a new act of today; procedural notices keep the date their step records.
        ...(isReplyLetter(old.letterType) ? { replyDate: input.today } : {}),
      };
      const letter = await this.issuer.issue(
        manager,
        input,
        old.letterType,
        options,
        { id: user.id, name: user.displayName },
        { supersedes: old, reason: dto.reason.trim() },
      );
      await this.note(manager, c, letter, user, role);
      return this.detail(manager, c.id, letter.id);
    });
  }

  // ───────────────────────────── internals ─────────────────────────────

  private async prepare(
    user: AuthUser,
    caseId: string,
    typeParam: string,
    query: LetterDraftQuery,
  ): Promise<PreparedLetter> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const c = await this.readable(manager, user, caseId);
      const type = resolveType(typeParam, c);
      if (query.date && !isReplyLetter(type)) {
        throw DomainError.validation([{ field: 'date', message: '只有答复书可以指定答复日期' }]);
      }
      const input = await this.inputFor(manager, c, user);
      return this.issuer.prepare(manager, input, type, {
        ...choices(query),
        ...(query.date ? { replyDate: query.date } : {}),
      });
    });
  }

  private readable(manager: EntityManager, user: AuthUser, caseId: string): Promise<DisclosureCase> {
    return findInScopeOrFail(manager, DisclosureCase, caseId, AgencyScope.readableBy(user), { what: '申请' });
  }

  /** Issuing is acting for the agency: only its own people, the case row locked until commit. */
  private actionable(manager: EntityManager, user: AuthUser, caseId: string): Promise<DisclosureCase> {
    return findInScopeOrFail(manager, DisclosureCase, caseId, AgencyScope.ownOf(user), {
      what: '申请',
      lock: 'pessimistic_write',
    });
  }

  /** The role the user issues in: the agency's clerk or approver, or the case's own handler. */
  private issuingRole(user: AuthUser, c: DisclosureCase): string {
    const actors = actorsFor(user, c);
    if (actors.length === 0) {
      throw new DomainError(
        'LETTER_ROLE_NOT_ALLOWED',
        '只有本案承办人、本机关登记员或审核人可以出具本案的文书。',
      );
    }
    return actors.includes('approver') ? 'approver' : actors[0];
  }

  private async inputFor(
    manager: EntityManager,
    c: DisclosureCase,
    user: AuthUser,
  ): Promise<CaseLetterInput> {
    const events = await this.clocks.eventsOf(manager, c.id);
    return caseLetterInput(this.clocks, c, events, this.clocks.today(), user.displayName);
  }

  private async note(
    manager: EntityManager,
    c: DisclosureCase,
    letter: IssuedLetter,
    user: AuthUser,
    role: string,
  ): Promise<void> {
    await this.timeline.note(manager, c.id, {
      note: 'letter_issued',
      data: letterTimelineFacts(letter),
      reason: letter.correctionReason,
      actor: { id: user.id, name: user.displayName, role },
    });
  }

  private async detail(
    manager: EntityManager,
    caseId: string,
    letterId: string,
  ): Promise<IssuedLetterDetailDto> {
    const [found] = await this.load(manager, caseId, letterId);
    return { ...found.dto, viewModel: found.letter.viewModel };
  }

  /** A case's letters (or one of them) without their bytes, with their size and supersession. */
  private async load(
    manager: EntityManager,
    caseId: string,
    letterId?: string,
  ): Promise<Array<{ letter: IssuedLetter; dto: IssuedLetterDto }>> {
    const qb = manager
      .createQueryBuilder(IssuedLetter, 'l')
      .select([
        'l.id',
        'l.caseId',
        'l.letterType',
        'l.subject',
        'l.title',
        'l.series',
        'l.documentNumber',
        'l.letterDate',
        'l.viewModel',
        'l.pdfSha256',
        'l.warnings',
        'l.issuedAt',
        'l.issuedBy',
        'l.issuedByName',
        'l.supersedesId',
        'l.correctionReason',
      ])
      .addSelect('octet_length(l.pdf)', 'pdf_bytes')
      .addSelect('(SELECT s.id FROM issued_letter s WHERE s.supersedes_id = l.id)', 'superseded_by_id')
      .where('l.caseId = :caseId', { caseId })
      .orderBy('l.issuedAt', 'ASC')
      .addOrderBy('l.id', 'ASC');
    if (letterId) qb.andWhere('l.id = :letterId', { letterId });
    const { entities, raw } = await qb.getRawAndEntities();
    const extra = new Map(
      (raw as Array<{ l_id: string; pdf_bytes: number; superseded_by_id: string | null }>).map((r) => [
        r.l_id,
        r,
      ]),
    );
    return entities.map((letter) => {
      const row = extra.get(letter.id);
      const supersededById = row?.superseded_by_id ?? null;
      return {
        letter,
        dto: {
          id: letter.id,
          caseId: letter.caseId,
          type: letter.letterType,
          title: letter.title,
          series: letter.series,
          documentNumber: letter.documentNumber,
          letterDate: letter.letterDate,
          subject: letter.subject,
          pdfSha256: letter.pdfSha256,
          pdfBytes: Number(row?.pdf_bytes ?? 0),
          issuedAt: letter.issuedAt.toISOString(),
          issuedById: letter.issuedBy,
          issuedByName: letter.issuedByName,
          supersedesId: letter.supersedesId,
          supersededById,
          current: supersededById === null,
          correctionReason: letter.correctionReason,
          warnings: letter.warnings,
          pdfUrl: `/api/v1/cases/${letter.caseId}/letters/${letter.id}/pdf`,
        },
      };
    });
  }
}

function resolveType(param: string, c: DisclosureCase): LetterType {
  if (param === REPLY_ALIAS) {
    if (!c.outcome)
      throw new DomainError('LETTER_NOT_APPLICABLE', '本案尚未拟定答复结果，没有可预览的答复书。');
    return OUTCOME_LETTERS[c.outcome];
  }
  if (!(LETTER_TYPE_CODES as string[]).includes(param)) {
    throw new DomainError('LETTER_TYPE_UNKNOWN', `没有这种文书：${param}`, {
      extensions: { letterTypes: [REPLY_ALIAS, ...LETTER_TYPE_CODES] },
    });
  }
  return param as LetterType;
}

/** The issuer's choices that were given (an absent one never overrides an earlier choice). */
function choices(dto: { consultationId?: string; explanationDeadline?: string }): LetterOptions {
  return {
    ...(dto.consultationId ? { consultationId: dto.consultationId } : {}),
    ...(dto.explanationDeadline ? { explanationDeadline: dto.explanationDeadline } : {}),
  };
}
