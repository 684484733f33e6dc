import type { Response } from 'superagent';
import { CasesService } from '../../src/cases/cases.service.js';
import type { CaseDetailResponse } from '../../src/cases/dto/case-response.dto.js';
import { runCaseScript, type CaseScript } from '../../src/supervision/case-script.js';
import { applicant, registration, type Given } from './cases.js';
import type { TestApp } from './test-app.js';

/** The test clock's "now" (test-app.ts). */
export const NOW = '2026-11-27T10:00:00+08:00';

/** A valid 统一社会信用代码 (GB 32100) for organisations. */
export const CREDIT_CODE = '91350100M000100Y43';

/** Builds a case on the days its script says (the app's clock moves), then puts the clock back. */
export async function scripted(
  t: TestApp,
  given: Given,
  agencyId: string,
  script: CaseScript,
): Promise<CaseDetailResponse> {
  try {
    return await runCaseScript(
      t.app.get(CasesService),
      t.clock,
      {
        clerk: await given.user(agencyId, 'clerk'),
        handler: await given.user(agencyId, 'handler'),
        approver: await given.user(agencyId, 'approver'),
      },
      script,
      { ...registration(), applicant: applicant() },
    );
  } finally {
    t.clock.set(NOW);
  }
}

export const organisation = (
  type: 'commercial_enterprise' | 'research_institution' | 'legal_service_org',
) => ({
  type,
  name: '郯城县某单位',
  idType: 'credit_code' as const,
  idNumber: CREDIT_CODE,
});

/**
 * The hand-checked set (test/e2e/supervision.e2e-spec.ts works out every figure from it): eight
 * cases of 自然资源局 (Z) and two of 教体局 (J), 2025-12 to 2026-11, closed, open, overdue, paused.
 */
export async function buildHandCheckedSet(t: TestApp, given: Given, zrzyj: string, jtj: string) {
  const z = (script: CaseScript) => scripted(t, given, zrzyj, script);
  const j = (script: CaseScript) => scripted(t, given, jtj, script);
  return {
    // Received 2025-12-22, due 2026-01-20, answered 2026-01-12 (14 WD): 上年结转 in 2026.
    z1: await z({
      receivedOn: '2025-12-22',
      reply: { on: '2026-01-12', outcome: 'disclosed' },
      servedOn: '2026-01-13',
    }),
    // Due 03-30, answered 03-20 (14 WD).
    z2: await z({ receivedOn: '2026-03-02', reply: { on: '2026-03-20', outcome: 'disclosed' } }),
    // Due 04-30 (清明 4-4..4-6 off), answered 05-08 after 劳动节 (23 WD): 逾期已办 by 3 WD.
    z3: await z({ receivedOn: '2026-04-01', reply: { on: '2026-05-08', outcome: 'not_held' } }),
    // 补正 notice 09-03, period to 09-15, no correction: 视为放弃 on 09-16 (三（六）1, no due date).
    z4: await z({
      receivedOn: '2026-09-01',
      applicant: organisation('commercial_enterprise'),
      correction: { noticeOn: '2026-09-03', periodEndsOn: '2026-09-15' },
    }),
    // Open, due 12-18: 15 WD left on 11-27.
    z5: await z({ receivedOn: '2026-11-20', applicant: organisation('legal_service_org') }),
    // Open, due 11-17: 逾期未办 by 8 WD on 11-27.
    z6: await z({ receivedOn: '2026-10-20' }),
    // Open, in review, due 11-27 (today): 即将逾期, 0 WD left.
    z7: await z({ receivedOn: '2026-10-30', inReviewOn: '2026-11-26' }),
    // Open, paused since 11-25 (third-party consultation): due moves from 11-30 to 12-02.
    z8: await z({ receivedOn: '2026-11-02', consultation: { on: '2026-11-25' } }),
    // Withdrawn 02-10 (6 WD; due 03-06): 三（六）3.
    j1: await j({ receivedOn: '2026-02-02', withdrawnOn: '2026-02-10' }),
    // 不予公开 (过程性信息) 07-15 (10 WD), later reconsidered and sued.
    j2: await j({
      receivedOn: '2026-07-01',
      applicant: organisation('research_institution'),
      reply: { on: '2026-07-15', outcome: 'withheld_process_info' },
      servedOn: '2026-07-16',
    }),
  };
}

/** supertest parser that keeps a binary body as a Buffer. */
export const binary = (res: Response, done: (error: Error | null, body: Buffer) => void): void => {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
};
