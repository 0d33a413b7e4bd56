import type { PetitionStats } from './petition-views.schemas.js';

/** 信访编号 as people read it: `XF-12`. */
export function petitionNumber(id: number): string {
  return `XF-${id}`;
}

/**
 * The matter of a petition reduced to its words: full-width forms folded, case, spaces and punctuation
 * dropped. With the petitioner's ID number it is what finds the same matter again (重复信访).
 */
export function petitionMatterKey(matter: string): string {
  return matter
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]/gu, '');
}

/** `part / whole` to four decimals; null when there is no whole. */
function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000;
}

/** The counts behind the petition numbers of an org and period. */
export type PetitionCounts = Omit<PetitionStats, 'resolutionRate' | 'satisfactionRate' | 'repeatRate'>;

/**
 * The petition numbers (两全代办's 化解率、满意率、重复访率): resolution over the closed, satisfaction over the
 * visited back, repeats over all registered in the period.
 */
export function petitionStatsOf(counts: PetitionCounts): PetitionStats {
  return {
    ...counts,
    resolutionRate: ratio(counts.resolved, counts.closed),
    satisfactionRate: ratio(counts.satisfied, counts.visited),
    repeatRate: ratio(counts.repeats, counts.total),
  };
}
