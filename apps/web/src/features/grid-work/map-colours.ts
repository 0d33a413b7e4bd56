import type { GridMeasureDirection } from '@shanzhi/shared';

/** The colours of the scale, from the worst to the best value (red → amber → green). */
export const SCALE = ['#d73027', '#fc8d59', '#fee08b', '#d9ef8b', '#91cf60', '#1a9850'] as const;
/** The colours of a plain volume (no better or worse): light to dark blue. */
export const VOLUME_SCALE = ['#eff3ff', '#c6dbef', '#9ecae1', '#6baed6', '#3182bd', '#08519c'] as const;
/** An area without a value (no findings, no plan). */
export const NO_VALUE = '#e6e8eb';

/** The values of the map's areas that exist, sorted: what an area's value is placed among. */
export interface ValueScale {
  sorted: number[];
  min: number;
  max: number;
}

/** The scale of the values (those that exist), or null when none does. */
export function scaleOf(values: readonly (number | null)[]): ValueScale | null {
  const sorted = values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  return { sorted, min: sorted[0]!, max: sorted.at(-1)! };
}

/** The share of the values below `value` (0 for the lowest, 1 for the highest; equal values share it). */
function placeOf(value: number, sorted: readonly number[]): number {
  if (sorted.length < 2 || sorted[0] === sorted.at(-1)) return 1;
  let below = 0;
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  below = lo;
  return below / (sorted.length - 1);
}

/**
 * The colour of an area by where its value stands among the areas' (quantiles, so that a few outliers do not
 * paint every other area alike): red for the worst and green for the best — which end is which follows the
 * measure, lower being better for 超期任务 — shades of blue for a plain volume, grey without a value. When all
 * values are equal every area takes the best colour.
 */
export function colourOf(
  value: number | null,
  scale: ValueScale | null,
  better: GridMeasureDirection,
): string {
  if (value === null || scale === null) return NO_VALUE;
  const colours = better === null ? VOLUME_SCALE : SCALE;
  let t = placeOf(value, scale.sorted);
  if (better === 'lower' && scale.min !== scale.max) t = 1 - t;
  // the epsilon keeps a value on a band's edge (0.4999… in floating point) in the upper band
  const index = Math.min(colours.length - 1, Math.max(0, Math.floor(t * colours.length + 1e-9)));
  return colours[index]!;
}
