import { completeCreditCode } from '@shanzhi/shared';
import { eq, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, orgIdOf } from '../../test/api.js';
import { marketMerchants } from './marketplace.tables.js';
import { createMarketWorld, type MarketWorld } from './marketplace.test-support.js';

let w: MarketWorld;
let radiusMerchant: number;
beforeAll(async () => {
  w = await createMarketWorld();
  // only the test's merchant takes orders: it covers 乌达区 by area, and 海勃湾区 only within its radius
  await w.api.ctx.db.update(marketMerchants).set({ status: 'suspended' }).where(ne(marketMerchants.id, 0));
  radiusMerchant = await w.addMerchant('海勃湾区半径开锁服务部', ['unlock'], 5);
  // its base point is 0.01° of latitude (≈ 1.11 km) north of the orders' point
  await w.api.ctx.db
    .update(marketMerchants)
    .set({
      areaOrgIds: [await orgIdOf(w.api.ctx, '150304')],
      baseLongitude: w.hbwPoint.longitude,
      baseLatitude: w.hbwPoint.latitude + 0.01,
    })
    .where(eq(marketMerchants.id, radiusMerchant));
});
afterAll(() => w.api.close());

const withRadius = (radiusKm: number) =>
  w.api.ctx.db.update(marketMerchants).set({ radiusKm }).where(eq(marketMerchants.id, radiusMerchant));

const placeUnlock = async () => (await w.order(w.unlockOrder())).json().order;

describe('a service radius', () => {
  it('covers an order just inside it and not one just outside', async () => {
    await withRadius(1.2);
    expect(await placeUnlock()).toMatchObject({ state: 'offered', merchantId: radiusMerchant });
    await withRadius(1.0);
    const outside = await placeUnlock();
    expect(outside.state).toBe('queued');
    const choices = (await w.api.get(`/api/v1/market/orders/${outside.id}/merchants`, 'dispatcher')).json();
    expect(choices.items).toEqual([]);
  });

  it('shows the centre how far the merchant is', async () => {
    await withRadius(1.0);
    const queued = await placeUnlock();
    await withRadius(1.2);
    const choices = (await w.api.get(`/api/v1/market/orders/${queued.id}/merchants`, 'dispatcher')).json();
    expect(choices.items).toHaveLength(1);
    expect(choices.items[0].id).toBe(radiusMerchant);
    expect(choices.items[0].distanceKm).toBeCloseTo(1.11, 2);
  });

  it('is taken with the application, base point and radius together', async () => {
    const application = {
      name: '海勃湾区半径家电维修部',
      licenceNo: completeCreditCode('91150302MA0RB1230'),
      contactName: '王师傅',
      contactPhone: '13947300001',
      itemIds: [w.itemId('unlock')],
      areaOrgIds: [await orgIdOf(w.api.ctx, '150302')],
      opensAt: '08:00',
      closesAt: '20:00',
      prices: [{ itemId: w.itemId('unlock'), min: 50, max: 100 }],
    };
    const url = '/api/v1/portal/market/merchant-applications';
    const inject = (payload: object) => w.api.app.inject({ method: 'POST', url, payload });
    expectError(await inject({ ...application, radiusKm: 3 }), 400, 'VALIDATION_FAILED', 'baseLocation');
    expectError(
      await inject({ ...application, baseLocation: w.hbwPoint, radiusKm: 80 }),
      400,
      'VALIDATION_FAILED',
      'radiusKm',
    );
    const res = await inject({ ...application, baseLocation: w.hbwPoint, radiusKm: 3 });
    expect(res.statusCode, res.body).toBe(201);
    const { id } = res.json();
    const view = (await w.api.get(`/api/v1/market/merchants/${id}`, 'admin')).json();
    expect(view).toMatchObject({ baseLocation: w.hbwPoint, radiusKm: 3 });
  });
});
