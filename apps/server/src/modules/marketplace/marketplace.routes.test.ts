import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUTBOX_SUBSCRIBERS } from '../../outbox-subscribers.js';
import type { LiveEvent } from '../../platform/realtime/live-event.js';
import { liveBusOf } from '../../platform/realtime/realtime.js';
import { expectError, gridPointIn, userIdOf } from '../../test/api.js';
import { runOutboxDispatch } from '../notifications/jobs/outbox-dispatch.job.js';
import { runOfferExpiry } from './jobs/offer-expiry.job.js';
import { createMarketWorld, type MarketWorld, suspendMerchant } from './marketplace.test-support.js';

let w: MarketWorld;
beforeAll(async () => {
  w = await createMarketWorld();
});
afterAll(() => w.api.close());

describe('the service items', () => {
  it('lists the 22 items to anyone, with their questions and acceptance limits', async () => {
    const res = await w.api.app.inject({ method: 'GET', url: '/api/v1/market/items' });
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items;
    expect(items).toHaveLength(22);
    expect(items.find((i: { code: string }) => i.code === 'move_car')).toMatchObject({
      name: '挪车',
      needsMerchant: false,
      questions: [{ key: 'plate', label: '挡道车辆的车牌号', required: true }],
    });
  });
});

describe('an order from the portal to the rating', () => {
  it('offers it to the merchant who covers the place, masks the contact until he accepts, and ends rated', async () => {
    const placed = await w.order(w.unlockOrder());
    expect(placed.statusCode, placed.body).toBe(201);
    const { order, accessCode } = placed.json();
    expect(order).toMatchObject({
      state: 'offered',
      merchantName: '便民家政服务部',
      districtName: '海勃湾区',
    });
    expect(order.number).toMatch(/^FW20261013\d{6}$/);

    const offers = (await w.api.get('/api/v1/market/offers', 'merchant')).json().items;
    const offer = offers.find((o: { id: number }) => o.id === order.id);
    expect(offer.phone).not.toBe('13812345678');
    expect(offer.actions).toEqual(['accept', 'refuse']);

    const accepted = await w.act('merchant', order.id, 'accept', { version: offer.version });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ state: 'accepted', phone: '13812345678' });
    let version = accepted.json().version;
    for (const action of ['depart', 'start']) {
      const res = await w.act('merchant', order.id, action, { version });
      expect(res.statusCode, res.body).toBe(200);
      version = res.json().version;
    }
    expectError(
      await w.act('merchant', order.id, 'complete', { version, price: -5 }),
      400,
      'VALIDATION_FAILED',
      'price',
    );
    const done = await w.act('merchant', order.id, 'complete', { version, price: 120 });
    expect(done.json()).toMatchObject({ state: 'completed', price: 120 });

    const url = `/api/v1/portal/market/orders/${order.id}`;
    expectError(await w.asCitizen('GET', url, 'not-the-code-at-all'), 404, 'MARKET_ORDER_NOT_FOUND');
    const mine = (await w.asCitizen('GET', url, accessCode)).json();
    expect(mine.actions).toEqual(['rate', 'complain']);
    const rated = await w.asCitizen('POST', `${url}/actions/rate`, accessCode, {
      version: mine.version,
      stars: 5,
      comment: '来得很快',
    });
    expect(rated.statusCode, rated.body).toBe(200);
    expect(rated.json()).toMatchObject({ state: 'rated', stars: 5, ratingComment: '来得很快' });
    expect(rated.json().timeline.map((e: { action: string }) => e.action)).toEqual([
      'order',
      'offer',
      'accept',
      'depart',
      'start',
      'complete',
      'rate',
    ]);
    expectError(
      await w.asCitizen('POST', `${url}/actions/rate`, accessCode, {
        version: rated.json().version,
        stars: 4,
      }),
      409,
      'TRANSITION_NOT_ALLOWED',
    );
  });

  it('refuses a rating more than 7 days after completion', async () => {
    const { order, accessCode } = (await w.order(w.unlockOrder())).json();
    let version = order.version;
    for (const [action, body] of [
      ['accept', {}],
      ['start', {}],
      ['complete', { price: 80 }],
    ] as const) {
      const res = await w.act('merchant', order.id, action, { version, ...body });
      expect(res.statusCode, res.body).toBe(200);
      version = res.json().version;
    }
    w.clock.advance(8 * 86_400_000);
    w.api.forgetSessions();
    expectError(
      await w.asCitizen('POST', `/api/v1/portal/market/orders/${order.id}/actions/rate`, accessCode, {
        version,
        stars: 3,
      }),
      409,
      'RATING_WINDOW_CLOSED',
    );
  });
});

