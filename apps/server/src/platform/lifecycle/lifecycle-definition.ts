import type { Lifecycle } from '@shanzhi/shared';
import type { SQLWrapper } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Actor } from '../auth/actor.js';
import type { DbOrTx, Tx } from '../db/database.js';
import type { AppError } from '../errors/app-error.js';
import type { ChainedEvent, ChainHeadColumns } from './event-chain.js';

/** What appending an event reads of its owner: its id and the head of its chain. */
export interface EventOwner extends ChainHeadColumns {
  id: number;
}

/** What the mechanism reads of any thing with a lifecycle: its id, state, version and chain head. */
export interface LifecycleRow extends EventOwner {
  state: string;
  version: number;
}

/** What an action does to the thing and what its timeline event records. */
export interface TransitionEffect<Patch> {
  /** columns to change (the state is set by the mechanism from the lifecycle table) */
  patch?: Patch;
  /** the event's note: the reason, the reply, the instructions … */
  note?: string | null;
  /** what the event records beyond the note: the changed fields, the answers given … */
  changes?: Record<string, unknown>;
  /** ids of attachments the action carried */
  attachments?: number[];
}

/** The scene every action is judged in: at least who acts, on which row, and when. */
export interface LifecycleScene<Row> {
  actor: Actor;
  /** the row as locked at the start of the transaction, before the action */
  row: Row;
  now: Date;
}

/**
 * One action beyond the table: `guard` says whether this actor may take it on this thing now (his relation to
 * it, conditions on its data — no input needed, so the same check picks the buttons shown beside it); `apply`
 * checks the input and returns the effect.
 */
export interface LifecycleHandler<Scene, Input, Effect> {
  guard(scene: Scene): AppError | null;
  apply(tx: Tx, scene: Scene, input: Input): Promise<Effect> | Effect;
}

/** The event of an action as the timeline will hold it, with its id. */
export type RecordedLifecycleEvent = ChainedEvent & { id: number };

/**
 * A lifecycle on the shared mechanism: its table (in `packages/shared`), its timeline table, and the few
 * things only the module knows — how to lock and write its row, how an actor stands to it, each action's
 * guard and effect, and what its outbox row says.
 */
export interface LifecycleDefinition<
  Row extends LifecycleRow & Facts,
  S extends string,
  A extends string,
  Scene extends LifecycleScene<Row>,
  Effect extends TransitionEffect<Partial<Row>>,
  Env,
  Settled = void,
  Facts extends EventOwner = Row,
> {
  lifecycle: Lifecycle<S, A>;
  /** the timeline table, and the property of its rows naming the thing (`caseId`) */
  events: { table: PgTable; tableName: string; subjectKey: string };
  /** the row, locked for the transaction (`FOR UPDATE`) */
  lock(tx: Tx, id: number): Promise<Row | undefined>;
  notFound(id: number): AppError;
  versionConflict(current: number): AppError;
  /**
   * The scene the action is judged in; refuses (403 OUT_OF_SCOPE) an actor whose data scope does not reach
   * the row. Reads what the guards need (the orgs concerned …).
   */
  sceneOf(tx: Tx, actor: Actor, row: Row, env: Env): Promise<Scene>;
  /** whether the actor holds the permission of `action` */
  permits(actor: Actor, action: A): boolean;
  handlerOf(action: A): LifecycleHandler<Scene, unknown, Effect>;
  /** after the effect, before the event: what the module writes beside the row (cases: the handling units) */
  settle?(tx: Tx, scene: Scene, effect: Effect): Promise<Settled>;
  /** the outbox row of the event (every event has one), from what it reads of the row as the event leaves it */
  outboxRow(db: DbOrTx, after: Facts, event: RecordedLifecycleEvent, settled: Settled): SQLWrapper;
  /** writes the row's change together with the event and outbox inserts: one statement */
  write(
    db: DbOrTx,
    id: number,
    change: { patch: Partial<Row>; now: Date; bumpVersion: boolean },
    companions: readonly SQLWrapper[],
  ): Promise<Row>;
}
