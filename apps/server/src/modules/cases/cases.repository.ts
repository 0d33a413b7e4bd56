import { asc, eq, inArray, type SQLWrapper, sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../../platform/db/database.js';
import { caseEvents } from './case-events.tables.js';
import { caseHandlers, caseNumberSequences, cases } from './cases.tables.js';

/** A case row as stored. */
export type CaseRow = typeof cases.$inferSelect;
/** Values to insert a case. */
export type NewCaseRow = typeof cases.$inferInsert;
/** A timeline event as stored. */
export type CaseEventRow = typeof caseEvents.$inferSelect;

/** What registering a case takes from the database before it writes: its number of the day and its ids. */
export interface NewCaseIds {
  /** the day's sequence: `WH` + day + this, six digits */
  sequence: number;
  caseId: number;
  /** id of the case's first timeline event (the outbox payload names it) */
  firstEventId: number;
  /** ids of the attachments the case comes in with (a citizen's photos), as many as asked for */
  attachmentIds: number[];
}

// Most cases come with no file: their registration does not touch the attachments' sequence.
function attachmentIdsSql(count: number) {
  if (count === 0) return sql`'{}'::int[]`;
  return sql`array(select nextval(pg_get_serial_sequence('case_attachments', 'id'))::int
                     from generate_series(1, ${count}::int))`;
}

/**
 * The next number of a Beijing day (`YYYYMMDD`) and the ids of a new case, its first event and the
 * `attachments` it comes in with, in one statement that commits on its own: the day's counter row is locked
 * only for that statement, not for the whole registration, so concurrent intakes do not queue behind each
 * other. A registration that fails afterwards leaves a gap in the day's numbers; a number is never handed out
 * twice.
 */
export async function allocateCaseIds(db: DbOrTx, day: string, attachments = 0): Promise<NewCaseIds> {
  const [row] = await queryRows<{
    sequence: number;
    case_id: number;
    event_id: string | number;
    attachment_ids: number[];
  }>(
    db,
    sql`with counter as (
          insert into ${caseNumberSequences} (day, last) values (${day}, 1)
          on conflict (day) do update set last = ${caseNumberSequences}.last + 1
          returning last)
        select counter.last as sequence,
               nextval(pg_get_serial_sequence('cases', 'id'))::int as case_id,
               nextval(pg_get_serial_sequence('case_events', 'id')) as event_id,
               ${attachmentIdsSql(attachments)} as attachment_ids
          from counter`,
  );
  return {
    sequence: row!.sequence,
    caseId: row!.case_id,
    firstEventId: Number(row!.event_id),
    attachmentIds: row!.attachment_ids,
  };
}

/**
 * Inserts a case together with the rows that belong to its registration (first event, outbox row,
 * fingerprint …), given as insert queries built by their own modules: one statement, so all or none are
 * written, in one round trip with no transaction around it.
 */
export async function insertCaseWith(
  db: DbOrTx,
  values: NewCaseRow,
  companions: readonly SQLWrapper[],
): Promise<CaseRow> {
  const ctes = companions.map((q, i) => db.$with(`companion_${i}`, {}).as(q.getSQL()));
  const [row] = await db
    .with(...ctes)
    .insert(cases)
    .values(values)
    .returning();
  return row!;
}

/** One case by id. */
export async function findCase(db: DbOrTx, id: number): Promise<CaseRow | undefined> {
  const [row] = await db.select().from(cases).where(eq(cases.id, id));
  return row;
}

/** One case by id, locked for this transaction (`FOR UPDATE`): the first step of every action. */
export async function lockCase(db: DbOrTx, id: number): Promise<CaseRow | undefined> {
  const [row] = await db.select().from(cases).where(eq(cases.id, id)).for('update');
  return row;
}

/**
 * Applies a change to a locked case — bumping its version for a user's action, not for the clock's light —
 * together with the rows that record it (its timeline event and outbox row), given as insert queries: one
 * statement.
 */
export async function updateCaseWith(
  db: DbOrTx,
  id: number,
  change: { patch: Partial<NewCaseRow>; now: Date; bumpVersion: boolean },
  companions: readonly SQLWrapper[],
): Promise<CaseRow> {
  const ctes = companions.map((q, i) => db.$with(`companion_${i}`, {}).as(q.getSQL()));
  const version = change.bumpVersion ? { version: sql`${cases.version} + 1` } : {};
  const [row] = await db
    .with(...ctes)
    .update(cases)
    .set({ ...change.patch, ...version, updatedAt: change.now })
    .where(eq(cases.id, id))
    .returning();
  return row!;
}

/** The 主办 and 协办 units of cases, by case. */
export async function findHandlers(db: DbOrTx, caseIds: readonly number[]) {
  if (caseIds.length === 0) return [];
  return db
    .select({ caseId: caseHandlers.caseId, orgId: caseHandlers.orgId, role: caseHandlers.role })
    .from(caseHandlers)
    .where(inArray(caseHandlers.caseId, [...caseIds]))
    .orderBy(asc(caseHandlers.caseId), asc(caseHandlers.role), asc(caseHandlers.orgId));
}

/** Replaces the handling units of a case (a new dispatch). */
export async function replaceHandlers(
  db: DbOrTx,
  caseId: number,
  leadUnitId: number,
  coHandlerIds: readonly number[],
): Promise<void> {
  await db.delete(caseHandlers).where(eq(caseHandlers.caseId, caseId));
  await db
    .insert(caseHandlers)
    .values([
      { caseId, orgId: leadUnitId, role: 'lead' },
      ...coHandlerIds.map((orgId) => ({ caseId, orgId, role: 'co' })),
    ]);
}

/** Removes the handling units of a case (a return: the case goes back to the dispatcher). */
export async function clearHandlers(db: DbOrTx, caseId: number): Promise<void> {
  await db.delete(caseHandlers).where(eq(caseHandlers.caseId, caseId));
}

/** The whole timeline of a case, oldest first. */
export async function findEvents(db: DbOrTx, caseId: number): Promise<CaseEventRow[]> {
  return db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId)).orderBy(asc(caseEvents.seq));
}

