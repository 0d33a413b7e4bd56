import { type BoundaryGeometry, type LocateQuery, pointInGeometry } from '@shanzhi/shared';
import type { AppContext } from '../../platform/context.js';
import { cachedLoader } from '../../platform/realtime/cache-invalidation.js';
import { findOrgsForLocating, type OrgForLocating, type OrgOnPath } from './orgs.repository.js';

/** The territorial chain of a grid, from the city down: what a located point resolves to. */
export interface LocatedChain {
  grid: OrgOnPath | null;
  community: OrgOnPath | null;
  town: OrgOnPath | null;
  district: OrgOnPath | null;
  city: OrgOnPath | null;
}

interface IndexedGrid {
  box: NonNullable<OrgForLocating['box']>;
  boundary: BoundaryGeometry;
  chain: LocatedChain;
}

/** The grid → community → town → district → city chain of the orgs on a path (root first). */
export function chainOf(orgsOnPath: readonly OrgOnPath[]): LocatedChain {
  const at = (kind: string) => orgsOnPath.find((o) => o.kind === kind) ?? null;
  return {
    grid: at('grid'),
    community: at('community'),
    town: at('town'),
    district: at('district'),
    city: at('city'),
  };
}

function buildGridIndex(rows: readonly OrgForLocating[]): IndexedGrid[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const brief = ({ box: _box, boundary: _boundary, ...org }: OrgForLocating): OrgOnPath => org;
  return rows.flatMap((row) => {
    if (!row.box || !row.boundary) return [];
    const onPath = row.path
      .split('/')
      .filter(Boolean)
      .flatMap((id) => {
        const org = byId.get(Number(id));
        return org ? [brief(org)] : [];
      });
    return [{ box: row.box, boundary: row.boundary as BoundaryGeometry, chain: chainOf(onPath) }];
  });
}

// Intake locates almost every case, and grids change a few times a year: each process keeps the active
// grids' boundaries with their chains, dropped in every process when an org changes.
const loadGridIndex = cachedLoader('orgs', 10 * 60_000, async (ctx) =>
  buildGridIndex(await findOrgsForLocating(ctx.db)),
);

/**
 * The chain of the active grid whose boundary holds a point (point-in-polygon over the grids whose bounding
 * box holds it), or null when none does: the point is outside the city.
 */
export async function locateChainAt(ctx: AppContext, point: LocateQuery): Promise<LocatedChain | null> {
  const hit = (await loadGridIndex(ctx)).find(
    ({ box, boundary }) =>
      box.minLng <= point.lng &&
      point.lng <= box.maxLng &&
      box.minLat <= point.lat &&
      point.lat <= box.maxLat &&
      pointInGeometry(point, boundary),
  );
  return hit ? hit.chain : null;
}
