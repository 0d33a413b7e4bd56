import { and, asc, eq, lte } from 'drizzle-orm';
import type { AppContext } from '../../../platform/context.js';
import { runTransition } from '../../../platform/lifecycle/transition.js';
import { dispatchOrder, MARKET_SYSTEM_ACTOR } from '../dispatch.js';
import { readDispatchWeights } from '../dispatch-settings.js';
import { findItem } from '../items.repository.js';
import { marketOrders } from '../marketplace.tables.js';
import { ORDER_DEFINITION } from '../order-lifecycle.js';

/** How often the platform looks for offers whose limit ran out. */
export const OFFER_EXPIRY_INTERVAL_MS = 30_000;

const BATCH = 100;

/**
 * 超时转派: every offer whose acceptance limit ran out passes on — the order's `expire` event, then the next
 * merchant by the dispatch rule (or the centre's queue) — a batch per transaction. Safe with several
 * processes: each batch claims its orders with `FOR UPDATE SKIP LOCKED`. Answers how many passed on.
 */
export async function runOfferExpiry(ctx: AppContext): Promise<number> {
  let total = 0;
  for (;;) {
    const now = ctx.clock.now();
    const env = { now, chainKey: ctx.chainKey, bySystem: true };
    const weights = await readDispatchWeights(ctx);
    const passed = await ctx.db.transaction(async (tx) => {
      const due = await tx
        .select({ id: marketOrders.id, version: marketOrders.version })
        .from(marketOrders)
        .where(and(eq(marketOrders.state, 'offered'), lte(marketOrders.offerExpiresAt, now)))
        .orderBy(asc(marketOrders.offerExpiresAt))
        .limit(BATCH)
        .for('update', { skipLocked: true });
      for (const order of due) {
        const input = { version: order.version };
        const row = await runTransition(
          tx,
          ORDER_DEFINITION,
          MARKET_SYSTEM_ACTOR,
          { id: order.id, action: 'expire', input },
          env,
        );
        const item = await findItem(tx, row.itemId);
        if (item) await dispatchOrder(tx, row, item, env, weights);
      }
      return due.length;
    });
    total += passed;
    if (passed < BATCH) return total;
  }
}
