import { apiRequest, withQuery } from '../../../platform/api/index.js';
import type { MapAreas, MapSource } from '../../cases/api/case-map.api.js';
import { PUBLIC } from './portal.api.js';

const areas = new Map<string, Promise<MapAreas>>();

/**
 * The citizen's map: the city's districts, towns, communities and grids from the portal's public routes
 * (names and boundaries only). Boundaries rarely change, so each view is fetched once per page load.
 */
export const portalMapSource: MapSource = {
  loadAreas(focusId) {
    const key = String(focusId ?? 'root');
    let answer = areas.get(key);
    if (!answer) {
      answer = apiRequest<MapAreas>(withQuery('/api/v1/portal/areas', { parentId: focusId }), PUBLIC);
      areas.set(key, answer);
      answer.catch(() => areas.delete(key));
    }
    return answer;
  },
  locate: (point) =>
    apiRequest(
      withQuery('/api/v1/portal/locate', { lat: point.lat.toFixed(6), lng: point.lng.toFixed(6) }),
      PUBLIC,
    ),
};
