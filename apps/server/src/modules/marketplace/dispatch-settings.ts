import { DEFAULT_MARKET_DISPATCH_WEIGHTS, MarketDispatchWeights } from '@shanzhi/shared';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { recordActorAudit } from '../audit/audit.repository.js';
import { writeSetting } from '../settings/settings.repository.js';
import { forgetConfiguredSettings, readConfiguredSetting } from '../settings/settings.service.js';

/** Settings key of the dispatch rule's weights (`MarketDispatchWeights`). */
export const MARKET_DISPATCH_WEIGHTS_KEY = 'market.dispatch_weights';

/** The weights in force (cached per process, read before a transaction); the defaults until a city sets its own. */
export async function readDispatchWeights(ctx: AppContext): Promise<MarketDispatchWeights> {
  const stored = MarketDispatchWeights.safeParse(
    await readConfiguredSetting(ctx, MARKET_DISPATCH_WEIGHTS_KEY),
  );
  return stored.success ? stored.data : DEFAULT_MARKET_DISPATCH_WEIGHTS;
}

/** Sets the weights (audited with the values before and after); offers from now on follow them. */
export async function writeDispatchWeights(
  ctx: AppContext,
  actor: Actor,
  next: MarketDispatchWeights,
): Promise<MarketDispatchWeights> {
  const before = await readDispatchWeights(ctx);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await writeSetting(tx, MARKET_DISPATCH_WEIGHTS_KEY, next, now);
    await recordActorAudit(tx, actor, now, {
      action: 'market.settings_changed',
      targetType: 'setting',
      targetId: 'market',
      detail: { from: before, to: next },
    });
  });
  await forgetConfiguredSettings(ctx);
  return readDispatchWeights(ctx);
}
