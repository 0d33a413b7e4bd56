import type { AppContext } from '../../platform/context.js';
import { legacySeal } from '../../platform/lifecycle/chain-verification.js';
import { findUnsealedLegacyChains, sealLegacyChainRows } from './cases.repository.js';

/** Cases sealed per statement. */
const SEAL_BATCH = 5_000;

/**
 * Seals the legacy chains not sealed yet (the cases that had events when migration 0012 ran), once, at the
 * server's start: the legacy part of a timeline is vouched for as it stood then. Answers how many it sealed;
 * on a database created after 0012 there are none.
 */
export async function sealLegacyChains(ctx: AppContext): Promise<number> {
  let sealed = 0;
  for (;;) {
    const chains = await findUnsealedLegacyChains(ctx.db, SEAL_BATCH);
    if (chains.length === 0) break;
    await sealLegacyChainRows(
      ctx.db,
      chains.map((c) => ({ id: c.id, seal: legacySeal(ctx.chainKey, c.id, c.legacyEvents, c.legacyHead) })),
    );
    sealed += chains.length;
  }
  if (sealed > 0) ctx.logger.info({ cases: sealed }, 'sealed the legacy (plain SHA-256) timeline chains');
  return sealed;
}
