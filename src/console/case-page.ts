import { Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { AuthUser } from '../auth/auth-user.js';
import { UsersService } from '../auth/users.service.js';
import { actorsFor } from '../cases/case-actors.js';
import { CaseQueriesService } from '../cases/case-queries.service.js';
import type { CaseDetailResponse, CaseEventResponse } from '../cases/dto/case-response.dto.js';
import { Clock } from '../common/clock/clock.js';
import { DomainError } from '../common/errors/domain-error.js';
import { CaseLettersService } from '../letters/case-letters.service.js';
import type { LetterDraftDto } from '../letters/dto/issued-letter.dto.js';
import { LETTER_TYPES } from '../letters/letter-types.js';
import { RemedyRecordsService } from '../supervision/remedy-records.service.js';
import {
  REMEDY_KIND_LABELS,
  REMEDY_KINDS,
  REMEDY_RESULT_LABELS,
  REMEDY_RESULTS,
} from '../supervision/remedy.js';
import {
  draftView,
  findingsOf,
  letterCandidates,
  replyLetterOf,
  type DraftView,
} from './case-letters.view.js';
import { caseView, type ActionState } from './case-view.js';
import { outcomeFormChoices, registrationChoices } from './console-choices.js';
import { chineseDate } from './console-format.js';
import type { FormProblem } from './console-outcome.js';
import { ConsolePages } from './console-pages.js';
import type { FormBody } from './forms/form-values.js';

/** A refused form of the letters or remedies panels, shown again with what was typed. */
export interface PanelState {
  readonly panel: 'letters' | 'remedy';
  /** Which form: a letter type, `new` or a remedy record's id. */
  readonly form: string;
  readonly values: FormBody;
  readonly errors: Record<string, string>;
  readonly problem: FormProblem;
}

export interface CasePageState {
  readonly action?: ActionState | null;
  readonly panel?: PanelState | null;
  /** Just registered: the clerk's success card (receipt slip, next registration). */
  readonly registered?: boolean;
}

const LETTER_ERRORS = new Set([
  'LETTER_NOT_APPLICABLE',
  'VALIDATION_FAILED',
  'LETTER_REMEDY_PROFILE_INVALID',
]);

/**
 * The case page: the case, its clock and timeline, a form for each step the transition table allows
 * the user now, its letters (issued ones to download, the documents it has reached with their
 * pre-issue findings, previews) and, once concluded, its 行政复议 / 行政诉讼 records. Shared by the
 * controllers whose forms live on it, so that a refused form comes back on the same page.
 */
@Injectable()
export class ConsoleCasePage {
  constructor(
    private readonly pages: ConsolePages,
    private readonly queries: CaseQueriesService,
    private readonly users: UsersService,
    private readonly letters: CaseLettersService,
    private readonly remedies: RemedyRecordsService,
    private readonly clock: Clock,
  ) {}

  async send(
    user: AuthUser,
    req: Request,
    res: Response,
    id: string,
    state: CasePageState,
    status = 200,
  ): Promise<void> {
    const [c, events] = await Promise.all([this.queries.get(user, id), this.queries.events(user, id)]);
    const [handlers, letters, remedies] = await Promise.all([
      c.allowedActions.includes('assign')
        ? this.users.list(user, { role: 'handler', active: true, agencyId: c.agencyId })
        : Promise.resolve([]),
      this.lettersPanel(user, c, events),
      // Closed, or overdue (a remedy against 逾期未答复, 条例 Art. 51).
      c.closedOn || c.dueFlag === 'overdue' ? this.remedies.list(user, c.id) : Promise.resolve(null),
    ]);
    const today = this.clock.today();
    const canAct = actorsFor(user, c).length > 0;
    const action = state.action ?? null;
    const view = caseView(c, events, {
      today,
      actionState: action,
      handlers: handlers.map((h) => ({ value: h.id, label: h.displayName })),
      blocked: { issue_reply: letters.reply?.findings?.blocking ?? false },
    });
    const panel = state.panel ?? null;
    return this.pages.send(
      req,
      res,
      'case',
      {
        ...view,
        ...registrationChoices(),
        ...outcomeFormChoices(),
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
        registered: state.registered === true,
        // A refused remedy form on a case that shows no remedy panel (still open): said at the top.
        pageProblem:
          panel?.panel === 'remedy' && !c.closedOn && c.dueFlag !== 'overdue' ? panel.problem : null,
        canAct,
        letters: {
          ...letters,
          canIssue: canAct,
          problem: panel?.panel === 'letters' ? panel : null,
          reasonRequest: {
            ...letters.reasonRequest,
            values: panel?.panel === 'letters' && panel.form === 'reason_request' ? panel.values : {},
          },
        },
        remedies: remedies && {
          records: remedies.map((r) => ({
            ...r,
            open: panel?.panel === 'remedy' && panel.form === r.id,
            values:
              panel?.panel === 'remedy' && panel.form === r.id
                ? panel.values
                : { ...r, decidedOn: r.decidedOn ?? '', version: String(r.version) },
            errors: panel?.panel === 'remedy' && panel.form === r.id ? panel.errors : {},
            problem: panel?.panel === 'remedy' && panel.form === r.id ? panel.problem : null,
          })),
          canRecord: canAct,
          add: {
            open: panel?.panel === 'remedy' && panel.form === 'new',
            values:
              panel?.panel === 'remedy' && panel.form === 'new'
                ? panel.values
                : { kind: 'reconsideration', result: 'pending' },
            errors: panel?.panel === 'remedy' && panel.form === 'new' ? panel.errors : {},
            problem: panel?.panel === 'remedy' && panel.form === 'new' ? panel.problem : null,
          },
          kinds: REMEDY_KINDS.map((value) => ({
            value,
            label: value === 'reconsideration' ? '行政复议' : `行政诉讼（${REMEDY_KIND_LABELS[value]}）`,
          })),
          results: REMEDY_RESULTS.map((value) => ({ value, label: REMEDY_RESULT_LABELS[value] })),
        },
      },
      { title: `案件 ${c.caseNumber}`, section: '/case-list', status },
    );
  }

  /**
   * The letters issued (to download) and the documents the case has reached (previews, pre-issue
   * findings, issue buttons); the reply letter while the reply is drafted and reviewed. Each draft is
   * one read of the letters module; a document the module says the case cannot have is left out.
   */
  private async lettersPanel(user: AuthUser, c: CaseDetailResponse, events: readonly CaseEventResponse[]) {
    const issued = await this.letters.list(user, c.id);
    const candidates = letterCandidates(c, events);
    const drafts = await Promise.all(
      candidates.map((k) =>
        this.draft(user, c.id, k.type, k.consultationId ? { consultationId: k.consultationId } : {}),
      ),
    );
    const documents: DraftView[] = [];
    candidates.forEach((k, i) => {
      const draft = drafts[i];
      if ('draft' in draft) documents.push(draftView(k, draft.draft, issued));
    });
    const replyType = !c.repliedOn ? replyLetterOf(c) : null;
    const reply = replyType ? await this.draft(user, c.id, replyType, {}) : null;
    const receipt = documents.find((d) => d.type === 'receipt') ?? null;
    return {
      issued: issued.map((l) => ({
        ...l,
        pdfHref: `/case/${c.id}/letters/${l.id}/pdf`,
        supersededBy: l.supersededById ? issued.find((s) => s.id === l.supersededById) : null,
      })),
      // Issued ones are listed above with their PDFs; these are the ones still to issue.
      documents: documents.filter((d) => d.type !== 'receipt' && !d.issued),
      receipt,
      // The reply letter as it would be issued today; why not, when the letters module says so.
      reply:
        replyType && reply
          ? {
              type: replyType,
              title: LETTER_TYPES[replyType].title,
              findings: 'draft' in reply ? findingsOf(reply.draft) : null,
              unavailable: 'draft' in reply ? null : reply.unavailable,
            }
          : null,
      // Art. 35: asked while the application is being handled; once per case.
      reasonRequest: {
        available: c.closedOn === null && !issued.some((l) => l.type === 'reason_request' && l.current),
      },
    };
  }

  /** A draft, or why the letters module will not draft it now (not reached, profile incomplete…). */
  private async draft(
    user: AuthUser,
    caseId: string,
    type: string,
    query: { consultationId?: string },
  ): Promise<{ draft: LetterDraftDto } | { unavailable: string }> {
    try {
      return { draft: await this.letters.draft(user, caseId, type, query) };
    } catch (error) {
      if (error instanceof DomainError && LETTER_ERRORS.has(error.code)) return { unavailable: error.detail };
      throw error;
    }
  }
}
