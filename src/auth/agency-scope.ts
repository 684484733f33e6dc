import {
  In,
  type EntityManager,
  type EntityTarget,
  type FindOptionsRelations,
  type FindOptionsWhere,
  type ObjectLiteral,
  type SelectQueryBuilder,
} from 'typeorm';
import { DomainError } from '../common/errors/domain-error.js';
import { hasAnyRole, type AuthUser } from './auth-user.js';
import { CROSS_AGENCY_ROLES } from './role.js';

/**
 * Which agencies' records a user may read: all of them (supervisors and admins) or a fixed list
 * (everyone else: their own agency). Derived from the AuthUser, applied where data is read — in the
 * service's query — never left to a controller to remember.
 *
 * Usage in a service (cases, letters…):
 *
 *   const scope = AgencyScope.readableBy(user);
 *   const c = await findInScopeOrFail(manager, Case, id, scope, { what: '申请' });  // 404 outside scope
 *   const list = await repo.find({ where: scope.where<Case>({ status: 'open' }) });
 *   const qb = scope.applyTo(repo.createQueryBuilder('c'), 'c.agencyId');
 *
 * Another agency's record answers 404 NOT_FOUND, never 403: its existence must not leak.
 */
export class AgencyScope {
  private constructor(readonly agencyIds: readonly string[] | 'all') {}

  static all(): AgencyScope {
    return new AgencyScope('all');
  }

  static only(...agencyIds: string[]): AgencyScope {
    if (agencyIds.length === 0) throw new Error('An agency scope needs at least one agency.');
    return new AgencyScope([...new Set(agencyIds)]);
  }

  /** What the user may read: everything for supervisors and admins, else their own agency. */
  static readableBy(user: Pick<AuthUser, 'roles' | 'agencyId'>): AgencyScope {
    if (hasAnyRole(user, CROSS_AGENCY_ROLES)) return AgencyScope.all();
    return AgencyScope.ownOf(user);
  }

  /**
   * Only the user's own agency, whatever their roles: for acting on a record (registering, replying),
   * where even a supervisor works only for their own agency.
   */
  static ownOf(user: Pick<AuthUser, 'agencyId'>): AgencyScope {
    if (!user.agencyId) throw new DomainError('FORBIDDEN', '当前用户不属于任何机关，不能办理机关的事务。');
    return AgencyScope.only(user.agencyId);
  }

  get isAll(): boolean {
    return this.agencyIds === 'all';
  }

  covers(agencyId: string | null | undefined): boolean {
    if (this.agencyIds === 'all') return true;
    return agencyId !== null && agencyId !== undefined && this.agencyIds.includes(agencyId);
  }

  /** Adds the scope to a find-options where clause (`column` is the entity property, default agencyId). */
  where<T extends ObjectLiteral>(where: FindOptionsWhere<T> = {}, column = 'agencyId'): FindOptionsWhere<T> {
    if (column in where)
      throw new Error(`The where clause already constrains ${column}: scope it another way.`);
    if (this.agencyIds === 'all') return where;
    const ids = [...this.agencyIds];
    return { ...where, [column]: ids.length === 1 ? ids[0] : In(ids) } as FindOptionsWhere<T>;
  }

  /** Adds the scope to a query builder; `column` is an alias-qualified property, e.g. `c.agencyId`. */
  applyTo<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, column: string): SelectQueryBuilder<T> {
    if (this.agencyIds === 'all') return qb;
    const parameter = `scope_${column.replace(/\W/g, '_')}`;
    return qb.andWhere(`${column} IN (:...${parameter})`, { [parameter]: [...this.agencyIds] });
  }
}

export interface FindInScopeOptions<T> {
  /** Chinese noun for the 404 detail, e.g. '申请' → “申请不存在”. */
  readonly what: string;
  /** Entity property holding the agency id (default `agencyId`; `id` for agencies themselves). */
  readonly column?: string;
  readonly relations?: FindOptionsRelations<T>;
  /**
   * Lock the row for the rest of the transaction (a state change follows). PostgreSQL cannot lock the
   * nullable side of an outer join: with `lock`, load optional relations separately.
   */
  readonly lock?: 'pessimistic_write';
}

/**
 * Loads one record by id if the scope covers its agency; otherwise — and if it does not exist —
 * throws NOT_FOUND (404), so that another agency's records are indistinguishable from missing ones.
 */
export async function findInScopeOrFail<T extends ObjectLiteral & { id: string }>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  id: string,
  scope: AgencyScope,
  options: FindInScopeOptions<T>,
): Promise<T> {
  const found = await manager.findOne(entity, {
    where: { id } as FindOptionsWhere<T>,
    relations: options.relations,
    ...(options.lock ? { lock: { mode: options.lock } } : {}),
  });
  // Checked on the loaded row rather than in the WHERE clause so that `column` may be `id` itself.
  if (!found || !scope.covers(found[options.column ?? 'agencyId'] as string | null)) {
    throw DomainError.notFound(options.what);
  }
  return found;
}
