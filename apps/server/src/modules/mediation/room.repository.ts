import { and, asc, eq, gt, isNotNull } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database.js';
import { disputeMessages, disputeParties, disputeRoomSessions, disputes } from './mediation.tables.js';

/** A message row. */
export type MessageRow = typeof disputeMessages.$inferSelect;

/** Gives a party a fresh room code (its keyed hash), valid until `expiresAt`. */
export async function setRoomCodeHash(
  db: DbOrTx,
  partyId: number,
  codeHash: string,
  expiresAt: Date,
): Promise<void> {
  await db
    .update(disputeParties)
    .set({ roomCodeHash: codeHash, roomCodeExpiresAt: expiresAt })
    .where(eq(disputeParties.id, partyId));
}

/** The parties of dispute `number` holding a live code, with the dispute's number and title. */
export async function findPartiesWithLiveCode(db: DbOrTx, number: string, now: Date) {
  return db
    .select({ party: disputeParties, disputeNumber: disputes.number, title: disputes.title })
    .from(disputeParties)
    .innerJoin(disputes, eq(disputes.id, disputeParties.disputeId))
    .where(
      and(
        eq(disputes.number, number),
        isNotNull(disputeParties.roomCodeHash),
        gt(disputeParties.roomCodeExpiresAt, now),
      ),
    )
    .orderBy(asc(disputeParties.id));
}

/** Stores a party's room session (by the hash of its token). */
export async function insertRoomSession(
  db: DbOrTx,
  values: typeof disputeRoomSessions.$inferInsert,
): Promise<void> {
  await db.insert(disputeRoomSessions).values(values);
}

/** The live room session of a token hash, with its party. */
export async function findRoomSession(db: DbOrTx, tokenHash: string, now: Date) {
  const [row] = await db
    .select({ session: disputeRoomSessions, party: disputeParties })
    .from(disputeRoomSessions)
    .innerJoin(disputeParties, eq(disputeParties.id, disputeRoomSessions.partyId))
    .where(and(eq(disputeRoomSessions.tokenHash, tokenHash), gt(disputeRoomSessions.expiresAt, now)));
  return row;
}

/** Inserts a message. */
export async function insertMessage(
  db: DbOrTx,
  values: typeof disputeMessages.$inferInsert,
): Promise<MessageRow> {
  const [row] = await db.insert(disputeMessages).values(values).returning();
  return row!;
}

/** The room's messages after id `after`, oldest first. */
export async function listMessages(db: DbOrTx, disputeId: number, after = 0): Promise<MessageRow[]> {
  return db
    .select()
    .from(disputeMessages)
    .where(and(eq(disputeMessages.disputeId, disputeId), gt(disputeMessages.id, after)))
    .orderBy(asc(disputeMessages.id))
    .limit(500);
}
