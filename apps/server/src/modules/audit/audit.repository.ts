import { and, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database.js';
import { auditLog } from './audit.tables.js';

/** One entry of the audit trail. */
export interface AuditEntry {
  /** past-tense event name, e.g. `auth.logged_in` */
  action: string;
  actorUserId?: number | null;
  actorUsername?: string | null;
  targetType?: string;
  targetId?: string | number;
  ip?: string;
  detail?: Record<string, unknown>;
}

/** Appends an entry to the audit trail (inside the caller's transaction when given one). */
export async function recordAudit(db: DbOrTx, entry: AuditEntry, at: Date): Promise<void> {
  await db.insert(auditLog).values({
    at,
    action: entry.action,
    actorUserId: entry.actorUserId ?? null,
    actorUsername: entry.actorUsername ?? null,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId === undefined ? null : String(entry.targetId),
    ip: entry.ip ?? null,
    detail: entry.detail ?? null,
  });
}

/** Filters of the audit list. */
export interface AuditFilter {
  action?: string;
  actorUserId?: number;
  from?: Date;
  to?: Date;
  beforeId?: number;
  limit: number;
}

/**
 * A newest-first page of the audit trail (keyset on id): `limit` entries and one more, which tells that
 * another page follows.
 */
export async function listAudit(db: DbOrTx, filter: AuditFilter) {
  const conditions: SQL[] = [];
  if (filter.action) conditions.push(eq(auditLog.action, filter.action));
  if (filter.actorUserId) conditions.push(eq(auditLog.actorUserId, filter.actorUserId));
  if (filter.from) conditions.push(gte(auditLog.at, filter.from));
  if (filter.to) conditions.push(lt(auditLog.at, filter.to));
  if (filter.beforeId) conditions.push(lt(auditLog.id, filter.beforeId));
  return db
    .select()
    .from(auditLog)
    .where(and(...conditions))
    .orderBy(desc(auditLog.id))
    .limit(filter.limit + 1);
}

/** Appends an entry for something a signed-in actor did. */
export async function recordActorAudit(
  db: DbOrTx,
  actor: { userId: number; username: string; ip: string },
  at: Date,
  entry: { action: string; targetType: string; targetId: string | number; detail?: Record<string, unknown> },
): Promise<void> {
  await recordAudit(
    db,
    { ...entry, actorUserId: actor.userId, actorUsername: actor.username, ip: actor.ip },
    at,
  );
}
