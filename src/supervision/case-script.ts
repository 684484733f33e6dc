/**
 * Builds a case with a past history through the real CasesService: each step runs on its own day
 * (the service's clock is moved to that day first), so the events, the statutory clock, the status
 * and the dates all agree exactly as if the case had been handled then. Used by the demo seed and by
 * tests that need cases received and answered on chosen days.
 */
import type { AuthUser } from '../auth/auth-user.js';
import type { OutcomeDetail } from '../cases/case-details.js';
import type { CasesService } from '../cases/cases.service.js';
import type { ApplicantDto } from '../cases/dto/applicant.dto.js';
import type { CaseDetailResponse } from '../cases/dto/case-response.dto.js';
import type { RegisterCaseDto } from '../cases/dto/register-case.dto.js';
import type { Outcome } from '../cases/outcome.js';
import type { FixedClock, IsoDate } from '../common/clock/clock.js';

export interface CaseScript {
  /** 收到申请之日 (in person, on that day). */
  readonly receivedOn: IsoDate;
  readonly applicant?: Partial<ApplicantDto>;
  readonly informationSought?: string;
  /** Assigned to the handler on receipt (default), on a later day, or never (null). */
  readonly assignedOn?: IsoDate | null;
  /**
   * 补正 (Art. 30): notice and period; corrected on `correctedOn`, else deemed withdrawn the day after
   * the period (unless `lapse` is false: still waiting).
   */
  readonly correction?: { noticeOn: IsoDate; periodEndsOn: IsoDate; correctedOn?: IsoDate; lapse?: boolean };
  /** A third-party consultation (Art. 32): pauses the clock until the reply. */
  readonly consultation?: { on: IsoDate; partyReceivedOn?: IsoDate; repliedOn?: IsoDate };
  /** Extension (Art. 33 para 2): requested, approved and notified on these days. */
  readonly extension?: { on: IsoDate; days: number };
  /** The reply: drafted, approved and issued on `on` with this outcome. */
  readonly reply?: { on: IsoDate; outcome: Outcome };
  readonly servedOn?: IsoDate;
  readonly withdrawnOn?: IsoDate;
  /** Stop before the reply: drafted and waiting for the approver (in_review) on this day. */
  readonly inReviewOn?: IsoDate;
}

export interface ScriptActors {
  readonly clerk: AuthUser;
  readonly handler: AuthUser;
  readonly approver: AuthUser;
}

/** A complete draft for each outcome a handler can choose (what outcome.rules.ts asks for). */
export function completeDetail(outcome: Outcome): OutcomeDetail {
  const reasons = '经审查，该信息的情况如上所述，依法作出本答复。';
  const detail: OutcomeDetail = { basis: '', reasons };
  switch (outcome) {
    case 'already_public':
      return {
        ...detail,
        accessInstructions: '已在郯城县人民政府门户网站“政府信息公开”栏目公开，可自行查阅',
      };
    case 'disclosed':
      return { ...detail, accessInstructions: '随本答复书提供纸质复印件' };
    case 'partially_disclosed':
      return {
        ...detail,
        withheldParts: '其中涉及个人身份信息和联系方式的部分',
        withheldGrounds: ['withheld_third_party'],
        accessInstructions: '其余部分随本答复书提供',
      };
    case 'withheld_prohibited_by_law':
      return { ...detail, basis: '《中华人民共和国统计法》第三十九条' };
    case 'not_held':
      return {
        ...detail,
        searchDescription: '检索了本机关 2020 年以来的收文、发文登记簿和档案室案卷目录，未找到',
      };
    case 'not_responsible':
      return { ...detail, competentAgency: { name: '郯城县住房和城乡建设局', contact: '0539-6200201' } };
    case 'repeat_application':
      return { ...detail, earlierReply: { date: '2026-01-20', reference: '郯自然资信复〔2026〕3号' } };
    case 'petition_complaint':
      return { ...detail, properChannel: '请通过 12345 政务服务便民热线或信访渠道反映' };
    case 'special_procedure':
      return { ...detail, specialProcedure: '依《不动产登记暂行条例》第二十七条，请到不动产登记中心查询' };
    case 'other':
    case 'confirmation_request':
      return { ...detail, basis: '《中华人民共和国政府信息公开条例》第三十六条' };
    default:
      return detail;
  }
}

/**
 * Runs a script. `clock` must be the clock the CasesService reads; it is left on the last step's day.
 * Steps must lie on or before the clock's real today, like any record of the past.
 */