describe('a complaint about an order', () => {
  it('becomes a 12345 case linked to the order, once', async () => {
    const { order, accessCode } = (await w.order(w.unlockOrder())).json();
    const accepted = (await w.act('merchant', order.id, 'accept', { version: order.version })).json();
    const url = `/api/v1/portal/market/orders/${order.id}/actions/complain`;
    const complained = await w.asCitizen('POST', url, accessCode, {
      version: accepted.version,
      content: '师傅接单后一直联系不上',
    });
    expect(complained.statusCode, complained.body).toBe(200);
    expect(complained.json().state).toBe('accepted');
    expect(complained.json().caseNumber).toMatch(/^WH\d{14}$/);
    expect(complained.json().timeline.at(-1)).toMatchObject({
      action: 'complain',
      note: '师傅接单后一直联系不上',
    });
    const found = await w.api.get(`/api/v1/cases?q=${complained.json().caseNumber}`, 'dispatcher');
    expect(found.json().items[0]).toMatchObject({ source: 'online', type: 'complaint' });
    expectError(
      await w.asCitizen('POST', url, accessCode, {
        version: complained.json().version,
        content: '再投诉一次试试',
      }),
      409,
      'CONFLICT',
    );
    // the merchant gives it up (it counts against him), leaving him free for the next tests
    const cancelled = await w.act('merchant', order.id, 'cancel', {
      version: complained.json().version,
      reason: '联系不上客户',
    });
    expect(cancelled.json()).toMatchObject({ state: 'cancelled', caseNumber: complained.json().caseNumber });
  });
});

describe('dispatch', () => {
  it('rings the offered merchant’s desk live, and tells it when the citizen cancels', async () => {
    const events: LiveEvent[] = [];
    const unsubscribe = await liveBusOf(w.api.ctx).subscribe((e) => events.push(e));
    try {
      const placed = (await w.order(w.unlockOrder())).json();
      const url = `/api/v1/portal/market/orders/${placed.order.id}/actions/cancel`;
      const cancel = { version: placed.order.version, reason: '门已打开' };
      expect((await w.asCitizen('POST', url, placed.accessCode, cancel)).statusCode).toBe(200);
      await runOutboxDispatch(w.api.ctx, { subscribers: OUTBOX_SUBSCRIBERS });
      // on PostgreSQL the events come back through LISTEN/NOTIFY
      const ofOrder = () => events.filter((e) => e.data.orderId === placed.order.id);
      await expect
        .poll(() => ofOrder().map((e) => e.topic))
        .toEqual(['market_order.offered', 'market_order.cancelled']);
      expect(ofOrder()[0]).toMatchObject({
        audience: { userIds: [await userIdOf(w.api.ctx, 'merchant')], permission: 'market.read' },
        data: { number: placed.order.number, state: 'offered' },
      });
    } finally {
      unsubscribe();
    }
  });

  it('passes an unanswered offer to the next merchant when its limit runs out', async () => {
    const other = await w.addMerchant('海勃湾区安居开锁服务部', ['unlock'], 4);
    const { order } = (await w.order(w.unlockOrder())).json();
    expect(order).toMatchObject({ state: 'offered', merchantName: '便民家政服务部' });
    w.clock.advance(9 * 60_000);
    expect(await runOfferExpiry(w.api.ctx)).toBe(0);
    w.clock.advance(2 * 60_000);
    expect(await runOfferExpiry(w.api.ctx)).toBe(1);
    w.api.forgetSessions();
    const after = (await w.api.get(`/api/v1/market/orders/${order.id}`, 'dispatcher')).json();
    expect(after).toMatchObject({ state: 'offered', merchantId: other });
    expect(after.timeline.map((e: { action: string }) => e.action)).toEqual([
      'order',
      'offer',
      'expire',
      'offer',
    ]);
    expectError(
      await w.act('merchant', order.id, 'accept', { version: after.version }),
      409,
      'OFFER_NOT_CURRENT',
    );
    await suspendMerchant(w, other);
  });

  it('sends a refused order to the centre when nobody else covers the place', async () => {
    const { order } = (await w.order(w.unlockOrder())).json();
    const refused = await w.act('merchant', order.id, 'refuse', {
      version: order.version,
      reason: '师傅都在外面',
    });
    expect(refused.statusCode, refused.body).toBe(200);
    w.api.forgetSessions();
    const after = (await w.api.get(`/api/v1/market/orders/${order.id}`, 'dispatcher')).json();
    expect(after.state).toBe('queued');
    expect(after.timeline.map((e: { action: string }) => e.action)).toEqual([
      'order',
      'offer',
      'refuse',
      'queue',
    ]);
  });

  it('keeps an order outside every merchant’s area in the centre’s queue, and 挪车 goes to the centre', async () => {
    const far = (await w.order(w.unlockOrder({ location: { longitude: 100.1, latitude: 30.2 } }))).json()
      .order;
    expect(far).toMatchObject({ state: 'queued', districtName: null, merchantId: null });
    const moveCar = await w.order(
      w.unlockOrder({ itemId: w.itemId('move_car'), answers: { plate: '蒙L12345' } }),
    );
    expect(moveCar.json().order.state).toBe('queued');
  });
});