/** Cases by id (those that exist), in id order. */
export async function findCasesByIds(db: DbOrTx, ids: readonly number[]): Promise<CaseRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(cases)
    .where(inArray(cases.id, [...ids]))
    .orderBy(asc(cases.id));
}

/** The timelines of several cases, by case then seq. */
export async function findEventsOfCases(db: DbOrTx, caseIds: readonly number[]): Promise<CaseEventRow[]> {
  if (caseIds.length === 0) return [];
  return db
    .select()
    .from(caseEvents)
    .where(inArray(caseEvents.caseId, [...caseIds]))
    .orderBy(asc(caseEvents.caseId), asc(caseEvents.seq));
}

/** The cases a timeline check looks at: `sample` at random and the `sample` most recently changed. */
export async function findCasesToVerify(db: DbOrTx, sample: number): Promise<number[]> {
  const rows = await queryRows<{ id: number }>(
    db,
    sql`(select id from ${cases} order by random() limit ${sample})
        union
        (select id from ${cases} order by updated_at desc limit ${sample})`,
  );
  return rows.map((r) => r.id);
}

/** A legacy chain to seal: the case, how many leading events are legacy, and the hash of the last of them. */
export interface UnsealedLegacyChain {
  id: number;
  legacyEvents: number;
  legacyHead: string;
}

/** Up to `limit` cases whose legacy (pre-0012) chain has no seal yet. */
export async function findUnsealedLegacyChains(db: DbOrTx, limit: number): Promise<UnsealedLegacyChain[]> {
  return queryRows<UnsealedLegacyChain>(
    db,
    sql`select c.id, c.chain_legacy_events as "legacyEvents", e.hash as "legacyHead"
          from ${cases} c
          join ${caseEvents} e on e.case_id = c.id and e.seq = c.chain_legacy_events
         where c.chain_legacy_events > 0 and c.chain_legacy_seal is null
         order by c.id
         limit ${limit}`,
  );
}

/** Stores the seals of legacy chains, in one statement. */
export async function sealLegacyChainRows(
  db: DbOrTx,
  seals: readonly { id: number; seal: string }[],
): Promise<void> {
  await db.execute(
    sql`update ${cases} c set chain_legacy_seal = x.seal
          from jsonb_to_recordset(${JSON.stringify(seals)}::jsonb) as x(id int, seal text)
         where c.id = x.id`,
  );
}
