import { type PetitionStats, type PetitionStatsQuery, petitionStatsOf } from '@shanzhi/shared';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { loadOrgInScope } from '../orgs/orgs.service.js';
import { countPetitions } from './petitions.repository.js';

/**
 * The petition numbers of an org's subtree (default the caller's scope) over a period of registration:
 * volumes, resolution, satisfaction and the repeat rate (重复访率) the seeds compare year on year.
 */
export async function petitionStats(
  ctx: AppContext,
  actor: Actor,
  query: PetitionStatsQuery,
): Promise<PetitionStats> {
  const path =
    query.org === undefined ? actor.scopePath : (await loadOrgInScope(ctx.db, actor, query.org)).path;
  const counts = await countPetitions(ctx.db, {
    path,
    from: query.from ? new Date(query.from) : undefined,
    to: query.to ? new Date(query.to) : undefined,
    now: ctx.clock.now(),
  });
  return petitionStatsOf(counts);
}
