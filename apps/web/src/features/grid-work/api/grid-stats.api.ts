import type {
  GridMeasureKey,
  GridRanking,
  GridStatsLevel,
  GridStatsMap,
  GridStatsReport,
} from '@shanzhi/shared';
import { apiRequest, withQuery } from '../../../platform/api/index.js';

/** A period of whole Beijing days, `YYYY-MM-DD`, both inclusive. */
export interface StatsPeriod {
  from: string;
  to: string;
}

const opts = (signal?: AbortSignal) => (signal ? { signal } : {});

/** `GET /api/v1/grid/stats`: an org's numbers (the caller's scope root by default) and those of the orgs below it. */
export function fetchGridStats(
  org: number | undefined,
  period: StatsPeriod,
  signal?: AbortSignal,
): Promise<GridStatsReport> {
  return apiRequest(withQuery('/api/v1/grid/stats', { org, ...period }), opts(signal));
}

/** `GET /api/v1/grid/stats/ranking`: every org of a level under `org`, best first by a measure. */
export function fetchGridRanking(
  query: { org?: number | undefined; level: GridStatsLevel; measure: GridMeasureKey } & StatsPeriod,
  signal?: AbortSignal,
): Promise<GridRanking> {
  return apiRequest(withQuery('/api/v1/grid/stats/ranking', { ...query }), opts(signal));
}

/** `GET /api/v1/grid/stats/map`: the boundaries of the areas of a level under `org`. */
export function fetchGridStatsMap(
  org: number | undefined,
  level: GridStatsLevel,
  signal?: AbortSignal,
): Promise<GridStatsMap> {
  return apiRequest(withQuery('/api/v1/grid/stats/map', { org, level }), opts(signal));
}
