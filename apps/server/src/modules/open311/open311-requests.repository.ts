import { and, asc, desc, eq, gte, inArray, isNotNull, lte, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../platform/db/database.js';
import { caseEvents } from '../cases/case-events.tables.js';
import { cases } from '../cases/cases.tables.js';
import { catalogCategories } from '../catalog/catalog.tables.js';
import { orgs } from '../orgs/orgs.tables.js';
import { open311Requests, open311Updates } from './open311.tables.js';

const leadUnit = alias(orgs, 'lead_unit');
const owner = alias(orgs, 'owner');

/**
 * What an outsider may ever see: a case not marked 保密 (keep private), filed under a service the city
 * publishes or registered through the open API itself.
 */
const visible = and(
  eq(cases.keepPrivate, false),
  or(eq(catalogCategories.published, true), isNotNull(open311Requests.caseId)),
);

const requestColumns = {
  id: cases.id,
  number: cases.number,
  state: cases.state,
  description: cases.description,
  address: cases.address,
  lng: cases.lng,
  lat: cases.lat,
  createdAt: cases.createdAt,
  updatedAt: cases.updatedAt,
  resolveDeadline: cases.resolveDeadline,
  serviceCode: sql<string | null>`coalesce(${catalogCategories.code}, ${open311Requests.serviceCode})`,
  serviceName: catalogCategories.name,
  /** the handling unit, or while there is none the centre that owns the case */
  agency: sql<string | null>`coalesce(${leadUnit.name}, ${owner.name})`,
  mediaUrl: open311Requests.mediaUrl,
  keyId: open311Requests.keyId,
};

/** A case as an outsider may see it, before masking. */
export type Open311RequestRow = Awaited<ReturnType<typeof selectVisible>>[number];

function selectVisible(db: DbOrTx, where: SQL | undefined, limit: number) {
  return db
    .select(requestColumns)
    .from(cases)
    .leftJoin(catalogCategories, eq(catalogCategories.id, cases.categoryId))
    .leftJoin(open311Requests, eq(open311Requests.caseId, cases.id))
    .leftJoin(leadUnit, eq(leadUnit.id, cases.leadUnitId))
    .leftJoin(owner, eq(owner.id, cases.currentOrgId))
    .where(and(visible, where))
    .orderBy(desc(cases.createdAt), desc(cases.id))
    .limit(limit);
}

/** The filters of `GET requests`. */
export interface Open311RequestFilter {
  /** case numbers: when given, the only filter */
  numbers?: readonly string[];
  serviceCodes?: readonly string[];
  /** requested between, inclusive */
  from: Date;
  to: Date;
  states?: readonly string[];
  limit: number;
}

/** The visible cases of a search, newest first. */
export async function findVisibleRequests(db: DbOrTx, filter: Open311RequestFilter) {
  if (filter.numbers) return selectVisible(db, inArray(cases.number, [...filter.numbers]), filter.limit);
  const conditions: SQL[] = [gte(cases.createdAt, filter.from), lte(cases.createdAt, filter.to)];
  if (filter.serviceCodes) conditions.push(inArray(catalogCategories.code, [...filter.serviceCodes]));
  if (filter.states) conditions.push(inArray(cases.state, [...filter.states]));
  return selectVisible(db, and(...conditions), filter.limit);
}

/** One visible case by number. */
export async function findVisibleRequest(db: DbOrTx, number: string): Promise<Open311RequestRow | undefined> {
  const [row] = await selectVisible(db, eq(cases.number, number), 1);
  return row;
}

/** A case's events of the given actions, per case in timeline order. */
export async function findEventsOfActions(
  db: DbOrTx,
  caseIds: readonly number[],
  actions: readonly string[],
) {
  if (caseIds.length === 0) return [];
  return db
    .select({
      id: caseEvents.id,
      caseId: caseEvents.caseId,
      seq: caseEvents.seq,
      action: caseEvents.action,
      at: caseEvents.at,
      actorOrgId: caseEvents.actorOrgId,
      note: caseEvents.note,
      changes: caseEvents.changes,
    })
    .from(caseEvents)
    .where(and(inArray(caseEvents.caseId, [...caseIds]), inArray(caseEvents.action, [...actions])))
    .orderBy(asc(caseEvents.caseId), asc(caseEvents.seq));
}

/** One event of a case's timeline as the open API reads it. */
export type Open311EventRow = Awaited<ReturnType<typeof findEventsOfActions>>[number];

/**
 * The events of the given actions in a time window, on visible cases, oldest first (a client pages on by
 * asking again from the last one's time), with the case's number and media URL.
 */
export async function findVisibleEventsBetween(
  db: DbOrTx,
  window: { from: Date; to: Date; actions: readonly string[]; limit: number },
) {
  return db
    .select({
      id: caseEvents.id,
      caseId: caseEvents.caseId,
      number: cases.number,
      mediaUrl: open311Requests.mediaUrl,
    })
    .from(caseEvents)
    .innerJoin(cases, eq(cases.id, caseEvents.caseId))
    .leftJoin(catalogCategories, eq(catalogCategories.id, cases.categoryId))
    .leftJoin(open311Requests, eq(open311Requests.caseId, cases.id))
    .where(
      and(
        visible,
        gte(caseEvents.at, window.from),
        lte(caseEvents.at, window.to),
        inArray(caseEvents.action, [...window.actions]),
      ),
    )
    .orderBy(asc(caseEvents.at), asc(caseEvents.id))
    .limit(window.limit);
}

/** Records what a request registered through the open API brought beside its case. */
export async function insertOpen311Request(db: DbOrTx, values: typeof open311Requests.$inferInsert) {
  await db.insert(open311Requests).values(values);
}

/** The case number a token stands for. */
export async function findNumberByToken(db: DbOrTx, token: string): Promise<string | undefined> {
  const [row] = await db
    .select({ number: cases.number })
    .from(open311Requests)
    .innerJoin(cases, eq(cases.id, open311Requests.caseId))
    .where(eq(open311Requests.token, token));
  return row?.number;
}

/** The event an update the client posted before (by its own id) was recorded as. */
export async function findPostedUpdate(db: DbOrTx, keyId: number, externalId: string) {
  const [row] = await db
    .select({ eventId: open311Updates.eventId })
    .from(open311Updates)
    .where(and(eq(open311Updates.keyId, keyId), eq(open311Updates.externalId, externalId)));
  return row;
}

/** Notes which event recorded a posted update; false when the same update id was recorded meanwhile. */
export async function insertPostedUpdate(db: DbOrTx, values: typeof open311Updates.$inferInsert) {
  const rows = await db
    .insert(open311Updates)
    .values(values)
    .onConflictDoNothing({ target: [open311Updates.keyId, open311Updates.externalId] })
    .returning({ eventId: open311Updates.eventId });
  return rows.length > 0;
}
