import {
  computeKpis,
  EMPTY_KPI_COUNTS,
  type KpiCounts,
  type KpiQuery,
  type KpiRankingQuery,
  type KpiRate,
  type KpiTrendQuery,
  rankByScore,
  THREE_RATES,
} from '@shanzhi/shared';
import { and, eq, like } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import { orgIdOfPath } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { findOrgBriefs } from '../orgs/org-briefs.repository.js';
import { loadOrgInScope } from '../orgs/orgs.service.js';
import { orgs } from '../orgs/orgs.tables.js';
import { readKpis, readKpisBy, readKpisPerBucket } from './kpi-aggregates.repository.js';
import type { KpiGrouping } from './kpi-counts.repository.js';
import { type KpiPeriod, periodOf, trendSlots } from './kpi-period.js';
import { readKpiSettings } from './kpi-settings.service.js';

/** An org as the reports name it. */
interface OrgView {
  id: number;
  name: string;
  kind: string;
}

/** The org a report is on: `org` when given (in the caller's scope, else 403), his scope root otherwise. */
async function reportOrg(ctx: AppContext, actor: Actor, orgId: number | undefined) {
  const rootId = orgIdOfPath(actor.scopePath);
  const org = await loadOrgInScope(ctx.db, actor, orgId ?? rootId);
  return { view: { id: org.id, name: org.name, kind: org.kind }, path: org.path };
}

function periodView(period: KpiPeriod) {
  return { from: period.fromDate, to: period.toDate };
}

/** 考核: every count and measure of an org subtree over a period, with the configuration used. */
export async function getKpiReport(ctx: AppContext, actor: Actor, query: KpiQuery) {
  const now = ctx.clock.now();
  const period = periodOf(query, now);
  const [org, settings] = await Promise.all([reportOrg(ctx, actor, query.org), readKpiSettings(ctx)]);
  const counts = await readKpis(ctx.db, { path: org.path, from: period.from, to: period.to, now });
  const { flagThreshold: _, ...config } = settings;
  return { org: org.view, ...periodView(period), counts, rates: computeKpis(counts, config), config };
}

const GROUPING: Record<KpiRankingQuery['level'], KpiGrouping> = {
  unit: 'lead_unit_id',
  district: 'district_id',
  town: 'town_id',
};

/** The orgs a ranking lists: every district or town in the scope (even without cases); units with cases. */
async function rankedOrgs(
  ctx: AppContext,
  actor: Actor,
  level: KpiRankingQuery['level'],
  groupIds: number[],
): Promise<OrgView[]> {
  if (level === 'unit') {
    const briefs = await findOrgBriefs(ctx.db, groupIds);
    return [...briefs.values()]
      .filter((o) => o.kind === 'unit')
      .map((o) => ({ id: o.id, name: o.name, kind: o.kind }))
      .sort((a, b) => a.id - b.id);
  }
  return ctx.db
    .select({ id: orgs.id, name: orgs.name, kind: orgs.kind })
    .from(orgs)
    .where(and(eq(orgs.kind, level), eq(orgs.active, true), like(orgs.path, `${actor.scopePath}%`)))
    .orderBy(orgs.sort, orgs.id);
}

/**
 * 排名: units (by the lead unit of each case) or districts / towns (where the case lies), over the cases in
 * the caller's scope, best composite score first, flagged under the threshold (通报).
 */
export async function getKpiRanking(ctx: AppContext, actor: Actor, query: KpiRankingQuery) {
  const now = ctx.clock.now();
  const period = periodOf(query, now);
  const settings = await readKpiSettings(ctx);
  const threshold = query.threshold ?? settings.flagThreshold;
  const byGroup = await readKpisBy(
    ctx.db,
    { path: actor.scopePath, from: period.from, to: period.to, now },
    GROUPING[query.level],
  );
  const listed = await rankedOrgs(ctx, actor, query.level, [...byGroup.keys()]);
  const entries = listed.map((org) => {
    const counts: KpiCounts = byGroup.get(org.id) ?? { ...EMPTY_KPI_COUNTS };
    const rates = computeKpis(counts, settings);
    return { org, score: rates.compositeScore.value, counts, rates };
  });
  return { level: query.level, ...periodView(period), threshold, items: rankByScore(entries, threshold) };
}

/** 趋势: the counts and the three rates (and the score) of an org subtree per day, week or month. */
export async function getKpiTrend(ctx: AppContext, actor: Actor, query: KpiTrendQuery) {
  const now = ctx.clock.now();
  const period = periodOf(query, now);
  const slots = trendSlots(period, query.bucket);
  const [org, settings] = await Promise.all([reportOrg(ctx, actor, query.org), readKpiSettings(ctx)]);
  const bounds = [...slots.map((s) => s.from), period.to];
  const perBucket = await readKpisPerBucket(ctx.db, org.path, bounds, now);
  const items = slots.map((slot, i) => {
    const counts = perBucket[i]!;
    const all = computeKpis(counts, settings);
    const rates = Object.fromEntries(THREE_RATES.map((k) => [k, all[k]])) as Record<
      (typeof THREE_RATES)[number],
      KpiRate
    >;
    return { start: slot.start, from: slot.from.toISOString(), to: slot.to.toISOString(), counts, rates };
  });
  return { org: org.view, ...periodView(period), bucket: query.bucket, items };
}
