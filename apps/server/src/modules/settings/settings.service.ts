import type { AppContext } from '../../platform/context.js';
import { cachedLoader, invalidateCache } from '../../platform/realtime/cache-invalidation.js';
import { listSettings, writeSetting } from './settings.repository.js';

// Configuration is read on hot paths (every registration, every case shown) and changed a few times a year:
// each process keeps a copy of the (small) settings table, dropped in every process when a setting is
// written through this module.
const loadSettings = cachedLoader('settings', 10 * 60_000, (ctx) => listSettings(ctx.db));

/**
 * The configured value of a setting (undefined when never set), from this process's copy of the settings
 * table. For configuration only; state that changes while the platform runs (the demo history's progress)
 * is read from the table itself.
 */
export async function readConfiguredSetting(ctx: AppContext, key: string): Promise<unknown> {
  return (await loadSettings(ctx)).get(key);
}

/** Makes every process read the settings again: call it after a transaction that wrote one has committed. */
export async function forgetConfiguredSettings(ctx: AppContext): Promise<void> {
  await invalidateCache(ctx, 'settings');
}

/** Stores a setting (validated by the caller) on its own, and makes every process read it. */
export async function storeConfiguredSetting(ctx: AppContext, key: string, value: unknown): Promise<void> {
  await writeSetting(ctx.db, key, value, ctx.clock.now());
  await forgetConfiguredSettings(ctx);
}
