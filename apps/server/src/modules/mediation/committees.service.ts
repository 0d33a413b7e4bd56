import type {
  AssignmentSuggestion,
  CommitteeLevel,
  CommitteeView,
  DisputeField,
  MediatorListQuery,
  MediatorView,
} from '@shanzhi/shared';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { committeeAbove, pickCommittee, rankMediators } from './assignment.js';
import {
  type CommitteeRow,
  countMediators,
  findCommitteesCovering,
  findCommitteesWithin,
  findMediators,
  findStudiosOf,
  type MediatorRow,
} from './committees.repository.js';
import { loadDisputeInScope } from './disputes.service.js';

/** Committees as the API shows them: their mediators counted, their studios, the committee above. */
async function presentCommittees(ctx: AppContext, rows: readonly CommitteeRow[]): Promise<CommitteeView[]> {
  const ids = rows.map((r) => r.id);
  const [counts, studios] = await Promise.all([countMediators(ctx.db, ids), findStudiosOf(ctx.db, ids)]);
  const views: CommitteeView[] = [];
  for (const row of rows) {
    const above = committeeAbove(row, await findCommitteesCovering(ctx.db, row.orgPath));
    views.push({
      id: row.id,
      name: row.name,
      level: row.level as CommitteeLevel,
      org: { id: row.orgId, name: row.orgName, kind: row.orgKind },
      fields: row.fields as DisputeField[],
      parentCommitteeId: above?.id ?? null,
      mediatorCount: counts.get(row.id) ?? 0,
      studios: studios
        .filter((s) => s.committeeId === row.id)
        .map((s) => ({ id: s.id, name: s.name, leaderName: s.leaderName })),
    });
  }
  return views;
}

/** One committee as the API shows it. */
export async function presentCommittee(ctx: AppContext, row: CommitteeRow): Promise<CommitteeView> {
  return (await presentCommittees(ctx, [row]))[0]!;
}

/** A mediator as the API shows it. */
export function presentMediator(row: MediatorRow): MediatorView {
  return { ...row, fields: row.fields as DisputeField[] };
}

/** The committees in the actor's scope and those above it (where its disputes may go up to). */
export async function listCommittees(ctx: AppContext, actor: Actor): Promise<{ items: CommitteeView[] }> {
  const [within, above] = await Promise.all([
    findCommitteesWithin(ctx.db, actor.scopePath),
    findCommitteesCovering(ctx.db, actor.scopePath),
  ]);
  const seen = new Set(within.map((c) => c.id));
  return {
    items: await presentCommittees(ctx, [...above.filter((c) => !seen.has(c.id)).reverse(), ...within]),
  };
}

/** Active mediators of a committee (or all), best first for a field when one is given. */
export async function listMediators(
  ctx: AppContext,
  query: MediatorListQuery,
): Promise<{ items: MediatorView[] }> {
  const rows = await findMediators(ctx.db, { committeeIds: query.committee ? [query.committee] : undefined });
  const ranked = query.field ? rankMediators(rows, query.field) : rows;
  return { items: ranked.map(presentMediator) };
}

/**
 * 指派建议: the committee of the dispute's territory and field (its current one once escalated), the others
 * covering it, and its mediators ranked by expertise, 金牌, then load.
 */
export async function suggestAssignment(
  ctx: AppContext,
  actor: Actor,
  id: number,
): Promise<AssignmentSuggestion> {
  const dispute = await loadDisputeInScope(ctx, actor, id);
  const covering = await findCommitteesCovering(ctx.db, dispute.orgPath);
  const field = dispute.field as DisputeField;
  const chosen = covering.find((c) => c.id === dispute.committeeId) ?? pickCommittee(covering, field);
  const mediators = chosen
    ? rankMediators(await findMediators(ctx.db, { committeeIds: [chosen.id] }), field)
    : [];
  const ordered = chosen ? [chosen, ...covering.filter((c) => c.id !== chosen.id)] : covering;
  const views = await presentCommittees(ctx, ordered);
  return {
    committee: chosen ? views[0]! : null,
    alternatives: chosen ? views.slice(1) : views,
    mediators: mediators.map(presentMediator),
    mediatorId: mediators[0]?.id ?? null,
  };
}
