import { completeCreditCode } from '@shanzhi/shared';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries, expectError, expectOk } from '../../test/api.js';
import { signIn } from '../../test/setup.js';
import { marketMerchants } from './marketplace.tables.js';
import { createMarketWorld, type MarketWorld, suspendMerchant } from './marketplace.test-support.js';

let w: MarketWorld;
let hbw: number;
beforeAll(async () => {
  w = await createMarketWorld();
  hbw = (await w.api.get('/api/v1/portal/areas'))
    .json()
    .children.find((a: { name: string }) => a.name === '海勃湾区').id;
});
afterAll(() => w.api.close());

/** A valid credit code of the 17 characters `first17`. */
const licence = (first17: string) => completeCreditCode(first17);

const application = (extra: Record<string, unknown> = {}) => ({
  name: '海勃湾安家开锁服务部',
  licenceNo: licence('91150302MA0AB1230'),
  contactName: '王师傅',
  contactPhone: '13947300001',
  itemIds: [w.itemId('unlock')],
  areaOrgIds: [hbw],
  opensAt: '00:00',
  closesAt: '24:00',
  prices: [{ itemId: w.itemId('unlock'), min: 50, max: 120 }],
  ...extra,
});

const apply = (body: Record<string, unknown>) =>
  w.api.app.inject({ method: 'POST', url: '/api/v1/portal/market/merchant-applications', payload: body });

const review = (id: number, action: string, body: Record<string, unknown>, user = 'dispatcher') =>
  w.api.send('POST', `/api/v1/market/merchants/${id}/actions/${action}`, body, user);

describe('商户入驻 to the first offer', () => {
  it('takes an application, approves it with a first account that signs in and receives offers', async () => {
    const submitted = await expectOk(apply(application()), 201);
    expect(submitted).toMatchObject({ status: 'applied' });
    expect(submitted.applicationNumber).toMatch(/^RZ20261013\d{6}$/);

    // the only merchant offering 开锁 in 海勃湾区 steps aside: the applicant is not chosen before approval
    const [demo] = await w.api.ctx.db
      .select({ id: marketMerchants.id })
      .from(marketMerchants)
      .where(eq(marketMerchants.name, '便民家政服务部'));
    await suspendMerchant(w, demo!.id);
    const order = w.unlockOrder();
    const before = (await expectOk(w.order(order), 201)).order;
    expect(before.state).toBe('queued');

    const listed = await expectOk(
      w.api.get('/api/v1/market/merchants?status=applied&q=安家开锁', 'dispatcher'),
    );
    expect(listed.total).toBe(1);
    const merchant = listed.items[0];
    expect(merchant).toMatchObject({
      applicationNumber: submitted.applicationNumber,
      items: [{ name: '开锁' }],
      areas: [{ id: hbw, name: '海勃湾区' }],
      opensAt: '00:00',
      closesAt: '24:00',
      actions: ['approve', 'refuse'],
      needsReview: false,
    });

    const approved = await expectOk(review(merchant.id, 'approve', { version: merchant.version }));
    expect(approved.merchant).toMatchObject({ status: 'approved', staffUsernames: ['m13947300001'] });
    expect(approved.account.username).toBe('m13947300001');
    expect(approved.account.initialPassword).toMatch(/^.{16}$/);
    const audited = await auditEntries(w.api, 'market_merchant.approved');
    expect(audited[0]).toMatchObject({ actorUsername: 'dispatcher', targetId: String(merchant.id) });
    // the password is shown once: never in the audit trail nor in the merchant's view
    expect(JSON.stringify(audited[0])).not.toContain(approved.account.initialPassword);
    const again = await expectOk(w.api.get(`/api/v1/market/merchants/${merchant.id}`, 'dispatcher'));
    expect(JSON.stringify(again)).not.toContain(approved.account.initialPassword);

    const placed = (await expectOk(w.order(order), 201)).order;
    expect(placed).toMatchObject({ state: 'offered', merchantName: '海勃湾安家开锁服务部' });
    const session = await signIn(w.api.app, approved.account.username, approved.account.initialPassword);
    const offers = await w.api.app.inject({ method: 'GET', url: '/api/v1/market/offers', headers: session });
    expect(offers.statusCode, offers.body).toBe(200);
    expect(offers.json().items.map((o: { id: number }) => o.id)).toEqual([placed.id]);
  });

  it('refuses the same licence again while it is pending or on the platform', async () => {
    expectError(await apply(application({ name: '另一家' })), 409, 'DUPLICATE_CREDIT_CODE', 'licenceNo');
  });
});

