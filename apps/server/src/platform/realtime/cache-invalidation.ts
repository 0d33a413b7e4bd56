import { sql } from 'drizzle-orm';
import type { AppContext } from '../context.js';
import type { Database } from '../db/database.js';
import { pgListenerOf } from './realtime.js';

/**
 * What a process keeps in memory from the database and must drop when it changes:
 * `sessions` (who a session token is: user, org, roles, permissions), `orgs` (the tree and the grids'
 * boundaries), `settings`, `calendar`, `catalog`.
 */
export type CacheTopic = 'sessions' | 'orgs' | 'settings' | 'calendar' | 'catalog';

/** Drops what a cache holds: one key (a session token's hash …), or everything when `key` is undefined. */
export type CacheDropper = (key?: string) => void;

/** The PostgreSQL channel on which processes tell each other to drop cached data. */
export const CACHE_CHANNEL = 'shanzhi_cache';

interface Watchers {
  droppers: Map<CacheTopic, Set<CacheDropper>>;
  /** true once this process hears the other processes (at once on the embedded database); false if it cannot */
  listening: Promise<boolean>;
}

const watchers = new WeakMap<Database, Watchers>();

function dropAll(w: Watchers, topic?: CacheTopic, key?: string): void {
  for (const [t, droppers] of w.droppers) {
    if (topic !== undefined && t !== topic) continue;
    for (const drop of droppers) drop(key);
  }
}

function watchersOf(ctx: AppContext): Watchers {
  const w = watchers.get(ctx.database);
  if (w) return w;
  const fresh: Watchers = { droppers: new Map(), listening: Promise.resolve(true) };
  const listener = pgListenerOf(ctx);
  if (listener) {
    // A NOTIFY sent while the LISTEN connection was down is lost: after a reconnect, drop everything.
    listener.onReconnect(() => dropAll(fresh));
    fresh.listening = listener
      .listen(CACHE_CHANNEL, (payload) => {
        const { topic, key } = parseMessage(payload);
        dropAll(fresh, topic, key);
      })
      .then(
        () => true,
        (error: unknown) => {
          ctx.logger.warn({ err: error }, 'cache invalidation unavailable: this process caches nothing');
          return false;
        },
      );
  }
  watchers.set(ctx.database, fresh);
  return fresh;
}

function parseMessage(payload: string): { topic?: CacheTopic; key?: string } {
  try {
    const message = JSON.parse(payload) as { topic?: CacheTopic; key?: string };
    return { topic: message.topic, key: typeof message.key === 'string' ? message.key : undefined };
  } catch {
    // an unreadable message drops every cache: safe, and cheap to refill
    return {};
  }
}

/**
 * Registers what drops a cache of `topic` in this process; answers whether the process is already hearing
 * the others — a cache must not keep anything before that (it would miss a change made meanwhile). On the
 * embedded database there is only this process: true at once.
 */
export async function watchCache(ctx: AppContext, topic: CacheTopic, drop: CacheDropper): Promise<boolean> {
  const w = watchersOf(ctx);
  let set = w.droppers.get(topic);
  if (!set) {
    set = new Set();
    w.droppers.set(topic, set);
  }
  set.add(drop);
  return w.listening;
}

/**
 * Tells every process (this one at once, the others through PostgreSQL's NOTIFY) to drop what it caches of
 * `topic` — one key, or all of it. Call it after the change committed.
 */
export async function invalidateCache(ctx: AppContext, topic: CacheTopic, key?: string): Promise<void> {
  const w = watchers.get(ctx.database);
  if (w) dropAll(w, topic, key);
  if (ctx.database.kind !== 'postgres') return;
  await ctx.db.execute(sql`select pg_notify(${CACHE_CHANNEL}, ${JSON.stringify({ topic, key })})`);
}

// When the process cannot hear the others (its LISTEN connection failed), a cached value lives this long.
const DEAF_KEEP_MS = 5_000;

interface CachedState<T> {
  value: Promise<T> | undefined;
  loadedAt: number;
  usable: Promise<boolean>;
}

/**
 * A value read from the database and kept by each process — reference data read on hot paths and changed
 * rarely (the org tree's grids, the settings, the working calendar). The value is dropped in every process
 * by `invalidateCache(ctx, topic)` and read again after `keepMs` at the latest; a read that a drop
 * overtakes is not kept. Concurrent callers share one read.
 */
export function cachedLoader<T>(
  topic: CacheTopic,
  keepMs: number,
  load: (ctx: AppContext) => Promise<T>,
): (ctx: AppContext) => Promise<T> {
  const states = new WeakMap<Database, CachedState<T>>();
  return async (ctx) => {
    let state = states.get(ctx.database);
    if (!state) {
      const fresh: CachedState<T> = { value: undefined, loadedAt: 0, usable: Promise.resolve(false) };
      fresh.usable = watchCache(ctx, topic, () => {
        fresh.value = undefined;
      });
      states.set(ctx.database, fresh);
      state = fresh;
    }
    const keep = (await state.usable) ? keepMs : Math.min(keepMs, DEAF_KEEP_MS);
    if (state.value && Date.now() - state.loadedAt < keep) return state.value;
    const value = load(ctx);
    state.value = value;
    state.loadedAt = Date.now();
    const owner = state;
    // a failed read is not kept: the next caller tries again
    value.catch(() => {
      if (owner.value === value) owner.value = undefined;
    });
    return value;
  };
}
