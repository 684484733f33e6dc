import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Agency } from '../agencies/agency.entity.js';
import type { AuthUser } from '../auth/auth-user.js';
import { User } from '../auth/user.entity.js';
import type { IsoDate } from '../common/clock/dates.js';
import { maskIdNumber } from '../common/privacy/mask.js';
import { APPLICANT_TYPE_LABELS } from './applicant-type.js';
import { Applicant } from './applicant.entity.js';
import { CaseConsultation } from './case-consultation.entity.js';
import { CASE_STATUS_LABELS, isOpen } from './case-status.js';
import { allowedActionsFor, transitionContextOf } from './case.workflow.js';
import type { ClockResult } from './clock.rules.js';
import type { DisclosureCase } from './disclosure-case.entity.js';
import type {
  ApplicantResponse,
  CaseDetailResponse,
  CaseSummaryResponse,
  DueFlag,
} from './dto/case-response.dto.js';
import { OUTCOMES } from './outcome.js';
import { actorsFor } from './case-actors.js';

/** Working days left at which a case counts as "due soon" in lists and dashboards. */
export const DUE_SOON_WORKING_DAYS = 3;

export function dueFlagOf(
  c: Pick<DisclosureCase, 'status' | 'clockState' | 'dueOn'>,
  remaining: number | null,
  today: IsoDate,
): DueFlag {
  if (!isOpen(c.status)) return 'closed';
  if (c.clockState === 'awaiting_correction') return 'awaiting_correction';
  if (c.dueOn && today > c.dueOn) return 'overdue';
  if (c.clockState === 'paused') return 'paused';
  if (remaining !== null && remaining <= DUE_SOON_WORKING_DAYS) return 'due_soon';
  return 'on_track';
}

/** Full ID numbers only for the agency's own case workers; masked for everyone else and in lists. */
export function maySeeFullIdNumbers(user: AuthUser, agencyId: string): boolean {
  return (
    user.agencyId === agencyId && user.roles.some((r) => r === 'clerk' || r === 'handler' || r === 'approver')
  );
}

/** Entities never leave the service: this turns them into responses. */
@Injectable()
export class CaseMapper {
  async detail(
    manager: EntityManager,
    c: DisclosureCase,
    user: AuthUser,
    extra: {
      clock: ClockResult;
      notices: string[];
      /** What the caller already holds (registration just wrote them): not read again. */
      known?: { applicant?: Applicant; handler?: User | null; consultations?: CaseConsultation[] };
    },
  ): Promise<CaseDetailResponse> {
    // Sequential: the manager of a transaction has one connection.
    const agency = await manager.findOneByOrFail(Agency, { id: c.agencyId });
    const applicant =
      extra.known?.applicant ?? (await manager.findOneByOrFail(Applicant, { id: c.applicantId }));
    const handler =
      extra.known?.handler !== undefined
        ? extra.known.handler
        : c.handlerId
          ? await manager.findOneBy(User, { id: c.handlerId })
          : null;
    const consultations =
      extra.known?.consultations ??
      (await manager.find(CaseConsultation, { where: { caseId: c.id }, order: { dispatchedOn: 'ASC' } }));
    const full = maySeeFullIdNumbers(user, c.agencyId);
    const remaining = extra.clock.remainingWorkingDays;
    return {
      ...summaryOf(c, {
        agencyName: agency.name,
        applicantName: applicant.name,
        applicantType: applicant.type,
        applicantIdNumber: maskIdNumber(applicant.idNumber) ?? '',
        handlerName: handler?.displayName ?? null,
        remaining,
        dueFlag: dueFlagFromClock(c, extra.clock),
      }),
      applicant: applicantOf(applicant, full),
      receiptEvidence: c.receiptEvidence,
      informationSought: c.informationSought,
      informationReference: c.informationReference,
      requestedForm: c.requestedForm,
      deliveryMethod: c.deliveryMethod,
      deliveryAddress: c.deliveryAddress,
      warnings: c.warnings,
      clock: extra.clock,
      consultations: consultations.map((k) => ({
        id: k.id,
        kind: k.kind,
        partyName: k.partyName,
        partyContact: k.partyContact,
        matter: k.matter,
        dispatchedOn: k.dispatchedOn,
        partyReceivedOn: k.partyReceivedOn,
        periodEndsOn: k.periodEndsOn,
        repliedOn: k.repliedOn,
        result: k.result,
        replySummary: k.replySummary,
      })),
      extension: c.extension,
      outcomeDetail: c.outcomeDetail,
      repliedOn: c.repliedOn,
      servedOn: c.servedOn,
      servedMeans: c.servedMeans,
      servedProof: c.servedProof,
      allowedActions: allowedActionsFor(c.status, actorsFor(user, c), transitionContextOf(c)),
      notices: extra.notices,
    };
  }
}

function dueFlagFromClock(c: DisclosureCase, clock: ClockResult): DueFlag {
  if (!isOpen(c.status)) return 'closed';
  if (clock.state === 'awaiting_correction') return 'awaiting_correction';
  if (clock.overdue) return 'overdue';
  if (clock.state === 'paused') return 'paused';
  if (clock.remainingWorkingDays !== null && clock.remainingWorkingDays <= DUE_SOON_WORKING_DAYS)
    return 'due_soon';
  return 'on_track';
}

export function summaryOf(
  c: DisclosureCase,
  extra: {
    agencyName: string;
    applicantName: string;
    applicantType: Applicant['type'];
    applicantIdNumber: string;
    handlerName: string | null;
    remaining: number | null;
    dueFlag: DueFlag;
  },
): CaseSummaryResponse {
  return {
    id: c.id,
    caseNumber: c.caseNumber,
    agencyId: c.agencyId,
    agencyName: extra.agencyName,
    applicantName: extra.applicantName,
    applicantType: extra.applicantType,
    applicantIdNumber: extra.applicantIdNumber,
    informationSought: c.informationSought,
    channel: c.channel,
    receivedOn: c.receivedOn,
    status: c.status,
    statusLabel: CASE_STATUS_LABELS[c.status],
    handlerId: c.handlerId,
    handlerName: extra.handlerName,
    dueOn: c.dueOn,
    remainingWorkingDays: isOpen(c.status) ? extra.remaining : null,
    dueFlag: extra.dueFlag,
    clockProvisional: c.clockProvisional,
    outcome: c.outcome,
    outcomeLabel: c.outcome ? OUTCOMES[c.outcome].label : null,
    closedOn: c.closedOn,
    closedLate: c.closedLate,
    version: c.version,
  };
}

function applicantOf(a: Applicant, full: boolean): ApplicantResponse {
  const id = (value: string) => (full ? value : (maskIdNumber(value) ?? ''));
  return {
    id: a.id,
    type: a.type,
    typeLabel: APPLICANT_TYPE_LABELS[a.type],
    name: a.name,
    idType: a.idType,
    idNumber: id(a.idNumber),
    phone: a.phone,
    email: a.email,
    address: a.address,
    postcode: a.postcode,
    agent: a.agent ? { ...a.agent, idNumber: id(a.agent.idNumber) } : null,
    needsAssistance: a.needsAssistance,
    assistanceNote: a.assistanceNote,
  };
}