describe('the centre’s queue', () => {
  it('offers a queued order to a merchant the centre picks among those who may take it', async () => {
    const { order } = (await w.order(w.unlockOrder())).json();
    const refused = await w.act('merchant', order.id, 'refuse', { version: order.version, reason: '忙' });
    expect(refused.json()).toMatchObject({ state: 'queued' });
    expect(refused.json().actions).toEqual([]);
    const queued = (await w.api.get(`/api/v1/market/orders/${order.id}`, 'dispatcher')).json();
    expect(queued.actions).toEqual(['assign', 'cancel']);

    const choices = await w.api.get(`/api/v1/market/orders/${order.id}/merchants`, 'dispatcher');
    expect(choices.statusCode, choices.body).toBe(200);
    const demo = choices.json().items.find((m: { name: string }) => m.name === '便民家政服务部');
    expect(demo).toMatchObject({ openNow: true, offeredBefore: true });
    const suspended = await w.addMerchant('海勃湾区已停业开锁部', ['unlock'], 5);
    await suspendMerchant(w, suspended);
    expect(choices.json().items.map((m: { id: number }) => m.id)).not.toContain(suspended);
    expectError(
      await w.act('dispatcher', order.id, 'assign', { version: queued.version, merchantId: suspended }),
      409,
      'MERCHANT_NOT_ELIGIBLE',
      'merchantId',
    );
    expectError(
      await w.act('merchant', order.id, 'assign', { version: queued.version, merchantId: demo.id }),
      403,
      'FORBIDDEN',
    );

    const assigned = await w.act('dispatcher', order.id, 'assign', {
      version: queued.version,
      merchantId: demo.id,
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json()).toMatchObject({ state: 'offered', merchantName: '便民家政服务部' });
    expect(assigned.json().timeline.at(-1)).toMatchObject({
      action: 'assign',
      note: '中心派单给便民家政服务部',
    });
    const offer = (await w.api.get('/api/v1/market/offers', 'merchant')).json().items;
    expect(offer.map((o: { id: number }) => o.id)).toContain(order.id);
    const accepted = await w.act('merchant', order.id, 'accept', { version: assigned.json().version });
    expect(accepted.json().state).toBe('accepted');
  });

  it('has the centre call the car’s owner for 挪车 and record what he said; the citizen may rate it', async () => {
    const placed = (
      await w.order(w.unlockOrder({ itemId: w.itemId('move_car'), answers: { plate: '蒙L8A123' } }))
    ).json();
    const queued = (await w.api.get(`/api/v1/market/orders/${placed.order.id}`, 'agent')).json();
    expect(queued.actions).toEqual(['contact_owner']);
    const dispatcher = (await w.api.get(`/api/v1/market/orders/${placed.order.id}`, 'dispatcher')).json();
    expect(dispatcher.actions).toEqual(['contact_owner', 'cancel']);
    expectError(
      await w.act('dispatcher', placed.order.id, 'assign', { version: queued.version, merchantId: 1 }),
      409,
      'MARKET_ITEM_MISMATCH',
    );
    expectError(
      await w.act('agent', placed.order.id, 'contact_owner', { version: queued.version, note: '好' }),
      400,
      'VALIDATION_FAILED',
      'note',
    );
    const note = '已电话联系车主王先生，答复 10 分钟内到场挪车';
    const done = await w.act('agent', placed.order.id, 'contact_owner', { version: queued.version, note });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ state: 'completed' });
    expect(done.json().timeline.at(-1)).toMatchObject({ action: 'contact_owner', note });
    const url = `/api/v1/portal/market/orders/${placed.order.id}`;
    const mine = (await w.asCitizen('GET', url, placed.accessCode)).json();
    expect(mine.actions).toContain('rate');

    const other = (await w.order(w.unlockOrder())).json().order;
    const refused = await w.act('merchant', other.id, 'refuse', { version: other.version });
    expectError(
      await w.act('dispatcher', other.id, 'contact_owner', { version: refused.json().version, note }),
      409,
      'MARKET_ITEM_MISMATCH',
    );
  });
});

