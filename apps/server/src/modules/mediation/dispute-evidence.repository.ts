import { asc, eq, sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../../platform/db/database.js';
import { disputeEvidence } from './mediation.tables.js';

/** An evidence row. */
export type EvidenceRow = typeof disputeEvidence.$inferSelect;

/**
 * Ids for `count` new evidence rows, drawn before the rows are written: the register event lists them and
 * is written in the same transaction.
 */
export async function allocateEvidenceIds(db: DbOrTx, count: number): Promise<number[]> {
  if (count === 0) return [];
  const rows = await queryRows<{ id: number }>(
    db,
    sql`select nextval(pg_get_serial_sequence('dispute_evidence', 'id'))::int as id
          from generate_series(1, ${count}::int)`,
  );
  return rows.map((r) => Number(r.id));
}

/** Inserts evidence rows (with their allocated ids). */
export async function insertEvidence(db: DbOrTx, values: (typeof disputeEvidence.$inferInsert)[]) {
  if (values.length === 0) return;
  await db.insert(disputeEvidence).values(values);
}

/** A dispute's evidence, oldest first. */
export async function findEvidenceOf(db: DbOrTx, disputeId: number): Promise<EvidenceRow[]> {
  return db
    .select()
    .from(disputeEvidence)
    .where(eq(disputeEvidence.disputeId, disputeId))
    .orderBy(asc(disputeEvidence.id));
}

/** One evidence row by id. */
export async function findEvidence(db: DbOrTx, id: number): Promise<EvidenceRow | undefined> {
  const [row] = await db.select().from(disputeEvidence).where(eq(disputeEvidence.id, id));
  return row;
}
