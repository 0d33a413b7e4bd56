import { and, asc, desc, eq, ilike, inArray, like, lt, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../platform/db/database.js';
import { containsPattern } from '../../platform/db/text-search.js';
import { orgs } from '../orgs/orgs.tables.js';
import {
  disputeEvents,
  disputeNumberSerials,
  disputeParties,
  disputeSessions,
  disputes,
  mediationCommittees,
  mediators,
} from './mediation.tables.js';

/** A dispute row. */
export type DisputeRow = typeof disputes.$inferSelect;
/** A party row. */
export type PartyRow = typeof disputeParties.$inferSelect;
/** A session row. */
export type SessionRow = typeof disputeSessions.$inferSelect;
/** A timeline event row. */
export type DisputeEventRow = typeof disputeEvents.$inferSelect;

/** A dispute with the names its views show. */
export interface DisputeListRow extends DisputeRow {
  orgName: string;
  committeeName: string | null;
  committeeLevel: string | null;
  mediatorName: string | null;
}

const committee = alias(mediationCommittees, 'committee');
const mediator = alias(mediators, 'mediator');

function listQuery(db: DbOrTx) {
  return db
    .select({
      dispute: disputes,
      orgName: orgs.name,
      committeeName: committee.name,
      committeeLevel: committee.level,
      mediatorName: mediator.name,
    })
    .from(disputes)
    .innerJoin(orgs, eq(orgs.id, disputes.orgId))
    .leftJoin(committee, eq(committee.id, disputes.committeeId))
    .leftJoin(mediator, eq(mediator.id, disputes.mediatorId));
}

function flatten(row: {
  dispute: DisputeRow;
  orgName: string;
  committeeName: string | null;
  committeeLevel: string | null;
  mediatorName: string | null;
}): DisputeListRow {
  const { dispute, ...names } = row;
  return { ...dispute, ...names };
}

/** A dispute by id, locked for the transaction (the first step of every action). */
export async function lockDispute(db: DbOrTx, id: number): Promise<DisputeRow | undefined> {
  const [row] = await db.select().from(disputes).where(eq(disputes.id, id)).for('update');
  return row;
}

/** A dispute by id with its names. */
export async function findDispute(db: DbOrTx, id: number): Promise<DisputeListRow | undefined> {
  const [row] = await listQuery(db).where(eq(disputes.id, id));
  return row && flatten(row);
}

/** The dispute a 12345 case was converted to, if any. */
export async function findDisputeOfCase(db: DbOrTx, caseId: number) {
  const [row] = await db
    .select({ id: disputes.id, state: disputes.state, outcome: disputes.outcome, number: disputes.number })
    .from(disputes)
    .where(eq(disputes.caseId, caseId));
  return row;
}

/** Draws the next 纠纷编号 of a Beijing day (`TJ20261206` + 5 digits). */
export async function drawDisputeNumber(db: DbOrTx, day: string): Promise<string> {
  const [row] = await db
    .insert(disputeNumberSerials)
    .values({ day, last: 1 })
    .onConflictDoUpdate({
      target: disputeNumberSerials.day,
      set: { last: sql`${disputeNumberSerials.last} + 1` },
    })
    .returning({ last: disputeNumberSerials.last });
  return `TJ${day.replaceAll('-', '')}${String(row!.last).padStart(5, '0')}`;
}

/** Inserts a dispute. */
export async function insertDispute(db: DbOrTx, values: typeof disputes.$inferInsert): Promise<DisputeRow> {
  const [row] = await db.insert(disputes).values(values).returning();
  return row!;
}

/** Inserts the parties of a dispute. */
export async function insertParties(db: DbOrTx, values: (typeof disputeParties.$inferInsert)[]) {
  if (values.length === 0) return [];
  return db.insert(disputeParties).values(values).returning();
}

/** Filters of the dispute list (within the caller's scope). */
export interface DisputeFilter {
  scopePath: string;
  withinPath?: string;
  state?: string;
  field?: string;
  mediatorId?: number;
  committeeId?: number;
  q?: string;
  after?: { createdAt: Date; id: number };
  limit: number;
}

/** A page of disputes, newest first, with one more row than `limit` when more follow. */
export async function listDisputes(db: DbOrTx, f: DisputeFilter): Promise<DisputeListRow[]> {
  const where: SQL[] = [like(disputes.orgPath, `${f.scopePath}%`)];
  if (f.withinPath) where.push(like(disputes.orgPath, `${f.withinPath}%`));
  if (f.state) where.push(eq(disputes.state, f.state));
  if (f.field) where.push(eq(disputes.field, f.field));
  if (f.mediatorId) where.push(eq(disputes.mediatorId, f.mediatorId));
  if (f.committeeId) where.push(eq(disputes.committeeId, f.committeeId));
  if (f.q) {
    const pattern = containsPattern(f.q);
    where.push(
      or(ilike(disputes.number, pattern), ilike(disputes.title, pattern), ilike(disputes.facts, pattern))!,
    );
  }
  if (f.after) {
    where.push(
      or(
        lt(disputes.createdAt, f.after.createdAt),
        and(eq(disputes.createdAt, f.after.createdAt), lt(disputes.id, f.after.id)),
      )!,
    );
  }
  const rows = await listQuery(db)
    .where(and(...where))
    .orderBy(desc(disputes.createdAt), desc(disputes.id))
    .limit(f.limit + 1);
  return rows.map(flatten);
}

/** The parties of disputes, by dispute id, in the order they were recorded. */
export async function findPartiesOf(db: DbOrTx, ids: readonly number[]): Promise<Map<number, PartyRow[]>> {
  const byDispute = new Map<number, PartyRow[]>();
  if (ids.length === 0) return byDispute;
  const rows = await db
    .select()
    .from(disputeParties)
    .where(inArray(disputeParties.disputeId, [...ids]))
    .orderBy(asc(disputeParties.id));
  for (const row of rows) byDispute.set(row.disputeId, [...(byDispute.get(row.disputeId) ?? []), row]);
  return byDispute;
}

/** A dispute's sessions, oldest first. */
export async function findSessions(db: DbOrTx, disputeId: number): Promise<SessionRow[]> {
  return db
    .select()
    .from(disputeSessions)
    .where(eq(disputeSessions.disputeId, disputeId))
    .orderBy(asc(disputeSessions.heldAt), asc(disputeSessions.id));
}

/** Inserts a session. */
export async function insertSession(db: DbOrTx, values: typeof disputeSessions.$inferInsert) {
  const [row] = await db.insert(disputeSessions).values(values).returning();
  return row!;
}

/** Records a party's confirmation of the agreement. */
export async function confirmParty(db: DbOrTx, partyId: number, at: Date, method: string) {
  await db
    .update(disputeParties)
    .set({ confirmedAt: at, confirmationMethod: method })
    .where(eq(disputeParties.id, partyId));
}

/** A dispute's timeline, oldest first. */
export async function findDisputeEvents(db: DbOrTx, disputeId: number): Promise<DisputeEventRow[]> {
  return db
    .select()
    .from(disputeEvents)
    .where(eq(disputeEvents.disputeId, disputeId))
    .orderBy(asc(disputeEvents.seq));
}

/** The disputes converted from these cases, with the outcome they ended with. */
export async function findDisputesOfCases(db: DbOrTx, disputeIds: readonly number[]) {
  if (disputeIds.length === 0) return [];
  return db
    .select({ id: disputes.id, caseId: disputes.caseId, outcome: disputes.outcome, number: disputes.number })
    .from(disputes)
    .where(inArray(disputes.id, [...disputeIds]));
}
