import { createHash, randomBytes } from 'node:crypto';
import { eq, lt, sql } from 'drizzle-orm';
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

/** Pushes a session's expiry forward (sliding expiry). */
export async function extendSession(db: DbOrTx, tokenHash: string, expiresAt: Date): Promise<void> {
  await db.update(sessions).set({ expiresAt }).where(eq(sessions.tokenHash, tokenHash));
}

/** Removes expired sessions. */
export async function purgeExpiredSessions(db: DbOrTx, now: Date): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
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
  expires_at: Date | string;
  roles: string[];
  permissions: string[];
}

/** Finds a live session by token hash, with everything a request needs to know about its user: one query. */
export async function findLiveSession(
  db: DbOrTx,
  tokenHash: string,
  now: Date,
): Promise<SessionRow | undefined> {
  const rows = await queryRows<SessionRow>(
    db,
    sql`select u.id as user_id, u.username, u.display_name, u.active,
               o.id as org_id, o.code as org_code, o.name as org_name, o.kind as org_kind, o.path as org_path,
               s.expires_at,
               coalesce((select array_agg(ur.role order by ur.role) from user_roles ur where ur.user_id = u.id),
                        '{}') as roles,
               coalesce((select array_agg(distinct rp.permission) from user_roles ur
                          join role_permissions rp on rp.role = ur.role where ur.user_id = u.id), '{}') as permissions
          from sessions s
          join users u on u.id = s.user_id
          join orgs o on o.id = u.org_id
         where s.token_hash = ${tokenHash} and s.expires_at > ${now.toISOString()}`,
  );
  return rows[0];
}
