import {
  beijingMidnightOfDate,
  DAY_MS,
  type DashboardLive,
  type DashboardMap,
  type DashboardOverview,
  type DashboardQuery,
  type KpiRanking,
  toBeijingDate,
} from '@shanzhi/shared';
import { type Actor, isInScope } from '../../platform/auth/actor.js';
import { freeTextMaskingFor } from '../../platform/auth/free-text-masking.js';
import type { AppContext } from '../../platform/context.js';
import { listWarningsForActor } from '../intelligence/warnings/warnings.service.js';
import { getKpiRanking, getKpiReport, getKpiTrend } from '../kpis/kpis.service.js';
import { findOrgBriefs } from '../orgs/org-briefs.repository.js';
import { presentGridStaff } from '../orgs/orgs.presenter.js';
import { findGridStaff, type OrgRow } from '../orgs/orgs.repository.js';
import { loadOrgInScope } from '../orgs/orgs.service.js';
import { flaggedPetitionsOf } from '../petitions/flagged-petitions.js';
import { presentArea, presentDashboardCase } from './dashboard.presenter.js';
import {
  countOpenCasesByPlace,
  countRedCasesByUnit,
  findCasePoints,
  findChildAreas,
  findGridAreas,
  findHotCategories,
  findHotWords,
  findLatestCases,
  findOpenCasesOfGrid,
} from './dashboard.repository.js';

/** Cases in the ticker. */
const TICKER_SIZE = 15;
/** Points of today's map at most (a city's busiest day). */
const MAX_POINTS = 5_000;
/** Entries of each hot list, of the unit alerts and of the rankings. */
const TOP = 10;
const RATE_KEYS = ['responseRate', 'solvingRate', 'satisfactionRate', 'compositeScore'] as const;

/** The org the wall shows: `org` when given (in scope, else 403; 404 for none), the caller's scope root. */
async function wallOrg(ctx: AppContext, actor: Actor, query: DashboardQuery): Promise<OrgRow> {
  const rootId = Number(actor.scopePath.split('/').filter(Boolean).at(-1));
  return loadOrgInScope(ctx.db, actor, query.org ?? rootId);
}

const orgView = (org: OrgRow) => ({ id: org.id, name: org.name, kind: org.kind });

/** The same days of the month before: from its first day to the same day of the month (or its last). */
function sameDaysOfLastMonth(today: string): { from: string; to: string } {
  const [year, month, day] = today.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(year, month - 2, 1));
  const lastDay = new Date(Date.UTC(year, month - 1, 0)).getUTCDate();
  const to = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(day, lastDay)));
  return { from: first.toISOString().slice(0, 10), to: to.toISOString().slice(0, 10) };
}

/** The wall's live part of an org already loaded: today's points and the ticker (no measure: it is cheap). */
async function liveOf(ctx: AppContext, actor: Actor, org: OrgRow): Promise<DashboardLive> {
  const now = ctx.clock.now();
  const masking = freeTextMaskingFor(actor);
  const [points, latest] = await Promise.all([
    findCasePoints(ctx.db, org.path, beijingMidnightOfDate(toBeijingDate(now)), MAX_POINTS),
    findLatestCases(ctx.db, org.path, TICKER_SIZE),
  ]);
  return {
    org: orgView(org),
    generatedAt: now.toISOString(),
    points: points.map((p) => ({
      id: p.id,
      lng: Number(p.lng),
      lat: Number(p.lat),
      categoryName: p.category_name,
      light: p.light as DashboardLive['points'][number]['light'],
    })),
    ticker: latest.map((row) => presentDashboardCase(row, masking)),
  };
}

/** `GET /dashboard/live`: what changes with every new case — today's points and the ticker. */
export async function getDashboardLive(ctx: AppContext, actor: Actor, query: DashboardQuery) {
  return liveOf(ctx, actor, await wallOrg(ctx, actor, query));
}

const rankItems = (ranking: KpiRanking) =>
  ranking.items.slice(0, TOP).map((i) => ({ org: i.org, rank: i.rank, score: i.score, flagged: i.flagged }));

/** Units with overdue cases this month or open red-light cases now, the most of both first. */
async function unitAlertsOf(ctx: AppContext, units: KpiRanking, red: Map<number, number>) {
  const overdue = new Map(units.items.map((i) => [i.org.id, { org: i.org, overdue: i.counts.overdue }]));
  const missing = [...red.keys()].filter((id) => !overdue.has(id));
  const names = await findOrgBriefs(ctx.db, missing);
  const ids = new Set([...overdue.keys(), ...red.keys()]);
  return [...ids]
    .map((id) => {
      const brief = names.get(id);
      const org = overdue.get(id)?.org ?? {
        id,
        name: brief?.name ?? String(id),
        kind: brief?.kind ?? 'unit',
      };
      return { org, overdue: overdue.get(id)?.overdue ?? 0, red: red.get(id) ?? 0 };
    })
    .filter((u) => u.overdue + u.red > 0)
    .sort((a, b) => b.red + b.overdue - (a.red + a.overdue) || a.org.id - b.org.id)
    .slice(0, TOP);
}

