import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AgencyScope } from '../auth/agency-scope.js';
import type { AuthUser } from '../auth/auth-user.js';
import { DomainError } from '../common/errors/domain-error.js';

export interface CaseRef {
  readonly caseId: string;
  readonly caseNumber: string;
  readonly agencyId: string;
  readonly agencyName: string;
}

/** The scope a supervision read covers, and the agency it is about (null: county-wide). */
export interface ReadScope {
  readonly scope: AgencyScope;
  readonly agencyId: string | null;
}

/** Names for ids (agencies, users, case numbers), each fetched in one query for a whole page. */
@Injectable()
export class SupervisionLookups {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * What a user may read: an agency they name (another agency's, or an unknown one, is 404 unless
   * they read across agencies), else the whole county for supervisors and admins, else their own.
   */
  async readScope(user: AuthUser, agencyId: string | undefined): Promise<ReadScope> {
    const readable = AgencyScope.readableBy(user);
    if (agencyId !== undefined) {
      const exists = await this.dataSource.query(`SELECT 1 FROM agency WHERE id = $1`, [agencyId]);
      if (!readable.covers(agencyId) || exists.length === 0) throw DomainError.notFound('机关');
      return { scope: AgencyScope.only(agencyId), agencyId };
    }
    if (readable.isAll) return { scope: readable, agencyId: null };
    return { scope: readable, agencyId: readable.agencyIds[0] as string };
  }

  async agencyNames(): Promise<Map<string, string>> {
    const rows = (await this.dataSource.query(`SELECT id, name FROM agency`)) as Array<{
      id: string;
      name: string;
    }>;
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  async userNames(ids: readonly (string | null)[]): Promise<Map<string, string>> {
    const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
    if (wanted.length === 0) return new Map();
    const rows = (await this.dataSource.query(
      `SELECT id, display_name FROM app_user WHERE id = ANY($1::uuid[])`,
      [wanted],
    )) as Array<{ id: string; display_name: string }>;
    return new Map(rows.map((r) => [r.id, r.display_name]));
  }

  async caseRefs(
    caseIds: readonly string[],
  ): Promise<Map<string, CaseRef & { informationSought: string; status: string }>> {
    if (caseIds.length === 0) return new Map();
    const rows = (await this.dataSource.query(
      `SELECT c.id, c.case_number, c.agency_id, g.name AS agency_name, c.information_sought, c.status
         FROM disclosure_case c JOIN agency g ON g.id = c.agency_id
        WHERE c.id = ANY($1::uuid[])`,
      [[...new Set(caseIds)]],
    )) as Array<{
      id: string;
      case_number: string;
      agency_id: string;
      agency_name: string;
      information_sought: string;
      status: string;
    }>;
    return new Map(
      rows.map((r) => [
        r.id,
        {
          caseId: r.id,
          caseNumber: r.case_number,
          agencyId: r.agency_id,
          agencyName: r.agency_name,
          informationSought: r.information_sought,
          status: r.status,
        },
      ]),
    );
  }
}
