import { and, asc, count, eq, ilike, inArray, notInArray, or, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../platform/db/database.js';
import { containsPattern } from '../../platform/db/text-search.js';
import { orgs } from '../orgs/orgs.tables.js';
import { enterprises, hazards } from './hazards.tables.js';
import { safetyScopeWhere } from './safety-scope.policy.js';

/** An enterprise row. */
export type EnterpriseRow = typeof enterprises.$inferSelect;
/** An enterprise with the names of its two orgs. */
export interface EnterpriseListRow extends EnterpriseRow {
  orgName: string;
  supervisingOrgName: string;
}

const supervising = alias(orgs, 'supervising_org');

function listQuery(db: DbOrTx) {
  return db
    .select({ enterprise: enterprises, orgName: orgs.name, supervisingOrgName: supervising.name })
    .from(enterprises)
    .innerJoin(orgs, eq(orgs.id, enterprises.orgId))
    .innerJoin(supervising, eq(supervising.id, enterprises.supervisingOrgId));
}

function flatten(row: { enterprise: EnterpriseRow; orgName: string; supervisingOrgName: string }) {
  return { ...row.enterprise, orgName: row.orgName, supervisingOrgName: row.supervisingOrgName };
}

/** One enterprise with its org names. */
export async function findEnterprise(db: DbOrTx, id: number): Promise<EnterpriseListRow | undefined> {
  const [row] = await listQuery(db).where(eq(enterprises.id, id));
  return row && flatten(row);
}

/** The enterprise registered under a credit code, if any. */
export async function findEnterpriseByCreditCode(db: DbOrTx, creditCode: string) {
  const [row] = await db
    .select({ id: enterprises.id })
    .from(enterprises)
    .where(eq(enterprises.creditCode, creditCode));
  return row;
}

/** The credit codes among `codes` already registered. */
export async function findTakenCreditCodes(db: DbOrTx, codes: readonly string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await db
    .select({ code: enterprises.creditCode })
    .from(enterprises)
    .where(inArray(enterprises.creditCode, [...codes]));
  return new Set(rows.map((r) => r.code));
}

/** Inserts enterprises; none when the list is empty. */
export async function insertEnterprises(
  db: DbOrTx,
  values: (typeof enterprises.$inferInsert)[],
): Promise<EnterpriseRow[]> {
  if (values.length === 0) return [];
  return db.insert(enterprises).values(values).returning();
}

/** Filters of the register (within the caller's scope). */
export interface EnterpriseFilter {
  scopePath: string;
  /** this enterprise alone */
  enterpriseId?: number;
  industry?: string;
  highRisk?: boolean;
  q?: string;
  page: number;
  pageSize: number;
}

/** A page of the register, by name, with its total. */
export async function listEnterprises(db: DbOrTx, f: EnterpriseFilter) {
  const where: SQL[] = [safetyScopeWhere(f.scopePath, enterprises)];
  if (f.enterpriseId) where.push(eq(enterprises.id, f.enterpriseId));
  if (f.industry) where.push(eq(enterprises.industry, f.industry));
  if (f.highRisk !== undefined) where.push(eq(enterprises.highRisk, f.highRisk));
  if (f.q) {
    const pattern = containsPattern(f.q);
    where.push(or(ilike(enterprises.name, pattern), ilike(enterprises.creditCode, pattern))!);
  }
  const [rows, [total]] = await Promise.all([
    listQuery(db)
      .where(and(...where))
      .orderBy(asc(enterprises.name), asc(enterprises.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db
      .select({ n: count() })
      .from(enterprises)
      .where(and(...where)),
  ]);
  return { rows: rows.map(flatten), total: total?.n ?? 0 };
}

/** How many hazards of each enterprise are not yet closed. */
export async function countOpenHazards(db: DbOrTx, ids: readonly number[]): Promise<Map<number, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: hazards.enterpriseId, n: count() })
    .from(hazards)
    .where(and(inArray(hazards.enterpriseId, [...ids]), notInArray(hazards.state, ['closed'])))
    .groupBy(hazards.enterpriseId);
  return new Map(rows.map((r) => [r.id, r.n]));
}
