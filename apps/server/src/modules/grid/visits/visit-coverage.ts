import {
  DAY_MS,
  type GridVisitCoverage,
  type VisitCoverageAnswer,
  type VisitCoverageFigures,
  type VisitCoverageQuery,
  visitCoverageShare,
} from '@shanzhi/shared';
import { sql } from 'drizzle-orm';
import type { Actor } from '../../../platform/auth/actor.js';
import type { AppContext } from '../../../platform/context.js';
import { type DbOrTx, queryRows } from '../../../platform/db/database.js';
import { offsetOf } from '../../../platform/http/lists.js';
import { registerListPath } from '../registers/register-scope.js';

/** A grid's households and how many of them were visited in the last 30 and 90 days. */
export interface GridCoverageCounts {
  gridId: number;
  gridName: string;
  communityName: string | null;
  households: number;
  visited30: number;
  visited90: number;
}

/**
 * 走访覆盖率 counted per grid under `path`: the houses registered by `at`, and those with a visit in the 30 and
 * 90 days up to `at`. For the stats too (visits of any grid, by `grid_path`).
 */
export async function countVisitCoverage(db: DbOrTx, path: string, at: Date): Promise<GridCoverageCounts[]> {
  const end = at.toISOString();
  const from30 = new Date(at.getTime() - 30 * DAY_MS).toISOString();
  const from90 = new Date(at.getTime() - 90 * DAY_MS).toISOString();
  const visitedSince = (from: string) =>
    sql`exists (select 1 from grid_visits v where v.house_id = h.id
                  and v.visited_at > ${from}::timestamptz and v.visited_at <= ${end}::timestamptz)`;
  const rows = await queryRows<{
    grid_id: number;
    grid_name: string;
    community_name: string | null;
    households: number;
    visited30: number;
    visited90: number;
  }>(
    db,
    sql`select h.grid_id, g.name as grid_name, c.name as community_name,
               count(*)::int as households,
               (count(*) filter (where ${visitedSince(from30)}))::int as visited30,
               (count(*) filter (where ${visitedSince(from90)}))::int as visited90
          from grid_houses h
          join orgs g on g.id = h.grid_id
          left join orgs c on c.id = g.parent_id
         where h.grid_path like ${`${path}%`} and h.created_at <= ${end}::timestamptz
         group by h.grid_id, g.name, c.name`,
  );
  return rows.map((r) => ({
    gridId: r.grid_id,
    gridName: r.grid_name,
    communityName: r.community_name,
    households: Number(r.households),
    visited30: Number(r.visited30),
    visited90: Number(r.visited90),
  }));
}

/** The figures of a set of counts: households, visited, and their shares. */
export function coverageFigures(counts: Pick<GridCoverageCounts, 'households' | 'visited30' | 'visited90'>) {
  return {
    households: counts.households,
    visited30: counts.visited30,
    visited90: counts.visited90,
    share30: visitCoverageShare(counts.visited30, counts.households),
    share90: visitCoverageShare(counts.visited90, counts.households),
  } satisfies VisitCoverageFigures;
}

/**
 * Per grid of the actor's scope (or of `within`), the share of households visited in the last 30 and 90 days
 * up to `at`, lowest first — the grids to steer — with the figures of them all together.
 */
export async function visitCoverageForActor(
  ctx: AppContext,
  actor: Actor,
  query: VisitCoverageQuery,
): Promise<VisitCoverageAnswer> {
  const at = query.at ? new Date(query.at) : ctx.clock.now();
  const path = await registerListPath(ctx.db, actor, query.within);
  const counts = await countVisitCoverage(ctx.db, path, at);
  const summary = coverageFigures(
    counts.reduce(
      (sum, c) => ({
        households: sum.households + c.households,
        visited30: sum.visited30 + c.visited30,
        visited90: sum.visited90 + c.visited90,
      }),
      { households: 0, visited30: 0, visited90: 0 },
    ),
  );
  const items: GridVisitCoverage[] = counts
    .map((c) => ({
      gridId: c.gridId,
      gridName: c.gridName,
      communityName: c.communityName,
      ...coverageFigures(c),
    }))
    .sort((a, b) => (a[query.sort] ?? 0) - (b[query.sort] ?? 0) || a.gridId - b.gridId);
  const offset = offsetOf(query);
  return {
    at: at.toISOString(),
    summary,
    items: items.slice(offset, offset + query.pageSize),
    total: items.length,
    page: query.page,
    pageSize: query.pageSize,
  };
}
