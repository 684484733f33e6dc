import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { IsNull, type EntityManager } from 'typeorm';
import { requiredBodyOf } from '../agencies/agency-nodes.js';
import { Agency } from '../agencies/agency.entity.js';
import { User } from '../auth/user.entity.js';
import { Applicant } from '../cases/applicant.entity.js';
import { CaseConsultation } from '../cases/case-consultation.entity.js';
import type { CaseClockService } from '../cases/case-clock.service.js';
import type { HistoryEvent } from '../cases/case-history.rules.js';
import type { ClockResult } from '../cases/clock.rules.js';
import type { DisclosureCase } from '../cases/disclosure-case.entity.js';
import type { IsoDate } from '../common/clock/dates.js';
import { DomainError } from '../common/errors/domain-error.js';
import {
  checkCaseLetter,
  draftCaseLetter,
  type CaseLetterDraft,
  type CaseLetterFacts,
  type LetterOptions,
} from './case-letter.rules.js';
import { DocumentNumberService } from './document-number.service.js';
import { IssuedLetter } from './issued-letter.entity.js';
import { LetterPrinter } from './letter-printer.js';
import { renderLetterHtml } from './letter-renderer.js';
import type { LetterType } from './letter-view-models.js';
import type { PreIssueResult } from './pre-issue.rules.js';
import { REMEDY_TABLE } from './remedy-table.provider.js';
import type { RemedyTable } from './remedy.rules.js';

/** A case as its letters need it, loaded inside the caller's transaction. */
export interface CaseLetterInput {
  readonly case: DisclosureCase;
  readonly events: readonly HistoryEvent[];
  readonly today: IsoDate;
  /** The statutory clock over a list of events (CaseClockService.computeWith with the agency's calendar). */
  readonly clockOf: (events: readonly HistoryEvent[]) => ClockResult;
  /** 附注's contact when no handler is assigned: whoever issues. */
  readonly fallbackContact: string;
}

/**
 * The input for a case's letters as of `today`: its events and its clock on the agency's calendar
 * (the same computation as the case's own clock, CaseClockService).
 */
export async function caseLetterInput(
  clocks: Pick<CaseClockService, 'calendarFor' | 'computeWith'>,
  c: DisclosureCase,
  events: readonly HistoryEvent[],
  today: IsoDate,
  fallbackContact: string,
): Promise<CaseLetterInput> {
  const calendar = await clocks.calendarFor(c.agencyId);
  return {
    case: c,
    events,
    today,
    clockOf: (history) => clocks.computeWith(calendar, history, today),
    fallbackContact,
  };
}

/** What a case's timeline records of an issued letter (a `letter_issued` note, the `issue_reply` event). */
export function letterTimelineFacts(letter: IssuedLetter): Record<string, unknown> {
  return {
    letterId: letter.id,
    letterType: letter.letterType,
    title: letter.title,
    documentNumber: letter.documentNumber,
    letterDate: letter.letterDate,
    pdfSha256: letter.pdfSha256,
    supersedesId: letter.supersedesId,
  };
}

export interface LetterIssuerActor {
  readonly id: string;
  readonly name: string;
}

export interface PreparedLetter {
  readonly facts: CaseLetterFacts;
  readonly draft: CaseLetterDraft;
  readonly check: PreIssueResult;
}

/**
 * Binds the letter machinery to a case: loads the facts, drafts the view model (case-letter.rules.ts),
 * runs the pre-issue check, and issues — 文号 assigned, HTML rendered, PDF printed and stored with its
 * SHA-256 — all inside the caller's transaction, so that a refused or failed issue leaves nothing
 * behind and gives its number back.
 */
@Injectable()
export class LetterIssuer {
  constructor(
    private readonly numbers: DocumentNumberService,
    private readonly printer: LetterPrinter,
    @Inject(REMEDY_TABLE) private readonly remedyTable: RemedyTable,
  ) {}

  async facts(manager: EntityManager, input: CaseLetterInput): Promise<CaseLetterFacts> {
    const c = input.case;
    // One after the other: inside the issuing transaction the manager has a single connection.
    const agency = await manager.findOneByOrFail(Agency, { id: c.agencyId });
    const applicant = await manager.findOneByOrFail(Applicant, { id: c.applicantId });
    const handler = c.handlerId ? await manager.findOneBy(User, { id: c.handlerId }) : null;
    const consultations = await manager.find(CaseConsultation, {
      where: { caseId: c.id },
      order: { dispatchedOn: 'ASC' },
    });
    const letters = await this.currentLetters(manager, c.id);
    // 复议法 Art. 24: the body the law names for the agency now, against which its stored profile is
    // checked (a profile saved before that check, or left behind by a change of type, is refused).
    const requiredBody = await requiredBodyOf(manager, agency);
    // Art. 35: the applicant's applications to this agency since the first of the month of receipt.
    const [{ n }] = (await manager.query(
      `SELECT count(*)::int AS n FROM disclosure_case WHERE applicant_id = $1 AND received_on >= $2::date`,
      [c.applicantId, `${c.receivedOn.slice(0, 7)}-01`],
    )) as Array<{ n: number }>;
    return {
      today: input.today,
      case: {
        caseNumber: c.caseNumber,
        status: c.status,
        receivedOn: c.receivedOn,
        channel: c.channel,
        informationSought: c.informationSought,
        requestedForm: c.requestedForm,
        deliveryMethod: c.deliveryMethod,
        outcome: c.outcome,
        outcomeDetail: c.outcomeDetail,
        repliedOn: c.repliedOn,
      },
      applicant: { name: applicant.name, type: applicant.type },
      agency: {
        name: agency.name,
        officeAddress: agency.officeAddress,
        officePostcode: agency.officePostcode,
        officePhone: agency.officePhone,
        officeHours: agency.officeHours,
        website: agency.website,
        reconsiderationBodyName: agency.reconsiderationBodyName,
        reconsiderationBodyAddress: agency.reconsiderationBodyAddress,
        courtName: agency.courtName,
        requiredReconsiderationBody: requiredBody,
      },
      contactPerson: handler?.displayName ?? input.fallbackContact,
      events: input.events,
      consultations: consultations.map((k) => ({
        id: k.id,
        kind: k.kind,
        partyName: k.partyName,
        matter: k.matter,
        dispatchedOn: k.dispatchedOn,
      })),
      letters: letters.map((l) => ({
        type: l.letterType,
        subject: l.subject,
        documentNumber: l.documentNumber,
        letterDate: l.letterDate,
        viewModel: l.viewModel,
      })),
      applicationsSinceMonthStart: n,
      remedyTable: this.remedyTable,
      clockOf: input.clockOf,
    };
  }

