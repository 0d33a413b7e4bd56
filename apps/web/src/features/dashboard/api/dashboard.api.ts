import type { DashboardLive, DashboardMap, DashboardOverview } from '@shanzhi/shared';
import { apiRequest, withQuery } from '../../../platform/api/index.js';

export type { DashboardLive, DashboardMap, DashboardOverview };

/** Everything the wall shows of an org subtree (the caller's scope root by default). */
export function fetchOverview(org?: number, signal?: AbortSignal): Promise<DashboardOverview> {
  return apiRequest(withQuery('/api/v1/dashboard/overview', { org }), signal ? { signal } : {});
}

/** Today's count, points and the latest cases: reloaded on each new case. */
export function fetchLive(org?: number): Promise<DashboardLive> {
  return apiRequest(withQuery('/api/v1/dashboard/live', { org }));
}

/** An org's outline and what the map draws inside it (a grid: its staff and open cases). */
export function fetchMap(org?: number, signal?: AbortSignal): Promise<DashboardMap> {
  return apiRequest(withQuery('/api/v1/dashboard/map', { org }), signal ? { signal } : {});
}
