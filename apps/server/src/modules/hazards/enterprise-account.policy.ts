import { eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import type { DbOrTx } from '../../platform/db/database.js';
import { enterprises } from './hazards.tables.js';
import { assertSafetyPlaceInScope, type SafetyPlace } from './safety-scope.policy.js';

/**
 * The enterprise an `enterprise` account speaks for (none for staff, or for an account not linked yet). Such an
 * account sits in an org whose subtree holds nothing: every scope rule shuts it out but for this enterprise.
 */
export async function accountEnterpriseIdOf(db: DbOrTx, actor: Actor): Promise<number | undefined> {
  if (!actor.roles.includes('enterprise')) return undefined;
  const [row] = await db
    .select({ id: enterprises.id })
    .from(enterprises)
    .where(eq(enterprises.accountUserId, actor.userId));
  return row?.id;
}

/**
 * Refuses (403 OUT_OF_SCOPE) an enterprise, or a hazard of one, out of the actor's reach: staff by their scope,
 * an enterprise account its own enterprise alone.
 */
export async function assertSafetyReachable(
  db: DbOrTx,
  actor: Actor,
  place: SafetyPlace,
  enterpriseId: number,
): Promise<void> {
  if ((await accountEnterpriseIdOf(db, actor)) === enterpriseId) return;
  assertSafetyPlaceInScope(actor, place);
}

/** Where a list of enterprises, inspections or hazards looks: a scope, narrowed to one enterprise or not. */
export interface SafetyListScope {
  scopePath: string;
  enterpriseId?: number;
}

/**
 * Where the actor's list looks: staff in their scope (narrowed to `enterpriseId` when asked); an enterprise
 * account at its own enterprise wherever it lies. None (`undefined`: an empty list) when an enterprise account
 * asks for another's.
 */
export async function safetyListScopeOf(
  db: DbOrTx,
  actor: Actor,
  enterpriseId: number | undefined,
): Promise<SafetyListScope | undefined> {
  const own = await accountEnterpriseIdOf(db, actor);
  if (own === undefined) return { scopePath: actor.scopePath, ...(enterpriseId ? { enterpriseId } : {}) };
  if (enterpriseId !== undefined && enterpriseId !== own) return undefined;
  return { scopePath: '/', enterpriseId: own };
}
