import { type Actor, isInScope } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors/app-error.js';

/**
 * Refuses an org outside the actor's data scope with 403. The org tree is public administrative data, so
 * its existence is not hidden; what lies outside one's scope is simply not one's to read or change.
 */
export function assertOrgInScope(actor: Actor, org: { path: string }): void {
  if (!isInScope(actor, org.path)) throw new AppError('OUT_OF_SCOPE', '该组织不在您的管辖范围内');
}

/** Whether the actor sees personal data (phones of staff …) unmasked. */
export function seesPersonalData(actor: Actor): boolean {
  return actor.permissions.has('personal_data.read');
}
