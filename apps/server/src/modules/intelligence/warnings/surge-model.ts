import { poissonUpperTail, surpriseOf } from './poisson.js';

/**
 * The surge test (激增). Model: each (place × 大类) cell's daily count is Poisson around its own trailing mean.
 * Why Poisson rather than EWMA: the counts are small and mostly 0–3 per cell and day, where an EWMA's normal
 * control limits mean little, while the Poisson tail gives an exact p-value for small counts; the trailing
 * mean adapts to each cell's own level with no parameter to tune per cell.
 */
export interface SurgeModel {
  /** days of history the baseline mean is taken over (the days before the day tested) */
  baselineDays: number;
  /** a day with fewer cases than this is never a surge, however quiet the cell was */
  minCount: number;
  /** and it must be at least this many times the baseline mean */
  minRatio: number;
  /** one-sided p-value at or below which the count is a surge (1e-5: ≈ 1 false alarm in 100,000 cell-days) */
  alpha: number;
  /** pseudo-count added to the baseline, so that a cell without history has a small mean, not zero */
  priorCount: number;
}

/** The default model. */
export const DEFAULT_SURGE_MODEL: SurgeModel = {
  baselineDays: 28,
  minCount: 5,
  minRatio: 3,
  alpha: 1e-5,
  priorCount: 0.5,
};

/** The verdict on one cell's day. */
export interface SurgeTest {
  /** baseline mean per day */
  baseline: number;
  pValue: number;
  /** −log10 p */
  score: number;
  /** observed / baseline */
  ratio: number;
  surge: boolean;
}

/** Tests a day's `count` against `baselineCount` cases over the model's baseline days. */
export function testSurge(
  count: number,
  baselineCount: number,
  model: SurgeModel = DEFAULT_SURGE_MODEL,
): SurgeTest {
  const baseline = (baselineCount + model.priorCount) / model.baselineDays;
  const pValue = poissonUpperTail(count, baseline);
  const ratio = count / baseline;
  return {
    baseline,
    pValue,
    score: surpriseOf(pValue),
    ratio,
    surge: count >= model.minCount && ratio >= model.minRatio && pValue <= model.alpha,
  };
}
