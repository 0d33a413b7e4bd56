import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../../test/api.js';
import { type CaseWorld, createCaseWorld } from '../cases/cases.test-support.js';

let w: CaseWorld;
beforeAll(async () => {
  w = await createCaseWorld();
});
afterAll(() => w.api.close());

const PHONE = '13947300001';
let ipCounter = 1;
/** Each test talks from its own client address, so the rate limits of one do not spill into another. */
const freshIp = () => `10.0.0.${ipCounter++}`;

async function submit(body: Record<string, unknown>, ip = freshIp()) {
  return w.api.app.inject({
    method: 'POST',
    url: '/api/v1/portal/cases',
    remoteAddress: ip,
    payload: body,
  });
}

const validRequest = async () => ({
  type: 'complaint',
  description: '小区门口路灯连续一周不亮，晚上出行很不安全，请尽快维修。',
  citizenName: '李先生',
  phone: PHONE,
  address: '海勃湾区新华街道滨河小区门口',
  location: await w.pointIn('150302'),
});

function track(number: string, phone: string, ip = freshIp()) {
  return w.api.app.inject({
    method: 'GET',
    url: `/api/v1/portal/cases/${encodeURIComponent(number)}?phone=${encodeURIComponent(phone)}`,
    remoteAddress: ip,
  });
}

