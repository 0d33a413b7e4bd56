import { sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import type { Logger } from '../logging/logger.js';
import { deliverToAll, type LiveBus, type LiveListener } from './live-bus.js';
import type { LiveEvent } from './live-event.js';
import { serialiseLiveEvent } from './live-event.js';
import type { PgListener } from './pg-listener.js';

/** The PostgreSQL channel live events travel on. */
export const LIVE_CHANNEL = 'shanzhi_live';

/**
 * The bus across server processes: `pg_notify` through the pool, and one LISTEN connection per process
 * (opened while this process has subscribers) that hands each event to the local subscribers — its own
 * events included, so every process delivers by the same path.
 */
export function createPgLiveBus(db: Db, listener: PgListener, logger: Logger): LiveBus {
  const listeners = new Set<LiveListener>();
  let listening: Promise<() => Promise<void>> | undefined;
  const onPayload = (payload: string) => {
    let event: LiveEvent;
    try {
      event = JSON.parse(payload) as LiveEvent;
    } catch {
      logger.warn({ payload: payload.slice(0, 200) }, 'unreadable live event');
      return;
    }
    deliverToAll([...listeners], event);
  };
  return {
    async publish(events) {
      if (events.length === 0) return;
      const texts = events.map((event) => {
        const { text, truncated } = serialiseLiveEvent(event);
        if (truncated) logger.warn({ topic: event.topic }, 'live event too large: sent without data');
        return text;
      });
      // one round-trip for the whole batch
      await db.execute(
        sql`select pg_notify(${LIVE_CHANNEL}, p) from unnest(array[${sql.join(
          texts.map((t) => sql`${t}`),
          sql`, `,
        )}]::text[]) as p`,
      );
    },
    async subscribe(subscriber) {
      listeners.add(subscriber);
      listening ??= listener.listen(LIVE_CHANNEL, onPayload).catch((error: unknown) => {
        listening = undefined;
        throw error;
      });
      try {
        await listening;
      } catch (error) {
        listeners.delete(subscriber);
        throw error;
      }
      return () => {
        listeners.delete(subscriber);
        if (listeners.size > 0 || !listening) return;
        const stopping = listening;
        listening = undefined;
        void stopping.then((stop) => stop()).catch(() => undefined);
      };
    },
  };
}
