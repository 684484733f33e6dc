import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AgencyScope, findInScopeOrFail } from '../auth/agency-scope.js';
import type { AuthUser } from '../auth/auth-user.js';
import { User } from '../auth/user.entity.js';
import { dateInTimeZone, type IsoDate } from '../common/clock/dates.js';
import { DomainError, type FieldError } from '../common/errors/domain-error.js';
import { IdempotencyService } from '../common/idempotency/idempotency.service.js';
import { caseLetterInput, LetterIssuer, letterTimelineFacts } from '../letters/letter-issuer.service.js';
import { OUTCOME_LETTERS } from '../letters/letter-types.js';
import { Applicant } from './applicant.entity.js';
import { CaseClockService } from './case-clock.service.js';
import { CaseConsultation } from './case-consultation.entity.js';
import type { CaseExtension, CaseWarning, OutcomeDetail } from './case-details.js';
import { CaseEvent } from './case-event.entity.js';
import { CASE_STATUS_LABELS, type CaseStatus } from './case-status.js';
import {
  CASE_ACTION_LABELS,
  CASE_TRANSITIONS,
  checkTransition,
  transitionContextOf,
  type CaseAction,
  type WorkflowActor,
} from './case.workflow.js';
import { actorsFor } from './case-actors.js';
import { CaseMapper } from './case.mapper.js';
import { CONSULTATION_PERIOD_WD, FEE_PAYMENT_WD, type ClockResult } from './clock.rules.js';
import { DisclosureCase } from './disclosure-case.entity.js';
import type { ApproveDto } from './dto/approve.dto.js';
import type * as Dto from './dto/case-actions.dto.js';
import type { CaseDetailResponse } from './dto/case-response.dto.js';
import type { ReceiptEvidenceDto } from './dto/receipt-evidence.dto.js';
import type { RegisterCaseDto } from './dto/register-case.dto.js';
import { perItemFee, perPageFee } from './fee.rules.js';
import { OUTCOMES } from './outcome.js';
import { consultationBlockers } from './consultation.rules.js';
import { basisFor, validateOutcome } from './outcome.rules.js';
import { deriveReceipt, type Receipt, type ReceiptEvidence } from './receipt.rules.js';
import { foreignEvidenceFields, MONTHLY_APPLICATIONS_NOTICE, petitionHint } from './registration.rules.js';
import { possibleRepeatWarning, similarApplications } from './similar-applications.js';

/** What a command did, for its event. */
interface Effect {
  data?: Record<string, unknown>;
  reason?: string;
  /** Warnings for the user (not errors): returned with the response. */
  notices?: string[];
}

interface ActContext {
  manager: EntityManager;
  c: DisclosureCase;
  events: CaseEvent[];
  clock: ClockResult;
  today: IsoDate;
  user: AuthUser;
  actor: WorkflowActor;
}

type Command<D> = (ctx: ActContext, dto: D) => Promise<Effect> | Effect;

const SYSTEM_NAME = '系统';
/** Below this a 补正期限 is hardly 合理 (Art. 30): a warning, not a refusal. */
const SHORT_CORRECTION_PERIOD_WD = 5;
/** The shortest reason that states something (Art. 35's 延迟答复 must give one). */
const MIN_STATED_REASON = 10;
/** An Art. 35 period this much longer than the ordinary one is flagged for a second look. */
const LONG_ART35_WD = 60;

/**
 * The case commands: registration and every workflow step. Each is one transaction that locks the
 * case row, checks the version and the transition table, applies the step, appends the event and
 * recomputes the clock projection (house style: load → rules → persist → event → response).
 */
