import { rankByScore } from '../kpis/kpi-ranking.js';
import { GRID_MEASURE_DEFINITIONS, type GridMeasure, type GridMeasureKey } from './grid-stats.js';

/** Something ranked by a grid measure: an org with its measures. */
export interface WithGridMeasures {
  measures: Readonly<Record<GridMeasureKey, Pick<GridMeasure, 'value'>>>;
}

/** An entry with its place by one measure: 1-based, equal values share a rank, `null` without a value. */
export type RankedByMeasure<T> = T & { rank: number | null };

/**
 * Entries sorted best first by measure `key` — highest first, or lowest first for a measure where lower is
 * better (超期任务, 漏巡) — with their rank (1, 2, 2, 4 as the assessment's rankings); entries without a value
 * (no findings, no plan) come last, unranked. Equal values keep their input order. The ranking of the
 * assessment (`rankByScore`) does the ordering, so both rank ties the same way.
 */
export function rankByMeasure<T extends WithGridMeasures>(
  entries: readonly T[],
  key: GridMeasureKey,
): RankedByMeasure<T>[] {
  const sign = GRID_MEASURE_DEFINITIONS[key].better === 'lower' ? -1 : 1;
  const scored = entries.map((entry) => {
    const value = entry.measures[key].value;
    return { entry, score: value === null ? null : sign * value };
  });
  // no threshold: a ranking of grids flags no one, it only orders
  return rankByScore(scored, Number.NEGATIVE_INFINITY).map(({ entry, rank }) => ({ ...entry, rank }));
}
