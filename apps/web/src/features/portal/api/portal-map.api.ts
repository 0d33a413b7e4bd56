import type { LocatedPointView, PublicAreas } from '@shanzhi/shared';
import { apiRequest, withQuery } from '../../../platform/api/index.js';
import type { MapAreas, MapSource } from '../../cases/api/case-map.api.js';
import { PUBLIC } from './portal.api.js';

const areas = new Map<string, Promise<PublicAreas>>();

/**
 * An area of the city and the areas directly below it (the city's districts without `focusId`), from the
 * portal's public routes: names, kinds and boundaries. Boundaries rarely change, so each is fetched once per
 * page load.
 */
export function publicAreasBelow(focusId: number | null): Promise<PublicAreas> {
  const key = String(focusId ?? 'root');
  let answer = areas.get(key);
  if (!answer) {
    answer = apiRequest<PublicAreas>(withQuery('/api/v1/portal/areas', { parentId: focusId }), PUBLIC);
    areas.set(key, answer);
    answer.catch(() => areas.delete(key));
  }
  return answer;
}

/** The citizen's map: the city's districts, towns, communities and grids from the portal's public routes. */
export const portalMapSource: MapSource = {
  loadAreas: (focusId): Promise<MapAreas> => publicAreasBelow(focusId),
  locate: (point) =>
    apiRequest<LocatedPointView>(
      withQuery('/api/v1/portal/locate', { lat: point.lat.toFixed(6), lng: point.lng.toFixed(6) }),
      PUBLIC,
    ),
};
