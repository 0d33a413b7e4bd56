import type { PetitionCounts } from '@shanzhi/shared';
import {
  and,
  asc,
  desc,
  eq,
  ilike,
  inArray,
  isNotNull,
  isNull,
  like,
  lt,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../../platform/db/database.js';
import { containsPattern } from '../../platform/db/text-search.js';
import { orgs } from '../orgs/orgs.tables.js';
import { petitionEntrustments, petitionEvents, petitionPetitioners, petitions } from './petitions.tables.js';

/** A petition row. */
export type PetitionRow = typeof petitions.$inferSelect;
/** A petitioner row. */
export type PetitionerRow = typeof petitionPetitioners.$inferSelect;
/** A petition's timeline event. */
export type PetitionEventRow = typeof petitionEvents.$inferSelect;
/** A 委托代办书 row. */
export type EntrustmentRow = typeof petitionEntrustments.$inferSelect;

/** A petition with the name of its agency point. */
export interface PetitionListRow extends PetitionRow {
  orgName: string;
}

/**
 * The deadline of the limit running in a petition's state (受理、答复、复查、复核), null when none runs: the
 * SQL reading of `runningPetitionClock`, for the overdue filter and count.
 */
const runningDeadline = sql`case ${petitions.state}
  when 'registered' then ${petitions.acceptDeadline}
  when 'accepted' then ${petitions.answerDeadline}
  when 'handling' then ${petitions.answerDeadline}
  when 'review_requested' then ${petitions.reviewDeadline}
  when 're_review_requested' then ${petitions.reReviewDeadline}
end`;

function overdueAt(now: Date): SQL {
  return sql`${runningDeadline} < ${now.toISOString()}::timestamptz`;
}

function listQuery(db: DbOrTx) {
  return db
    .select({ petition: petitions, orgName: orgs.name })
    .from(petitions)
    .innerJoin(orgs, eq(orgs.id, petitions.orgId));
}

function flatten(row: { petition: PetitionRow; orgName: string }): PetitionListRow {
  return { ...row.petition, orgName: row.orgName };
}

/** A petition by id, locked for the transaction (the first step of every action). */
export async function lockPetition(db: DbOrTx, id: number): Promise<PetitionRow | undefined> {
  const [row] = await db.select().from(petitions).where(eq(petitions.id, id)).for('update');
  return row;
}

/** A petition by id with its agency point's name. */
export async function findPetition(db: DbOrTx, id: number): Promise<PetitionListRow | undefined> {
  const [row] = await listQuery(db).where(eq(petitions.id, id));
  return row && flatten(row);
}

/** Inserts a petition. */
export async function insertPetition(
  db: DbOrTx,
  values: typeof petitions.$inferInsert,
): Promise<PetitionRow> {
  const [row] = await db.insert(petitions).values(values).returning();
  return row!;
}

/** Inserts a petition's petitioners. */
export async function insertPetitioners(
  db: DbOrTx,
  values: (typeof petitionPetitioners.$inferInsert)[],
): Promise<void> {
  await db.insert(petitionPetitioners).values(values);
}

/** The petitioners of petitions, by petition id, in the order they were registered. */
export async function findPetitionersOf(
  db: DbOrTx,
  ids: readonly number[],
): Promise<Map<number, PetitionerRow[]>> {
  const byPetition = new Map<number, PetitionerRow[]>();
  if (ids.length === 0) return byPetition;
  const rows = await db
    .select()
    .from(petitionPetitioners)
    .where(inArray(petitionPetitioners.petitionId, [...ids]))
    .orderBy(asc(petitionPetitioners.id));
  for (const row of rows) byPetition.set(row.petitionId, [...(byPetition.get(row.petitionId) ?? []), row]);
  return byPetition;
}

/**
 * The earlier petitions of any of these petitioners (by ID number index) on the same matter: the first one and
 * how many there are — what makes a new one a repeat (重复信访).
 */
export async function findEarlierOnMatter(
  db: DbOrTx,
  idNumberIndexes: readonly string[],
  matterKey: string,
): Promise<{ firstId: number | null; count: number }> {
  const [row] = await queryRows<{ first_id: number | null; n: number }>(
    db,
    sql`select min(p.id)::int as first_id, count(distinct p.id)::int as n
        from ${petitions} p join ${petitionPetitioners} pp on pp.petition_id = p.id
        where p.matter_key = ${matterKey} and pp.id_number_index in ${[...idNumberIndexes]}`,
  );
  return { firstId: row?.first_id ?? null, count: Number(row?.n ?? 0) };
}

/** A petition's timeline, oldest first. */
export async function findPetitionEvents(db: DbOrTx, petitionId: number): Promise<PetitionEventRow[]> {
  return db
    .select()
    .from(petitionEvents)
    .where(eq(petitionEvents.petitionId, petitionId))
    .orderBy(asc(petitionEvents.seq));
}

/** Inserts the 委托代办书 of an entrusted petition. */
export async function insertEntrustment(db: DbOrTx, values: typeof petitionEntrustments.$inferInsert) {
  await db.insert(petitionEntrustments).values(values);
}

/** Records the scan of a petition's signed 委托代办书 (已签署), replacing an earlier one. */
export async function recordSignedScan(
  db: DbOrTx,
  petitionId: number,
  scan: { sha256: string; mime: string; size: number },
  at: Date,
): Promise<void> {
  await db
    .update(petitionEntrustments)
    .set({ signedSha256: scan.sha256, signedMime: scan.mime, signedSize: scan.size, signedAt: at })
    .where(eq(petitionEntrustments.petitionId, petitionId));
}

/** The 委托代办书 of a petition, if it was entrusted. */
export async function findEntrustment(db: DbOrTx, petitionId: number): Promise<EntrustmentRow | undefined> {
  const [row] = await db
    .select()
    .from(petitionEntrustments)
    .where(eq(petitionEntrustments.petitionId, petitionId));
  return row;
}

/** Filters of the petition list (within the caller's scope). */
export interface PetitionFilter {
  scopePath: string;
  state?: string;
  mode?: string;
  /** only those past their running deadline at `now` (true), or not past it (false) */
  overdue?: { now: Date; value: boolean };
  q?: string;
  /** only those flagged for escalation risk (true), or only those not flagged (false) */
  risk?: boolean;
  /** 待认领: only those waiting for an agent (true), or only those that have one (false) */
  unclaimed?: boolean;
  after?: { createdAt: Date; id: number };
  limit: number;
}

/** A page of petitions, newest first, with one more row than `limit` when more follow. */
export async function listPetitions(db: DbOrTx, f: PetitionFilter): Promise<PetitionListRow[]> {
  const where: SQL[] = [like(petitions.orgPath, `${f.scopePath}%`)];
  if (f.state) where.push(eq(petitions.state, f.state));
  if (f.mode) where.push(eq(petitions.mode, f.mode));
  if (f.overdue) {
    const overdue = overdueAt(f.overdue.now);
    where.push(f.overdue.value ? overdue : sql`not coalesce(${overdue}, false)`);
  }
  if (f.risk !== undefined) {
    where.push(f.risk ? isNotNull(petitions.riskFlaggedAt) : isNull(petitions.riskFlaggedAt));
  }
  if (f.unclaimed !== undefined) {
    where.push(f.unclaimed ? isNull(petitions.agentUserId) : isNotNull(petitions.agentUserId));
  }
  if (f.q) where.push(ilike(petitions.matter, containsPattern(f.q)));
  if (f.after) {
    where.push(
      or(
        lt(petitions.createdAt, f.after.createdAt),
        and(eq(petitions.createdAt, f.after.createdAt), lt(petitions.id, f.after.id)),
      )!,
    );
  }
  const rows = await listQuery(db)
    .where(and(...where))
    .orderBy(desc(petitions.createdAt), desc(petitions.id))
    .limit(f.limit + 1);
  return rows.map(flatten);
}

/** The petitions registered in the subtree at `path` within [from, to), counted at `now` (the overdue). */
export interface PetitionCountFilter {
  path: string;
  from?: Date;
  to?: Date;
  now: Date;
}

function countedWhere(f: PetitionCountFilter): SQL | undefined {
  const where: SQL[] = [like(petitions.orgPath, `${f.path}%`)];
  if (f.from) where.push(sql`${petitions.createdAt} >= ${f.from.toISOString()}::timestamptz`);
  if (f.to) where.push(lt(petitions.createdAt, f.to));
  return and(...where);
}

/** The counts behind the petition numbers, as aggregate columns. */
function countColumns(now: Date) {
  return {
    total: sql<number>`count(*)::int`,
    accepted: sql<number>`count(${petitions.acceptedAt})::int`,
    closed: sql<number>`count(*) filter (where ${petitions.state} = 'closed')::int`,
    resolved: sql<number>`count(*) filter (where ${petitions.state} = 'closed' and ${petitions.resolved})::int`,
    visited: sql<number>`count(${petitions.satisfaction})::int`,
    satisfied: sql<number>`count(*) filter (where ${petitions.satisfaction} in ('satisfied', 'basically_satisfied'))::int`,
    repeats: sql<number>`count(*) filter (where ${petitions.repeatCount} > 0)::int`,
    overdue: sql<number>`count(*) filter (where ${overdueAt(now)})::int`,
  };
}

function countsOf(row: Partial<Record<keyof PetitionCounts, number>> | undefined): PetitionCounts {
  return {
    total: Number(row?.total ?? 0),
    accepted: Number(row?.accepted ?? 0),
    closed: Number(row?.closed ?? 0),
    resolved: Number(row?.resolved ?? 0),
    visited: Number(row?.visited ?? 0),
    satisfied: Number(row?.satisfied ?? 0),
    repeats: Number(row?.repeats ?? 0),
    overdue: Number(row?.overdue ?? 0),
  };
}

/** Counts the petitions registered in the subtree at `path` within [from, to). */
export async function countPetitions(db: DbOrTx, f: PetitionCountFilter): Promise<PetitionCounts> {
  const [row] = await db.select(countColumns(f.now)).from(petitions).where(countedWhere(f));
  return countsOf(row);
}

/** The counts of each agency point (代办点) with petitions of the filter, most petitions first. */
export async function countPetitionsByAgency(
  db: DbOrTx,
  f: PetitionCountFilter,
): Promise<(PetitionCounts & { org: { id: number; name: string } })[]> {
  const rows = await db
    .select({ orgId: petitions.orgId, orgName: orgs.name, ...countColumns(f.now) })
    .from(petitions)
    .innerJoin(orgs, eq(orgs.id, petitions.orgId))
    .where(countedWhere(f))
    .groupBy(petitions.orgId, orgs.name)
    .orderBy(desc(sql`count(*)`), asc(petitions.orgId));
  return rows.map((row) => ({ org: { id: row.orgId, name: row.orgName }, ...countsOf(row) }));
}

/** The month of registration in Beijing time (`2026-03`). */
const monthOfRegistration = sql<string>`to_char(${petitions.createdAt} at time zone 'Asia/Shanghai', 'YYYY-MM')`;

/** The counts of each month (Beijing time) with petitions of the filter, oldest first. */
export async function countPetitionsByMonth(
  db: DbOrTx,
  f: PetitionCountFilter,
): Promise<(PetitionCounts & { month: string })[]> {
  const rows = await db
    .select({ month: monthOfRegistration, ...countColumns(f.now) })
    .from(petitions)
    .where(countedWhere(f))
    .groupBy(monthOfRegistration)
    .orderBy(monthOfRegistration);
  return rows.map((row) => ({ month: row.month, ...countsOf(row) }));
}

/** The petition a 12345 case was converted to, if any. */
export async function findPetitionOfCase(db: DbOrTx, caseId: number): Promise<{ id: number } | undefined> {
  const [row] = await db.select({ id: petitions.id }).from(petitions).where(eq(petitions.caseId, caseId));
  return row;
}

/** The petitions of the subtree at `path` flagged for a risk of escalation: the latest flagged first, and how many. */
export async function findFlaggedPetitions(
  db: DbOrTx,
  path: string,
  limit: number,
): Promise<{ total: number; rows: PetitionListRow[] }> {
  const flagged = and(like(petitions.orgPath, `${path}%`), isNotNull(petitions.riskFlaggedAt));
  const [rows, [count]] = await Promise.all([
    listQuery(db).where(flagged).orderBy(desc(petitions.riskFlaggedAt), desc(petitions.id)).limit(limit),
    db.select({ n: sql<number>`count(*)::int` }).from(petitions).where(flagged),
  ]);
  return { total: Number(count?.n ?? 0), rows: rows.map(flatten) };
}
