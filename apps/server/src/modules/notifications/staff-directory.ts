import type { Role } from '@shanzhi/shared';
import { and, eq } from 'drizzle-orm';
import { isInScope, scopePathOf } from '../../platform/auth/actor.js';
import type { DbOrTx } from '../../platform/db/database.js';
import { orgs } from '../orgs/orgs.tables.js';
import { userRoles, users } from '../users/users.tables.js';

/** An active staff member holding a role, with his org and data scope. */
export interface StaffMember {
  userId: number;
  orgId: number;
  /** root of his data scope (`scopePathOf` his org) */
  scopePath: string;
}

/**
 * Who holds which role where, read once per role for a batch of outbox rows (staff lists are short next
 * to the rows; one query per role beats one per row).
 */
export class StaffDirectory {
  private readonly byRole = new Map<Role, Promise<StaffMember[]>>();

  constructor(private readonly db: DbOrTx) {}

  /** The active users holding `role`. */
  withRole(role: Role): Promise<StaffMember[]> {
    let members = this.byRole.get(role);
    if (!members) {
      members = this.load(role);
      this.byRole.set(role, members);
    }
    return members;
  }

  /** The handlers (承办人) working in exactly these orgs — a unit's own staff, not those of the orgs below. */
  async handlersOf(orgIds: readonly number[]): Promise<number[]> {
    const wanted = new Set(orgIds);
    return (await this.withRole('handler')).filter((m) => wanted.has(m.orgId)).map((m) => m.userId);
  }

  /**
   * The dispatchers answerable for an owner org: those of the nearest level whose scope holds it (a
   * district centre's dispatchers for their district's cases, the city's for its own), not every level above.
   */
  async dispatchersFor(ownerPath: string): Promise<number[]> {
    const holding = (await this.withRole('dispatcher')).filter((m) => isInScope(m, ownerPath));
    const nearest = Math.max(0, ...holding.map((m) => m.scopePath.length));
    return holding.filter((m) => m.scopePath.length === nearest).map((m) => m.userId);
  }

  /** The supervisors whose scope holds any of the paths (a case's area, owner and units). */
  async supervisorsFor(paths: readonly string[]): Promise<number[]> {
    return (await this.withRole('supervisor'))
      .filter((m) => paths.some((path) => isInScope(m, path)))
      .map((m) => m.userId);
  }

  private async load(role: Role): Promise<StaffMember[]> {
    const rows = await this.db
      .select({ userId: users.id, orgId: users.orgId, kind: orgs.kind, path: orgs.path })
      .from(users)
      .innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.role, role)))
      .innerJoin(orgs, eq(orgs.id, users.orgId))
      .where(eq(users.active, true));
    return rows.map((r) => ({ userId: r.userId, orgId: r.orgId, scopePath: scopePathOf(r) }));
  }
}
