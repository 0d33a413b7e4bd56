/** A fraction (0.855) as the per cent a settings form shows (85.5), to one decimal. */
export const toPercent = (fraction: number) => Math.round(fraction * 1000) / 10;

/** A per cent typed in a settings form (85.5) as the fraction the API takes (0.855). */
export const toFraction = (percent: number) => Math.round(percent * 10) / 1000;