@Injectable()
export class CasesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clocks: CaseClockService,
    private readonly idempotency: IdempotencyService,
    private readonly mapper: CaseMapper,
    private readonly letters: LetterIssuer,
  ) {}

  // ───────────────────────────── registration (登记) ─────────────────────────────

  async register(user: AuthUser, dto: RegisterCaseDto, idempotencyKey?: string): Promise<CaseDetailResponse> {
    const agencyId = AgencyScope.ownOf(user).agencyIds[0] as string;
    if (!user.roles.includes('clerk')) {
      throw new DomainError('CASE_ROLE_NOT_ALLOWED', '只有登记员可以登记申请。');
    }
    const run = (manager: EntityManager) => this.registerIn(manager, user, agencyId, dto);
    return this.dataSource.transaction(async (manager) => {
      if (!idempotencyKey) return run(manager);
      const result = await this.idempotency.run(
        manager,
        { scope: 'register-case', actor: user.id, key: idempotencyKey, request: dto },
        () => run(manager),
      );
      return result.body;
    });
  }

  private async registerIn(
    manager: EntityManager,
    user: AuthUser,
    agencyId: string,
    dto: RegisterCaseDto,
  ): Promise<CaseDetailResponse> {
    const today = this.clocks.today();
    const errors: FieldError[] = [];
    const receipt = this.receiptFrom(dto.evidence, today, 'evidence', errors);
    if (!dto.applicantId && !dto.applicant) {
      errors.push({ field: 'applicant', message: '须填写申请人信息，或选择已登记的申请人' });
    }
    if (dto.applicantId && dto.applicant) {
      errors.push({ field: 'applicant', message: '已选择已登记的申请人时不能再填写新的申请人信息' });
    }
    if (dto.deliveryMethod === 'email' && !dto.applicant?.email && !dto.applicantId) {
      errors.push({ field: 'applicant.email', message: '选择电子邮件方式获取的，须填写电子邮箱' });
    }
    if (dto.onTheSpotReply) {
      // Art. 33 para 1: an on-the-spot reply is given to an applicant at the counter, the same day.
      if (!['in_person', 'oral'].includes(dto.evidence.channel)) {
        errors.push({ field: 'onTheSpotReply', message: '当场答复只适用于当面或口头提出的申请' });
      } else if (receipt && receipt.receivedOn !== today) {
        errors.push({ field: 'onTheSpotReply', message: '当场答复须在收到申请的当天作出' });
      }
      errors.push(
        ...validateOutcome(dto.onTheSpotReply.outcome, dto.onTheSpotReply.detail, {
          receivedOn: receipt?.receivedOn,
        }).map((e) => ({
          ...e,
          field: `onTheSpotReply.${e.field}`,
        })),
      );
    }
    const handler = dto.handlerId
      ? await this.handlerFor(manager, agencyId, dto.handlerId, 'handlerId', errors)
      : null;
    if (errors.length || !receipt) throw DomainError.validation(errors);

    const applicant = dto.applicantId
      ? await findInScopeOrFail(manager, Applicant, dto.applicantId, AgencyScope.only(agencyId), {
          what: '申请人',
        })
      : await manager.save(
          manager.create(Applicant, {
            agencyId,
            type: dto.applicant!.type,
            name: dto.applicant!.name.trim(),
            idType: dto.applicant!.idType,
            idNumber: dto.applicant!.idNumber.trim().toUpperCase(),
            phone: dto.applicant!.phone.trim(),
            email: dto.applicant!.email?.trim() || null,
            address: dto.applicant!.address.trim(),
            postcode: dto.applicant!.postcode ?? '',
            agent: dto.applicant!.agent
              ? { ...dto.applicant!.agent, idNumber: dto.applicant!.agent.idNumber.trim().toUpperCase() }
              : null,
            needsAssistance: dto.applicant!.needsAssistance ?? false,
            assistanceNote: dto.applicant!.assistanceNote ?? '',
          }),
        );

    const warnings = await this.registrationWarnings(manager, agencyId, applicant, dto, receipt);
    const year = Number(receipt.receivedOn.slice(0, 4));
    const c = manager.create(DisclosureCase, {
      // The id is chosen here so that the events can be built before the case row is written once.
      id: randomUUID(),
      agencyId,
      caseNumber: await this.nextCaseNumber(manager, agencyId, year),
      applicantId: applicant.id,
      channel: dto.evidence.channel,
      receiptEvidence: evidenceOf(dto.evidence),
      receivedOn: receipt.receivedOn,
      clockStartedOn: receipt.receivedOn,
      informationSought: dto.informationSought.trim(),
      informationReference: dto.informationReference?.trim() ?? '',
      requestedForm: dto.requestedForm,
      deliveryMethod: dto.deliveryMethod,
      deliveryAddress:
        dto.deliveryAddress?.trim() || (dto.deliveryMethod === 'post' ? applicant.address : ''),
      warnings,
      status: 'registered',
      handlerId: null,
      clockState: 'running',
      correctionNoticeDueOn: receipt.receivedOn,
      registeredAt: new Date(),
      registeredBy: user.id,
    });

    const events: CaseEvent[] = [];
    const append = (
      action: string,
      to: CaseStatus,
      data: Record<string, unknown>,
      changes: Record<string, [unknown, unknown]> = {},
    ) => {
      const event = manager.create(CaseEvent, {
        caseId: c.id,
        seq: events.length + 1,
        action,
        fromStatus: events.length ? c.status : null,
        toStatus: to,
        actorId: user.id,
        actorName: user.displayName,
        actorRole: 'clerk',
        data,
        changes: { status: [events.length ? c.status : null, to], ...changes },
        reason: '',
      });
      events.push(event);
      c.status = to;
    };
    append('register', 'registered', {
      channel: dto.evidence.channel,
      evidence: c.receiptEvidence,
      receivedOn: receipt.receivedOn,
      receiptRule: receipt.rule,
      receiptExplanation: receipt.explanation,
      note: dto.note ?? '',
      warnings: warnings.map((w) => w.message),
    });
    if (handler) {
      append(
        'assign',
        'investigating',
        { handlerId: handler.id, handlerName: handler.displayName },
        {
          handlerId: [null, handler.id],
        },
      );
      c.handlerId = handler.id;
    }
    if (dto.onTheSpotReply) {
      const { outcome, detail } = dto.onTheSpotReply;
      c.outcome = outcome;
      c.outcomeDetail = { ...detail, basis: basisFor(outcome, detail), reasons: detail.reasons ?? '' };
      c.repliedOn = today;
      c.closedOn = today;
      c.servedOn = today;
      c.servedMeans = '当场答复，当面交付';
      c.servedProof = `登记员 ${user.displayName} 当场交付`;
      append(
        'issue_reply',
        'issued',
        { repliedOn: today, onTheSpot: true, outcome },
        { outcome: [null, outcome] },
      );
      append('serve', 'served', { servedOn: today, means: c.servedMeans, proof: c.servedProof });
    }
    const clock = await this.clocks.compute(c, events, today);
    CaseClockService.project(c, clock);
    await manager.insert(DisclosureCase, c);
    await manager.save(events);
    return this.mapper.detail(manager, c, user, {
      clock,
      notices: [...receipt.warnings, ...warnings.map((w) => w.message)],
      // A new case: its applicant and handler are at hand and it has no consultations yet.
      known: { applicant, handler, consultations: [] },
    });
  }

  // ───────────────────────────── workflow steps ─────────────────────────────

  assign(user: AuthUser, id: string, dto: Dto.AssignDto) {
    return this.act(user, id, 'assign', dto, async ({ manager, c }) => {
      const errors: FieldError[] = [];
      const handler = await this.handlerFor(manager, c.agencyId, dto.handlerId, 'handlerId', errors);
      if (!handler) throw DomainError.validation(errors);
      const before = c.handlerId;
      c.handlerId = handler.id;
      return { data: { handlerId: handler.id, handlerName: handler.displayName, previousHandlerId: before } };
    });
  }

  requestCorrection(user: AuthUser, id: string, dto: Dto.RequestCorrectionDto) {
    return this.act(user, id, 'request_correction', dto, async ({ c, clock, today }) => {
      this.assertDate('noticeSentOn', dto.noticeSentOn, { min: c.clockStartedOn, max: today });
      if (dto.periodEndsOn <= dto.noticeSentOn) {
        throw DomainError.validation([{ field: 'periodEndsOn', message: '补正期限须晚于告知日期' }]);
      }
      // Art. 30: the notice goes out within 7 WD of receipt, listing every item at once.
      const lastDay = clock.correctionNoticeDueOn as IsoDate;
      if (dto.noticeSentOn > lastDay) {
        throw new DomainError(
          'CASE_CORRECTION_TOO_LATE',
          `补正告知须自收到申请之日起 7 个工作日内发出（第三十条），本案最迟 ${lastDay}；现已超过，不能再要求补正，应按现有申请内容答复。`,
          { extensions: { correctionNoticeDueOn: lastDay } },
        );
      }
      const notices =
        dto.noticeSentOn === lastDay ? [`今天是发出补正告知的最后一天（${lastDay}，第三十条）。`] : [];
      // Art. 30: a 合理的补正期限 — the applicant must receive the notice and then gather the facts.
      const calendar = await this.clocks.calendarFor(c.agencyId);
      const periodWd = calendar.workingDaysBetween(dto.noticeSentOn, dto.periodEndsOn).workingDays;
      if (periodWd < SHORT_CORRECTION_PERIOD_WD) {
        notices.push(
          `补正期限只有 ${periodWd} 个工作日${dto.means.includes('邮') ? '（且告知以邮寄送达）' : ''}：应给予合理的补正期限（第三十条），期限过短的，视为放弃可能不被认可。`,
        );
      }
      return {
        data: {
          noticeSentOn: dto.noticeSentOn,
          items: dto.items,
          periodEndsOn: dto.periodEndsOn,
          means: dto.means,
          guidance: dto.guidance ?? '',
        },
        notices,
      };
    });
  }

  receiveCorrection(user: AuthUser, id: string, dto: Dto.ReceiveCorrectionDto) {
    return this.act(user, id, 'receive_correction', dto, ({ c, events, today }) => {
      const errors: FieldError[] = [];
      const receipt = this.receiptFrom(dto.evidence, today, 'evidence', errors);
      if (!receipt) throw DomainError.validation(errors);
      const notice = lastEvent(events, 'request_correction');
      const noticeSentOn = notice?.data.noticeSentOn as IsoDate | undefined;
      // Art. 30: the corrected application answers the notice, so it cannot be received before it.
      if (noticeSentOn && receipt.receivedOn < noticeSentOn) {
        throw DomainError.validation([
          {
            field: 'evidence',
            message: `补正材料的收到日期 ${receipt.receivedOn} 早于补正告知发出日期 ${noticeSentOn}，请核对`,
          },
        ]);
      }
      const lastCorrection = (notice?.data.periodEndsOn as IsoDate | undefined) ?? c.correctionPeriodEndsOn;
      if (lastCorrection && receipt.receivedOn > lastCorrection && !dto.lateReason?.trim()) {
        throw DomainError.validation([
          {
            field: 'lateReason',
            message: `补正期限已于 ${lastCorrection} 届满；接受逾期补正须说明申请人的正当理由（第三十条）`,
          },
        ]);
      }
      const before = c.informationSought;
      if (dto.informationSought?.trim()) c.informationSought = dto.informationSought.trim();
      const reinstates = c.status === 'deemed_withdrawn';
      if (reinstates) reinstate(c);
      return {
        data: {
          ...(reinstates ? { reinstates: true } : {}),
          evidence: evidenceOf(dto.evidence),
          receivedOn: receipt.receivedOn,
          receiptRule: receipt.rule,
          receiptExplanation: receipt.explanation,
          informationSoughtBefore: dto.informationSought ? before : undefined,
          lateReason: dto.lateReason ?? '',
        },
        notices: [
          ...(reinstates
            ? [
                `本案曾因逾期未补正被视为放弃申请；补正材料${receipt.receivedOn > (lastCorrection ?? receipt.receivedOn) ? '虽逾期但有正当理由' : '在补正期限内'}收到，恢复办理，答复期限自 ${receipt.receivedOn} 重新计算（第三十条）。`,
              ]
            : []),
          ...receipt.warnings,
        ],
      };
    });
  }

  startConsultation(user: AuthUser, id: string, dto: Dto.StartConsultationDto) {
    return this.act(user, id, 'start_consultation', dto, async ({ manager, c, today }) => {
      this.assertDate('dispatchedOn', dto.dispatchedOn, { min: c.clockStartedOn, max: today });
      if (dto.partyReceivedOn)
        this.assertDate('partyReceivedOn', dto.partyReceivedOn, { min: dto.dispatchedOn, max: today });
      const calendar = await this.clocks.calendarFor(c.agencyId);
      const consultation = await manager.save(
        manager.create(CaseConsultation, {
          id: randomUUID(),
          caseId: c.id,
          kind: dto.kind,
          partyName: dto.partyName.trim(),
          partyContact: dto.partyContact?.trim() ?? '',
          matter: dto.matter.trim(),
          dispatchedOn: dto.dispatchedOn,
          partyReceivedOn: dto.partyReceivedOn ?? null,
          periodEndsOn: dto.partyReceivedOn
            ? calendar.addWorkingDays(dto.partyReceivedOn, CONSULTATION_PERIOD_WD).date
            : null,
        }),
      );
      return {
        data: {
          consultationId: consultation.id,
          kind: dto.kind,
          partyName: consultation.partyName,
          matter: consultation.matter,
          dispatchedOn: dto.dispatchedOn,
          partyReceivedOn: dto.partyReceivedOn,
          periodEndsOn: consultation.periodEndsOn,
        },
        notices: [
          dto.kind === 'third_party'
            ? '第三方应自收到征求意见书之日起 15 个工作日内提出意见；逾期未提出的，由本机关依法决定是否公开（第三十二条）。'
            : '被征求意见机关逾期未提出意见的，视为同意公开（第三十四条）。',
          ...(consultation.partyReceivedOn
            ? []
            : [
                '请在对方收到征求意见书后登记收到日期：15 个工作日的意见期限从该日起算，未登记前答复期限一直暂停，期满也无法自动认定。',
              ]),
        ],
      };
    });
  }

  recordConsultationReceipt(user: AuthUser, id: string, dto: Dto.RecordConsultationReceiptDto) {
    return this.act(user, id, 'record_consultation_receipt', dto, async ({ manager, c, today }) => {
      const consultation = await this.consultationOf(manager, c.id, dto.consultationId);
      this.assertDate('partyReceivedOn', dto.partyReceivedOn, { min: consultation.dispatchedOn, max: today });
      const calendar = await this.clocks.calendarFor(c.agencyId);
      consultation.partyReceivedOn = dto.partyReceivedOn;
      consultation.periodEndsOn = calendar.addWorkingDays(dto.partyReceivedOn, CONSULTATION_PERIOD_WD).date;
      await manager.save(consultation);
      return {
        data: {
          consultationId: consultation.id,
          partyName: consultation.partyName,
          partyReceivedOn: dto.partyReceivedOn,
          periodEndsOn: consultation.periodEndsOn,
        },
      };
    });
  }

  recordConsultationReply(user: AuthUser, id: string, dto: Dto.RecordConsultationReplyDto) {
    return this.act(user, id, 'record_consultation_reply', dto, async ({ manager, c, today }) => {
      const consultation = await this.consultationOf(manager, c.id, dto.consultationId);
      if (consultation.repliedOn) {
        throw new DomainError('CASE_INVALID_TRANSITION', '该征求意见已登记过回复。');
      }
      this.assertDate('repliedOn', dto.repliedOn, { min: consultation.dispatchedOn, max: today });
      consultation.repliedOn = dto.repliedOn;
      consultation.result = dto.result;
      consultation.replySummary = dto.summary.trim();
      await manager.save(consultation);
      const late = consultation.periodEndsOn !== null && dto.repliedOn > consultation.periodEndsOn;
      return {
        data: {
          consultationId: consultation.id,
          partyName: consultation.partyName,
          repliedOn: dto.repliedOn,
          result: dto.result,
          summary: consultation.replySummary,
        },
        notices: [
          ...(late
            ? [`意见在期限（${consultation.periodEndsOn}）届满后才收到：期限届满后的时间计入答复期限。`]
            : []),
          ...(dto.result === 'objection' && consultation.kind === 'third_party'
            ? [
                '第三方不同意公开且有合理理由的，不予公开；认为不公开可能对公共利益造成重大影响的，可以决定公开，并书面告知第三方（第三十二条）。',
              ]
            : []),
        ],
      };
    });
  }

  sendFeeNotice(user: AuthUser, id: string, dto: Dto.SendFeeNoticeDto) {
    return this.act(user, id, 'send_fee_notice', dto, async ({ manager, c, clock, today }) => {
      this.assertDate('sentOn', dto.sentOn, { min: c.clockStartedOn, max: today });
      if (dto.applicantReceivedOn)
        this.assertDate('applicantReceivedOn', dto.applicantReceivedOn, { min: dto.sentOn, max: today });
      // 109号: the notice must go out within the processing period.
      if (clock.dueOn && dto.sentOn > clock.dueOn) {
        throw new DomainError(
          'CASE_DEADLINE_RULE',
          `收费通知须在答复期限（${clock.dueOn}）内发出（国办函〔2020〕109号）。`,
        );
      }
      const fee =
        dto.method === 'per_page'
          ? perPageFee(this.required(dto.pages, 'pages', '按量计收须填写页数'))
          : perItemFee(
              await this.applicationsInMonth(manager, c),
              this.required(dto.items, 'items', '按件计收须填写件数'),
            );
      if (fee.amountYuan === 0) {
        throw DomainError.validation([
          { field: dto.method === 'per_page' ? 'pages' : 'items', message: `${fee.explanation}：无需收费` },
        ]);
      }
      return {
        data: {
          sentOn: dto.sentOn,
          applicantReceivedOn: dto.applicantReceivedOn,
          method: dto.method,
          amountYuan: fee.amountYuan,
          feeExplanation: fee.explanation,
          bands: fee.bands,
          justification: dto.justification,
          paymentInstructions: dto.paymentInstructions,
        },
      };
    });
  }

  recordFeeNoticeReceipt(user: AuthUser, id: string, dto: Dto.RecordFeeNoticeReceiptDto) {
    return this.act(user, id, 'record_fee_notice_receipt', dto, async ({ c, events, today }) => {
      const notice = lastEvent(events, 'send_fee_notice');
      this.assertDate('applicantReceivedOn', dto.applicantReceivedOn, {
        min: String(notice?.data.sentOn),
        max: today,
      });
      // 109号: 20 WD to pay, counted from the day after the applicant receives the notice.
      const calendar = await this.clocks.calendarFor(c.agencyId);
      const payBy = calendar.addWorkingDays(dto.applicantReceivedOn, FEE_PAYMENT_WD).date;
      return { data: { applicantReceivedOn: dto.applicantReceivedOn, payBy } };
    });
  }

  recordFeePayment(user: AuthUser, id: string, dto: Dto.RecordFeePaymentDto) {
    return this.act(user, id, 'record_fee_payment', dto, async ({ c, events, today }) => {
      const notice = lastEvent(events, 'send_fee_notice');
      this.assertDate('paidOn', dto.paidOn, { min: String(notice?.data.sentOn), max: today });
      const payBy = await this.feePayBy(c, events);
      // Art. 42, 国办函〔2020〕109号: unpaid within 20 WD of receiving the notice → 视为放弃. The lapse is
      // the law's: a payment after the period cannot revive the case, whether or not the sweep has run.
      if (payBy && dto.paidOn > payBy) {
        throw new DomainError(
          'CASE_DEADLINE_RULE',
          `缴费期限已于 ${payBy} 届满（申请人收到收费通知次日起 20 个工作日），逾期未缴纳视为放弃申请，不能登记缴费；申请人可重新提出申请。`,
          { errors: [{ field: 'paidOn', message: `晚于缴费期限 ${payBy}` }], extensions: { payBy } },
        );
      }
      const reinstates = c.status === 'deemed_withdrawn';
      if (reinstates) reinstate(c);
      return {
        notices: reinstates
          ? [`本案曾因逾期未缴费被视为放弃申请；申请人已在缴费期限（${payBy}）内缴费，恢复办理。`]
          : [],
        data: {
          ...(reinstates ? { reinstates: true } : {}),
          paidOn: dto.paidOn,
          receiptNumber: dto.receiptNumber ?? '',
          amountYuan: notice?.data.amountYuan,
        },
      };
    });
  }

  requestExtension(user: AuthUser, id: string, dto: Dto.RequestExtensionDto) {
    return this.act(user, id, 'request_extension', dto, ({ c, clock, today, user: u }) => {
      // Art. 33 para 2: one extension, of at most 20 WD, before the original period ends.
      if (c.extension && c.extension.status !== 'rejected') {
        throw new DomainError(
          'CASE_EXTENSION_NOT_ALLOWED',
          '答复期限只能延长一次（第三十三条第二款），本案已申请过延期。',
        );
      }
      if (clock.originalDueOn && today > clock.originalDueOn) {
        throw new DomainError(
          'CASE_EXTENSION_NOT_ALLOWED',
          `原答复期限已于 ${clock.originalDueOn} 届满，不能再延期（第三十三条第二款）；请尽快答复。`,
        );
      }
      if (clock.art35DueOn) {
        throw new DomainError(
          'CASE_EXTENSION_NOT_ALLOWED',
          '本案已按第三十五条确定延迟答复期限，不再适用延期。',
        );
      }
      c.extension = {
        status: 'requested',
        days: dto.days,
        reason: dto.reason.trim(),
        requestedOn: today,
        requestedBy: u.displayName,
      };
      return { data: { days: dto.days, reason: dto.reason.trim(), originalDueOn: clock.originalDueOn } };
    });
  }

  decideExtension(user: AuthUser, id: string, dto: Dto.DecideExtensionDto) {
    return this.act(user, id, 'decide_extension', dto, ({ c, clock, today, user: u }) => {
      if (c.extension?.status !== 'requested') {
        throw new DomainError('CASE_INVALID_TRANSITION', '没有待审批的延期申请。');
      }
      this.assertDate('decidedOn', dto.decidedOn, { min: c.extension.requestedOn, max: today });
      if (dto.approve && clock.originalDueOn && dto.decidedOn > clock.originalDueOn) {
        throw new DomainError(
          'CASE_EXTENSION_NOT_ALLOWED',
          `原答复期限已于 ${clock.originalDueOn} 届满，不能再批准延期（第三十三条第二款）。`,
        );
      }
      const extension: CaseExtension = {
        ...c.extension,
        status: dto.approve ? 'approved' : 'rejected',
        decidedOn: dto.decidedOn,
        decidedBy: u.displayName,
        decisionComment: dto.comment ?? '',
      };
      c.extension = extension;
      return {
        data: {
          approve: dto.approve,
          decidedOn: dto.decidedOn,
          days: extension.days,
          approverName: u.displayName,
          comment: dto.comment ?? '',
        },
        notices: dto.approve
          ? [`延期须在原答复期限 ${clock.originalDueOn} 前告知申请人，告知后才计入（第三十三条第二款）。`]
          : [],
      };
    });
  }

  notifyExtension(user: AuthUser, id: string, dto: Dto.NotifyExtensionDto) {
    return this.act(user, id, 'notify_extension', dto, ({ c, clock, today }) => {
      if (c.extension?.status !== 'approved') {
        throw new DomainError('CASE_INVALID_TRANSITION', '延期尚未获批，或已告知过申请人。');
      }
      this.assertDate('notifiedOn', dto.notifiedOn, {
        min: c.extension.decidedOn ?? c.clockStartedOn,
        max: today,
      });
      if (clock.originalDueOn && dto.notifiedOn > clock.originalDueOn) {
        throw new DomainError(
          'CASE_EXTENSION_NOT_ALLOWED',
          `延期须在原答复期限 ${clock.originalDueOn} 前告知申请人（第三十三条第二款）；逾期告知不产生延期效力。`,
        );
      }
      c.extension = {
        ...c.extension,
        status: 'notified',
        notifiedOn: dto.notifiedOn,
        notifiedMeans: dto.means,
      };
      return { data: { notifiedOn: dto.notifiedOn, means: dto.means, days: c.extension.days } };
    });
  }

  setArt35Period(user: AuthUser, id: string, dto: Dto.SetArt35PeriodDto) {
    return this.act(user, id, 'set_art35_period', dto, async ({ c, clock, today }) => {
      this.assertDate('notifiedOn', dto.notifiedOn, { min: c.clockStartedOn, max: today });
      if (clock.dueOn && dto.notifiedOn > clock.dueOn) {
        throw new DomainError(
          'CASE_DEADLINE_RULE',
          `延迟答复期限须在答复期限 ${clock.dueOn} 届满前确定并告知申请人（第三十五条）。`,
        );
      }
      if (clock.dueOn && dto.dueOn <= clock.dueOn) {
        throw DomainError.validation([
          { field: 'dueOn', message: `延迟答复期限须晚于现行答复期限 ${clock.dueOn}` },
        ]);
      }
      // Art. 35: the longer period must be reasonable and its reason stated (the applicant may
      // challenge it); a reason of a word or two states nothing.
      if (dto.reason.trim().length < MIN_STATED_REASON) {
        throw DomainError.validation([
          {
            field: 'reason',
            message: `须说明确定延迟答复期限的理由（不少于 ${MIN_STATED_REASON} 个字，第三十五条）`,
          },
        ]);
      }
      const calendar = await this.clocks.calendarFor(c.agencyId);
      const beyond = clock.dueOn ? calendar.workingDaysBetween(clock.dueOn, dto.dueOn).workingDays : 0;
      return {
        data: { dueOn: dto.dueOn, notifiedOn: dto.notifiedOn },
        reason: dto.reason.trim(),
        notices:
          beyond > LONG_ART35_WD
            ? [
                `延迟答复期限比原答复期限多 ${beyond} 个工作日：期限须“合理”（第三十五条），过长的期限可能被认定为拖延答复，请确认。`,
              ]
            : [],
      };
    });
  }

  startDrafting(user: AuthUser, id: string, dto: Dto.VersionedDto) {
    return this.act(user, id, 'start_drafting', dto, () => ({}));
  }

  saveDraft(user: AuthUser, id: string, dto: Dto.SaveDraftDto) {
    return this.act(user, id, 'save_draft', dto, ({ c }) => {
      const detail: OutcomeDetail = {
        ...dto.detail,
        basis: dto.detail.basis ?? '',
        reasons: dto.detail.reasons ?? '',
      };
      c.outcome = dto.outcome;
      c.outcomeDetail = detail;
      const missing = validateOutcome(dto.outcome, detail, { receivedOn: c.receivedOn });
      return {
        data: { outcome: dto.outcome, detail },
        notices: missing.length
          ? [`草稿尚不完整（提交审核前须补齐）：${missing.map((e) => e.message).join('；')}`]
          : [],
      };
    });
  }

  submitForReview(user: AuthUser, id: string, dto: Dto.VersionedDto) {
    return this.act(user, id, 'submit_for_review', dto, async ({ manager, c, today }) => {
      if (!c.outcome || !c.outcomeDetail) {
        throw DomainError.validation([{ field: 'outcome', message: '提交审核前须拟定答复结果' }]);
      }
      const errors = validateOutcome(c.outcome, c.outcomeDetail, { receivedOn: c.receivedOn });
      if (errors.length)
        throw DomainError.validation(errors, `答复草稿不完整：${errors.map((e) => e.message).join('；')}`);
      // Art. 32: a disclosure over a third party's objection needs its public-interest reasons now,
      // not only when the approved reply is refused.
      const consultations = await manager.find(CaseConsultation, { where: { caseId: c.id } });
      const objection = consultationBlockers(c.outcome, c.outcomeDetail, consultations, today, {
        pending: false,
      });
      if (objection.errors.length) {
        throw new DomainError('CASE_CONSULTATION_PENDING', objection.errors.join('；'));
      }
      return { data: { outcome: c.outcome, submittedOn: today } };
    });
  }

  returnDraft(user: AuthUser, id: string, dto: Dto.ReturnDraftDto) {
    return this.act(user, id, 'return_draft', dto, () => ({ reason: dto.comment.trim() }));
  }

  approve(user: AuthUser, id: string, dto: ApproveDto) {
    return this.act(user, id, 'approve', dto, ({ c, events, today }) => {
      // An approval given on paper may be recorded later, with its own day: not before the draft
      // went to review (nor before the clock started, for submissions recorded before this rule).
      const submitted = lastEvent(events, 'submit_for_review');
      const submittedOn = (submitted?.data.submittedOn as IsoDate | undefined) ?? c.clockStartedOn;
      const approvedOn = dto.approvedOn ?? today;
      if (dto.approvedOn && dto.approvedOn < submittedOn) {
        throw DomainError.validation([
          { field: 'approvedOn', message: `审核日期不能早于提请审核之日 ${submittedOn}` },
        ]);
      }
      if (dto.approvedOn) this.assertDate('approvedOn', dto.approvedOn, { max: today });
      return { data: { outcome: c.outcome, approvedOn }, reason: dto.comment ?? '' };
    });
  }

  /**
   * 作出答复: the reply is its letter (legal-rules §7.7), so the reply letter is issued in this same
   * transaction or the reply is not made: the pre-issue check (errors → 409 naming each article,
   * nothing written), the 文号, the rendered and printed letter stored with its SHA-256. This event
   * is the letter's timeline entry: it carries the letter's id, 文号 and digest.
   */
  issueReply(user: AuthUser, id: string, dto: Dto.IssueReplyDto) {
    return this.act(user, id, 'issue_reply', dto, async ({ manager, c, events, clock, today, user: u }) => {
      // Art. 45: the reply follows its 审核; it cannot be dated before the approval (a back-dated reply
      // would hide a late one, Art. 33).
      const approval = lastEvent(events, 'approve');
      const approvedOn = approval
        ? ((approval.data.approvedOn as IsoDate | undefined) ??
          dateInTimeZone(approval.occurredAt, this.clocks.timeZone))
        : c.clockStartedOn;
      if (dto.repliedOn < approvedOn) {
        throw DomainError.validation([
          {
            field: 'repliedOn',
            message: `答复日期不能早于审核通过之日 ${approvedOn}（答复须经审核后作出，第四十五条）`,
          },
        ]);
      }
      this.assertDate('repliedOn', dto.repliedOn, { min: c.clockStartedOn, max: today });
      if (!c.outcome) throw new DomainError('LETTER_NOT_APPLICABLE', '本案尚未拟定答复结果，不能作出答复。');
      const consultations = await manager.find(CaseConsultation, { where: { caseId: c.id } });
      const blockers = consultationBlockers(c.outcome, c.outcomeDetail ?? {}, consultations, dto.repliedOn);
      if (blockers.errors.length) {
        throw new DomainError('CASE_CONSULTATION_PENDING', blockers.errors.join('；'));
      }
      const letter = await this.letters.issue(
        manager,
        await caseLetterInput(this.clocks, c, events, today, u.displayName),
        OUTCOME_LETTERS[c.outcome],
        { replyDate: dto.repliedOn },
        { id: u.id, name: u.displayName },
      );
      c.repliedOn = dto.repliedOn;
      c.closedOn = dto.repliedOn;
      const late = clock.dueOn !== null && dto.repliedOn > clock.dueOn;
      return {
        data: {
          repliedOn: dto.repliedOn,
          outcome: c.outcome,
          dueOn: clock.dueOn,
          letter: letterTimelineFacts(letter),
        },
        notices: [
          ...(late
            ? [`答复日期 ${dto.repliedOn} 晚于答复期限 ${clock.dueOn}，属逾期答复（第三十三条）。`]
            : []),
          ...blockers.notices,
          // The pre-issue warnings (the overdue one is said above in the case's own words).
          ...letter.warnings
            .filter((w) => w.code !== 'REPLY_OVERDUE')
            .map((w) => `${w.message}（${w.article}）`),
        ],
      };
    });
  }

  serve(user: AuthUser, id: string, dto: Dto.ServeDto) {
    return this.act(user, id, 'serve', dto, ({ c, today }) => {
      this.assertDate('servedOn', dto.servedOn, { min: c.repliedOn ?? c.clockStartedOn, max: today });
      c.servedOn = dto.servedOn;
      c.servedMeans = dto.means.trim();
      c.servedProof = dto.proof.trim();
      return { data: { servedOn: dto.servedOn, means: c.servedMeans, proof: c.servedProof } };
    });
  }

  withdraw(user: AuthUser, id: string, dto: Dto.WithdrawDto) {
    return this.act(user, id, 'withdraw', dto, ({ c, today }) => {
      this.assertDate('withdrawnOn', dto.withdrawnOn, { min: c.receivedOn, max: today });
      c.outcome = 'withdrawn';
      c.outcomeDetail = { basis: '', reasons: dto.means.trim() };
      c.closedOn = dto.withdrawnOn;
      return { data: { withdrawnOn: dto.withdrawnOn, means: dto.means.trim() } };
    });
  }

  archive(user: AuthUser, id: string, dto: Dto.VersionedDto) {
    return this.act(user, id, 'archive', dto, () => ({}));
  }

  // ───────────────────────────── system steps (lapses) ─────────────────────────────

  /**
   * Applies a scheduled lapse if it is still due (idempotent: a case that moved on is left alone).
   * Returns whether the case changed.
   */
  async applyLapse(
    caseId: string,
    action: Extract<CaseAction, 'lapse_correction' | 'lapse_fee' | 'lapse_consultation'>,
    today: IsoDate,
  ): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const c = await manager.findOne(DisclosureCase, {
        where: { id: caseId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!c) return false;
      const check = checkTransition(action, c.status, ['system'], transitionContextOf(c));
      if (!check.allowed) return false;
      const events = await this.clocks.eventsOf(manager, c.id);
      let effect: Effect;
      if (action === 'lapse_correction') {
        // Art. 30: no correction by the end of the period → 视为放弃申请 (the day after the period).
        if (!c.correctionPeriodEndsOn || today <= c.correctionPeriodEndsOn) return false;
        const on = addDays(c.correctionPeriodEndsOn, 1);
        c.outcome = 'deemed_withdrawn_correction';
        c.outcomeDetail = {
          basis: OUTCOMES.deemed_withdrawn_correction.basis,
          reasons: '申请人无正当理由逾期不补正',
        };
        c.closedOn = on;
        effect = { data: { deemedWithdrawnOn: on, periodEndsOn: c.correctionPeriodEndsOn } };
      } else if (action === 'lapse_fee') {
        const payBy = await this.feePayBy(c, events);
        if (!payBy || today <= payBy) return false;
        const on = addDays(payBy, 1);
        c.outcome = 'deemed_withdrawn_fee';
        c.outcomeDetail = {
          basis: OUTCOMES.deemed_withdrawn_fee.basis,
          reasons: '申请人逾期未按收费通知要求缴纳费用',
        };
        c.closedOn = on;
        effect = { data: { deemedWithdrawnOn: on, payBy } };
      } else {
        const lapsed = await manager
          .createQueryBuilder(CaseConsultation, 'k')
          .where(
            'k.case_id = :id AND k.replied_on IS NULL AND k.result IS NULL AND k.period_ends_on < :today',
            {
              id: c.id,
              today,
            },
          )
          .getMany();
        if (lapsed.length === 0) return false;
        for (const k of lapsed) {
          // Art. 34: another agency's silence is consent; Art. 32: a third party's leaves it to us.
          k.result = k.kind === 'agency' ? 'deemed_consent' : 'no_reply';
          await manager.save(k);
        }
        effect = {
          data: {
            consultations: lapsed.map((k) => ({
              consultationId: k.id,
              partyName: k.partyName,
              periodEndsOn: k.periodEndsOn,
              result: k.result,
            })),
          },
        };
      }
      await this.commit(manager, c, events, check.transition.to, action, effect, null, 'system', today);
      return true;
    });
  }

  // ───────────────────────────── internals ─────────────────────────────

  private async act<D extends Dto.VersionedDto>(
    user: AuthUser,
    id: string,
    action: CaseAction,
    dto: D,
    command: Command<D>,
  ): Promise<CaseDetailResponse> {
    return this.dataSource.transaction(async (manager) => {
      const c = await findInScopeOrFail(manager, DisclosureCase, id, AgencyScope.readableBy(user), {
        what: '申请',
        lock: 'pessimistic_write',
      });
      if (c.version !== dto.version) {
        throw new DomainError(
          'STALE_VERSION',
          `该申请已被他人更新（当前版本 ${c.version}，您提交的是 ${dto.version}），请刷新后重试。`,
          {
            extensions: { currentVersion: c.version },
          },
        );
      }
      const actors = actorsFor(user, c);
      const check = checkTransition(action, c.status, actors, transitionContextOf(c));
      if (!check.allowed) throw this.refusal(action, c, user, check.reason, check.allowedActions);
      const actor = check.transition.actors.find((a) => actors.includes(a)) as WorkflowActor;
      const today = this.clocks.today();
      const events = await this.clocks.eventsOf(manager, c.id);
      const clock = await this.clocks.compute(c, events, today);
      const effect = await command({ manager, c, events, clock, today, user, actor }, dto);
      const after = await this.commit(
        manager,
        c,
        events,
        check.transition.to,
        action,
        effect,
        user,
        actor,
        today,
      );
      return this.mapper.detail(manager, c, user, { clock: after, notices: effect.notices ?? [] });
    });
  }

  /** Appends the event, moves the status and recomputes the clock projection. */
  private async commit(
    manager: EntityManager,
    c: DisclosureCase,
    events: CaseEvent[],
    to: CaseStatus,
    action: CaseAction,
    effect: Effect,
    user: AuthUser | null,
    actor: WorkflowActor,
    today: IsoDate,
  ): Promise<ClockResult> {
    const from = c.status;
    const before = snapshot(c);
    c.status = to;
    const event = manager.create(CaseEvent, {
      caseId: c.id,
      seq: events.length + 1,
      action,
      fromStatus: from,
      toStatus: to,
      actorId: user?.id ?? null,
      actorName: user?.displayName ?? SYSTEM_NAME,
      actorRole: actor,
      data: effect.data ?? {},
      changes: {},
      reason: effect.reason ?? '',
    });
    const all = [...events, event];
    const clock = await this.clocks.compute(c, all, today);
    CaseClockService.project(c, clock);
    event.changes = diff(before, snapshot(c));
    await manager.save(event);
    await manager.save(c);
    return clock;
  }

  private refusal(
    action: CaseAction,
    c: DisclosureCase,
    user: AuthUser,
    reason: 'status' | 'actor' | 'condition',
    allowedActions: CaseAction[],
  ): DomainError {
    const label = CASE_ACTION_LABELS[action];
    const extensions = { caseStatus: c.status, allowedActions };
    if (reason === 'actor') {
      const mayBeHandler = user.roles.includes('handler') && user.agencyId === c.agencyId;
      const needsHandler = CASE_TRANSITIONS.some(
        (t) => t.action === action && t.from === c.status && t.actors.includes('handler'),
      );
      if (mayBeHandler && needsHandler && c.handlerId !== user.id) {
        return new DomainError('CASE_NOT_YOUR_CASE', `“${label}”只能由本案承办人办理。`, { extensions });
      }
      return new DomainError('CASE_ROLE_NOT_ALLOWED', `您的角色不能执行“${label}”。`, { extensions });
    }
    return new DomainError(
      'CASE_INVALID_TRANSITION',
      `申请处于“${CASE_STATUS_LABELS[c.status]}”状态，不能执行“${label}”。`,
      { extensions },
    );
  }

  private receiptFrom(
    dto: ReceiptEvidenceDto,
    today: IsoDate,
    field: string,
    errors: FieldError[],
  ): Receipt | undefined {
    const foreign = foreignEvidenceFields(dto as unknown as Record<string, unknown>, field);
    if (foreign.length) {
      errors.push(...foreign);
      return undefined;
    }
    const result = deriveReceipt(evidenceOf(dto), {
      today,
      now: this.clocks.now(),
      timeZone: this.clocks.timeZone,
      field,
    });
    if (!result.ok) {
      errors.push(...result.errors);
      return undefined;
    }
    return result.receipt;
  }

  /**
   * 109号: the last day to pay, 20 WD from the day after the applicant received the fee notice; null
   * while that receipt is unknown (no lapse then).
   */
  private async feePayBy(c: DisclosureCase, events: readonly CaseEvent[]): Promise<IsoDate | null> {
    const notice = lastEvent(events, 'send_fee_notice');
    const receipt = lastEvent(events, 'record_fee_notice_receipt');
    const receivedOn = (receipt?.data.applicantReceivedOn ?? notice?.data.applicantReceivedOn) as
      IsoDate | undefined;
    if (!receivedOn) return null;
    const calendar = await this.clocks.calendarFor(c.agencyId);
    return calendar.addWorkingDays(receivedOn, FEE_PAYMENT_WD).date;
  }

  private assertDate(field: string, value: IsoDate, bounds: { min?: IsoDate; max?: IsoDate }): void {
    if (bounds.max && value > bounds.max) throw DomainError.validation([{ field, message: '不能晚于今天' }]);
    if (bounds.min && value < bounds.min) {
      throw DomainError.validation([{ field, message: `不能早于 ${bounds.min}` }]);
    }
  }

  private required<T>(value: T | undefined, field: string, message: string): T {
    if (value === undefined) throw DomainError.validation([{ field, message }]);
    return value;
  }

  private async handlerFor(
    manager: EntityManager,
    agencyId: string,
    userId: string,
    field: string,
    errors: FieldError[],
  ): Promise<User | null> {
    const handler = await manager.findOneBy(User, { id: userId });
    if (!handler || handler.agencyId !== agencyId || !handler.active || !handler.roles.includes('handler')) {
      errors.push({ field, message: '承办人须是本机关在岗的承办人' });
      return null;
    }
    return handler;
  }

  private async consultationOf(
    manager: EntityManager,
    caseId: string,
    consultationId: string,
  ): Promise<CaseConsultation> {
    const found = await manager.findOneBy(CaseConsultation, { id: consultationId, caseId });
    if (!found) throw DomainError.validation([{ field: 'consultationId', message: '本案没有这项征求意见' }]);
    return found;
  }

  /** Per agency and year, without gaps: the series row is locked until the transaction ends. */
  private async nextCaseNumber(manager: EntityManager, agencyId: string, year: number): Promise<string> {
    const rows = (await manager.query(
      `INSERT INTO case_number_series AS s (agency_id, year, last_number) VALUES ($1, $2, 1)
       ON CONFLICT (agency_id, year) DO UPDATE SET last_number = s.last_number + 1
       RETURNING s.last_number`,
      [agencyId, year],
    )) as Array<{ last_number: number }>;
    const n = rows[0].last_number;
    return `${year}-${String(n).padStart(5, '0')}`;
  }

  /** Position of this case among the applicant's applications in the month of receipt (fees, Art. 35). */
  private async applicationsInMonth(manager: EntityManager, c: DisclosureCase): Promise<number> {
    const month = c.receivedOn.slice(0, 7);
    const [{ n }] = (await manager.query(
      `SELECT count(*)::int AS n FROM disclosure_case
        WHERE applicant_id = $1 AND to_char(received_on, 'YYYY-MM') = $2
          AND (received_on, case_number) <= ($3::date, $4)`,
      [c.applicantId, month, c.receivedOn, c.caseNumber],
    )) as Array<{ n: number }>;
    return n;
  }

  private async registrationWarnings(
    manager: EntityManager,
    agencyId: string,
    applicant: Applicant,
    dto: RegisterCaseDto,
    receipt: Receipt,
  ): Promise<CaseWarning[]> {
    const warnings: CaseWarning[] = receipt.warnings.map((message) => ({
      code: 'late_confirmation',
      message,
    }));
    const petition = petitionHint(dto.informationSought);
    if (petition) warnings.push({ code: 'possible_petition', message: petition });
    // Art. 36(6): the same applicant asking again for the same information.
    const repeat = possibleRepeatWarning(
      await similarApplications(manager, agencyId, applicant.id, dto.informationSought),
    );
    if (repeat) warnings.push(repeat);
    const month = receipt.receivedOn.slice(0, 7);
    const [{ n }] = (await manager.query(
      `SELECT count(*)::int AS n FROM disclosure_case WHERE applicant_id = $1 AND to_char(received_on, 'YYYY-MM') = $2`,
      [applicant.id, month],
    )) as Array<{ n: number }>;
    if (n + 1 > MONTHLY_APPLICATIONS_NOTICE) {
      warnings.push({
        code: 'many_applications',
        message: `该申请人本月已提出 ${n + 1} 件申请：数量、频次明显超过合理范围的，可以要求说明理由（第三十五条）或收取信息处理费（第四十二条）。`,
      });
    }
    return warnings;
  }
}

