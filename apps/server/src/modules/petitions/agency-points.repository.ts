import { and, asc, eq, exists, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database.js';
import { orgs } from '../orgs/orgs.tables.js';
import { userRoles, users } from '../users/users.tables.js';

/** The active petition agents of the org `orgId` (a column, for a correlated query, or an id). */
function agentsAt(db: DbOrTx, orgId: SQLWrapper | number) {
  return db
    .select({ id: users.id })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(and(eq(users.orgId, orgId), eq(users.active, true), eq(userRoles.role, 'petition_agent')));
}

/** The accounts of the petition agents at an agency point. */
export async function findAgentsOf(db: DbOrTx, orgId: number): Promise<number[]> {
  return (await agentsAt(db, orgId)).map((r) => r.id);
}

/** An agency point (代办点): an org where petition agents work. */
export interface AgencyPointRow {
  id: number;
  name: string;
  path: string;
}

/**
 * 代办点: the active orgs where an active user holds the petition agent's role (a police office, a town's
 * centre …) — where a petition left by a citizen has someone to take it. By name; one when `id` is given.
 */
export async function findAgencyPoints(db: DbOrTx, id?: number): Promise<AgencyPointRow[]> {
  const agentThere = agentsAt(db, orgs.id);
  const where: SQL[] = [eq(orgs.active, true), exists(agentThere)];
  if (id !== undefined) where.push(eq(orgs.id, id));
  return db
    .select({ id: orgs.id, name: orgs.name, path: orgs.path })
    .from(orgs)
    .where(and(...where))
    .orderBy(asc(orgs.name));
}
