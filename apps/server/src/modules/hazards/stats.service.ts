import {
  beijingMidnightOfDate,
  HAZARD_RECTIFIED_STATES,
  type HazardLevel,
  INDUSTRIES,
  type Industry,
  type SafetyStatsQuery,
  type SafetyStatsView,
  TERRITORIAL_ORG_KINDS,
} from '@shanzhi/shared';
import { and, asc, count, eq, gte, inArray, like, lt, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { type Actor, orgIdOfPath } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { fieldError } from '../../platform/errors/app-error.js';
import { loadOrgInScope } from '../orgs/orgs.service.js';
import { orgs } from '../orgs/orgs.tables.js';
import { campaignProgress, findCampaignIdsMeeting } from './campaigns.repository.js';
import { accountEnterpriseIdOf, type SafetyListScope } from './enterprise-account.policy.js';
import { enterprises, hazards, safetyInspections } from './hazards.tables.js';
import { safetyScopeWhere } from './safety-scope.policy.js';

const DAY_MS = 86_400_000;

interface Period {
  from?: Date;
  to?: Date;
}

/** The instants of a Beijing-date period: from the first day's midnight to the midnight after the last. */
function periodOf(query: SafetyStatsQuery): Period {
  const from = query.from ? beijingMidnightOfDate(query.from) : undefined;
  const to = query.to ? new Date(beijingMidnightOfDate(query.to).getTime() + DAY_MS) : undefined;
  if (from && to && from.getTime() >= to.getTime())
    throw fieldError('to', 'before_from', '结束日期不能早于开始日期');
  return { from, to };
}

const inPeriod = (
  column: typeof hazards.createdAt | typeof safetyInspections.inspectedAt,
  { from, to }: Period,
): SQL[] => [...(from ? [gte(column, from)] : []), ...(to ? [lt(column, to)] : [])];

/** The org the numbers are of, and where they look: its subtree, or an enterprise account's own enterprise. */
interface StatsPlace {
  org: { id: number; path: string };
  scope: SafetyListScope;
}

/**
 * The org the numbers are of: the one asked for (in the caller's scope), or the root of the caller's scope.
 * Staff count its subtree; an enterprise account, whose org holds nothing, counts its own enterprise alone.
 */
async function statsPlaceOf(ctx: AppContext, actor: Actor, org?: number): Promise<StatsPlace> {
  const [place, own] = await Promise.all([
    loadOrgInScope(ctx.db, actor, org ?? orgIdOfPath(actor.scopePath)),
    accountEnterpriseIdOf(ctx.db, actor),
  ]);
  return {
    org: place,
    scope: own === undefined ? { scopePath: place.path } : { scopePath: '/', enterpriseId: own },
  };
}

/** The SQL of a stats place on rows joined to their enterprise, placed by `columns` (the row's or the enterprise's). */
function statsScopeWhere(
  { scopePath, enterpriseId }: SafetyListScope,
  columns: Parameters<typeof safetyScopeWhere>[1] = enterprises,
): SQL {
  return and(
    safetyScopeWhere(scopePath, columns),
    ...(enterpriseId === undefined ? [] : [eq(enterprises.id, enterpriseId)]),
  )!;
}

/** The hazard numbers of a group: found and rectified in the period by level; overdue majors and 挂牌督办 now. */
interface HazardTally {
  byLevel: Record<HazardLevel, { found: number; rectified: number }>;
  overdueMajor: number;
  listed: number;
}

const emptyTally = (): HazardTally => ({
  byLevel: { general: { found: 0, rectified: 0 }, major: { found: 0, rectified: 0 } },
  overdueMajor: 0,
  listed: 0,
});

function addTally(into: HazardTally, more: HazardTally): HazardTally {
  for (const level of ['general', 'major'] as const) {
    into.byLevel[level].found += more.byLevel[level].found;
    into.byLevel[level].rectified += more.byLevel[level].rectified;
  }
  into.overdueMajor += more.overdueMajor;
  into.listed += more.listed;
  return into;
}

type TallyKey = typeof enterprises.industry | typeof hazards.enterpriseId;

/** The two counts of every breakdown: hazards found in the period, and those of them rectified (none on no row). */
function foundAndRectified(period: Period) {
  const found = and(sql`true`, ...inPeriod(hazards.createdAt, period))!;
  return {
    found: sql<number>`count(${hazards.id}) filter (where ${found})`.mapWith(Number),
    rectified:
      sql<number>`count(${hazards.id}) filter (where ${found} and ${inArray(hazards.state, [...HAZARD_RECTIFIED_STATES])})`.mapWith(
        Number,
      ),
  };
}

/**
 * The one count of hazards behind every safety number: per `key` (industry, enterprise) in an org's subtree
 * (territory or supervising body), those found in the period and rectified of them, by level; the overdue
 * majors and those under 挂牌督办 now.
 */
async function tallyHazards<K extends TallyKey>(
  ctx: AppContext,
  scope: SafetyListScope,
  period: Period,
  key: K,
): Promise<Map<K['_']['data'], HazardTally>> {
  const now = ctx.clock.now().toISOString();
  const rows = await ctx.db
    .select({
      key,
      level: hazards.level,
      ...foundAndRectified(period),
      overdueMajor: sql<number>`count(*) filter (where ${hazards.level} = 'major'
        and ${hazards.state} in ('assigned', 'rectifying', 'extension_requested')
        and ${hazards.deadline} < ${now}::timestamptz)`.mapWith(Number),
      listed:
        sql<number>`count(*) filter (where ${hazards.listedForSupervision} and ${hazards.state} <> 'closed')`.mapWith(
          Number,
        ),
    })
    .from(hazards)
    .innerJoin(enterprises, eq(enterprises.id, hazards.enterpriseId))
    .where(statsScopeWhere(scope, hazards))
    .groupBy(key, hazards.level);
  const tallies = new Map<K['_']['data'], HazardTally>();
  for (const row of rows) {
    const tally = tallies.get(row.key) ?? emptyTally();
    tally.byLevel[row.level as HazardLevel] = { found: row.found, rectified: row.rectified };
    tally.overdueMajor += row.overdueMajor;
    tally.listed += row.listed;
    tallies.set(row.key, tally);
  }
  return tallies;
}

/**
 * Found and rectified per org one level below `org` (districts under the city, towns under a district …), by
 * the territory of the hazards' enterprises; every such org, those without hazards with zeros.
 */
function hazardsByChildOrg(ctx: AppContext, org: { id: number; path: string }, period: Period) {
  const child = alias(orgs, 'child');
  return ctx.db
    .select({ orgId: child.id, name: child.name, ...foundAndRectified(period) })
    .from(child)
    .leftJoin(enterprises, like(enterprises.orgPath, sql`${child.path} || '%'`))
    .leftJoin(hazards, and(eq(hazards.enterpriseId, enterprises.id), safetyScopeWhere(org.path, hazards)))
    .where(and(eq(child.parentId, org.id), inArray(child.kind, [...TERRITORIAL_ORG_KINDS])))
    .groupBy(child.id, child.name, child.sort)
    .orderBy(asc(child.sort), asc(child.id));
}

/** Found and rectified per Beijing month of finding, in order; the months with hazards. */
function hazardsByMonth(ctx: AppContext, scope: SafetyListScope, period: Period) {
  const month = sql<string>`to_char(${hazards.createdAt} at time zone 'Asia/Shanghai', 'YYYY-MM')`;
  return ctx.db
    .select({ month, ...foundAndRectified(period) })
    .from(hazards)
    .innerJoin(enterprises, eq(enterprises.id, hazards.enterpriseId))
    .where(and(statsScopeWhere(scope, hazards), ...inPeriod(hazards.createdAt, period)))
    .groupBy(month)
    .orderBy(month);
}

/** 计划与完成: the campaigns of the scope meeting the period, the enterprises they plan and those inspected. */
async function campaignCoverage(ctx: AppContext, scopePath: string, query: SafetyStatsQuery) {
  const ids = await findCampaignIdsMeeting(ctx.db, scopePath, query);
  const coverage = { count: ids.length, plannedEnterprises: 0, inspectedEnterprises: 0 };
  for (const progress of (await campaignProgress(ctx.db, ids)).values()) {
    coverage.plannedEnterprises += progress.plannedEnterprises;
    coverage.inspectedEnterprises += progress.inspectedEnterprises;
  }
  return coverage;
}

/** The numbers of a tally as the API shows them: totals, the rectification rate, by level. */
function numbersOf(tally: HazardTally) {
  const { general, major } = tally.byLevel;
  const found = general.found + major.found;
  const rectified = general.rectified + major.rectified;
  return {
    found,
    rectified,
    rectificationRate: found === 0 ? null : rectified / found,
    byLevel: tally.byLevel,
    overdueMajor: tally.overdueMajor,
    listedForSupervision: tally.listed,
  };
}
/** The hazard numbers of one enterprise or of an org. */
export type HazardNumbers = ReturnType<typeof numbersOf>;

/**
 * 隐患统计: hazards found in the period in an org's subtree (territory or supervising body), how many of them
 * are rectified and the rate, by level, industry, the org's own orgs and month; the overdue majors and those under 挂牌督办 now; the
 * inspections done, and the campaigns' enterprises inspected of those planned.
 */
export async function safetyStats(
  ctx: AppContext,
  actor: Actor,
  query: SafetyStatsQuery,
): Promise<SafetyStatsView> {
  const { org, scope } = await statsPlaceOf(ctx, actor, query.org);
  const period = periodOf(query);
  const [industries, byOrg, byMonth, campaigns, [inspections], [enterpriseCount]] = await Promise.all([
    tallyHazards(ctx, scope, period, enterprises.industry),
    hazardsByChildOrg(ctx, org, period),
    hazardsByMonth(ctx, scope, period),
    campaignCoverage(ctx, org.path, query),
    ctx.db
      .select({ n: count() })
      .from(safetyInspections)
      .innerJoin(enterprises, eq(enterprises.id, safetyInspections.enterpriseId))
      .where(and(statsScopeWhere(scope), ...inPeriod(safetyInspections.inspectedAt, period))),
    ctx.db.select({ n: count() }).from(enterprises).where(statsScopeWhere(scope)),
  ]);
  const total = [...industries.values()].reduce(addTally, emptyTally());
  const byIndustry = INDUSTRIES.flatMap((industry: Industry) => {
    const numbers = numbersOf(industries.get(industry) ?? emptyTally());
    return numbers.found === 0 ? [] : [{ industry, found: numbers.found, rectified: numbers.rectified }];
  });
  return {
    orgId: org.id,
    from: query.from ?? null,
    to: query.to ?? null,
    ...numbersOf(total),
    byIndustry,
    byOrg,
    byMonth,
    inspections: inspections?.n ?? 0,
    campaigns,
    enterprises: enterpriseCount?.n ?? 0,
  };
}

/** An enterprise of the register with its hazard numbers. */
export interface EnterpriseNumbers extends HazardNumbers {
  id: number;
  name: string;
  creditCode: string;
  industry: Industry;
}

/**
 * The same numbers per enterprise: every enterprise in the org's subtree, by name, those without hazards
 * with zeros.
 */
export async function safetyStatsPerEnterprise(
  ctx: AppContext,
  actor: Actor,
  query: SafetyStatsQuery,
): Promise<EnterpriseNumbers[]> {
  const { scope } = await statsPlaceOf(ctx, actor, query.org);
  const [rows, tallies] = await Promise.all([
    ctx.db
      .select({
        id: enterprises.id,
        name: enterprises.name,
        creditCode: enterprises.creditCode,
        industry: enterprises.industry,
      })
      .from(enterprises)
      .where(statsScopeWhere(scope))
      .orderBy(asc(enterprises.name), asc(enterprises.id)),
    tallyHazards(ctx, scope, periodOf(query), hazards.enterpriseId),
  ]);
  return rows.map((row) => ({
    ...row,
    industry: row.industry as Industry,
    ...numbersOf(tallies.get(row.id) ?? emptyTally()),
  }));
}
