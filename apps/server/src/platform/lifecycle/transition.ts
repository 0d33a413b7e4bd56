import {
  assertLifecycleTransition,
  type Lifecycle,
  mayTakeLifecycleAction,
  TransitionError,
} from '@shanzhi/shared';
import type { SQLWrapper } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Actor } from '../auth/actor.js';
import type { DbOrTx, Tx } from '../db/database.js';
import { AppError } from '../errors/app-error.js';
import { chainEvent, chainHeadAfter, lastLinkOf, type NewEvent, nextEventId } from './event-chain.js';
import type {
  EventOwner,
  LifecycleDefinition,
  LifecycleRow,
  LifecycleScene,
  RecordedLifecycleEvent,
  TransitionEffect,
} from './lifecycle-definition.js';

/** What a transition runs under besides the row: the time, the chain key, and the module's own rules. */
export interface TransitionEnvironment {
  now: Date;
  /** the key of the timelines' chain (`AppContext.chainKey`) */
  chainKey: Buffer;
  /** the platform acts itself (智能派单, a job): the event records no user */
  bySystem?: boolean;
}

/** A request to take `action` on the row `id`, at the `version` the caller saw, with the action's input. */
export interface TransitionRequest<A extends string, Input extends { version: number }> {
  id: number;
  action: A;
  input: Input;
}

/** The table's refusal as the API's error (409 TRANSITION_NOT_ALLOWED). */
function assertAllowed<S extends string, A extends string>(
  def: { lifecycle: Parameters<typeof assertLifecycleTransition<S, A>>[0] },
  from: S | null,
  action: A,
): S {
  try {
    return assertLifecycleTransition(def.lifecycle, from, action);
  } catch (error) {
    if (error instanceof TransitionError) throw new AppError('TRANSITION_NOT_ALLOWED', error.message);
    throw error;
  }
}

/**
 * Appends an event to a row's timeline, chained under the key to the head its row carries: the inserts of
 * the event and of its outbox row, and the row's new chain head — for the single statement that makes the
 * change the event records (an action, the SLA clock, registration).
 */
export async function appendLifecycleEvent<Facts extends EventOwner, Settled>(
  db: DbOrTx,
  def: {
    events: { table: PgTable; tableName: string; subjectKey: string };
    outboxRow(db: DbOrTx, after: Facts, event: RecordedLifecycleEvent, settled: Settled): SQLWrapper;
  },
  key: Buffer,
  after: Facts,
  event: NewEvent,
  settled: Settled,
  eventId?: number,
) {
  const chained = chainEvent(key, { key: def.events.subjectKey, id: after.id }, event, lastLinkOf(after));
  const recorded: RecordedLifecycleEvent = {
    id: eventId ?? (await nextEventId(db, def.events.tableName)),
    ...chained,
  };
  const chain = chainHeadAfter(recorded);
  return {
    event: recorded,
    inserts: [
      db.insert(def.events.table).values(recorded),
      def.outboxRow(db, { ...after, ...chain }, recorded, settled),
    ],
    chain,
  };
}

/** What an action records on its timeline event beside who, when and the states. */
export interface CreationRecord {
  note?: string | null;
  changes?: Record<string, unknown>;
  attachments?: number[];
}

/** Refuses (403 FORBIDDEN) an actor whose roles the table does not list for `action`, or who lacks its permission. */
function assertActorMay<A extends string>(
  def: { lifecycle: Lifecycle<string, A>; permits(actor: Actor, action: A): boolean },
  actor: Actor,
  action: A,
): void {
  if (!mayTakeLifecycleAction(def.lifecycle, action, actor.roles) || !def.permits(actor, action)) {
    throw new AppError('FORBIDDEN', '您的角色不能办理此操作');
  }
}

/** What the timeline event of `action` from `from` to `to` records, by `actor` (or the system). */
function eventOf<A extends string>(
  lifecycle: Lifecycle<string, A>,
  actor: Actor,
  env: TransitionEnvironment,
  step: { action: A; from: string | null; to: string },
  record: CreationRecord,
): NewEvent {
  return {
    action: step.action,
    event: lifecycle.events[step.action],
    actorUserId: env.bySystem ? null : actor.userId,
    actorName: actor.displayName,
    actorOrgId: actor.orgId,
    at: env.now,
    fromState: step.from,
    toState: step.to,
    note: record.note ?? null,
    changes: record.changes ?? {},
    attachments: record.attachments ?? [],
  };
}

/**
 * Takes one lifecycle action, inside the caller's transaction: lock the row → the actor's data scope (403
 * OUT_OF_SCOPE, in `sceneOf`) → the version he saw (409 VERSION_CONFLICT) → the lifecycle table (409
 * TRANSITION_NOT_ALLOWED) → his role and permission (403 FORBIDDEN) → the action's guard → its effect → the
 * chained timeline event and its outbox row, written with the row in one statement. Anything refused rolls
 * back: a refused action leaves no trace. The one path by which any lifecycle's state changes.
 */