  /** The draft and its pre-issue check (the 文号 is not assigned yet). */
  async prepare(
    manager: EntityManager,
    input: CaseLetterInput,
    type: LetterType,
    options: LetterOptions = {},
  ): Promise<PreparedLetter> {
    const facts = await this.facts(manager, input);
    const draft = draftCaseLetter(facts, type, options);
    return { facts, draft, check: checkCaseLetter(draft, facts.agency) };
  }

  /** The letter as HTML (CSS inlined): what is stored, previewed and printed. */
  render(draft: CaseLetterDraft): string {
    return renderLetterHtml(draft.type, draft.viewModel);
  }

  print(html: string): Promise<Buffer> {
    return this.printer.print(html);
  }

  /**
   * Issues a letter inside the caller's transaction (the caller holds the case row's lock): checks,
   * numbers, renders, prints and stores it. Refuses (409) a letter with pre-issue errors, naming
   * each finding's article, and a second original of the same document of the case.
   */
  async issue(
    manager: EntityManager,
    input: CaseLetterInput,
    type: LetterType,
    options: LetterOptions,
    issuer: LetterIssuerActor,
    correction?: { readonly supersedes: IssuedLetter; readonly reason: string },
  ): Promise<IssuedLetter> {
    const { facts, draft, check } = await this.prepare(manager, input, type, options);
    refuseOnErrors(draft, check);
    if (!correction) {
      const original = await manager.findOne(IssuedLetter, {
        select: { id: true, documentNumber: true },
        where: { caseId: input.case.id, letterType: type, subject: draft.subject, supersedesId: IsNull() },
      });
      if (original) {
        throw new DomainError(
          'LETTER_ALREADY_ISSUED',
          `本案已出具${draft.title}${original.documentNumber ? `（${original.documentNumber}）` : ''}；如需更正，请出具更正后的文书。`,
          { extensions: { letterId: original.id } },
        );
      }
    }
    // The number is taken last and inside this transaction: a refusal or a failed print gives it back.
    const year = Number(draft.viewModel.date.slice(0, 4));
    const number = draft.series
      ? await this.numbers.assign(manager, input.case.agencyId, draft.series, year)
      : null;
    const numbered = {
      ...draft,
      viewModel: { ...draft.viewModel, documentNumber: number?.documentNumber ?? null },
    } as CaseLetterDraft;
    const final = checkCaseLetter(numbered, facts.agency);
    refuseOnErrors(numbered, final);
    const html = this.render(numbered);
    const pdf = await this.print(html);
    const letter = manager.create(IssuedLetter, {
      caseId: input.case.id,
      agencyId: input.case.agencyId,
      letterType: type,
      subject: draft.subject,
      title: draft.title,
      series: draft.series,
      year: number ? number.year : null,
      sequence: number ? number.sequence : null,
      documentNumber: number?.documentNumber ?? null,
      letterDate: draft.viewModel.date,
      options: cleanOptions(options),
      viewModel: numbered.viewModel as unknown as Record<string, unknown>,
      html,
      pdf,
      pdfSha256: createHash('sha256').update(pdf).digest('hex'),
      warnings: [...final.warnings],
      issuedAt: new Date(),
      issuedBy: issuer.id,
      issuedByName: issuer.name,
      supersedesId: correction?.supersedes.id ?? null,
      correctionReason: correction?.reason ?? '',
    });
    // A new row (no id yet): save() inserts; the trigger would refuse any later change.
    return manager.save(letter);
  }

  /** The case's letters that stand (not superseded), without their bytes. */
  private currentLetters(manager: EntityManager, caseId: string): Promise<IssuedLetter[]> {
    return manager
      .createQueryBuilder(IssuedLetter, 'l')
      .select(['l.id', 'l.letterType', 'l.subject', 'l.documentNumber', 'l.letterDate', 'l.viewModel'])
      .where('l.caseId = :caseId', { caseId })
      .andWhere('NOT EXISTS (SELECT 1 FROM issued_letter s WHERE s.supersedes_id = l.id)')
      .orderBy('l.issuedAt', 'ASC')
      .getMany();
  }
}

function refuseOnErrors(draft: CaseLetterDraft, check: PreIssueResult): void {
  if (check.ok) return;
  const findings = check.errors.map((f) => `${f.message}（${f.article}）`).join('；');
  throw new DomainError('LETTER_PRE_ISSUE_FAILED', `${draft.title}不能出具：${findings}`, {
    extensions: { letterType: draft.type, findings: check.errors, warnings: check.warnings },
  });
}

function cleanOptions(options: LetterOptions): LetterOptions {
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as LetterOptions;
}
