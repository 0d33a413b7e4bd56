import { HAZARD_RECTIFIED_STATES } from '@shanzhi/shared';
import {
  and,
  asc,
  count,
  countDistinct,
  desc,
  eq,
  gte,
  inArray,
  isNull,
  like,
  lte,
  or,
  sql,
} from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database.js';
import { orgs } from '../orgs/orgs.tables.js';
import { users } from '../users/users.tables.js';
import {
  enterprises,
  hazards,
  safetyCampaignEnterprises,
  safetyCampaignInspectors,
  safetyCampaigns,
  safetyInspections,
} from './hazards.tables.js';
import { safetyScopeWhere } from './safety-scope.policy.js';

/** A campaign row. */
export type CampaignRow = typeof safetyCampaigns.$inferSelect;
/** A campaign with the names its view shows. */
export interface CampaignListRow extends CampaignRow {
  orgName: string;
  createdByName: string;
}

/** What a campaign has done: the numbers of `CampaignProgress`. */
export interface CampaignProgressRow {
  plannedEnterprises: number;
  inspectedEnterprises: number;
  inspections: number;
  hazardsFound: number;
  hazardsRectified: number;
}

function listQuery(db: DbOrTx) {
  return db
    .select({ campaign: safetyCampaigns, orgName: orgs.name, createdByName: users.displayName })
    .from(safetyCampaigns)
    .innerJoin(orgs, eq(orgs.id, safetyCampaigns.orgId))
    .innerJoin(users, eq(users.id, safetyCampaigns.createdByUserId));
}

function flatten({ campaign, ...names }: { campaign: CampaignRow; orgName: string; createdByName: string }) {
  return { ...campaign, ...names };
}

/** Writes a campaign with the enterprises it plans to cover and its inspectors. */
export async function insertCampaign(
  db: DbOrTx,
  values: typeof safetyCampaigns.$inferInsert,
  enterpriseIds: readonly number[],
  inspectorUserIds: readonly number[],
): Promise<CampaignRow> {
  const [row] = await db.insert(safetyCampaigns).values(values).returning();
  await db
    .insert(safetyCampaignEnterprises)
    .values(enterpriseIds.map((enterpriseId) => ({ campaignId: row!.id, enterpriseId })));
  await db
    .insert(safetyCampaignInspectors)
    .values(inspectorUserIds.map((userId) => ({ campaignId: row!.id, userId })));
  return row!;
}

/** One campaign with its names. */
export async function findCampaign(db: DbOrTx, id: number): Promise<CampaignListRow | undefined> {
  const [row] = await listQuery(db).where(eq(safetyCampaigns.id, id));
  return row && flatten(row);
}

