import { eq, type SQLWrapper, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../db/database.js';

/** A lifecycle table as the row writer needs it: its id, version and update time. */
type LifecycleTable = PgTable & { id: PgColumn; version: PgColumn; updatedAt: PgColumn };

/**
 * Applies a change to a locked lifecycle row together with the rows that record it (its timeline event and
 * outbox row), given as insert queries: one statement. A user's action bumps the version; the clock's and
 * the platform's own bookkeeping need not.
 */
export async function updateLifecycleRow<Row>(
  db: DbOrTx,
  table: LifecycleTable,
  id: number,
  change: { patch: Partial<Row>; now: Date; bumpVersion: boolean },
  companions: readonly SQLWrapper[],
): Promise<Row> {
  const ctes = companions.map((q, i) => db.$with(`companion_${i}`, {}).as(q.getSQL()));
  const version = change.bumpVersion ? { version: sql`${table.version} + 1` } : {};
  const [row] = await db
    .with(...ctes)
    .update(table)
    .set({ ...(change.patch as Record<string, unknown>), ...version, updatedAt: change.now })
    .where(eq(table.id, id))
    .returning();
  return row as Row;
}