describe('the order list', () => {
  it('walks the orders newest first by cursor, and finds one by number, address or phone', async () => {
    const placed = (
      await w.order(w.unlockOrder({ phone: '13647301111', address: '海勃湾区新华街 99 号' }))
    ).json();
    const first = (await w.api.get('/api/v1/market/orders?limit=2', 'dispatcher')).json();
    expect(first.items.map((o: { id: number }) => o.id)[0]).toBe(placed.order.id);
    expect(first.nextCursor).toEqual(expect.any(String));
    const url = `/api/v1/market/orders?limit=2&cursor=${first.nextCursor}`;
    const second = (await w.api.get(url, 'dispatcher')).json();
    expect(second.items).toHaveLength(2);
    expect(second.items[0].id).toBeLessThan(first.items[1].id);
    for (const q of [
      placed.order.number,
      placed.order.number.slice(0, 12).toLowerCase(),
      '新华街 99',
      '13647301111',
    ]) {
      const found = (
        await w.api.get(`/api/v1/market/orders?q=${encodeURIComponent(q)}`, 'dispatcher')
      ).json();
      expect(
        found.items.map((o: { id: number }) => o.id),
        q,
      ).toContain(placed.order.id);
    }
    const none = (await w.api.get('/api/v1/market/orders?q=%25', 'dispatcher')).json();
    expect(none).toEqual({ items: [], nextCursor: null });
    expectError(
      await w.api.get('/api/v1/market/orders?cursor=nonsense', 'dispatcher'),
      400,
      'VALIDATION_FAILED',
      'cursor',
    );
    expectError(await w.api.get('/api/v1/market/orders?page=2', 'dispatcher'), 400, 'VALIDATION_FAILED');
  });
});

describe('bad input and access', () => {
  it('names the unanswered question, the unknown item and a wrong phone', async () => {
    expectError(await w.order(w.unlockOrder({ answers: {} })), 400, 'VALIDATION_FAILED', 'answers.lock');
    expectError(await w.order(w.unlockOrder({ itemId: 9999 })), 400, 'VALIDATION_FAILED', 'itemId');
    expectError(await w.order(w.unlockOrder({ phone: '12' })), 400, 'VALIDATION_FAILED', 'phone');
  });

  it('keeps the merchants’ and the centre’s routes to their roles', async () => {
    expectError(
      await w.api.app.inject({ method: 'GET', url: '/api/v1/market/offers' }),
      401,
      'UNAUTHENTICATED',
    );
    expectError(await w.api.get('/api/v1/market/orders', 'citizen'), 403, 'FORBIDDEN');
    const { order } = (await w.order(w.unlockOrder())).json();
    expectError(await w.act('dispatcher', order.id, 'accept', { version: order.version }), 403, 'FORBIDDEN');
    expectError(
      await w.act('merchant', order.id, 'complete', { version: order.version, price: 1 }),
      409,
      'TRANSITION_NOT_ALLOWED',
    );
  });
});

