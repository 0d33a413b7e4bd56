import type { AppContext } from '../context.js';
import type { Database } from '../db/database.js';
import { createLocalBus, type LiveBus } from './live-bus.js';
import type { LiveEvent } from './live-event.js';
import { PgListener } from './pg-listener.js';
import { createPgLiveBus } from './pg-live-bus.js';

/** The realtime parts of one process on one database: the live bus and, on PostgreSQL, the LISTEN connection. */
interface Realtime {
  bus: LiveBus;
  listener: PgListener | undefined;
}

// Keyed by the open database, so the context type stays as it is and a closed database's parts go with it.
const registry = new WeakMap<Database, Realtime>();

function realtimeOf(ctx: AppContext): Realtime {
  let realtime = registry.get(ctx.database);
  if (!realtime) {
    const pool = ctx.database.pool;
    if (pool) {
      const listener = new PgListener({ ...pool.options }, ctx.logger);
      realtime = { bus: createPgLiveBus(ctx.db, listener, ctx.logger), listener };
    } else {
      realtime = { bus: createLocalBus(), listener: undefined };
    }
    registry.set(ctx.database, realtime);
  }
  return realtime;
}

/** The live-event bus of this process (created on first use). */
export function liveBusOf(ctx: AppContext): LiveBus {
  return realtimeOf(ctx).bus;
}

/** The process's LISTEN connection on PostgreSQL (for wake-ups); undefined on the embedded database. */
export function pgListenerOf(ctx: AppContext): PgListener | undefined {
  return realtimeOf(ctx).listener;
}

/**
 * Publishes one event to the SSE clients of every server process (see `LiveEvent` for the shapes). Call it
 * after the transaction that caused the event committed. Example, from an early-warning job:
 * `publishLiveEvent(ctx, { topic: 'warning.raised', at, audience: { orgPaths: [district.path] },
 * data: { id, level, title } })`.
 */
export async function publishLiveEvent(ctx: AppContext, event: LiveEvent): Promise<void> {
  await liveBusOf(ctx).publish([event]);
}

/** Publishes several events at once (one round-trip on PostgreSQL). */
export async function publishLiveEvents(ctx: AppContext, events: readonly LiveEvent[]): Promise<void> {
  await liveBusOf(ctx).publish(events);
}

/** Closes the LISTEN connection of this process (at shutdown, before the database closes). */
export async function closeRealtime(ctx: AppContext): Promise<void> {
  const realtime = registry.get(ctx.database);
  registry.delete(ctx.database);
  await realtime?.listener?.close();
}
