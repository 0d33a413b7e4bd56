import { createHash, randomBytes } from 'node:crypto';
import { and, eq, lte, ne, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database.js';
import { queryRows } from '../../platform/db/database.js';
import { sessions } from './sessions.tables.js';

/** A new random session token (what the client holds) and its hash (what the database keeps). */
export function newSessionToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashSessionToken(token) };
}

/** SHA-256 of a token, hex. */
export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Stores a session. */
export async function insertSession(
  db: DbOrTx,
  row: { tokenHash: string; userId: number; expiresAt: Date; createdAt: Date; ip: string; userAgent: string },
): Promise<void> {
  await db.insert(sessions).values(row);
}

/** Ends a session. */
export async function deleteSession(db: DbOrTx, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

/** Ends every session of a user (password reset, deactivation). */
export async function deleteUserSessions(db: DbOrTx, userId: number): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

/** Ends every session of a user but the one with `keptTokenHash` (his own, after he changed his password). */
export async function deleteOtherSessions(db: DbOrTx, userId: number, keptTokenHash: string): Promise<void> {
  await db.delete(sessions).where(and(eq(sessions.userId, userId), ne(sessions.tokenHash, keptTokenHash)));
}

/** Pushes a session's expiry forward (sliding expiry). */
export async function extendSession(db: DbOrTx, tokenHash: string, expiresAt: Date): Promise<void> {
  await db.update(sessions).set({ expiresAt }).where(eq(sessions.tokenHash, tokenHash));
}

/**
 * Removes the sessions that have ended by `now`: expired, or signed in before `bornAfter` (past their
 * absolute lifetime). Returns how many.
 */
export async function purgeEndedSessions(db: DbOrTx, now: Date, bornAfter: Date): Promise<number> {
  const rows = await db
    .delete(sessions)
    .where(or(lte(sessions.expiresAt, now), lte(sessions.createdAt, bornAfter)))
    .returning({ tokenHash: sessions.tokenHash });
  return rows.length;
}

/** A live session with its user, org, roles and permissions, as one row. */
export interface SessionRow {
  user_id: number;
  username: string;
  display_name: string;
  active: boolean;
  org_id: number;
  org_code: string;
  org_name: string;
  org_kind: string;
  org_path: string;
  /** when the user signed in: the absolute lifetime counts from here */
  created_at: Date | string;
  expires_at: Date | string;
  roles: string[];
  permissions: string[];
}

/**
 * Finds a live session by token hash — not expired by `now`, signed in after `bornAfter` — with everything a
 * request needs to know about its user: one query.
 */
export async function findLiveSession(
  db: DbOrTx,
  tokenHash: string,
  now: Date,
  bornAfter: Date,
): Promise<SessionRow | undefined> {
  const rows = await queryRows<SessionRow>(
    db,
    sql`select u.id as user_id, u.username, u.display_name, u.active,
               o.id as org_id, o.code as org_code, o.name as org_name, o.kind as org_kind, o.path as org_path,
               s.created_at, s.expires_at,
               coalesce((select array_agg(ur.role order by ur.role) from user_roles ur where ur.user_id = u.id),
                        '{}') as roles,
               coalesce((select array_agg(distinct rp.permission) from user_roles ur
                          join role_permissions rp on rp.role = ur.role where ur.user_id = u.id), '{}') as permissions
          from sessions s
          join users u on u.id = s.user_id
          join orgs o on o.id = u.org_id
         where s.token_hash = ${tokenHash} and s.expires_at > ${now.toISOString()}
           and s.created_at > ${bornAfter.toISOString()}`,
  );
  return rows[0];
}