describe('the citizen portal', () => {
  it('registers a request through the case intake as an online portal case, without sign-in', async () => {
    const response = await submit(await validRequest());
    expect(response.statusCode, response.body).toBe(201);
    const { number } = response.json();
    expect(number).toMatch(/^WH20260930\d{6}$/);

    const found = await w.get('dispatcher', `/api/v1/cases?q=${encodeURIComponent('路灯连续一周')}`);
    const item = found.json().items.find((c: { number: string }) => c.number === number);
    expect(item).toMatchObject({
      source: 'online',
      channel: 'web_portal',
      state: 'registered',
      type: 'complaint',
    });
    // routed like any online request: to the centre of the district where it happened
    expect(item.currentOrg).toMatchObject({ id: w.ids.hbwCentre });
    const detail = await w.read('dispatcher', item.id);
    expect(detail.timeline[0]).toMatchObject({ action: 'register' });
    expect((detail.timeline[0] as unknown as { actor: { name: string } }).actor.name).toBe(
      '群众（网上门户）',
    );
  });

  it('refuses bad input with the failing fields', async () => {
    const base = await validRequest();
    expectError(await submit({ ...base, phone: '12345' }), 400, 'VALIDATION_FAILED', 'phone');
    expectError(await submit({ ...base, phone: undefined }), 400, 'VALIDATION_FAILED', 'phone');
    expectError(await submit({ ...base, description: '太短' }), 400, 'VALIDATION_FAILED', 'description');
    expectError(await submit({ ...base, type: 'gossip' }), 400, 'VALIDATION_FAILED', 'type');
    expectError(
      await submit({ ...base, address: undefined, location: undefined }),
      400,
      'VALIDATION_FAILED',
      'address',
    );
    expectError(await submit({ ...base, source: 'hotline_12345' }), 400, 'VALIDATION_FAILED', 'source');
    expectError(
      await submit({ ...base, location: { longitude: 0, latitude: 0 } }),
      400,
      'VALIDATION_FAILED',
      'location',
    );
  });

  it('shows the public parts of a case to whoever has its number and phone, masked', async () => {
    const { number } = (await submit(await validRequest())).json();
    const response = await track(number.toLowerCase(), PHONE);
    expect(response.statusCode, response.body).toBe(200);
    const view = response.json();
    expect(view).toMatchObject({
      number,
      type: 'complaint',
      typeLabel: '投诉',
      status: 'received',
      statusLabel: '已受理',
      citizenName: '李**',
      phone: '139****0001',
      answer: null,
      canRate: false,
      rating: null,
    });
    expect(view.timeline).toEqual([expect.objectContaining({ step: 'registered', unit: null })]);
    expect(JSON.stringify(view)).not.toContain('群众（网上门户）');
  });

  it('answers the same 404 for a wrong phone and for an unknown number', async () => {
    const { number } = (await submit(await validRequest())).json();
    const wrongPhone = await track(number, '13900000000');
    const unknown = await track('WH20990101999999', PHONE);
    expectError(wrongPhone, 404, 'CASE_NOT_FOUND');
    expectError(unknown, 404, 'CASE_NOT_FOUND');
    expect(wrongPhone.body).toBe(unknown.body);
    expectError(await track('not-a-number', PHONE), 400, 'VALIDATION_FAILED', 'params.number');
    expectError(await track(number, 'abc'), 400, 'VALIDATION_FAILED', 'query.phone');
  });

  it('follows the case to the end: units but no staff names or internal notes, then one rating', async () => {
    const { number } = (await submit(await validRequest())).json();
    const list = await w.get('dispatcher', `/api/v1/cases?q=${encodeURIComponent('路灯连续一周')}&limit=200`);
    const id = list.json().items.find((c: { number: string }) => c.number === number).id as number;
    await w.step('dispatcher', id, 'dispatch', { leadUnitId: w.ids.housing, note: '内部派单意见：尽快' });
    await w.step('handler', id, 'accept', { note: '内部签收意见' });
    const rate = (body: Record<string, unknown>) =>
      w.api.app.inject({
        method: 'POST',
        url: `/api/v1/portal/cases/${number}/rating`,
        remoteAddress: freshIp(),
        payload: body,
      });
    expectError(await rate({ phone: PHONE, satisfaction: 'satisfied' }), 409, 'TRANSITION_NOT_ALLOWED');

    await w.step('handler', id, 'reply', { content: '已更换路灯灯泡，现已恢复照明。' });
    await w.step('dispatcher', id, 'review', { outcome: 'approve', note: '内部审核意见' });
    await w.step('agent', id, 'callback', {
      reached: true,
      contacted: true,
      solved: true,
      satisfaction: 'satisfied',
    });
    await w.step('agent', id, 'close', { note: '内部结案意见' });

    const view = (await track(number, PHONE)).json();
    expect(view.status).toBe('closed');
    expect(view.answer).toBe('已更换路灯灯泡，现已恢复照明。');
    expect(view.timeline.map((s: { step: string }) => s.step)).toEqual([
      'registered',
      'dispatched',
      'accepted',
      'replied',
      'closed',
    ]);
    expect(view.timeline[1].unit).toBe('乌海市住房和城乡建设局');
    const text = JSON.stringify(view);
    expect(text).not.toContain('内部');
    expect(text).not.toContain('赵立新');
    expect(view.canRate).toBe(true);

    expectError(await rate({ phone: '13900000000', satisfaction: 'satisfied' }), 404, 'CASE_NOT_FOUND');
    expectError(
      await rate({ phone: PHONE, satisfaction: 'so-so' }),
      400,
      'VALIDATION_FAILED',
      'satisfaction',
    );
    const rated = await rate({ phone: PHONE, satisfaction: 'basically_satisfied', comment: '修得很快' });
    expect(rated.statusCode, rated.body).toBe(200);
    expect(rated.json()).toMatchObject({
      canRate: false,
      rating: { satisfaction: 'basically_satisfied', label: '基本满意' },
    });
    expectError(await rate({ phone: PHONE, satisfaction: 'satisfied' }), 409, 'CONFLICT');
  });

  it('suggests categories without sign-in, names and probabilities only', async () => {
    const suggest = (payload: Record<string, unknown>) =>
      w.api.app.inject({ method: 'POST', url: '/api/v1/portal/suggest', remoteAddress: freshIp(), payload });
    const response = await suggest({ description: '楼道里堆满杂物，存在消防隐患' });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(Object.keys(body).sort()).toEqual(['categories', 'police']);
    for (const c of body.categories) expect(Object.keys(c).sort()).toEqual(['id', 'name', 'probability']);
    expectError(await suggest({ description: '短' }), 400, 'VALIDATION_FAILED', 'description');
    expectError(await suggest({ description: '楼道里堆满杂物', unit: 1 }), 400, 'VALIDATION_FAILED');
  });

  it('limits submissions to 10 per address per 10 minutes with 429 RATE_LIMITED', async () => {
    const ip = freshIp();
    const body = await validRequest();
    for (let i = 0; i < 10; i++) expect((await submit(body, ip)).statusCode).toBe(201);
    expectError(await submit(body, ip), 429, 'RATE_LIMITED');
    // another address is not affected
    expect((await submit(body, freshIp())).statusCode).toBe(201);
    // a bucket refills with time: one more after a minute
    w.clock.advance(61_000);
    expect((await submit(body, ip)).statusCode).toBe(201);
    expectError(await submit(body, ip), 429, 'RATE_LIMITED');
  });
});
