import {
  beijingMidnightOfDate,
  type DisputeField,
  type MediationRankingRow,
  type MediationStatsQuery,
  type MediationStatsView,
  toBeijingDate,
} from '@shanzhi/shared';
import type { Actor } from '../../platform/auth/actor.js';
import { orgIdOfPath } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { fieldError } from '../../platform/errors/app-error.js';
import { loadOrgInScope } from '../orgs/orgs.service.js';
import { countByChildOrg, countByField, countByMediator, countDisputes } from './stats.repository.js';

const DAY_MS = 86_400_000;

/** `part / whole` to four places (0.9612), or null with nothing to divide by. */
export function rateOf(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null;
}

/** Rows ranked by resolution rate (then agreements), numbered from 1. */
function ranked(
  rows: readonly { id: number; name: string; mediated: number; agreed: number }[],
): MediationRankingRow[] {
  return rows
    .map((r) => ({ ...r, resolutionRate: rateOf(r.agreed, r.mediated) }))
    .sort((a, b) => (b.resolutionRate ?? -1) - (a.resolutionRate ?? -1) || b.agreed - a.agreed || a.id - b.id)
    .map((r, i) => ({ rank: i + 1, ...r }));
}

/**
 * The numbers of mediation for an org's subtree and a period of Beijing days (disputes registered in it):
 * received, accepted, mediated, agreed and the resolution rate (Wuhai ≥ 96 %), performed, confirmations, the
 * shares resolved at village/community level (小事不出村) and up to town level (大事不出镇), by field, and the
 * rankings of the orgs one level down and of the mediators.
 */
export async function mediationStats(
  ctx: AppContext,
  actor: Actor,
  query: MediationStatsQuery,
): Promise<MediationStatsView> {
  const now = ctx.clock.now();
  const rootId = orgIdOfPath(actor.scopePath);
  const org = await loadOrgInScope(ctx.db, actor, query.org ?? rootId);
  const to = query.to ?? toBeijingDate(now);
  const from = query.from ?? `${to.slice(0, 4)}-01-01`;
  if (from > to) throw fieldError('from', 'after_to', '开始日期不能晚于结束日期');
  const filter = {
    path: org.path,
    from: beijingMidnightOfDate(from),
    to: new Date(beijingMidnightOfDate(to).getTime() + DAY_MS),
    field: query.field,
  };
  const [counts, byField, children, byMediator] = await Promise.all([
    countDisputes(ctx.db, filter, now),
    countByField(ctx.db, filter),
    countByChildOrg(ctx.db, filter, org.id),
    countByMediator(ctx.db, filter),
  ]);
  return {
    org: { id: org.id, name: org.name },
    from,
    to,
    counts: {
      ...counts,
      resolutionRate: rateOf(counts.agreed, counts.mediated),
      communityShare: rateOf(counts.agreedAtCommunity, counts.agreed),
      townShare: rateOf(counts.agreedUpToTown, counts.agreed),
    },
    byField: byField.map((r) => ({ ...r, field: r.field as DisputeField })),
    orgRanking: ranked(children),
    mediatorRanking: ranked(byMediator)
      .sort((a, b) => b.agreed - a.agreed)
      .map((r, i) => ({ ...r, rank: i + 1 })),
  };
}
