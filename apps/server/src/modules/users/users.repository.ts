import { and, asc, count, eq, ilike, inArray, like, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database.js';
import { containsPattern } from '../../platform/db/text-search.js';
import { orgs } from '../orgs/orgs.tables.js';
import { rolePermissions, userRoles, users } from './users.tables.js';

/** Filters of a user list; `withinPath` bounds it to an org subtree. */
export interface UserFilter {
  withinPath: string;
  role?: string;
  /** users one of whose roles holds this permission */
  permission?: string;
  q?: string;
  active?: boolean;
  limit: number;
  offset: number;
}

const userColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  orgId: users.orgId,
  orgName: orgs.name,
  orgPath: orgs.path,
  phone: users.phone,
  active: users.active,
  lockedUntil: users.lockedUntil,
  lastLoginAt: users.lastLoginAt,
  version: users.version,
  createdAt: users.createdAt,
  roles: sql<string[]>`coalesce((select array_agg(ur.role order by ur.role) from user_roles ur
                                  where ur.user_id = ${users.id}), '{}')`,
};

/** A user as the API reads him: with org name and roles, never the password hash. */
export type UserView = Awaited<ReturnType<typeof findUserView>> & {};

function conditionsOf(filter: UserFilter): SQL | undefined {
  const conditions: (SQL | undefined)[] = [like(orgs.path, `${filter.withinPath}%`)];
  if (filter.active !== undefined) conditions.push(eq(users.active, filter.active));
  if (filter.role) {
    conditions.push(inArray(users.id, sql`(select user_id from user_roles where role = ${filter.role})`));
  }
  if (filter.permission) {
    conditions.push(
      inArray(
        users.id,
        sql`(select ${userRoles.userId} from ${userRoles} inner join ${rolePermissions}
              on ${rolePermissions.role} = ${userRoles.role} where ${rolePermissions.permission} = ${filter.permission})`,
      ),
    );
  }
  if (filter.q) {
    const pattern = containsPattern(filter.q);
    conditions.push(or(ilike(users.username, pattern), ilike(users.displayName, pattern)));
  }
  return and(...conditions);
}

/** A page of users inside a subtree. */
export async function listUsers(db: DbOrTx, filter: UserFilter) {
  const where = conditionsOf(filter);
  const [rows, totals] = await Promise.all([
    db
      .select(userColumns)
      .from(users)
      .innerJoin(orgs, eq(orgs.id, users.orgId))
      .where(where)
      .orderBy(asc(users.username))
      .limit(filter.limit)
      .offset(filter.offset),
    db.select({ n: count() }).from(users).innerJoin(orgs, eq(orgs.id, users.orgId)).where(where),
  ]);
  return { rows, total: totals[0]?.n ?? 0 };
}

/** One user with org and roles. */
export async function findUserView(db: DbOrTx, id: number) {
  const [row] = await db
    .select(userColumns)
    .from(users)
    .innerJoin(orgs, eq(orgs.id, users.orgId))
    .where(eq(users.id, id));
  return row;
}

/** Whether a username is taken (usernames are stored lower-case). */
export async function isUsernameTaken(db: DbOrTx, username: string): Promise<boolean> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.username, username.toLowerCase()));
  return row !== undefined;
}

/** Inserts a user with his roles. */
export async function insertUser(
  db: DbOrTx,
  values: typeof users.$inferInsert,
  roles: readonly string[],
): Promise<number> {
  const [row] = await db
    .insert(users)
    .values({ ...values, username: values.username.toLowerCase() })
    .returning({ id: users.id });
  await replaceUserRoles(db, row!.id, roles);
  return row!.id;
}

/** Updates a user if still at `version`; false when someone changed him meanwhile. */
export async function updateUserAtVersion(
  db: DbOrTx,
  id: number,
  version: number,
  patch: Partial<typeof users.$inferInsert>,
  now: Date,
): Promise<boolean> {
  const rows = await db
    .update(users)
    .set({ ...patch, version: version + 1, updatedAt: now })
    .where(and(eq(users.id, id), eq(users.version, version)))
    .returning({ id: users.id });
  return rows.length === 1;
}

/** Replaces a user's roles. */
export async function replaceUserRoles(db: DbOrTx, userId: number, roles: readonly string[]): Promise<void> {
  await db.delete(userRoles).where(eq(userRoles.userId, userId));
  if (roles.length > 0) await db.insert(userRoles).values(roles.map((role) => ({ userId, role })));
}

/** Sets a password hash and clears any lock-out. */
export async function setPasswordHash(
  db: DbOrTx,
  id: number,
  passwordHash: string,
  now: Date,
): Promise<void> {
  await db
    .update(users)
    .set({ passwordHash, failedLoginCount: 0, lockedUntil: null, updatedAt: now })
    .where(eq(users.id, id));
}

/** Clears a lock-out. */
export async function unlockUser(db: DbOrTx, id: number, now: Date): Promise<void> {
  await db
    .update(users)
    .set({ failedLoginCount: 0, lockedUntil: null, updatedAt: now })
    .where(eq(users.id, id));
}

/** Every role's granted permissions. */
export async function listRolePermissions(db: DbOrTx) {
  return db
    .select()
    .from(rolePermissions)
    .orderBy(asc(rolePermissions.role), asc(rolePermissions.permission));
}

/** Replaces the permissions granted to a role. */
export async function replaceRolePermissions(db: DbOrTx, role: string, permissions: readonly string[]) {
  await db.delete(rolePermissions).where(eq(rolePermissions.role, role));
  if (permissions.length > 0) {
    await db.insert(rolePermissions).values(permissions.map((permission) => ({ role, permission })));
  }
}
