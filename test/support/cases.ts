import { DataSource } from 'typeorm';
import { Agency } from '../../src/agencies/agency.entity.js';
import type { AuthUser } from '../../src/auth/auth-user.js';
import type { Role } from '../../src/auth/role.js';
import { User } from '../../src/auth/user.entity.js';
import type { CaseStatus } from '../../src/cases/case-status.js';
import type { ApplicantDto } from '../../src/cases/dto/applicant.dto.js';
import { CaseQueriesService } from '../../src/cases/case-queries.service.js';
import { CasesService } from '../../src/cases/cases.service.js';
import type { CaseDetailResponse } from '../../src/cases/dto/case-response.dto.js';
import type { RegisterCaseDto } from '../../src/cases/dto/register-case.dto.js';
import { CaseLettersService } from '../../src/letters/case-letters.service.js';
import type { IssueLetterDto } from '../../src/letters/dto/issue-letter.dto.js';
import type { IssuedLetterDetailDto } from '../../src/letters/dto/issued-letter.dto.js';
import type { TestApp } from './test-app.js';

/** A natural person with a valid ID number. */
export function applicant(overrides: Partial<ApplicantDto> = {}): ApplicantDto {
  return {
    type: 'natural_person',
    name: '张三',
    idType: 'resident_id',
    idNumber: '11010519491231002X',
    phone: '13800138000',
    address: '山东省临沂市郯城县人民路 1 号',
    postcode: '276100',
    ...overrides,
  };
}

/** A valid in-person registration (the test clock's today is 2026-11-27). */
export function registration(overrides: Partial<RegisterCaseDto> = {}): RegisterCaseDto {
  return {
    applicant: {
      type: 'natural_person',
      name: '张三',
      idType: 'resident_id',
      idNumber: '11010519491231002X',
      phone: '13800138000',
      address: '山东省临沂市郯城县人民路 1 号',
      postcode: '276100',
    },
    evidence: { channel: 'in_person', submittedOn: '2026-11-27' },
    informationSought: '2025年度郯城县城区土地征收补偿安置方案',
    requestedForm: 'paper',
    deliveryMethod: 'post',
    ...overrides,
  } as RegisterCaseDto;
}

/** The states a test can ask a case to be in, and how it gets there through the real service. */
export type GivenState =
  | CaseStatus
  | 'drafted' // drafting with a complete 予以公开 draft
  | 'extension_requested'
  | 'extension_approved'
  | 'consulting';

export interface GivenCase {
  id: string;
  version: number;
  agencyId: string;
  consultationId?: string;
  detail: CaseDetailResponse;
}

/**
 * Builders that read like the domain: `await given.caseIn(agencyId, 'in_review')` registers a case
 * as the agency's demo clerk and walks it through the real service to that state.
 */
export class Given {
  private readonly users = new Map<string, AuthUser>();

  constructor(private readonly t: TestApp) {}

  private get cases(): CasesService {
    return this.t.app.get(CasesService);
  }

  async agencyId(code: string): Promise<string> {
    return (await this.t.app.get(DataSource).getRepository(Agency).findOneByOrFail({ code })).id;
  }

  /** The demo user holding `role` in the agency, as the AuthGuard would present them. */
  async user(agencyId: string, role: Role): Promise<AuthUser> {
    const key = `${agencyId}:${role}`;
    const cached = this.users.get(key);
    if (cached) return cached;
    const user = await this.t.app
      .get(DataSource)
      .getRepository(User)
      .createQueryBuilder('u')
      .where('u.agencyId = :agencyId AND :role = ANY(u.roles)', { agencyId, role })
      .orderBy('u.username')
      .getOneOrFail();
    const auth: AuthUser = {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      agencyId: user.agencyId,
      roles: user.roles,
      sessionId: 'given',
      authenticatedBy: 'bearer',
      mustChangePassword: false,
      client: { ip: '127.0.0.1', userAgent: 'given' },
    };
    this.users.set(key, auth);
    return auth;
  }

  /**
   * A letter issued through the real service by the agency's clerk (default: the 登记回执 of a fresh
   * case under investigation).
   */
  async letterIn(
    agencyId: string,
    options: { state?: GivenState; letter?: IssueLetterDto } = {},
  ): Promise<{ caseId: string; letter: IssuedLetterDetailDto }> {
    const c = await this.caseIn(agencyId, options.state ?? 'investigating');
    const letter = await this.t.app
      .get(CaseLettersService)
      .issue(await this.user(agencyId, 'clerk'), c.id, options.letter ?? { type: 'receipt' });
    return { caseId: c.id, letter };
  }

