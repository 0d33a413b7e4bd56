import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { ManualClock } from '../../platform/clock.js';
import { createSeededApi, gridPointIn, orgIdOf, type SeededApi } from '../../test/api.js';
import { marketItems, marketMerchants } from './marketplace.tables.js';

/** The seeded demo city on a test clock, with the items by code and a point in 海勃湾区. */
export interface MarketWorld {
  api: SeededApi;
  clock: ManualClock;
  itemId(code: string): number;
  hbwPoint: { longitude: number; latitude: number };
  /** the body of a 开锁 order at a door in 海勃湾区, with `extra` over it */
  unlockOrder(extra?: Record<string, unknown>): Record<string, unknown>;
  /** a citizen's order on the portal (no account) */
  order(body: Record<string, unknown>): Promise<LightMyRequestResponse>;
  /** `action` on order `id`, by a demo user (by username) or a signed-in account (by its headers) */
  act(
    user: string | { authorization: string },
    id: number,
    action: string,
    body: object,
  ): Promise<LightMyRequestResponse>;
  /** a request by the portal citizen holding `code` */
  asCitizen(
    method: 'GET' | 'POST',
    url: string,
    code: string,
    payload?: unknown,
  ): Promise<LightMyRequestResponse>;
  /** an approved merchant offering `itemCodes` in 海勃湾区 all day, with `score` */
  addMerchant(name: string, itemCodes: string[], score: number): Promise<number>;
}

/** Builds the world once for a test file (call in `beforeAll`); 09:00 Beijing by default. */
export async function createMarketWorld(start = '2026-10-13T01:00:00.000Z'): Promise<MarketWorld> {
  const clock = new ManualClock(start);
  const api = await createSeededApi({ clock });
  const items = await api.ctx.db.select({ id: marketItems.id, code: marketItems.code }).from(marketItems);
  const itemId = (code: string) => items.find((i) => i.code === code)!.id;
  const hbw = await orgIdOf(api.ctx, '150302');
  const hbwPoint = await gridPointIn(api.ctx, '150302');
  return {
    api,
    clock,
    itemId,
    hbwPoint,
    unlockOrder: (extra = {}) => ({
      itemId: itemId('unlock'),
      address: '海勃湾区人民路 18 号 3 单元 502',
      location: hbwPoint,
      phone: '13812345678',
      contactName: '陈女士',
      answers: { lock: '门锁' },
      ...extra,
    }),
    order: (body) => api.app.inject({ method: 'POST', url: '/api/v1/market/orders', payload: body }),
    act: (user, id, action, body) => {
      const url = `/api/v1/market/orders/${id}/actions/${action}`;
      return typeof user === 'string'
        ? api.send('POST', url, body, user)
        : api.app.inject({ method: 'POST', url, headers: user, payload: body });
    },
    asCitizen: (method, url, code, payload) =>
      api.app.inject({ method, url, headers: { 'x-order-code': code }, payload: payload as object }),
    async addMerchant(name, itemCodes, score) {
      const now = clock.now();
      const [row] = await api.ctx.db
        .insert(marketMerchants)
        .values({
          name,
          licenceNo: '91150302MA0TEST001',
          contactPhone: '13900000000',
          status: 'approved',
          areaOrgIds: [hbw],
          itemIds: itemCodes.map(itemId),
          opensMinute: 0,
          closesMinute: 1440,
          score,
          lastOfferedAt: null,
          reviewNote: null,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: marketMerchants.id });
      return row!.id;
    },
  };
}

/** Removes a merchant from dispatch (the test's own, once its story is told). */
export async function suspendMerchant(world: MarketWorld, id: number): Promise<void> {
  await world.api.ctx.db
    .update(marketMerchants)
    .set({ status: 'suspended' })
    .where(eq(marketMerchants.id, id));
}
