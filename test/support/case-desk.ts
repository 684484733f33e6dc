import type { CaseDetailResponse } from '../../src/cases/dto/case-response.dto.js';
import type { Outcome } from '../../src/cases/outcome.js';
import { as, signIn, type AuthedHttp } from './auth.js';
import { registration } from './cases.js';
import type { TestApp } from './test-app.js';

/** A case as the API answers it, with the problem members a refused step adds. */
export type CaseBody = CaseDetailResponse & {
  code?: string;
  detail?: string;
  errors?: Array<{ field: string }>;
};

export const REASONS = '经审查，该信息涉及的内容依法属于上述情形，故作出如上答复。';

/** The facts each outcome needs (outcome.rules.ts), as a handler would type them. */
const DETAILS: Record<string, object> = {
  already_public: { accessInstructions: '已在郯城县人民政府网站“政府信息公开”栏目公开' },
  disclosed: { accessInstructions: '随本答复书提供复印件' },
  partially_disclosed: {
    basis: '第三十七条',
    reasons: REASONS,
    withheldParts: '补偿名单中个人身份证号码和银行账号',
    withheldGrounds: ['withheld_third_party'],
  },
  not_held: {
    basis: '第三十六条第（四）项',
    reasons: REASONS,
    searchDescription: '检索了本局档案室2019—2026年全部文书档案和业务系统',
  },
  not_responsible: {
    basis: '第三十六条第（五）项',
    reasons: REASONS,
    competentAgency: { name: '郯城县住房和城乡建设局', contact: '0539-6200103' },
  },
  repeat_application: {
    basis: '第三十六条第（六）项',
    reasons: REASONS,
    earlierReply: { date: '2026-10-12', reference: '郯自然资信复〔2026〕9号' },
  },
  petition_complaint: {
    basis: '第三十九条第一款',
    reasons: REASONS,
    properChannel: '郯城县信访局（人民路 100 号）',
  },
  special_procedure: {
    basis: '第三十六条第（七）项',
    reasons: REASONS,
    specialProcedure: '《不动产登记暂行条例》第二十七条，到县不动产登记中心查询',
  },
  withheld_prohibited_by_law: { basis: '《中华人民共和国统计法》第三十九条', reasons: REASONS },
  confirmation_request: { basis: '《政府信息公开条例》第二条', reasons: REASONS },
  other: { basis: '《政府信息公开条例》第三十六条', reasons: REASONS },
};
export const detailFor = (outcome: Outcome): object => DETAILS[outcome] ?? { basis: '', reasons: REASONS };

/**
 * A county office at work over HTTP, for journey tests: the demo agency's clerk, handler and approver,
 * a clock that can be moved (everyone signs in again: a session does not outlive a jump of days),
 * registration and steps that fail the test with the server's answer when the status is not the one
 * expected.
 */
export class CaseDesk {
  clerk!: AuthedHttp;
  handler!: AuthedHttp;
  approver!: AuthedHttp;
  handlerId!: string;

  constructor(
    private readonly t: TestApp,
    private readonly agency = 'zrzyj',
  ) {}

  /** Moves the clock to 10:00 in Shanghai on `date` and signs everyone in again. */
  async at(date: string): Promise<void> {
    this.t.clock.set(`${date}T10:00:00+08:00`);
    this.clerk = as(this.t, await signIn(this.t, `${this.agency}.clerk`));
    const handler = await signIn(this.t, `${this.agency}.handler`);
    this.handler = as(this.t, handler);
    this.handlerId = handler.userId;
    this.approver = as(this.t, await signIn(this.t, `${this.agency}.approver`));
  }

  /** Registers an application (assigned to the handler unless `handlerId: undefined`). */
  async open(overrides: object = {}): Promise<CaseBody> {
    const res = await this.clerk
      .post('/api/v1/cases')
      .send(registration({ handlerId: this.handlerId, ...overrides }))
      .expect(201);
    return res.body as CaseBody;
  }

  /** Takes a step; anything but `status` fails with the server's answer. */
  async step(
    who: AuthedHttp,
    c: CaseBody,
    action: string,
    body: object = {},
    status = 200,
  ): Promise<CaseBody> {
    const res = await who.post(`/api/v1/cases/${c.id}/${action}`).send({ version: c.version, ...body });
    if (res.status !== status) throw new Error(`${action}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as CaseBody;
  }

  /** The case as it is now. */
  async get(c: { id: string }): Promise<CaseBody> {
    return (await this.clerk.get(`/api/v1/cases/${c.id}`).expect(200)).body as CaseBody;
  }
}
