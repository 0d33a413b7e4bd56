import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../platform/clock.js';
import { type StoredEvent, verifyChain } from '../../../platform/lifecycle/chain-verification.js';
import { createSeededApi, type SeededApi } from '../../../test/api.js';
import { marketOrderEvents, marketOrders } from '../marketplace.tables.js';
import { seedMarketHistory } from './seed-market-history.js';

let api: SeededApi;
beforeAll(async () => {
  api = await createSeededApi({ clock: new ManualClock('2026-10-13T01:00:00.000Z') });
});
afterAll(() => api.close());

describe('the demo year of marketplace orders', () => {
  it('writes a year of orders with verifiable timelines that the numbers count, once', async () => {
    expect(await seedMarketHistory(api.ctx, 300)).toBe(300);
    expect(await seedMarketHistory(api.ctx, 300)).toBe(0);
    const [order] = await api.ctx.db
      .select()
      .from(marketOrders)
      .where(eq(marketOrders.state, 'rated'))
      .limit(1);
    const events = await api.ctx.db
      .select()
      .from(marketOrderEvents)
      .where(eq(marketOrderEvents.orderId, order!.id))
      .orderBy(marketOrderEvents.seq);
    expect(events.map((e) => e.action)).toEqual(['order', 'offer', 'accept', 'start', 'complete', 'rate']);
    expect(verifyChain(api.ctx.chainKey, order!, events as unknown as StoredEvent[])).toEqual({
      valid: true,
      events: 6,
    });
    const stats = (await api.get('/api/v1/market/stats', 'dispatcher')).json();
    expect(stats.orders).toBe(300);
    expect(stats.byMonth.length).toBeGreaterThanOrEqual(12);
    expect(stats.completionRate).toBeGreaterThan(0.8);
    expect(stats.acceptSeconds.p90).toBeGreaterThan(stats.acceptSeconds.median);
  });
});
