import { and, asc, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database.js';
import { caseEvents } from '../cases/case-events.tables.js';
import { cases } from '../cases/cases.tables.js';
import { orgs } from '../orgs/orgs.tables.js';
import { portalRatings } from './portal.tables.js';

/** The case with this number whose citizen gave this phone, or undefined (one query: no hint which failed). */
export async function findCaseByNumberAndPhone(db: DbOrTx, number: string, phone: string) {
  const [row] = await db
    .select()
    .from(cases)
    .where(and(eq(cases.number, number), eq(cases.citizenPhone, phone)))
    .limit(1);
  return row;
}

/** The public-facing events of a case in order: action, time, acting org, note, changes. */
export async function findPublicEventRows(db: DbOrTx, caseId: number) {
  return db
    .select({
      action: caseEvents.action,
      at: caseEvents.at,
      actorOrgId: caseEvents.actorOrgId,
      note: caseEvents.note,
      changes: caseEvents.changes,
    })
    .from(caseEvents)
    .where(eq(caseEvents.caseId, caseId))
    .orderBy(asc(caseEvents.seq));
}

/** The root of the org tree (the city): the org the portal registers for. */
export async function findRootOrg(db: DbOrTx) {
  const [row] = await db
    .select({ id: orgs.id, code: orgs.code, name: orgs.name, kind: orgs.kind, path: orgs.path })
    .from(orgs)
    .where(isNull(orgs.parentId))
    .orderBy(asc(orgs.id))
    .limit(1);
  return row;
}

/** The citizen's rating of a case, if any. */
export async function findRating(db: DbOrTx, caseId: number) {
  const [row] = await db.select().from(portalRatings).where(eq(portalRatings.caseId, caseId)).limit(1);
  return row;
}

/** Records a rating; false when the case was rated already (the unique index decides, races included). */
export async function insertRating(
  db: DbOrTx,
  values: { caseId: number; satisfaction: string; comment: string | null; createdAt: Date },
): Promise<boolean> {
  const rows = await db
    .insert(portalRatings)
    .values(values)
    .onConflictDoNothing({ target: portalRatings.caseId })
    .returning({ id: portalRatings.id });
  return rows.length > 0;
}