export async function runTransition<
  Row extends LifecycleRow & Facts,
  S extends string,
  A extends string,
  Scene extends LifecycleScene<Row>,
  Effect extends TransitionEffect<Partial<Row>>,
  Env extends TransitionEnvironment,
  Settled,
  Facts extends EventOwner,
>(
  tx: Tx,
  def: LifecycleDefinition<Row, S, A, Scene, Effect, Env, Settled, Facts>,
  actor: Actor,
  request: TransitionRequest<A, { version: number }>,
  env: Env,
): Promise<Row> {
  const { id, action, input } = request;
  const row = await def.lock(tx, id);
  if (!row) throw def.notFound(id);
  const scene = await def.sceneOf(tx, actor, row, env);
  if (row.version !== input.version) throw def.versionConflict(row.version);
  const from = row.state as S;
  const to = assertAllowed(def, from, action);
  assertActorMay(def, actor, action);
  const handler = def.handlerOf(action);
  const refusal = handler.guard(scene);
  if (refusal) throw refusal;
  const effect = await handler.apply(tx, scene, input);
  const settled = (await def.settle?.(tx, scene, effect)) as Settled;
  const patch = { ...effect.patch, state: to } as unknown as Partial<Row>;
  const event = eventOf(def.lifecycle, actor, env, { action, from, to }, effect);
  const { inserts, chain } = await appendLifecycleEvent(
    tx,
    def,
    env.chainKey,
    { ...row, ...patch },
    event,
    settled,
  );
  return def.write(tx, id, { patch: { ...patch, ...chain }, now: env.now, bumpVersion: true }, inserts);
}

/**
 * Creates a row through a creating action of its lifecycle (`record`, `assign` …), inside the caller's
 * transaction: the table must allow the action from "not created yet" and the actor's role and permission
 * must allow it (403 FORBIDDEN); `insert` writes the row in the state the table leads to, then its first
 * chained event and outbox row are written with its chain head. The one way such a row comes to exist.
 */
export async function runCreation<
  Row extends LifecycleRow & Facts,
  S extends string,
  A extends string,
  Scene extends LifecycleScene<Row>,
  Effect extends TransitionEffect<Partial<Row>>,
  Env extends TransitionEnvironment,
  Settled,
  Facts extends EventOwner,
>(
  tx: Tx,
  def: LifecycleDefinition<Row, S, A, Scene, Effect, Env, Settled, Facts>,
  actor: Actor,
  action: A,
  insert: (state: S) => Promise<Row>,
  record: CreationRecord,
  env: Env,
  settled: Settled,
): Promise<Row> {
  const to = assertAllowed(def, null, action);
  assertActorMay(def, actor, action);
  const row = await insert(to);
  const event = eventOf(def.lifecycle, actor, env, { action, from: null, to }, record);
  const { inserts, chain } = await appendLifecycleEvent(tx, def, env.chainKey, row, event, settled);
  return def.write(tx, row.id, { patch: chain as Partial<Row>, now: env.now, bumpVersion: false }, inserts);
}

/** The actions a caller may take now, and the guards' refusals of the others his role and permission allow. */
export interface LifecycleActionOptions<A extends string> {
  actions: A[];
  /** why the guards refused the rest, in lifecycle order (the first says best why nothing is offered) */
  refusals: AppError[];
}

/**
 * The actions `scene.actor` may take on the row now, for the buttons beside it: those the lifecycle table
 * allows from its state for his roles, whose permission he holds, and whose guard lets him — with the guards'
 * refusals of the others. The same guards decide when the action is taken, so a button shown is an action
 * allowed, input aside.
 */
export function lifecycleActionOptions<
  Row extends LifecycleRow & Facts,
  S extends string,
  A extends string,
  Scene extends LifecycleScene<Row>,
  Effect extends TransitionEffect<Partial<Row>>,
  Env,
  Settled,
  Facts extends EventOwner,
>(
  def: LifecycleDefinition<Row, S, A, Scene, Effect, Env, Settled, Facts>,
  scene: Scene,
  creating: readonly A[] = [],
): LifecycleActionOptions<A> {
  const state = scene.row.state as S;
  const refusals: AppError[] = [];
  const actions = def.lifecycle.actions.filter((action) => {
    if (creating.includes(action) || !def.lifecycle.transitions[action].from.includes(state)) return false;
    if (!mayTakeLifecycleAction(def.lifecycle, action, scene.actor.roles)) return false;
    if (!def.permits(scene.actor, action)) return false;
    const refusal = def.handlerOf(action).guard(scene);
    if (refusal) refusals.push(refusal);
    return refusal === null;
  });
  return { actions, refusals };
}

/** The actions `scene.actor` may take on the row now (see `lifecycleActionOptions`). */
export function availableLifecycleActions<
  Row extends LifecycleRow & Facts,
  S extends string,
  A extends string,
  Scene extends LifecycleScene<Row>,
  Effect extends TransitionEffect<Partial<Row>>,
  Env,
  Settled,
  Facts extends EventOwner,
>(
  def: LifecycleDefinition<Row, S, A, Scene, Effect, Env, Settled, Facts>,
  scene: Scene,
  creating: readonly A[] = [],
): A[] {
  return lifecycleActionOptions(def, scene, creating).actions;
}
