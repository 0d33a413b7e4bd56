import type { AppContext } from '../../platform/context.js';
import { listSettings, writeSetting } from './settings.repository.js';

// Configuration is read on hot paths (every registration, every case shown) and changed a few times a year.
// Each process keeps a copy of the (small) settings table for at most a minute — the calendar's rule — and
// drops it at once when it writes a setting itself; another process sees the change within the minute.
const CACHE_MS = 60_000;
const snapshots = new WeakMap<AppContext, { values: Promise<Map<string, unknown>>; loadedAt: number }>();

/**
 * The configured value of a setting (undefined when never set), from this process's copy of the settings
 * table, at most a minute old. For configuration only; state that changes while the platform runs (the demo
 * history's progress) is read from the table itself.
 */
export async function readConfiguredSetting(ctx: AppContext, key: string): Promise<unknown> {
  let snapshot = snapshots.get(ctx);
  if (!snapshot || Date.now() - snapshot.loadedAt >= CACHE_MS) {
    const values = listSettings(ctx.db);
    const loading = { values, loadedAt: Date.now() };
    snapshots.set(ctx, loading);
    // a failed read is not kept: the next caller tries again
    values.catch(() => snapshots.get(ctx) === loading && snapshots.delete(ctx));
    snapshot = loading;
  }
  return (await snapshot.values).get(key);
}

/** Drops this process's copy of the settings: call it after a transaction that wrote one has committed. */
export function forgetConfiguredSettings(ctx: AppContext): void {
  snapshots.delete(ctx);
}

/** Stores a setting (validated by the caller) on its own and drops this process's copy. */
export async function storeConfiguredSetting(ctx: AppContext, key: string, value: unknown): Promise<void> {
  await writeSetting(ctx.db, key, value, ctx.clock.now());
  forgetConfiguredSettings(ctx);
}
