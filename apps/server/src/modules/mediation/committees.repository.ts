import { and, asc, count, eq, inArray, ne, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database.js';
import { orgs } from '../orgs/orgs.tables.js';
import { users } from '../users/users.tables.js';
import { disputes, mediationCommittees, mediationStudios, mediators } from './mediation.tables.js';

/** A committee with its org's name and kind. */
export interface CommitteeRow {
  id: number;
  name: string;
  level: string;
  orgId: number;
  orgPath: string;
  orgName: string;
  orgKind: string;
  fields: string[];
}

/** A mediator with his committee's name, his load and his studio. */
export interface MediatorRow {
  id: number;
  name: string;
  userId: number | null;
  committeeId: number;
  committeeName: string;
  fields: string[];
  gold: boolean;
  openDisputes: number;
  studioName: string | null;
}

/** The states in which a dispute weighs on its mediator. */
const OPEN_STATES = ['accepted', 'awaiting_consent', 'mediating', 'agreed'];

function committeeQuery(db: DbOrTx) {
  return db
    .select({
      id: mediationCommittees.id,
      name: mediationCommittees.name,
      level: mediationCommittees.level,
      orgId: mediationCommittees.orgId,
      orgPath: mediationCommittees.orgPath,
      orgName: orgs.name,
      orgKind: orgs.kind,
      fields: mediationCommittees.fields,
    })
    .from(mediationCommittees)
    .innerJoin(orgs, eq(orgs.id, mediationCommittees.orgId));
}

/** One committee. */
export async function findCommittee(db: DbOrTx, id: number): Promise<CommitteeRow | undefined> {
  const [row] = await committeeQuery(db).where(eq(mediationCommittees.id, id));
  return row;
}

/** Committees by id. */
export async function findCommittees(db: DbOrTx, ids: readonly number[]): Promise<CommitteeRow[]> {
  if (ids.length === 0) return [];
  return committeeQuery(db).where(inArray(mediationCommittees.id, [...ids]));
}

/** The committees whose org covers `orgPath` (at it or above), deepest first. */
export async function findCommitteesCovering(db: DbOrTx, orgPath: string): Promise<CommitteeRow[]> {
  return committeeQuery(db)
    .where(sql`${orgPath} like ${mediationCommittees.orgPath} || '%'`)
    .orderBy(sql`length(${mediationCommittees.orgPath}) desc`, asc(mediationCommittees.id));
}

/** The committees in a scope (their org inside it), territorial ones by depth, then the specialised. */
export async function findCommitteesWithin(db: DbOrTx, scopePath: string): Promise<CommitteeRow[]> {
  return committeeQuery(db)
    .where(sql`${mediationCommittees.orgPath} like ${`${scopePath}%`}`)
    .orderBy(asc(sql`length(${mediationCommittees.orgPath})`), asc(mediationCommittees.id));
}

/** How many active mediators each committee has. */
export async function countMediators(
  db: DbOrTx,
  committeeIds: readonly number[],
): Promise<Map<number, number>> {
  if (committeeIds.length === 0) return new Map();
  const rows = await db
    .select({ committeeId: mediators.committeeId, n: count() })
    .from(mediators)
    .where(and(inArray(mediators.committeeId, [...committeeIds]), eq(mediators.active, true)))
    .groupBy(mediators.committeeId);
  return new Map(rows.map((r) => [r.committeeId, r.n]));
}

/** The studios of committees. */
export async function findStudiosOf(db: DbOrTx, committeeIds: readonly number[]) {
  if (committeeIds.length === 0) return [];
  return db
    .select({
      id: mediationStudios.id,
      committeeId: mediationStudios.committeeId,
      name: mediationStudios.name,
      leaderName: mediators.name,
    })
    .from(mediationStudios)
    .leftJoin(mediators, eq(mediators.id, mediationStudios.leaderMediatorId))
    .where(inArray(mediationStudios.committeeId, [...committeeIds]));
}

/** Active mediators, with their load (open disputes) and studio, by committee or by id. */
export async function findMediators(
  db: DbOrTx,
  filter: { committeeIds?: readonly number[]; ids?: readonly number[] },
): Promise<MediatorRow[]> {
  const where = [eq(mediators.active, true)];
  if (filter.committeeIds) where.push(inArray(mediators.committeeId, [...filter.committeeIds, 0]));
  if (filter.ids) where.push(inArray(mediators.id, [...filter.ids, 0]));
  const load = db
    .select({ mediatorId: disputes.mediatorId, n: count().as('n') })
    .from(disputes)
    .where(inArray(disputes.state, OPEN_STATES))
    .groupBy(disputes.mediatorId)
    .as('load');
  return db
    .select({
      id: mediators.id,
      name: mediators.name,
      userId: mediators.userId,
      committeeId: mediators.committeeId,
      committeeName: mediationCommittees.name,
      fields: mediators.fields,
      gold: mediators.gold,
      openDisputes: sql<number>`coalesce(${load.n}, 0)::int`,
      studioName: mediationStudios.name,
    })
    .from(mediators)
    .innerJoin(mediationCommittees, eq(mediationCommittees.id, mediators.committeeId))
    .leftJoin(load, eq(load.mediatorId, mediators.id))
    .leftJoin(mediationStudios, eq(mediationStudios.leaderMediatorId, mediators.id))
    .where(and(...where))
    .orderBy(asc(mediators.id));
}

/** The committees a user serves on as a mediator. */
export async function committeesOfUser(db: DbOrTx, userId: number): Promise<number[]> {
  const rows = await db
    .select({ committeeId: mediators.committeeId })
    .from(mediators)
    .where(and(eq(mediators.userId, userId), eq(mediators.active, true)));
  return rows.map((r) => r.committeeId);
}

/** The mediator record of a user (his first committee), if he is one. */
export async function findMediatorOfUser(db: DbOrTx, userId: number) {
  const [row] = await db
    .select({ id: mediators.id, committeeId: mediators.committeeId })
    .from(mediators)
    .where(and(eq(mediators.userId, userId), eq(mediators.active, true)))
    .orderBy(asc(mediators.id))
    .limit(1);
  return row;
}

/** What a committee is made of, as an administrator sets it. */
export interface CommitteeValues {
  name: string;
  level: string;
  orgId: number;
  orgPath: string;
  fields: string[];
}

/**
 * The committees another committee (`exceptId`) would clash with: the one of that name, and a territorial one
 * at the same org (one per org: "the lowest that covers" must be one).
 */
export async function findCommitteeClashes(
  db: DbOrTx,
  values: Pick<CommitteeValues, 'name' | 'level' | 'orgId'>,
  exceptId = 0,
): Promise<{ id: number; name: string; orgId: number; level: string }[]> {
  const sameOrg =
    values.level === 'specialised'
      ? sql`false`
      : and(eq(mediationCommittees.orgId, values.orgId), ne(mediationCommittees.level, 'specialised'));
  return db
    .select({
      id: mediationCommittees.id,
      name: mediationCommittees.name,
      orgId: mediationCommittees.orgId,
      level: mediationCommittees.level,
    })
    .from(mediationCommittees)
    .where(and(ne(mediationCommittees.id, exceptId), or(eq(mediationCommittees.name, values.name), sameOrg)));
}

/** Inserts a committee; answers its id. */
export async function insertCommittee(db: DbOrTx, values: CommitteeValues, now: Date): Promise<number> {
  const [row] = await db
    .insert(mediationCommittees)
    .values({ ...values, createdAt: now })
    .returning({ id: mediationCommittees.id });
  return row!.id;
}

/** Rewrites a committee; answers whether it exists. */
export async function updateCommittee(db: DbOrTx, id: number, values: CommitteeValues): Promise<boolean> {
  const rows = await db
    .update(mediationCommittees)
    .set(values)
    .where(eq(mediationCommittees.id, id))
    .returning({ id: mediationCommittees.id });
  return rows.length > 0;
}

/** A user's mediator record on a committee (active or removed), if any. */
export async function findMediatorRecord(db: DbOrTx, committeeId: number, userId: number) {
  const [row] = await db
    .select({ id: mediators.id, active: mediators.active })
    .from(mediators)
    .where(and(eq(mediators.committeeId, committeeId), eq(mediators.userId, userId)));
  return row;
}

/** What a mediator is, as an administrator adds him. */
export interface MediatorValues {
  committeeId: number;
  userId: number;
  name: string;
  fields: string[];
  gold: boolean;
}

/**
 * Makes a user a mediator of a committee: a new record, or his removed one made active again (the disputes
 * he mediated keep pointing at it). Answers its id.
 */
export async function upsertMediator(
  db: DbOrTx,
  values: MediatorValues,
  removedId: number | undefined,
  now: Date,
): Promise<number> {
  if (removedId !== undefined) {
    await db
      .update(mediators)
      .set({ name: values.name, fields: values.fields, gold: values.gold, active: true })
      .where(eq(mediators.id, removedId));
    return removedId;
  }
  const [row] = await db
    .insert(mediators)
    .values({ ...values, createdAt: now })
    .returning({ id: mediators.id });
  return row!.id;
}

/** Removes a mediator from his committee (kept, inactive: his past disputes still name him). */
export async function deactivateMediator(db: DbOrTx, id: number): Promise<void> {
  await db.update(mediators).set({ active: false }).where(eq(mediators.id, id));
}

/** An active mediator of a committee, locked for the transaction. */
export async function lockActiveMediator(db: DbOrTx, committeeId: number, id: number) {
  const [row] = await db
    .select({ id: mediators.id, name: mediators.name })
    .from(mediators)
    .where(and(eq(mediators.id, id), eq(mediators.committeeId, committeeId), eq(mediators.active, true)))
    .for('update');
  return row;
}

/** How many disputes in mediation a mediator holds now. */
export async function countOpenDisputesOf(db: DbOrTx, mediatorId: number): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(disputes)
    .where(and(eq(disputes.mediatorId, mediatorId), inArray(disputes.state, OPEN_STATES)));
  return row?.n ?? 0;
}

/** An active user of the platform with the name he goes by, to become a mediator. */
export async function findActiveUserName(db: DbOrTx, id: number) {
  const [row] = await db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(and(eq(users.id, id), eq(users.active, true)));
  return row;
}
