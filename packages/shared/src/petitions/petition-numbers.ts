import { beijingMidnightOfDate, toBeijingDate } from '../calendar/beijing-time.js';
import type { PetitionRepeatsLastYear, PetitionStats } from './petition-views.schemas.js';

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

/**
 * The same Beijing wall-clock time a year earlier (同期): the start of a period of last year. A 29 February
 * falls on the 28th.
 */
export function sameTimeLastYear(at: Date): Date {
  const date = toBeijingDate(at);
  const sinceMidnight = at.getTime() - beijingMidnightOfDate(date).getTime();
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(year - 1, month, 0)).getUTCDate();
  const then = `${year - 1}-${String(month).padStart(2, '0')}-${String(Math.min(day, lastDay)).padStart(2, '0')}`;
  return new Date(beijingMidnightOfDate(then).getTime() + sinceMidnight);
}

/**
 * The change of a rate against its value a year earlier, relative to it (同比): −0.29 reads 同比下降 29 %.
 * Null when either is missing or last year's was nought.
 */
function yearOnYearChange(now: number | null, lastYear: number | null): number | null {
  if (now === null || lastYear === null || lastYear === 0) return null;
  return Math.round(((now - lastYear) / lastYear) * 10_000) / 10_000;
}

/** The repeats of the same period a year earlier beside this period's repeat rate (重复访同比). */
export function repeatsLastYearOf(
  repeatRate: number | null,
  lastYear: Pick<PetitionCounts, 'total' | 'repeats'>,
): PetitionRepeatsLastYear {
  const before = ratio(lastYear.repeats, lastYear.total);
  return {
    total: lastYear.total,
    repeats: lastYear.repeats,
    repeatRate: before,
    repeatRateChange: yearOnYearChange(repeatRate, before),
  };
}
