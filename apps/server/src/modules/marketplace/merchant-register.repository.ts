import { and, count, desc, eq, ilike, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database.js';
import { containsPattern } from '../../platform/db/text-search.js';
import { orgs } from '../orgs/orgs.tables.js';
import { users } from '../users/users.tables.js';
import { marketMerchantStaff, marketMerchants } from './marketplace.tables.js';

/** A merchant row. */
export type MerchantRow = typeof marketMerchants.$inferSelect;

/** The statuses in which a licence is taken: an application pending, or a merchant on the platform. */
const LIVE_STATUSES = ['applied', 'approved', 'suspended'];

/** A merchant lies in a reviewer's scope when one of the areas it covers does. */
function inScope(scopePath: string): SQL {
  return sql`exists (select 1 from ${orgs} where ${orgs.id} = any(${marketMerchants.areaOrgIds})
                      and ${orgs.path} like ${`${scopePath}%`})`;
}

/** Filters of the merchant register. */
export interface MerchantFilter {
  /** the reviewer's data scope */
  scopePath: string;
  status?: string;
  /** name or licence number contains */
  q?: string;
  /** only those whose score is below this (待复核) */
  scoreBelow?: number;
  limit: number;
  offset: number;
}

/** A page of merchants in the filter, newest first, with the filter's total. */
export async function listMerchants(db: DbOrTx, f: MerchantFilter) {
  const conditions: SQL[] = [inScope(f.scopePath)];
  if (f.status) conditions.push(eq(marketMerchants.status, f.status));
  if (f.q) {
    const pattern = containsPattern(f.q);
    conditions.push(or(ilike(marketMerchants.name, pattern), ilike(marketMerchants.licenceNo, pattern))!);
  }
  if (f.scoreBelow !== undefined) conditions.push(lt(marketMerchants.score, f.scoreBelow));
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(marketMerchants)
      .where(where)
      .orderBy(desc(marketMerchants.createdAt), desc(marketMerchants.id))
      .limit(f.limit)
      .offset(f.offset),
    db.select({ n: count() }).from(marketMerchants).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** A merchant in the reviewer's scope; `forUpdate` locks the row for a review action. */
export async function findMerchantInScope(
  db: DbOrTx,
  id: number,
  scopePath: string,
  forUpdate = false,
): Promise<MerchantRow | undefined> {
  const query = db
    .select()
    .from(marketMerchants)
    .where(and(eq(marketMerchants.id, id), inScope(scopePath)));
  const [row] = await (forUpdate ? query.for('update') : query);
  return row;
}

/** A merchant holding `licenceNo` that is pending or on the platform, if any. */
export async function findLiveMerchantByLicence(db: DbOrTx, licenceNo: string) {
  const [row] = await db
    .select({ id: marketMerchants.id })
    .from(marketMerchants)
    .where(and(eq(marketMerchants.licenceNo, licenceNo), inArray(marketMerchants.status, LIVE_STATUSES)));
  return row;
}

/** Inserts a merchant. */
export async function insertMerchant(
  db: DbOrTx,
  values: typeof marketMerchants.$inferInsert,
): Promise<MerchantRow> {
  const [row] = await db.insert(marketMerchants).values(values).returning();
  return row!;
}

/** Sets a merchant's status and review note at the version the reviewer saw; the row, or undefined if stale. */
export async function updateMerchantStatus(
  db: DbOrTx,
  id: number,
  version: number,
  patch: { status: string; reviewNote: string | null; updatedAt: Date },
): Promise<MerchantRow | undefined> {
  const [row] = await db
    .update(marketMerchants)
    .set({ ...patch, version: version + 1 })
    .where(and(eq(marketMerchants.id, id), eq(marketMerchants.version, version)))
    .returning();
  return row;
}

/** Links a staff account to its merchant. */
export async function insertMerchantStaff(db: DbOrTx, merchantId: number, userId: number): Promise<void> {
  await db.insert(marketMerchantStaff).values({ merchantId, userId });
}

/** Deactivates the staff accounts of a merchant; answers their ids. */
export async function deactivateMerchantStaff(db: DbOrTx, merchantId: number, now: Date): Promise<number[]> {
  const rows = await db
    .update(users)
    .set({ active: false, version: sql`${users.version} + 1`, updatedAt: now })
    .where(
      inArray(
        users.id,
        db
          .select({ id: marketMerchantStaff.userId })
          .from(marketMerchantStaff)
          .where(eq(marketMerchantStaff.merchantId, merchantId)),
      ),
    )
    .returning({ id: users.id });
  return rows.map((r) => r.id);
}

/** The usernames of the staff of each merchant of `ids`. */
export async function staffUsernamesOf(db: DbOrTx, ids: number[]): Promise<Map<number, string[]>> {
  const byMerchant = new Map<number, string[]>();
  if (ids.length === 0) return byMerchant;
  const rows = await db
    .select({ merchantId: marketMerchantStaff.merchantId, username: users.username })
    .from(marketMerchantStaff)
    .innerJoin(users, eq(users.id, marketMerchantStaff.userId))
    .where(inArray(marketMerchantStaff.merchantId, ids))
    .orderBy(users.id);
  for (const r of rows) byMerchant.set(r.merchantId, [...(byMerchant.get(r.merchantId) ?? []), r.username]);
  return byMerchant;
}

/** The active districts and towns among `ids` (the areas a merchant may cover), with their names. */
export async function serviceAreasOf(db: DbOrTx, ids: number[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: orgs.id, name: orgs.name, kind: orgs.kind, active: orgs.active })
    .from(orgs)
    .where(inArray(orgs.id, ids));
}