/** A page of the campaigns of a scope, and those the user inspects for, newest first, with the total. */
export async function listCampaigns(
  db: DbOrTx,
  f: { scopePath: string; userId: number; page: number; pageSize: number },
) {
  const inspects = db
    .select({ id: safetyCampaignInspectors.campaignId })
    .from(safetyCampaignInspectors)
    .where(eq(safetyCampaignInspectors.userId, f.userId));
  const where = or(like(safetyCampaigns.orgPath, `${f.scopePath}%`), inArray(safetyCampaigns.id, inspects));
  const [rows, [total]] = await Promise.all([
    listQuery(db)
      .where(where)
      .orderBy(desc(safetyCampaigns.startsOn), desc(safetyCampaigns.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(safetyCampaigns).where(where),
  ]);
  return { rows: rows.map(flatten), total: total?.n ?? 0 };
}

/** The campaigns led in a scope whose period meets the days `from`–`to` (Beijing dates; open ends when absent). */
export async function findCampaignIdsMeeting(
  db: DbOrTx,
  scopePath: string,
  period: { from?: string; to?: string },
): Promise<number[]> {
  const where = [like(safetyCampaigns.orgPath, `${scopePath}%`)];
  if (period.from) where.push(gte(safetyCampaigns.endsOn, period.from));
  if (period.to) where.push(lte(safetyCampaigns.startsOn, period.to));
  const rows = await db
    .select({ id: safetyCampaigns.id })
    .from(safetyCampaigns)
    .where(and(...where));
  return rows.map((row) => row.id);
}

/** The inspectors of campaigns, by campaign, by name. */
export async function findCampaignInspectors(db: DbOrTx, ids: readonly number[]) {
  const byCampaign = new Map<number, { userId: number; name: string }[]>();
  if (ids.length === 0) return byCampaign;
  const rows = await db
    .select({ campaignId: safetyCampaignInspectors.campaignId, userId: users.id, name: users.displayName })
    .from(safetyCampaignInspectors)
    .innerJoin(users, eq(users.id, safetyCampaignInspectors.userId))
    .where(inArray(safetyCampaignInspectors.campaignId, [...ids]))
    .orderBy(asc(users.displayName), asc(users.id));
  for (const { campaignId, ...inspector } of rows)
    byCampaign.set(campaignId, [...(byCampaign.get(campaignId) ?? []), inspector]);
  return byCampaign;
}

/** Whether a user is one of a campaign's inspectors. */
export async function isCampaignInspector(db: DbOrTx, campaignId: number, userId: number): Promise<boolean> {
  const [row] = await db
    .select({ userId: safetyCampaignInspectors.userId })
    .from(safetyCampaignInspectors)
    .where(
      and(eq(safetyCampaignInspectors.campaignId, campaignId), eq(safetyCampaignInspectors.userId, userId)),
    );
  return row !== undefined;
}

/** Whether a campaign plans to cover an enterprise. */
export async function isCampaignEnterprise(
  db: DbOrTx,
  campaignId: number,
  enterpriseId: number,
): Promise<boolean> {
  const [row] = await db
    .select({ id: safetyCampaignEnterprises.enterpriseId })
    .from(safetyCampaignEnterprises)
    .where(
      and(
        eq(safetyCampaignEnterprises.campaignId, campaignId),
        eq(safetyCampaignEnterprises.enterpriseId, enterpriseId),
      ),
    );
  return row !== undefined;
}

/** The enterprises of some industries whose territory or supervising body lies under `orgPath`. */
export async function findEnterprisesOfIndustries(
  db: DbOrTx,
  orgPath: string,
  industries: readonly string[],
): Promise<number[]> {
  const rows = await db
    .select({ id: enterprises.id })
    .from(enterprises)
    .where(and(safetyScopeWhere(orgPath, enterprises), inArray(enterprises.industry, [...industries])));
  return rows.map((r) => r.id);
}

/** Enterprises by id with what a campaign checks of them: industry and places. */
export async function findCampaignCandidates(db: DbOrTx, ids: readonly number[]) {
  return db
    .select({
      id: enterprises.id,
      industry: enterprises.industry,
      orgPath: enterprises.orgPath,
      supervisingOrgPath: enterprises.supervisingOrgPath,
    })
    .from(enterprises)
    .where(inArray(enterprises.id, [...ids]));
}

const inCampaign = and(
  eq(safetyInspections.campaignId, safetyCampaignEnterprises.campaignId),
  eq(safetyInspections.enterpriseId, safetyCampaignEnterprises.enterpriseId),
);

/** The progress of campaigns: planned and inspected enterprises, inspections, hazards found and rectified. */
export async function campaignProgress(
  db: DbOrTx,
  ids: readonly number[],
): Promise<Map<number, CampaignProgressRow>> {
  const progress = new Map<number, CampaignProgressRow>(
    ids.map((id) => [
      id,
      {
        plannedEnterprises: 0,
        inspectedEnterprises: 0,
        inspections: 0,
        hazardsFound: 0,
        hazardsRectified: 0,
      },
    ]),
  );
  if (ids.length === 0) return progress;
  const [planned, inspected, inspections, found] = await Promise.all([
    db
      .select({ id: safetyCampaignEnterprises.campaignId, n: count() })
      .from(safetyCampaignEnterprises)
      .where(inArray(safetyCampaignEnterprises.campaignId, [...ids]))
      .groupBy(safetyCampaignEnterprises.campaignId),
    // a planned enterprise joins each of its inspections in the campaign: count it once
    db
      .select({ id: safetyCampaignEnterprises.campaignId, n: countDistinct(safetyInspections.enterpriseId) })
      .from(safetyCampaignEnterprises)
      .leftJoin(safetyInspections, inCampaign)
      .where(inArray(safetyCampaignEnterprises.campaignId, [...ids]))
      .groupBy(safetyCampaignEnterprises.campaignId),
    db
      .select({ id: safetyInspections.campaignId, n: count() })
      .from(safetyInspections)
      .where(inArray(safetyInspections.campaignId, [...ids]))
      .groupBy(safetyInspections.campaignId),
    db
      .select({
        id: safetyInspections.campaignId,
        found: count(),
        rectified:
          sql<number>`count(*) filter (where ${inArray(hazards.state, [...HAZARD_RECTIFIED_STATES])})`.mapWith(
            Number,
          ),
      })
      .from(hazards)
      .innerJoin(safetyInspections, eq(safetyInspections.id, hazards.inspectionId))
      .where(inArray(safetyInspections.campaignId, [...ids]))
      .groupBy(safetyInspections.campaignId),
  ]);
  for (const row of planned) progress.get(row.id)!.plannedEnterprises = row.n;
  for (const row of inspected) progress.get(row.id)!.inspectedEnterprises = row.n;
  for (const row of inspections) if (row.id !== null) progress.get(row.id)!.inspections = row.n;
  for (const row of found) {
    if (row.id === null) continue;
    progress.get(row.id)!.hazardsFound = row.found;
    progress.get(row.id)!.hazardsRectified = row.rectified;
  }
  return progress;
}

/** The enterprises a campaign covers that none of its inspections has reached yet, by name. */
export async function findPendingEnterprises(db: DbOrTx, campaignId: number) {
  return db
    .select({
      id: enterprises.id,
      name: enterprises.name,
      industry: enterprises.industry,
      orgName: orgs.name,
    })
    .from(safetyCampaignEnterprises)
    .innerJoin(enterprises, eq(enterprises.id, safetyCampaignEnterprises.enterpriseId))
    .innerJoin(orgs, eq(orgs.id, enterprises.orgId))
    .leftJoin(safetyInspections, inCampaign)
    .where(and(eq(safetyCampaignEnterprises.campaignId, campaignId), isNull(safetyInspections.id)))
    .orderBy(asc(enterprises.name), asc(enterprises.id));
}
