import type { EntityManager } from 'typeorm';
import { CASE_STATUS_LABELS, type CaseStatus } from './case-status.js';
import type { CaseWarning } from './case-details.js';

export interface SimilarApplication {
  readonly id: string;
  readonly caseNumber: string;
  readonly receivedOn: string;
  readonly status: CaseStatus;
}

/**
 * Art. 36(6): earlier applications of the same applicant at this agency asking for similar
 * information (pg_trgm similarity). Used when registering and when the clerk is still typing.
 */
export async function similarApplications(
  manager: EntityManager,
  agencyId: string,
  applicantId: string,
  informationSought: string,
): Promise<SimilarApplication[]> {
  const rows = (await manager.query(
    `SELECT id, case_number, received_on::text AS received_on, status
       FROM disclosure_case
      WHERE agency_id = $1 AND applicant_id = $2 AND similarity(information_sought, $3) >= 0.45
      ORDER BY received_on DESC LIMIT 5`,
    [agencyId, applicantId, informationSought],
  )) as Array<{ id: string; case_number: string; received_on: string; status: CaseStatus }>;
  return rows.map((r) => ({
    id: r.id,
    caseNumber: r.case_number,
    receivedOn: r.received_on,
    status: r.status,
  }));
}

/** The clerk's warning for similar earlier applications, or undefined when there are none. */
export function possibleRepeatWarning(similar: readonly SimilarApplication[]): CaseWarning | undefined {
  if (similar.length === 0) return undefined;
  return {
    code: 'possible_repeat',
    message: `该申请人曾申请过相似内容（${similar.map((s) => `${s.caseNumber}，${s.receivedOn}，${CASE_STATUS_LABELS[s.status]}`).join('；')}），请核实是否属于重复申请（第三十六条第（六）项）。`,
    relatedCaseIds: similar.map((s) => s.id),
  };
}