function evidenceOf(dto: ReceiptEvidenceDto): ReceiptEvidence {
  const plain = Object.fromEntries(Object.entries({ ...dto }).filter(([, v]) => v !== undefined && v !== ''));
  return plain as unknown as ReceiptEvidence;
}

/** A case the sweep closed by a lapse goes back to work: the 视为放弃 outcome is withdrawn. */
function reinstate(c: DisclosureCase): void {
  c.outcome = null;
  c.outcomeDetail = null;
  c.closedOn = null;
}

function lastEvent(events: readonly CaseEvent[], action: string): CaseEvent | undefined {
  return [...events].reverse().find((e) => e.action === action);
}

function addDays(date: IsoDate, n: number): IsoDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

const TRACKED = [
  'status',
  'handlerId',
  'dueOn',
  'originalDueOn',
  'clockState',
  'outcome',
  'repliedOn',
  'servedOn',
  'closedOn',
  'informationSought',
] as const;

function snapshot(c: DisclosureCase): Record<string, unknown> {
  return Object.fromEntries(TRACKED.map((k) => [k, c[k] ?? null]));
}

function diff(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): Record<string, [unknown, unknown]> {
  const out: Record<string, [unknown, unknown]> = {};
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) out[key] = [before[key], after[key]];
  }
  return out;
}