  async register(agencyId: string, overrides: Partial<RegisterCaseDto> = {}): Promise<GivenCase> {
    const detail = await this.cases.register(await this.user(agencyId, 'clerk'), registration(overrides));
    return { id: detail.id, version: detail.version, agencyId, detail };
  }

  /**
   * `assigned`: whether the agency's demo handler has the case (default: yes, except for a case
   * still waiting to be assigned or waiting for a correction asked at the counter).
   */
  async caseIn(
    agencyId: string,
    state: GivenState,
    options: { assigned?: boolean; registration?: Partial<RegisterCaseDto> } = {},
  ): Promise<GivenCase> {
    const clerk = await this.user(agencyId, 'clerk');
    const handler = await this.user(agencyId, 'handler');
    const approver = await this.user(agencyId, 'approver');
    const assigned =
      options.assigned ?? !['registered', 'awaiting_correction', 'deemed_withdrawn'].includes(state);
    let c = await this.register(agencyId, {
      ...(assigned ? { handlerId: handler.id } : {}),
      ...options.registration,
    });
    const step = async (run: (version: number) => Promise<CaseDetailResponse>) => {
      const detail = await run(c.version);
      c = { ...c, version: detail.version, detail };
    };
    const today = '2026-11-27';
    if (state === 'registered' || state === 'investigating') return c;
    if (state === 'awaiting_correction' || state === 'deemed_withdrawn') {
      await step((version) =>
        this.cases.requestCorrection(assigned ? handler : clerk, c.id, {
          version,
          noticeSentOn: today,
          items: ['请写明所需信息的具体年份和地块'],
          periodEndsOn: '2026-12-11',
          means: '当面告知',
        }),
      );
      if (state === 'deemed_withdrawn') {
        // Art. 30: the period ended on 12-11 without a correction; the sweep of 12-14 closes the case.
        await this.cases.applyLapse(c.id, 'lapse_correction', '2026-12-14');
        const detail = await this.t.app.get(CaseQueriesService).get(clerk, c.id);
        c = { ...c, version: detail.version, detail };
      }
      return c;
    }
    if (state === 'awaiting_fee') {
      await step((version) =>
        this.cases.sendFeeNotice(handler, c.id, {
          version,
          sentOn: today,
          method: 'per_page',
          pages: 120,
          justification: '申请提供的资料数量明显超过合理范围',
          paymentInstructions: '到县政务服务中心窗口缴纳',
        }),
      );
      return c;
    }
    if (state === 'consulting') {
      await step((version) =>
        this.cases.startConsultation(handler, c.id, {
          version,
          kind: 'third_party',
          partyName: '郯城县某建材有限公司',
          matter: '拟公开的补偿协议涉及贵公司的商业信息',
          dispatchedOn: today,
        }),
      );
      return { ...c, consultationId: c.detail.consultations[0]?.id };
    }
    if (state === 'extension_requested' || state === 'extension_approved') {
      await step((version) =>
        this.cases.requestExtension(handler, c.id, { version, days: 20, reason: '需要调取档案室的历史档案' }),
      );
      if (state === 'extension_approved') {
        await step((version) =>
          this.cases.decideExtension(approver, c.id, { version, approve: true, decidedOn: today }),
        );
      }
      return c;
    }
    if (state === 'withdrawn') {
      await step((version) =>
        this.cases.withdraw(clerk, c.id, { version, withdrawnOn: today, means: '申请人书面撤回' }),
      );
      return c;
    }
    await step((version) => this.cases.startDrafting(handler, c.id, { version }));
    if (state === 'drafting') return c;
    await step((version) =>
      this.cases.saveDraft(handler, c.id, {
        version,
        outcome: 'disclosed',
        detail: { basis: '', reasons: '', accessInstructions: '随本答复书提供纸质复印件' },
      }),
    );
    if (state === 'drafted') return c;
    await step((version) => this.cases.submitForReview(handler, c.id, { version }));
    if (state === 'in_review') return c;
    await step((version) => this.cases.approve(approver, c.id, { version }));
    if (state === 'approved') return c;
    await step((version) => this.cases.issueReply(clerk, c.id, { version, repliedOn: today }));
    if (state === 'issued') return c;
    await step((version) =>
      this.cases.serve(clerk, c.id, {
        version,
        servedOn: today,
        means: 'EMS 邮寄',
        proof: 'EMS 1234567890123',
      }),
    );
    if (state === 'served') return c;
    await step((version) => this.cases.archive(clerk, c.id, { version }));
    return c;
  }
}
