import type { AppContext } from '../../platform/context.js';
import type { Database } from '../../platform/db/database.js';
import { invalidateCache, watchCache } from '../../platform/realtime/cache-invalidation.js';
import { sessionBornAfter } from './session-lifetime.js';
import { findLiveSession, type SessionRow } from './sessions.repository.js';

// Every API request resolves its session: reading it from the database each time was the most frequent
// query of the platform. A process keeps the sessions it resolved, each for at most this long. Whatever
// changes what a session stands for — a logout, a disabled account, a password reset, new roles or
// permissions, an org renamed or moved — drops them at once in every process (`forgetSessions`); the time
// limit only bounds a change that could not be heard (a lost LISTEN connection drops everything anyway).
const KEEP_MS = 30_000;
// Enough for every signed-in member of staff of a city; past it, the oldest entries go.
const MAX_ENTRIES = 10_000;

interface Entry {
  row: SessionRow;
  cachedAt: number;
}

interface SessionCache {
  entries: Map<string, Entry>;
  /** counts the drops: a read that a drop overtook must not be kept */
  generation: number;
  /** the process hears other processes' changes: only then may it keep sessions */
  usable: Promise<boolean>;
}

const caches = new WeakMap<Database, SessionCache>();

function cacheOf(ctx: AppContext): SessionCache {
  let cache = caches.get(ctx.database);
  if (!cache) {
    const fresh: SessionCache = { entries: new Map(), generation: 0, usable: Promise.resolve(false) };
    fresh.usable = watchCache(ctx, 'sessions', (tokenHash) => {
      fresh.generation++;
      if (tokenHash === undefined) fresh.entries.clear();
      else fresh.entries.delete(tokenHash);
    });
    caches.set(ctx.database, fresh);
    cache = fresh;
  }
  return cache;
}

/** Whether a session row is still live at `now`: not expired, and within its absolute lifetime. */
function isLive(row: SessionRow, now: Date, bornAfter: Date): boolean {
  return new Date(row.expires_at) > now && new Date(row.created_at) > bornAfter;
}

/**
 * The live session of a token hash with its user, org, roles and permissions, as `findLiveSession` answers
 * it, from this process's copy when it has a recent one that is still live at `now`.
 */
export async function findLiveSessionCached(
  ctx: AppContext,
  tokenHash: string,
  now: Date,
): Promise<SessionRow | undefined> {
  const cache = cacheOf(ctx);
  const bornAfter = sessionBornAfter(ctx.config, now);
  const hit = cache.entries.get(tokenHash);
  if (hit && Date.now() - hit.cachedAt < KEEP_MS && isLive(hit.row, now, bornAfter)) return hit.row;
  cache.entries.delete(tokenHash);
  const generation = cache.generation;
  const row = await findLiveSession(ctx.db, tokenHash, now, bornAfter);
  if (row && (await cache.usable) && cache.generation === generation) {
    if (cache.entries.size >= MAX_ENTRIES) {
      const oldest = cache.entries.keys().next();
      if (!oldest.done) cache.entries.delete(oldest.value);
    }
    cache.entries.set(tokenHash, { row, cachedAt: Date.now() });
  }
  return row;
}

/** Updates the expiry this process holds for a session it just extended. */
export function noteSessionExtended(ctx: AppContext, tokenHash: string, expiresAt: Date): void {
  const hit = cacheOf(ctx).entries.get(tokenHash);
  if (hit) hit.row = { ...hit.row, expires_at: expiresAt };
}

/**
 * Drops cached sessions in every process: one token's (a logout), or all of them (anything that changes
 * what sessions stand for: a user's account, roles, permissions or org). Call it after the change committed.
 */
export async function forgetSessions(ctx: AppContext, tokenHash?: string): Promise<void> {
  await invalidateCache(ctx, 'sessions', tokenHash);
}
