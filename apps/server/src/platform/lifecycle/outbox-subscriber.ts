import type { AppContext } from '../context.js';
import type { Tx } from '../db/database.js';
import type { LiveEvent } from '../realtime/live-event.js';

/** An event of the outbox as a subscriber receives it. */
export interface OutboxEvent {
  /** the outbox row's id */
  id: number;
  /** the event name, e.g. `case.returned` */
  topic: string;
  /** what the event's module wrote (for cases an `OutboxCasePayload`) */
  payload: unknown;
}

/**
 * A module's reaction to lifecycle events, fed by the outbox consumer: `handle` runs in the consumer's batch
 * transaction with the batch's events of `topics`, so it sees each event exactly once, and only once its
 * change committed — a module learns of another's events without being called from inside their handlers.
 * What it answers goes out on the live bus after the batch commits, with the consumer's own events (the
 * notifications it wrote, for their owners' open streams).
 */
export interface OutboxSubscriber {
  /** who reacts (logs) */
  name: string;
  topics: readonly string[];
  handle(
    tx: Tx,
    events: readonly OutboxEvent[],
    now: Date,
    ctx: AppContext,
    // biome-ignore lint/suspicious/noConfusingVoidType: most subscribers answer nothing (an async function without a return)
  ): Promise<readonly LiveEvent[] | void>;
}
