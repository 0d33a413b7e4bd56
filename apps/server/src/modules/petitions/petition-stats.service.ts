import {
  type PetitionCounts,
  type PetitionStatsQuery,
  type PetitionStatsReport,
  petitionStatsOf,
  repeatsLastYearOf,
  sameTimeLastYear,
} from '@shanzhi/shared';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { loadOrgInScope } from '../orgs/orgs.service.js';
import {
  countPetitions,
  countPetitionsByAgency,
  countPetitionsByMonth,
  type PetitionCountFilter,
} from './petitions.repository.js';

const NONE = { total: 0, repeats: 0 };

/**
 * The petition numbers of an org's subtree (default the caller's scope) over a period of registration:
 * volumes, resolution, satisfaction and the repeat rate (重复访率) — in all, per agency point and per month —
 * with the repeats of the same period a year earlier (同比) when the period has a start.
 */
export async function petitionStats(
  ctx: AppContext,
  actor: Actor,
  query: PetitionStatsQuery,
): Promise<PetitionStatsReport> {
  const rootId = Number(actor.scopePath.split('/').filter(Boolean).at(-1));
  const org = await loadOrgInScope(ctx.db, actor, query.org ?? rootId);
  const now = ctx.clock.now();
  const from = query.from ? new Date(query.from) : undefined;
  const to = query.to ? new Date(query.to) : undefined;
  const period: PetitionCountFilter = { path: org.path, from, to, now };
  const lastYear: PetitionCountFilter | undefined = from && {
    ...period,
    from: sameTimeLastYear(from),
    to: sameTimeLastYear(to ?? now),
  };
  const [all, byAgency, byMonth, allBefore, byAgencyBefore] = await Promise.all([
    countPetitions(ctx.db, period),
    countPetitionsByAgency(ctx.db, period),
    countPetitionsByMonth(ctx.db, period),
    lastYear && countPetitions(ctx.db, lastYear),
    lastYear ? countPetitionsByAgency(ctx.db, lastYear) : [],
  ]);
  const before = new Map<number, PetitionCounts>(byAgencyBefore.map((a) => [a.org.id, a]));
  const whole = petitionStatsOf(all);
  return {
    ...whole,
    org: { id: org.id, name: org.name },
    from: query.from ?? null,
    to: query.to ?? null,
    lastYear: allBefore ? repeatsLastYearOf(whole.repeatRate, allBefore) : null,
    byAgency: byAgency.map(({ org: point, ...counts }) => {
      const stats = petitionStatsOf(counts);
      return {
        ...stats,
        org: point,
        lastYear: lastYear ? repeatsLastYearOf(stats.repeatRate, before.get(point.id) ?? NONE) : null,
      };
    }),
    byMonth: byMonth.map(({ month, ...counts }) => ({ ...petitionStatsOf(counts), month })),
  };
}
