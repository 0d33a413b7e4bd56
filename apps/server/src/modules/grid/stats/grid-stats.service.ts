import {
  computeGridMeasures,
  emptyGridCounts,
  formatDayNumber,
  type GridCounts,
  type GridMapQuery,
  type GridRanking,
  type GridRankingQuery,
  type GridStatsEntry,
  type GridStatsLevel,
  type GridStatsMap,
  type GridStatsQuery,
  type GridStatsReport,
  rankByMeasure,
  sumGridCounts,
  toBeijingDayNumber,
} from '@shanzhi/shared';
import type { Actor } from '../../../platform/auth/actor.js';
import { orgIdOfPath } from '../../../platform/auth/actor.js';
import type { AppContext } from '../../../platform/context.js';
import { fieldError } from '../../../platform/errors/app-error.js';
import { type KpiPeriod, periodOf } from '../../kpis/kpi-period.js';
import { loadOrgInScope } from '../../orgs/orgs.service.js';
import {
  countFindings,
  countPatrols,
  countPlannedPatrols,
  countTasks,
  findBoundaries,
  findingCountsOf,
  findTerritorialOrgs,
  type StatsOrgRow,
  type StatsWindow,
} from './grid-stats.repository.js';

/** The territorial levels from the top; an org's numbers break down by the levels below its own. */
const LEVEL_ORDER = ['city', 'district', 'town', 'community', 'grid'] as const;

/** The org the numbers are of: `org` when given (in scope, territorial), the caller's scope root otherwise. */
async function statsOrg(ctx: AppContext, actor: Actor, orgId: number | undefined) {
  const rootId = orgIdOfPath(actor.scopePath);
  const org = await loadOrgInScope(ctx.db, actor, orgId ?? rootId);
  if (!(LEVEL_ORDER as readonly string[]).includes(org.kind)) {
    throw fieldError(
      'query.org',
      'not_territorial',
      '请选择市、区、镇/街道、村/社区或网格：网格的统计按辖区汇总',
    );
  }
  return org;
}

/** The window of a period: its instants, the instant the counts stand at, and the ended days for the plans. */
function windowOf(path: string, period: KpiPeriod, now: Date): StatsWindow {
  const today = toBeijingDayNumber(now.getTime());
  const untilDay = Math.min(toBeijingDayNumber(period.to.getTime()), today);
  return {
    path,
    from: period.from,
    to: period.to,
    asOf: new Date(Math.min(period.to.getTime(), now.getTime())),
    planFrom: period.fromDate,
    // a day's plan is due once the day is over: today counts tomorrow
    planUntil: formatDayNumber(Math.max(untilDay, toBeijingDayNumber(period.from.getTime()))),
  };
}

/** Every grid's counts in the window, by grid path (so that they roll up the tree by prefix). */
async function countByGridPath(ctx: AppContext, w: StatsWindow): Promise<Map<string, GridCounts>> {
  const [plans, patrols, findings, tasks] = await Promise.all([
    countPlannedPatrols(ctx.db, w),
    countPatrols(ctx.db, w),
    countFindings(ctx.db, w),
    countTasks(ctx.db, w),
  ]);
  const byPath = new Map<string, GridCounts>();
  const of = (path: string) => {
    const counts = byPath.get(path) ?? emptyGridCounts();
    byPath.set(path, counts);
    return counts;
  };
  for (const r of plans) {
    Object.assign(of(r.grid_path).patrols, {
      planned: r.planned,
      attained: r.attained,
      missedDays: r.plan_days - r.met_days,
    });
  }
  for (const r of patrols) Object.assign(of(r.grid_path).patrols, { done: r.done, meters: r.meters });
  for (const r of findings) of(r.grid_path).findings = findingCountsOf(r);
  for (const r of tasks) {
    of(r.grid_path).tasks = {
      assigned: r.assigned,
      cancelled: r.cancelled,
      done: r.done,
      overdue: r.overdue,
    };
  }
  return byPath;
}

/** The counts of each of `targets` (by path): the sum of the grids below it. */
function rollUp(byGridPath: ReadonlyMap<string, GridCounts>, targets: readonly string[]) {
  const sums = new Map(targets.map((path) => [path, [] as GridCounts[]]));
  for (const [gridPath, counts] of byGridPath) {
    // every prefix of a grid's path that is a target gets the grid's counts
    let at = gridPath.indexOf('/', 1);
    while (at !== -1) {
      sums.get(gridPath.slice(0, at + 1))?.push(counts);
      at = gridPath.indexOf('/', at + 1);
    }
  }
  return new Map([...sums].map(([path, parts]) => [path, sumGridCounts(parts)]));
}

function entryOf(
  org: { id: number; name: string; kind: string },
  counts: GridCounts | undefined,
): GridStatsEntry {
  const c = counts ?? emptyGridCounts();
  return { org: { id: org.id, name: org.name, kind: org.kind }, counts: c, measures: computeGridMeasures(c) };
}

function periodView(period: KpiPeriod, w: StatsWindow) {
  return { from: period.fromDate, to: period.toDate, asOf: w.asOf.toISOString() };
}