describe('an application’s checks', () => {
  it('refuses a licence whose check character is wrong, and hours that end before they start', async () => {
    const good = licence('91150302MA0AB1231');
    const wrong = `${good.slice(0, 17)}${good[17] === '0' ? '1' : '0'}`;
    expectError(await apply(application({ licenceNo: wrong })), 400, 'VALIDATION_FAILED', 'licenceNo');
    expectError(
      await apply(application({ opensAt: '20:00', closesAt: '08:00' })),
      400,
      'VALIDATION_FAILED',
      'closesAt',
    );
  });

  it('asks a price for each item, and refuses a range upside down or an area that is not a district or town', async () => {
    const body = application({ licenceNo: licence('91150302MA0AB1232') });
    expectError(await apply({ ...body, prices: [] }), 400, 'VALIDATION_FAILED', 'itemIds.0');
    expectError(
      await apply({ ...body, prices: [{ itemId: w.itemId('unlock'), min: 90, max: 30 }] }),
      400,
      'VALIDATION_FAILED',
      'prices.0.max',
    );
    const city = (await w.api.get('/api/v1/portal/areas')).json().area.id;
    expectError(await apply({ ...body, areaOrgIds: [city] }), 400, 'VALIDATION_FAILED', 'areaOrgIds.0');
  });
});

describe('the centre’s review', () => {
  const applied = async (first17: string, phone: string) => {
    const { id } = await expectOk(
      apply(application({ licenceNo: licence(first17), contactPhone: phone })),
      201,
    );
    return expectOk(w.api.get(`/api/v1/market/merchants/${id}`, 'dispatcher'));
  };

  it('asks a reason to refuse, and refuses to approve a refused application (409)', async () => {
    const m = await applied('91150302MA0AB1233', '13947300003');
    expectError(await review(m.id, 'refuse', { version: m.version }), 400, 'VALIDATION_FAILED', 'reason');
    const refused = await expectOk(
      review(m.id, 'refuse', { version: m.version, reason: '营业执照与名称不符' }),
    );
    expect(refused.merchant).toMatchObject({
      status: 'refused',
      reviewNote: '营业执照与名称不符',
      actions: [],
    });
    expect(refused.account).toBeNull();
    expectError(
      await review(m.id, 'approve', { version: refused.merchant.version }),
      409,
      'TRANSITION_NOT_ALLOWED',
    );
  });

  it('suspends with a reason, reinstates, and removes for cause for good', async () => {
    const m = await applied('91150302MA0AB1234', '13947300004');
    const ok = await expectOk(review(m.id, 'approve', { version: m.version }));
    expectError(
      await review(m.id, 'suspend', { version: ok.merchant.version }),
      400,
      'VALIDATION_FAILED',
      'reason',
    );
    const suspended = await expectOk(
      review(m.id, 'suspend', { version: ok.merchant.version, reason: '投诉较多，暂停整改' }),
    );
    expect(suspended.merchant.actions).toEqual(['reinstate', 'remove']);
    const back = await expectOk(review(m.id, 'reinstate', { version: suspended.merchant.version }));
    expect(back.merchant.status).toBe('approved');
    const session = await signIn(w.api.app, ok.account.username, ok.account.initialPassword);
    const gone = await expectOk(
      review(m.id, 'remove', { version: back.merchant.version, reason: '无证经营' }),
    );
    expect(gone.merchant.status).toBe('removed');
    // removed for cause: its account is closed and its session ended
    const offers = await w.api.app.inject({ method: 'GET', url: '/api/v1/market/offers', headers: session });
    expectError(offers, 401, 'SESSION_EXPIRED');
    const login = await w.api.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: ok.account.username, password: ok.account.initialPassword },
    });
    // a disabled account signs in no more (answered as any wrong password, to tell nothing about it)
    expectError(login, 401, 'INVALID_CREDENTIALS');
    expectError(
      await review(m.id, 'reinstate', { version: gone.merchant.version }),
      409,
      'TRANSITION_NOT_ALLOWED',
    );
    expect((await auditEntries(w.api, 'market_merchant.removed'))[0]).toMatchObject({
      targetId: String(m.id),
    });
  });

  it('flags merchants scoring below 3.5 for review and filters on it', async () => {
    const low = await w.addMerchant('评分偏低服务部', ['unlock'], 3.2);
    const flagged = await expectOk(
      w.api.get('/api/v1/market/merchants?flagged=true&pageSize=200', 'dispatcher'),
    );
    expect(flagged.items.map((m: { id: number }) => m.id)).toContain(low);
    expect(
      flagged.items.every((m: { needsReview: boolean; score: number }) => m.needsReview && m.score < 3.5),
    ).toBe(true);
  });

  it('is for the centre: 403 for a handler and a merchant', async () => {
    expectError(await w.api.get('/api/v1/market/merchants', 'handler'), 403, 'FORBIDDEN');
    expectError(await w.api.get('/api/v1/market/merchants', 'merchant'), 403, 'FORBIDDEN');
  });
});

