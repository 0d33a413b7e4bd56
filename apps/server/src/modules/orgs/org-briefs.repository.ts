import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database.js';
import { orgs } from './orgs.tables.js';

/**
 * An org in brief: what other modules (cases, kpis, warnings, duplicates, portal, notifications) need to
 * name an org, place it in the tree and check a scope against it.
 */
export interface OrgBrief {
  id: number;
  code: string;
  kind: string;
  name: string;
  /** materialised path `/1/4/17/`: the org's place in the tree, the key of every scope check */
  path: string;
  active: boolean;
  parentId: number | null;
}

const orgBriefColumns = {
  id: orgs.id,
  code: orgs.code,
  kind: orgs.kind,
  name: orgs.name,
  path: orgs.path,
  active: orgs.active,
  parentId: orgs.parentId,
};

/** Orgs in brief, by id (ids that name no org are left out). */
export async function findOrgBriefs(db: DbOrTx, ids: readonly number[]): Promise<Map<number, OrgBrief>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.select(orgBriefColumns).from(orgs).where(inArray(orgs.id, unique));
  return new Map(rows.map((r) => [r.id, r]));
}

/** The first active `center` directly under an org (the social-governance centre of that level), if any. */
export async function findCentreUnder(db: DbOrTx, orgId: number): Promise<OrgBrief | undefined> {
  const [row] = await db
    .select(orgBriefColumns)
    .from(orgs)
    .where(and(eq(orgs.parentId, orgId), eq(orgs.kind, 'center'), eq(orgs.active, true)))
    .orderBy(asc(orgs.sort), asc(orgs.id))
    .limit(1);
  return row;
}