/** Refuses a level that is not below the org's own (400 on `level`). */
function assertLevelBelow(orgKind: string, level: GridStatsLevel): void {
  const orgAt = LEVEL_ORDER.indexOf(orgKind as (typeof LEVEL_ORDER)[number]);
  if (LEVEL_ORDER.indexOf(level) <= orgAt) {
    throw fieldError(
      'query.level',
      'not_below',
      '排名层级须低于所选组织的层级（如区以下的镇/街道、社区或网格）',
    );
  }
}

/** Everything the numbers of an org over a period are made from: counted once, shaped as each answer needs. */
interface LoadedStats {
  org: { id: number; name: string; kind: string; path: string };
  period: KpiPeriod;
  window: StatsWindow;
  byGrid: Map<string, GridCounts>;
  /** the active territorial orgs of the subtree */
  orgs: StatsOrgRow[];
}

/** Counts the numbers of the query's org; with `level`, refuses first a level that is not below the org's. */
async function loadStats(
  ctx: AppContext,
  actor: Actor,
  query: GridStatsQuery,
  level?: GridStatsLevel,
): Promise<LoadedStats> {
  const now = ctx.clock.now();
  const period = periodOf(query, now);
  const org = await statsOrg(ctx, actor, query.org);
  if (level) assertLevelBelow(org.kind, level);
  const window = windowOf(org.path, period, now);
  const [byGrid, orgs] = await Promise.all([
    countByGridPath(ctx, window),
    findTerritorialOrgs(ctx.db, org.path),
  ]);
  return { org, period, window, byGrid, orgs };
}

function reportOf({ org, period, window, byGrid, orgs }: LoadedStats): GridStatsReport {
  const children = orgs.filter((o) => o.parent_id === org.id);
  const sums = rollUp(byGrid, [org.path, ...children.map((c) => c.path)]);
  return {
    ...entryOf(org, sums.get(org.path)),
    ...periodView(period, window),
    children: children.map((c) => entryOf(c, sums.get(c.path))),
  };
}

/** The names between the ranking's org and `row` (`某街道 / 某社区`). */
function withinOf(row: StatsOrgRow, byId: ReadonlyMap<number, StatsOrgRow>, rootId: number): string {
  const names: string[] = [];
  for (let parent = byId.get(row.parent_id ?? -1); parent && parent.id !== rootId; ) {
    names.unshift(parent.name);
    parent = byId.get(parent.parent_id ?? -1);
  }
  return names.join(' / ');
}

function rankingOf(loaded: LoadedStats, query: GridRankingQuery): GridRanking {
  const { org, period, window, byGrid, orgs } = loaded;
  const listed = orgs.filter((o) => o.kind === query.level);
  const sums = rollUp(
    byGrid,
    listed.map((o) => o.path),
  );
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const entries = listed.map((o) => ({ ...entryOf(o, sums.get(o.path)), within: withinOf(o, byId, org.id) }));
  return {
    org: { id: org.id, name: org.name, kind: org.kind },
    ...periodView(period, window),
    level: query.level,
    measure: query.measure,
    items: rankByMeasure(entries, query.measure),
  };
}

/**
 * 网格统计: the counts and measures of a territorial org (the caller's scope root by default) over a period,
 * and of each org directly below it — patrols against the plans, kilometres, findings and what became of
 * them, the closing rate, tasks and the overdue ones.
 */
export async function getGridStats(
  ctx: AppContext,
  actor: Actor,
  query: GridStatsQuery,
): Promise<GridStatsReport> {
  return reportOf(await loadStats(ctx, actor, query));
}

/**
 * 网格排名: every org of `level` (grids by default) under a territorial org, with its counts and measures,
 * best first by `measure` (ties share a rank; those without a value come last).
 */
export async function getGridRanking(
  ctx: AppContext,
  actor: Actor,
  query: GridRankingQuery,
): Promise<GridRanking> {
  return rankingOf(await loadStats(ctx, actor, query, query.level), query);
}

/** The numbers of an org and the ranking of a level from one count (the export's two sheets). */
export async function getGridStatsAndRanking(
  ctx: AppContext,
  actor: Actor,
  query: GridRankingQuery,
): Promise<{ report: GridStatsReport; ranking: GridRanking }> {
  const loaded = await loadStats(ctx, actor, query, query.level);
  return { report: reportOf(loaded), ranking: rankingOf(loaded, query) };
}

/** 网格地图: the outline of a territorial org and the boundaries of every org of `level` inside it. */
export async function getGridStatsMap(
  ctx: AppContext,
  actor: Actor,
  query: GridMapQuery,
): Promise<GridStatsMap> {
  const org = await statsOrg(ctx, actor, query.org);
  assertLevelBelow(org.kind, query.level);
  const areas = (await findTerritorialOrgs(ctx.db, org.path)).filter((o) => o.kind === query.level);
  const boundaries = await findBoundaries(ctx.db, [org.id, ...areas.map((a) => a.id)]);
  const area = (o: { id: number; name: string }) => ({
    id: o.id,
    name: o.name,
    boundary: boundaries.get(o.id) ?? null,
  });
  return { container: area(org), level: query.level, areas: areas.map(area) };
}
