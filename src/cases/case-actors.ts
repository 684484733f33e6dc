import type { AuthUser } from '../auth/auth-user.js';
import type { WorkflowActor } from './case.workflow.js';

/**
 * What a user is for one case: clerk and approver of its agency by role, handler only of the cases
 * assigned to them. Supervisors and admins read across agencies but never act on another agency's
 * case; nobody acts on another agency's case.
 */
export function actorsFor(
  user: Pick<AuthUser, 'id' | 'agencyId' | 'roles'>,
  c: { agencyId: string; handlerId: string | null },
): WorkflowActor[] {
  if (user.agencyId !== c.agencyId) return [];
  const actors: WorkflowActor[] = [];
  if (user.roles.includes('clerk')) actors.push('clerk');
  if (user.roles.includes('handler') && c.handlerId === user.id) actors.push('handler');
  if (user.roles.includes('approver')) actors.push('approver');
  return actors;
}