export async function runCaseScript(
  cases: CasesService,
  clock: FixedClock,
  actors: ScriptActors,
  script: CaseScript,
  registration: Omit<RegisterCaseDto, 'evidence' | 'handlerId'>,
): Promise<CaseDetailResponse> {
  const on = (day: IsoDate) => clock.set(`${day}T10:00:00+08:00`);
  const { clerk, handler, approver } = actors;
  on(script.receivedOn);
  const assignedAtOnce = script.assignedOn === undefined || script.assignedOn === script.receivedOn;
  let c = await cases.register(clerk, {
    ...registration,
    ...(script.informationSought ? { informationSought: script.informationSought } : {}),
    applicant: { ...registration.applicant!, ...script.applicant } as ApplicantDto,
    evidence: { channel: 'in_person', submittedOn: script.receivedOn },
    ...(assignedAtOnce && script.assignedOn !== null ? { handlerId: handler.id } : {}),
  } as RegisterCaseDto);
  const step = async (day: IsoDate, run: (version: number) => Promise<CaseDetailResponse>) => {
    on(day);
    c = await run(c.version);
  };
  if (script.correction) {
    const { noticeOn, periodEndsOn, correctedOn } = script.correction;
    const assigned = c.handlerId !== null;
    await step(noticeOn, (version) =>
      cases.requestCorrection(assigned ? handler : clerk, c.id, {
        version,
        noticeSentOn: noticeOn,
        items: ['请写明所需信息的具体年份和地块名称'],
        periodEndsOn,
        means: '当面告知',
      }),
    );
    if (!correctedOn) {
      if (script.correction.lapse === false) return c;
      // Art. 30: the period ended without a correction; the next sweep closes the case.
      const day = new Date(Date.parse(`${periodEndsOn}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
      on(day);
      await cases.applyLapse(c.id, 'lapse_correction', day);
      return c;
    }
    await step(correctedOn, (version) =>
      cases.receiveCorrection(clerk, c.id, {
        version,
        evidence: { channel: 'in_person', submittedOn: correctedOn },
      }),
    );
  }
  if (script.withdrawnOn && !script.reply) {
    await step(script.withdrawnOn, (version) =>
      cases.withdraw(clerk, c.id, { version, withdrawnOn: script.withdrawnOn!, means: '申请人书面撤回' }),
    );
    return c;
  }
  if (script.assignedOn && !assignedAtOnce) {
    await step(script.assignedOn, (version) => cases.assign(clerk, c.id, { version, handlerId: handler.id }));
  }
  if (script.assignedOn === null) return c;
  if (script.consultation) {
    const k = script.consultation;
    await step(k.on, (version) =>
      cases.startConsultation(handler, c.id, {
        version,
        kind: 'third_party',
        partyName: '郯城县某建材有限公司',
        matter: '拟公开的信息涉及贵公司的商业信息',
        dispatchedOn: k.on,
      }),
    );
    const consultationId = c.consultations[0].id;
    if (k.partyReceivedOn) {
      await step(k.partyReceivedOn, (version) =>
        cases.recordConsultationReceipt(clerk, c.id, {
          version,
          consultationId,
          partyReceivedOn: k.partyReceivedOn!,
        }),
      );
    }
    if (k.repliedOn) {
      await step(k.repliedOn, (version) =>
        cases.recordConsultationReply(clerk, c.id, {
          version,
          consultationId,
          repliedOn: k.repliedOn!,
          result: 'consent',
          summary: '同意公开',
        }),
      );
    }
  }
  if (script.extension) {
    const { on: day, days } = script.extension;
    await step(day, (version) =>
      cases.requestExtension(handler, c.id, { version, days, reason: '需要调取档案室的历史档案' }),
    );
    await step(day, (version) =>
      cases.decideExtension(approver, c.id, { version, approve: true, decidedOn: day }),
    );
    await step(day, (version) =>
      cases.notifyExtension(clerk, c.id, { version, notifiedOn: day, means: '当面送达延期答复告知书' }),
    );
  }
  const draftOn = script.reply?.on ?? script.inReviewOn;
  if (!draftOn) return c;
  const outcome = script.reply?.outcome ?? 'disclosed';
  await step(draftOn, (version) => cases.startDrafting(handler, c.id, { version }));
  await step(draftOn, (version) =>
    cases.saveDraft(handler, c.id, { version, outcome, detail: completeDetail(outcome) }),
  );
  await step(draftOn, (version) => cases.submitForReview(handler, c.id, { version }));
  if (!script.reply) return c;
  await step(draftOn, (version) => cases.approve(approver, c.id, { version }));
  await step(draftOn, (version) => cases.issueReply(clerk, c.id, { version, repliedOn: draftOn }));
  if (script.servedOn) {
    await step(script.servedOn, (version) =>
      cases.serve(clerk, c.id, {
        version,
        servedOn: script.servedOn!,
        means: 'EMS 邮寄',
        proof: 'EMS 1234567890123',
      }),
    );
  }
  return c;
}
