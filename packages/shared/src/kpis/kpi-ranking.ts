/** Scores closer than this are the same score: they come from floating-point sums of fractions. */
const SCORE_EPSILON = 1e-9;

/** Something to rank: a unit or a district with its composite score (`null`: no valid callbacks). */
export interface Scored {
  /** 综合得分 as a fraction (0.921), or `null` when it could not be computed */
  score: number | null;
}

/** An entry with its place: `rank` is 1-based, `null` for entries without a score. */
export type Ranked<T extends Scored> = T & {
  /** 排名: equal scores share a rank and the next rank is skipped (1, 2, 2, 4) */
  rank: number | null;
  /** 通报: the score is below the threshold (entries without a score are never flagged) */
  flagged: boolean;
};

function byScoreDescending(a: Scored, b: Scored): number {
  if (a.score === null || b.score === null) return (a.score === null ? 1 : 0) - (b.score === null ? 1 : 0);
  return b.score - a.score;
}

/**
 * Entries sorted by score, best first, with their rank and whether they fall under `threshold` (通报扣分).
 * Entries without a score come last, unranked. Equal scores keep their input order.
 */
export function rankByScore<T extends Scored>(entries: readonly T[], threshold: number): Ranked<T>[] {
  const sorted = [...entries].sort(byScoreDescending);
  const ranked: Ranked<T>[] = [];
  sorted.forEach((entry, index) => {
    const previous = ranked[index - 1];
    const tied =
      previous?.score != null &&
      entry.score !== null &&
      Math.abs(previous.score - entry.score) < SCORE_EPSILON;
    const rank = entry.score === null ? null : tied ? previous.rank : index + 1;
    const flagged = entry.score !== null && entry.score < threshold - SCORE_EPSILON;
    ranked.push({ ...entry, rank, flagged });
  });
  return ranked;
}
