import { beijingMidnightOfDate, type SafetyStatsQuery, type SafetyStatsView } from '@shanzhi/shared';
import { and, count, gte, inArray, lt, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { fieldError } from '../../platform/errors/app-error.js';
import { loadOrgInScope } from '../orgs/orgs.service.js';
import { enterprises, hazards, safetyInspections } from './hazards.tables.js';
import { safetyScopeWhere } from './safety-scope.policy.js';

/** The states in which a hazard counts as rectified (整改完成, 验收, 销号). */
const RECTIFIED = ['rectified', 'accepted', 'closed'];
const DAY_MS = 86_400_000;

/** The instants of a Beijing-date period: from the first day's midnight to the midnight after the last. */
function periodOf(query: SafetyStatsQuery): { from?: Date; to?: Date } {
  const from = query.from ? beijingMidnightOfDate(query.from) : undefined;
  const to = query.to ? new Date(beijingMidnightOfDate(query.to).getTime() + DAY_MS) : undefined;
  if (from && to && from.getTime() >= to.getTime())
    throw fieldError('to', 'before_from', '结束日期不能早于开始日期');
  return { from, to };
}

/**
 * 隐患统计: hazards found in the period in an org's subtree (territory or supervising body), how many of them
 * are rectified and the rate, by level; the overdue majors and those under 挂牌督办 now; the inspections done.
 */
export async function safetyStats(
  ctx: AppContext,
  actor: Actor,
  query: SafetyStatsQuery,
): Promise<SafetyStatsView> {
  const org =
    query.org === undefined
      ? { id: actor.orgId, path: actor.scopePath }
      : await loadOrgInScope(ctx.db, actor, query.org);
  const { from, to } = periodOf(query);
  const inPeriod = (column: typeof hazards.createdAt | typeof safetyInspections.inspectedAt): SQL[] => [
    ...(from ? [gte(column, from)] : []),
    ...(to ? [lt(column, to)] : []),
  ];
  const hazardWhere = and(safetyScopeWhere(org.path, hazards), ...inPeriod(hazards.createdAt));
  const now = ctx.clock.now();
  const [levels, [current], [inspections], [enterpriseCount]] = await Promise.all([
    ctx.db
      .select({
        level: hazards.level,
        found: count(),
        rectified: sql<number>`count(*) filter (where ${inArray(hazards.state, RECTIFIED)})`.mapWith(Number),
      })
      .from(hazards)
      .where(hazardWhere)
      .groupBy(hazards.level),
    ctx.db
      .select({
        overdueMajor: sql<number>`count(*) filter (where ${hazards.level} = 'major'
          and ${hazards.state} in ('assigned', 'rectifying', 'extension_requested')
          and ${hazards.deadline} < ${now.toISOString()}::timestamptz)`.mapWith(Number),
        listed:
          sql<number>`count(*) filter (where ${hazards.listedForSupervision} and ${hazards.state} <> 'closed')`.mapWith(
            Number,
          ),
      })
      .from(hazards)
      .where(safetyScopeWhere(org.path, hazards)),
    ctx.db
      .select({ n: count() })
      .from(safetyInspections)
      .innerJoin(enterprises, sql`${enterprises.id} = ${safetyInspections.enterpriseId}`)
      .where(and(safetyScopeWhere(org.path, enterprises), ...inPeriod(safetyInspections.inspectedAt))),
    ctx.db.select({ n: count() }).from(enterprises).where(safetyScopeWhere(org.path, enterprises)),
  ]);
  const byLevel = {
    general: { found: 0, rectified: 0 },
    major: { found: 0, rectified: 0 },
  };
  for (const l of levels)
    byLevel[l.level as 'general' | 'major'] = { found: l.found, rectified: l.rectified };
  const found = byLevel.general.found + byLevel.major.found;
  const rectified = byLevel.general.rectified + byLevel.major.rectified;
  return {
    orgId: org.id,
    from: query.from ?? null,
    to: query.to ?? null,
    found,
    rectified,
    rectificationRate: found === 0 ? null : rectified / found,
    byLevel,
    overdueMajor: current?.overdueMajor ?? 0,
    listedForSupervision: current?.listed ?? 0,
    inspections: inspections?.n ?? 0,
    enterprises: enterpriseCount?.n ?? 0,
  };
}