describe('服务项目管理', () => {
  const item = () => ({
    name: '开锁换锁',
    description: '门锁、车锁、保险柜开锁与换锁',
    questions: [{ key: 'lock', label: '锁的种类', required: true }],
    priceMin: 40,
    priceMax: 300,
    acceptMinutes: 15,
    active: true,
  });

  it('lets the administrator edit an item, audited, and the portal sees it', async () => {
    const id = w.itemId('unlock');
    const all = await expectOk(w.api.get('/api/v1/market/items/all'));
    expect(all.items).toHaveLength(22);
    const edited = await expectOk(w.api.send('PUT', `/api/v1/market/items/${id}`, item()));
    expect(edited).toMatchObject({ name: '开锁换锁', priceMax: 300, acceptMinutes: 15, active: true });
    const listed = (await expectOk(w.api.app.inject({ method: 'GET', url: '/api/v1/market/items' }))).items;
    expect(listed.find((i: { id: number }) => i.id === id).name).toBe('开锁换锁');
    const [entry] = await auditEntries(w.api, 'market_item.updated');
    expect(entry).toMatchObject({ actorUsername: 'admin', targetId: String(id) });
    expect((entry!.detail as { changes: Record<string, unknown> }).changes).toHaveProperty('name');
  });

  it('refuses a price range upside down, a limit outside 1–120 minutes, and an unknown item', async () => {
    const url = `/api/v1/market/items/${w.itemId('unlock')}`;
    expectError(
      await w.api.send('PUT', url, { ...item(), priceMin: 400 }),
      400,
      'VALIDATION_FAILED',
      'priceMax',
    );
    expectError(
      await w.api.send('PUT', url, { ...item(), priceMin: -1 }),
      400,
      'VALIDATION_FAILED',
      'priceMin',
    );
    expectError(
      await w.api.send('PUT', url, { ...item(), acceptMinutes: 0 }),
      400,
      'VALIDATION_FAILED',
      'acceptMinutes',
    );
    expectError(
      await w.api.send('PUT', url, { ...item(), acceptMinutes: 121 }),
      400,
      'VALIDATION_FAILED',
      'acceptMinutes',
    );
    expectError(await w.api.send('PUT', '/api/v1/market/items/99999', item()), 404, 'MARKET_ITEM_NOT_FOUND');
  });

  it('is the administrator’s: 403 for the centre’s dispatcher', async () => {
    expectError(
      await w.api.send('PUT', `/api/v1/market/items/${w.itemId('unlock')}`, item(), 'dispatcher'),
      403,
      'FORBIDDEN',
    );
  });
});
