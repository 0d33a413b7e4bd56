import {
  DISPUTE_LIFECYCLE,
  type DisputeAction,
  type DisputeActionOnDispute,
  type DisputeOutcome,
  type DisputeState,
  mediationPermissionOf,
} from '@shanzhi/shared';
import { isInScope } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { LifecycleDefinition, LifecycleHandler } from '../../platform/lifecycle/lifecycle-definition.js';
import { outboxInsertOf } from '../../platform/lifecycle/outbox.tables.js';
import { updateLifecycleRow } from '../../platform/lifecycle/row-writer.js';
import { committeeAbove } from './assignment.js';
import { committeesOfUser, findCommittee, findCommitteesCovering } from './committees.repository.js';
import { DISPUTE_HANDLERS } from './dispute-actions.js';
import type { DisputeEffect, DisputeEnvironment, DisputeScene } from './dispute-scene.js';
import { type DisputeRow, lockDispute } from './disputes.repository.js';
import { disputeEvents, disputes } from './mediation.tables.js';

/** 404 for a dispute that does not exist. */
export function disputeNotFound(id: number): AppError {
  return new AppError('DISPUTE_NOT_FOUND', `纠纷 ${id} 不存在`);
}

/** Refuses (403 OUT_OF_SCOPE) a dispute that arose outside the actor's data scope. */
export function assertDisputeInScope(actor: DisputeScene['actor'], row: Pick<DisputeRow, 'orgPath'>): void {
  if (!isInScope(actor, row.orgPath)) throw new AppError('OUT_OF_SCOPE', '该纠纷不在您的管辖范围内');
}

/**
 * The scene of a dispute action (and of the buttons beside a dispute): the actor's committees, the
 * dispute's committee and the one above it.
 */
export async function disputeSceneOf(
  db: Parameters<typeof findCommittee>[0],
  actor: DisputeScene['actor'],
  row: DisputeRow,
  env: DisputeEnvironment,
): Promise<DisputeScene> {
  assertDisputeInScope(actor, row);
  const [memberships, committee] = await Promise.all([
    committeesOfUser(db, actor.userId),
    row.committeeId === null ? undefined : findCommittee(db, row.committeeId),
  ]);
  const above = committee
    ? committeeAbove(committee, await findCommitteesCovering(db, committee.orgPath))
    : null;
  return { actor, row, now: env.now, env, memberships, committee: committee ?? null, above };
}

/**
 * The scenes of many disputes for one actor (the buttons of a list): his committees read once, each
 * committee and the one above it once.
 */
export async function disputeScenesOf(
  db: Parameters<typeof findCommittee>[0],
  actor: DisputeScene['actor'],
  rows: readonly DisputeRow[],
  env: DisputeEnvironment,
): Promise<DisputeScene[]> {
  const memberships = await committeesOfUser(db, actor.userId);
  const committees = new Map<number, Pick<DisputeScene, 'committee' | 'above'>>();
  for (const id of new Set(rows.map((r) => r.committeeId).filter((c) => c !== null))) {
    const committee = (await findCommittee(db, id)) ?? null;
    const above = committee
      ? committeeAbove(committee, await findCommitteesCovering(db, committee.orgPath))
      : null;
    committees.set(id, { committee, above });
  }
  return rows.map((row) => ({
    actor,
    row,
    now: env.now,
    env,
    memberships,
    ...((row.committeeId !== null && committees.get(row.committeeId)) || { committee: null, above: null }),
  }));
}

/** What a dispute event's outbox row says (`DISPUTE_DEFINITION.outboxRow`). */
export interface DisputeOutboxPayload {
  disputeId: number;
  disputeNumber: string;
  state: string;
  outcome: DisputeOutcome | null;
  caseId: number | null;
  committeeId: number | null;
  mediatorId: number | null;
}

/**
 * The dispute lifecycle on the shared mechanism: the table of `packages/shared`, the `dispute_events`
 * timeline, the scope of where it arose, the committee its mediators serve on, and each action's effect.
 */
export const DISPUTE_DEFINITION: LifecycleDefinition<
  DisputeRow,
  DisputeState,
  DisputeAction,
  DisputeScene,
  DisputeEffect,
  DisputeEnvironment
> = {
  lifecycle: DISPUTE_LIFECYCLE,
  events: { table: disputeEvents, tableName: 'dispute_events', subjectKey: 'disputeId' },
  lock: lockDispute,
  notFound: disputeNotFound,
  versionConflict: (current) =>
    new AppError('VERSION_CONFLICT', `纠纷已被他人处理（当前版本 ${current}），请刷新后重试`),
  sceneOf: (tx, actor, row, env) => disputeSceneOf(tx, actor, row, env),
  // a citizen holds no permission: his 登记 is the portal's application, behind that public route's own guard
  permits: (actor, action) =>
    actor.permissions.has(mediationPermissionOf(action)) ||
    (action === 'register' && actor.roles.includes('citizen')),
  handlerOf: (action) =>
    DISPUTE_HANDLERS[action as DisputeActionOnDispute] as LifecycleHandler<
      DisputeScene,
      never,
      DisputeEffect
    >,
  outboxRow: (db, after, event) =>
    outboxInsertOf(db, event, {
      disputeId: after.id,
      disputeNumber: after.number,
      state: after.state,
      outcome: after.outcome as DisputeOutcome | null,
      caseId: after.caseId,
      committeeId: after.committeeId,
      mediatorId: after.mediatorId,
    } satisfies DisputeOutboxPayload),
  write: (db, id, change, companions) => updateLifecycleRow<DisputeRow>(db, disputes, id, change, companions),
};
