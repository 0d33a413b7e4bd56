import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/database.js';
import { caseAttachments } from './case-attachments.tables.js';

/** An attachment row as stored. */
export type AttachmentRow = typeof caseAttachments.$inferSelect;

/** Records an attachment of a case. */
export async function insertAttachment(
  db: DbOrTx,
  values: typeof caseAttachments.$inferInsert,
): Promise<AttachmentRow> {
  const [row] = await db.insert(caseAttachments).values(values).returning();
  return row!;
}

/** One attachment by id. */
export async function findAttachment(db: DbOrTx, id: number): Promise<AttachmentRow | undefined> {
  const [row] = await db.select().from(caseAttachments).where(eq(caseAttachments.id, id));
  return row;
}

/** The attachments of a case, oldest first. */
export async function listCaseAttachments(db: DbOrTx, caseId: number): Promise<AttachmentRow[]> {
  return db
    .select()
    .from(caseAttachments)
    .where(eq(caseAttachments.caseId, caseId))
    .orderBy(asc(caseAttachments.id));
}

/** Of `ids`, those that are attachments of the case. */
export async function findAttachmentIdsOfCase(
  db: DbOrTx,
  caseId: number,
  ids: readonly number[],
): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: caseAttachments.id })
    .from(caseAttachments)
    .where(and(eq(caseAttachments.caseId, caseId), inArray(caseAttachments.id, [...ids])));
  return new Set(rows.map((r) => r.id));
}
