import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * Something that makes an agency undeletable once it exists: its users, its sub-agencies, and — when
 * the cases module lands — its cases. An agency that is in use can only be deactivated.
 */
export interface AgencyUsageCheck {
  /** Chinese noun for the 409 detail, e.g. '办理的申请'. */
  readonly label: string;
  /** Runs inside the deleting transaction (the agency row is locked). */
  isUsed(manager: EntityManager, agencyId: string): Promise<boolean>;
}

/**
 * The pluggable "is this agency in use?" query. A module that owns agency-scoped records registers a
 * check once, at start-up, e.g. the cases module:
 *
 *   @Module({ imports: [AgenciesModule], … })
 *   export class CasesModule implements OnModuleInit {
 *     constructor(private readonly agencyUsage: AgencyUsageRegistry) {}
 *     onModuleInit() {
 *       this.agencyUsage.register({
 *         label: '办理的申请',
 *         isUsed: (m, agencyId) => m.existsBy(Case, { agencyId }),
 *       });
 *     }
 *   }
 *
 * DELETE /api/v1/agencies/:id then answers 409 AGENCY_IN_USE listing every label that applies.
 */
@Injectable()
export class AgencyUsageRegistry {
  private readonly checks: AgencyUsageCheck[] = [];

  register(check: AgencyUsageCheck): void {
    this.checks.push(check);
  }

  /** Labels of the checks that find the agency in use (empty: it may be deleted). */
  async usagesOf(manager: EntityManager, agencyId: string): Promise<string[]> {
    const used: string[] = [];
    for (const check of this.checks) if (await check.isUsed(manager, agencyId)) used.push(check.label);
    return used;
  }
}
