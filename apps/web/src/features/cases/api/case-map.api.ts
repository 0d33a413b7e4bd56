import type { LocatedPointView, PublicArea } from '@shanzhi/shared';
import { ApiError } from '../../../platform/api/index.js';
import { fetchOrgDetail, fetchTreeLevel, locatePoint } from '../../orgs/api/orgs.api.js';

/**
 * An area a case map draws: a district, town, community or grid with its boundary — what the portal's
 * public area and the staff's org detail both carry.
 */
export type MapArea = Pick<PublicArea, 'id' | 'name' | 'boundary'>;

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
  locate(point: { lng: number; lat: number }): Promise<LocatedPointView>;
}

/** An org's boundary and its children's, from the staff's org tree. */
async function staffAreas(areaId: number): Promise<MapAreas> {
  const [area, children] = await Promise.all([fetchOrgDetail(areaId), fetchTreeLevel(areaId)]);
  const details = await Promise.all(children.filter((c) => c.hasBoundary).map((c) => fetchOrgDetail(c.id)));
  return { area, children: details };
}

/** The staff's map: the org tree of the signed-in user's scope (boundaries of an org and its children). */
export const staffMapSource: MapSource = {
  async loadAreas(focusId) {
    const rootId = async () => (await fetchTreeLevel())[0]?.id;
    const areaId = focusId ?? (await rootId());
    if (areaId === undefined) return null;
    try {
      return await staffAreas(areaId);
    } catch (error) {
      // an area above the viewer's own (a grid worker's case focuses on its community): draw his scope instead
      if (focusId === null || !(error instanceof ApiError) || error.code !== 'OUT_OF_SCOPE') throw error;
      const own = await rootId();
      return own === undefined ? null : staffAreas(own);
    }
  },
  locate: (point) => locatePoint(point.lat, point.lng),
};