describe('期望时间', () => {
  it('books a time within 7 days, and refuses one already past or further ahead with 400 on wantedAt', async () => {
    const now = w.clock.now().getTime();
    const book = (ms: number) =>
      w.api.send(
        'POST',
        '/api/v1/market/hotline-orders',
        w.unlockOrder({ wantedAt: new Date(now + ms).toISOString() }),
        'agent',
      );
    expectError(await book(-3_600_000), 400, 'VALIDATION_FAILED', 'wantedAt');
    expectError(await book(8 * 86_400_000), 400, 'VALIDATION_FAILED', 'wantedAt');
    const booked = (await book(2 * 86_400_000)).json();
    expect(booked.order?.wantedAt, JSON.stringify(booked)).toBe(new Date(now + 2 * 86_400_000).toISOString());
  });
});

describe('the numbers', () => {
  it('counts the period’s orders by item and district, with acceptance times and satisfaction', async () => {
    const res = await w.api.get('/api/v1/market/stats?from=2026-10-01&to=2026-10-31', 'dispatcher');
    expect(res.statusCode, res.body).toBe(200);
    const stats = res.json();
    expect(stats.orders).toBeGreaterThanOrEqual(7);
    expect(stats.byItem.find((i: { name: string }) => i.name === '开锁').orders).toBeGreaterThanOrEqual(6);
    expect(
      stats.byDistrict.find((d: { name: string | null }) => d.name === '海勃湾区').orders,
    ).toBeGreaterThan(0);
    expect(stats.acceptSeconds.median).toBeGreaterThanOrEqual(0);
    expect(stats.satisfactionRate).toBe(1);
    expect(stats.merchants[0]).toMatchObject({ name: '便民家政服务部' });
    const none = (await w.api.get('/api/v1/market/stats?from=2025-01-01&to=2025-01-31', 'dispatcher')).json();
    expect(none).toMatchObject({ orders: 0, completionRate: null, satisfactionRate: null });
    expectError(
      await w.api.get('/api/v1/market/stats?from=2026-10-31&to=2026-10-01', 'dispatcher'),
      400,
      'VALIDATION_FAILED',
      'from',
    );
  });

  it('counts for the centre’s staff of a district only the orders of their district', async () => {
    // by the hotline: the portal's budget per address is spent by the tests above
    const body = w.unlockOrder({ location: await gridPointIn(w.api.ctx, '150304') });
    const wuda = await w.api.send('POST', '/api/v1/market/hotline-orders', body, 'agent');
    expect(wuda.json().order.districtName, wuda.body).toBe('乌达区');
    const period = '?from=2026-10-01&to=2026-10-31';
    const districts = async (user: string) =>
      (await w.api.get(`/api/v1/market/stats${period}`, user))
        .json()
        .byDistrict.map((d: { name: string | null }) => d.name);
    expect(await districts('dispatcher')).toEqual(expect.arrayContaining(['海勃湾区', '乌达区']));
    const hbw = await districts('dispatcher_hbw');
    expect(hbw).toContain('海勃湾区');
    expect(hbw).not.toContain('乌达区');
  });

  it('downloads the numbers as a workbook with the same totals', async () => {
    const period = '?from=2026-10-01&to=2026-10-31';
    const stats = (await w.api.get(`/api/v1/market/stats${period}`, 'dispatcher')).json();
    const response = await w.api.get(`/api/v1/market/stats.xlsx${period}`, 'dispatcher');
    expect(response.statusCode, response.body).toBe(200);
    expect(decodeURIComponent(String(response.headers['content-disposition']))).toContain(
      '便民服务统计_2026-10-01_2026-10-31.xlsx',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      '合计',
      '按服务项目',
      '按区域',
      '按月',
      '商户排名',
    ]);
    const totals = new Map<string, ExcelJS.Row>();
    workbook.getWorksheet('合计')!.eachRow((row) => totals.set(String(row.getCell(1).value), row));
    expect(totals.get('订单量')!.getCell(2).value).toBe(stats.orders);
    expect(totals.get('满意率')!.getCell(2)).toMatchObject({
      value: stats.satisfactionRate,
      numFmt: '0.00%',
    });
    const items = workbook.getWorksheet('按服务项目')!;
    expect(items.getRow(2).getCell(1).value).toBe(stats.byItem[0].name);
    expect(items.getRow(2).getCell(2).value).toBe(stats.byItem[0].orders);
    expectError(await w.api.get(`/api/v1/market/stats.xlsx${period}`, 'citizen'), 403, 'FORBIDDEN');
  });
});
