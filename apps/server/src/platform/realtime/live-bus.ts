import type { LiveEvent } from './live-event.js';

/** A function the bus calls with each event published by any process. */
export type LiveListener = (event: LiveEvent) => void;

/**
 * The live-event bus: publish here, and every subscriber of every server process on the same database
 * receives the event (in-process on PGlite, PostgreSQL LISTEN/NOTIFY on a server). Best effort: an event
 * published while a process is reconnecting is lost for its clients — durable things (notifications) are
 * rows, and the stream only says "look again".
 */
export interface LiveBus {
  /** Sends events to every subscriber (call after the transaction that caused them committed). */
  publish(events: readonly LiveEvent[]): Promise<void>;
  /** Adds a listener and resolves once it will receive events; the answer removes it. */
  subscribe(listener: LiveListener): Promise<() => void>;
}

/** Calls each listener, so that one throwing never keeps the event from the others. */
export function deliverToAll(listeners: Iterable<LiveListener>, event: LiveEvent): void {
  for (const listener of listeners) {
    try {
      listener(event);
    } catch {
      // a broken client's listener must not stop the delivery to the rest
    }
  }
}

/** The bus of one process: enough for the embedded database, which only one process can open. */
export function createLocalBus(): LiveBus {
  const listeners = new Set<LiveListener>();
  return {
    async publish(events) {
      // a copy through JSON, as on the PostgreSQL bus: no listener shares objects with the publisher
      for (const event of events) deliverToAll([...listeners], JSON.parse(JSON.stringify(event)));
    },
    async subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
