import { DEFAULT_MARKET_DISPATCH_WEIGHTS } from '@shanzhi/shared';
import { eq, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../../test/api.js';
import { marketMerchants } from './marketplace.tables.js';
import { createMarketWorld, type MarketWorld } from './marketplace.test-support.js';

let w: MarketWorld;
beforeAll(async () => {
  w = await createMarketWorld();
});
afterAll(() => w.api.close());

const URL = '/api/v1/market/settings/dispatch';

describe('the dispatch rule’s weights', () => {
  it('are the defaults until an administrator sets them; 400 names a bad weight, 403 for the centre', async () => {
    expect((await w.api.get(URL, 'dispatcher')).json()).toEqual(DEFAULT_MARKET_DISPATCH_WEIGHTS);
    const bad = { ...DEFAULT_MARKET_DISPATCH_WEIGHTS, distance: -1 };
    expectError(await w.api.send('PUT', URL, bad, 'admin'), 400, 'VALIDATION_FAILED', 'distance');
    const missing = { openOrders: 1, score: 1, distance: 1 };
    expectError(
      await w.api.send('PUT', URL, missing, 'admin'),
      400,
      'VALIDATION_FAILED',
      'defaultDistanceKm',
    );
    const next = { ...DEFAULT_MARKET_DISPATCH_WEIGHTS, distance: 2 };
    expectError(await w.api.send('PUT', URL, next, 'dispatcher'), 403, 'FORBIDDEN');
    const saved = await w.api.send('PUT', URL, next, 'admin');
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await w.api.get(URL, 'dispatcher')).json()).toEqual(next);
    await w.api.send('PUT', URL, DEFAULT_MARKET_DISPATCH_WEIGHTS, 'admin');
  });

  it('choose the merchant: a heavier distance weight prefers the nearer merchant to the better rated', async () => {
    // only the test's two merchants take orders: the better rated 3 km away, the other at the order's door
    await w.api.ctx.db.update(marketMerchants).set({ status: 'suspended' }).where(ne(marketMerchants.id, 0));
    const far = await w.addMerchant('海勃湾区远处开锁服务部', ['unlock'], 5);
    const near = await w.addMerchant('海勃湾区近处开锁服务部', ['unlock'], 4);
    const place = (merchantId: number, latitude: number) =>
      w.api.ctx.db
        .update(marketMerchants)
        .set({ baseLongitude: w.hbwPoint.longitude, baseLatitude: latitude, radiusKm: 10 })
        .where(eq(marketMerchants.id, merchantId));
    await place(far, w.hbwPoint.latitude + 0.027);
    await place(near, w.hbwPoint.latitude);
    const order = async () => (await w.order(w.unlockOrder())).json().order;

    // defaults: 3 km × 1 = 3 against 1 star × 5 = 5
    const first = await order();
    expect(first.merchantId).toBe(far);
    const choices = (await w.api.get(`/api/v1/market/orders/${first.id}/merchants`, 'dispatcher')).json();
    expect(choices.items.map((m: { distanceKm: number }) => Math.round(m.distanceKm))).toEqual([0, 3]);
    const cancelled = await w.act('dispatcher', first.id, 'cancel', {
      version: first.version,
      reason: '测试取消',
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);

    // 3 km × 3 = 9 against 5
    await w.api.send('PUT', URL, { ...DEFAULT_MARKET_DISPATCH_WEIGHTS, distance: 3 }, 'admin');
    expect((await order()).merchantId).toBe(near);
  });
});