/**
 * `GET /dashboard/overview`: everything the wall shows of an org subtree — counts against the period
 * before, the three rates and the score (考核, as `GET /kpis` computes them) against the same days of last
 * month, hot categories and words, open warnings, overdue and red-light cases by unit, rankings (units, and
 * the districts of a city or the towns of a district), today's points, the ticker and the petitions flagged
 * for a risk of escalation (信访风险预警, for a viewer who may read petitions).
 */
export async function getDashboardOverview(
  ctx: AppContext,
  actor: Actor,
  query: DashboardQuery,
): Promise<DashboardOverview> {
  const org = await wallOrg(ctx, actor, query);
  const now = ctx.clock.now();
  const today = toBeijingDate(now);
  const lastMonth = sameDaysOfLastMonth(today);
  // the rankings read the caller's scope: narrowed to the org shown
  const within: Actor = { ...actor, scopePath: org.path };
  const areaLevel = org.kind === 'city' ? 'district' : 'town';
  const day = new Date(now.getTime() - DAY_MS);
  const week = new Date(now.getTime() - 7 * DAY_MS);
  const yesterday = toBeijingDate(day);
  const [
    live,
    days,
    month,
    previous,
    units,
    areas,
    warnings,
    red,
    cats24,
    cats7,
    words24,
    words7,
    petitionRisks,
  ] = await Promise.all([
    liveOf(ctx, actor, org),
    getKpiTrend(ctx, actor, { org: org.id, from: yesterday, to: today, bucket: 'day' }),
    getKpiReport(ctx, actor, { org: org.id }),
    getKpiReport(ctx, actor, { org: org.id, ...lastMonth }),
    getKpiRanking(ctx, within, { level: 'unit' }),
    getKpiRanking(ctx, within, { level: areaLevel }),
    listWarningsForActor(ctx, actor, { org: org.id, status: 'open', page: 1, pageSize: TOP }),
    countRedCasesByUnit(ctx.db, org.path),
    findHotCategories(ctx.db, org.path, day, TOP),
    findHotCategories(ctx.db, org.path, week, TOP),
    findHotWords(ctx.db, org.path, day, now, TOP * 2),
    findHotWords(ctx.db, org.path, week, now, TOP * 2),
    flaggedPetitionsOf(ctx, actor, org.path, TOP),
  ]);
  return {
    ...live,
    today: { value: days.items[1]?.counts.total ?? 0, previous: days.items[0]?.counts.total ?? 0 },
    month: { from: month.from, to: month.to, value: month.counts.total, previous: previous.counts.total },
    rates: RATE_KEYS.map((key) => ({
      key,
      label: month.rates[key].label,
      value: month.rates[key].value,
      previous: previous.rates[key].value,
    })),
    hotCategories: { last24h: cats24, last7d: cats7 },
    hotWords: { last24h: words24, last7d: words7 },
    warnings: warnings.items.map((w) => ({
      id: w.id,
      kind: w.kind,
      kindLabel: w.kindLabel,
      title: w.title,
      orgName: w.orgName,
      observed: w.observed,
      baseline: w.baseline,
      lastSeenAt: w.lastSeenAt,
    })),
    unitAlerts: await unitAlertsOf(ctx, units, red),
    ranking: { units: rankItems(units), areas: rankItems(areas) },
    petitionRisks,
  };
}

/** Grids' open cases listed on the wall at most. */
const GRID_CASES = 20;

/**
 * `GET /dashboard/map`: an org in scope and what the wall draws inside it — its territorial children and
 * its grids, each with its open cases — and, for a grid, its staff and open cases.
 */
export async function getDashboardMap(
  ctx: AppContext,
  actor: Actor,
  query: DashboardQuery,
): Promise<DashboardMap> {
  const org = await wallOrg(ctx, actor, query);
  const isGrid = org.kind === 'grid';
  const [children, grids, open, staff, cases, parents] = await Promise.all([
    isGrid ? Promise.resolve([]) : findChildAreas(ctx.db, org.id),
    isGrid ? Promise.resolve([]) : findGridAreas(ctx.db, org.path),
    countOpenCasesByPlace(ctx.db, org.path),
    isGrid ? findGridStaff(ctx.db, org.id) : Promise.resolve([]),
    isGrid ? findOpenCasesOfGrid(ctx.db, org.id, GRID_CASES) : Promise.resolve([]),
    findOrgBriefs(ctx.db, org.parentId === null ? [] : [org.parentId]),
  ]);
  const parent = org.parentId === null ? undefined : parents.get(org.parentId);
  // a city is no column of a case: its open cases are its districts'
  if (org.kind === 'city')
    open.set(
      org.id,
      children.reduce((sum, c) => sum + (open.get(c.id) ?? 0), 0),
    );
  const masking = freeTextMaskingFor(actor);
  return {
    org: presentArea(
      {
        id: org.id,
        name: org.name,
        kind: org.kind,
        parent_id: org.parentId,
        boundary: org.boundary,
        center_lng: org.centerLng,
        center_lat: org.centerLat,
      },
      open,
    ),
    parentId: parent && isInScope(actor, parent.path) ? parent.id : null,
    areas: children.map((row) => presentArea(row, open)),
    grids: grids.map((row) => presentArea(row, open)),
    staff: presentGridStaff(staff, actor),
    openCases: cases.map((row) => presentDashboardCase(row, masking)),
  };
}
