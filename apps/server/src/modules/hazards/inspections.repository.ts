import { and, asc, count, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database.js';
import { enterprises, safetyInspectionItems, safetyInspections } from './hazards.tables.js';
import { safetyScopeWhere } from './safety-scope.policy.js';

/** An inspection row. */
export type InspectionRow = typeof safetyInspections.$inferSelect;
/** A checklist item row. */
export type InspectionItemRow = typeof safetyInspectionItems.$inferSelect;
/** An inspection with its enterprise's name and places. */
export interface InspectionListRow extends InspectionRow {
  enterpriseName: string;
  orgPath: string;
  supervisingOrgPath: string;
}

function listQuery(db: DbOrTx) {
  return db
    .select({
      inspection: safetyInspections,
      enterpriseName: enterprises.name,
      orgPath: enterprises.orgPath,
      supervisingOrgPath: enterprises.supervisingOrgPath,
    })
    .from(safetyInspections)
    .innerJoin(enterprises, eq(enterprises.id, safetyInspections.enterpriseId));
}

function flatten({
  inspection,
  ...rest
}: { inspection: InspectionRow } & Omit<InspectionListRow, keyof InspectionRow>) {
  return { ...inspection, ...rest };
}

/** Inserts an inspection. */
export async function insertInspection(
  db: DbOrTx,
  values: typeof safetyInspections.$inferInsert,
): Promise<InspectionRow> {
  const [row] = await db.insert(safetyInspections).values(values).returning();
  return row!;
}

/** Inserts the checklist items of an inspection. */
export async function insertInspectionItems(
  db: DbOrTx,
  values: (typeof safetyInspectionItems.$inferInsert)[],
) {
  if (values.length > 0) await db.insert(safetyInspectionItems).values(values);
}

/** One inspection with its enterprise. */
export async function findInspection(db: DbOrTx, id: number): Promise<InspectionListRow | undefined> {
  const [row] = await listQuery(db).where(eq(safetyInspections.id, id));
  return row && flatten(row);
}

/** The checklist items of inspections, by inspection, in order. */
export async function findInspectionItems(db: DbOrTx, ids: readonly number[]) {
  const byInspection = new Map<number, InspectionItemRow[]>();
  if (ids.length === 0) return byInspection;
  const rows = await db
    .select()
    .from(safetyInspectionItems)
    .where(inArray(safetyInspectionItems.inspectionId, [...ids]))
    .orderBy(asc(safetyInspectionItems.inspectionId), asc(safetyInspectionItems.seq));
  for (const row of rows)
    byInspection.set(row.inspectionId, [...(byInspection.get(row.inspectionId) ?? []), row]);
  return byInspection;
}

/** A page of inspections in a scope, newest first, with the total. */
export async function listInspections(
  db: DbOrTx,
  f: { scopePath: string; enterpriseId?: number; campaignId?: number; page: number; pageSize: number },
) {
  const where: SQL[] = [safetyScopeWhere(f.scopePath, enterprises)];
  if (f.enterpriseId) where.push(eq(safetyInspections.enterpriseId, f.enterpriseId));
  if (f.campaignId) where.push(eq(safetyInspections.campaignId, f.campaignId));
  const [rows, [total]] = await Promise.all([
    listQuery(db)
      .where(and(...where))
      .orderBy(desc(safetyInspections.inspectedAt), desc(safetyInspections.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db
      .select({ n: count() })
      .from(safetyInspections)
      .innerJoin(enterprises, eq(enterprises.id, safetyInspections.enterpriseId))
      .where(and(...where)),
  ]);
  return { rows: rows.map(flatten), total: total?.n ?? 0 };
}
