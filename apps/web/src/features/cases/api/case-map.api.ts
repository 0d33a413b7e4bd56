import type { BoundaryGeometry } from '@shanzhi/shared';
import { fetchOrgDetail, fetchTreeLevel, type LocatedPoint, locatePoint } from '../../orgs/api/orgs.api.js';

/** An area a case map draws: a district, town, community or grid with its boundary. */
export interface MapArea {
  id: number;
  name: string;
  boundary: BoundaryGeometry | null;
}

/** An area and the areas directly below it: what one view of a case map shows. */
export interface MapAreas {
  area: MapArea;
  children: MapArea[];
}

/**
 * Where a case map takes its boundaries and locates a clicked point: the staff's org tree (scope-checked) or
 * the citizen portal's public routes. One map component serves both.
 */
export interface MapSource {
  /** `focusId` and the areas directly below it; the root of what the caller may see when null */
  loadAreas(focusId: number | null): Promise<MapAreas | null>;
  /** the grid, community, town and district a point lies in */
  locate(point: { lng: number; lat: number }): Promise<LocatedPoint>;
}

/** The staff's map: the org tree of the signed-in user's scope (boundaries of an org and its children). */
export const staffMapSource: MapSource = {
  async loadAreas(focusId) {
    const areaId = focusId ?? (await fetchTreeLevel())[0]?.id;
    if (areaId === undefined) return null;
    const [area, children] = await Promise.all([fetchOrgDetail(areaId), fetchTreeLevel(areaId)]);
    const details = await Promise.all(children.filter((c) => c.hasBoundary).map((c) => fetchOrgDetail(c.id)));
    return { area, children: details };
  },
  locate: (point) => locatePoint(point.lat, point.lng),
};
