import { gcj02ToWgs84 } from '@shanzhi/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries } from '../../test/api.js';
import { CREATED_UPDATE_XSD, ERRORS_XSD, UPDATES_XSD } from './georeport-v2.xsd.test-support.js';
import {
  createOpen311World,
  expectSameResource,
  expectSpecJson,
  expectSpecXml,
  type Open311World,
  SPEC_JSON,
} from './open311.test-support.js';

let w: Open311World;
let parking: string;
let point: { lat: string; long: string };

beforeAll(async () => {
  w = await createOpen311World();
  const services = (await w.call('GET', 'services.json')).json() as {
    service_code: string;
    service_name: string;
  }[];
  parking = services.find((s) => s.service_name === '挪车')!.service_code;
  const gcj = await w.pointIn('150302');
  const wgs = gcj02ToWgs84({ lng: gcj.longitude, lat: gcj.latitude });
  point = { lat: String(wgs.lat), long: String(wgs.lng) };
});
afterAll(() => w.api.close());

async function report(key = w.key): Promise<{ number: string; id: number }> {
  const response = await w.call('POST', 'requests.json', {
    form: {
      api_key: key,
      service_code: parking,
      ...point,
      description: '黑色越野车停在小区出入口，车主电话13947305678',
      'attribute[plate]': '蒙C54321',
    },
  });
  expect(response.statusCode, response.body).toBe(200);
  const number = response.json()[0].service_request_id as string;
  const list = await w.get('dispatcher', `/api/v1/cases?q=${number}`);
  return { number, id: list.json().items[0].id };
}

type Update = {
  update_id: string;
  service_request_id: string;
  status: string;
  description: string;
  updated_datetime: string;
};

async function updatesOf(number: string, query: Record<string, string> = {}): Promise<Update[]> {
  const response = await w.call('GET', 'servicerequestupdates.json', { query });
  expect(response.statusCode, response.body).toBe(200);
  return (response.json() as Update[]).filter((u) => u.service_request_id === number);
}

describe('GET servicerequestupdates (mySociety)', () => {
  it('shows each public step of a dispatched, answered and closed case with its extended status', async () => {
    const { number, id } = await report();
    expect((await updatesOf(number)).map((u) => u.status)).toEqual(['OPEN']);

    await w.step('dispatcher', id, 'dispatch', { leadUnitId: w.ids.housing, note: '请核实车主信息后处理' });
    w.clock.advance(3_600_000);
    await w.step('handler', id, 'accept');
    await w.step('handler', id, 'progress', { note: '已电话联系车主13947305678，正在赶来' });
    w.clock.advance(3_600_000);
    await w.step('handler', id, 'reply', { content: '已联系车主13947305678将车辆挪走，通道已畅通。' });
    await w.step('dispatcher', id, 'review', { outcome: 'approve', note: '答复内容完整' });
    await w.step('agent', id, 'callback', {
      reached: true,
      contacted: true,
      solved: true,
      satisfaction: 'satisfied',
    });
    await w.step('dispatcher', id, 'close');

    const xml = await w.call('GET', 'servicerequestupdates.xml');
    await expectSpecXml(xml, UPDATES_XSD);
    const json = await w.call('GET', 'servicerequestupdates.json');
    const all = expectSpecJson(SPEC_JSON.updates, json);
    expectSameResource(xml.body, json.json());

    const updates = all.filter((u) => u.service_request_id === number);
    expect(updates.map((u) => u.status)).toEqual(['OPEN', 'INVESTIGATING', 'IN_PROGRESS', 'FIXED', 'CLOSED']);
    expect(updates[1]!.description).toBe('已转交乌海市住房和城乡建设局办理');
    expect(updates[2]!.description).toBe('乌海市住房和城乡建设局已签收，正在办理');
    // the approved answer goes out with its phone masked; the staff's own notes never do
    expect(updates[3]!.description).toBe('已联系车主139****5678将车辆挪走，通道已畅通。');
    expect(json.body).not.toMatch(/请核实车主信息|正在赶来|答复内容完整|13947305678/);
    expect(new Set(updates.map((u) => u.update_id)).size).toBe(5);
    expect(updates.map((u) => u.updated_datetime)).toEqual(
      [...updates.map((u) => u.updated_datetime)].sort(),
    );

    const request = (await w.call('GET', `requests/${number}.json`)).json()[0];
    expect(request).toMatchObject({ status: 'closed', status_notes: '已办结回访，工单结案' });
    expect(request.expected_datetime).toBeUndefined();
  });

  it('reports a duplicate, a referral upwards and a passage to 110 in the extended set', async () => {
    const master = await report();
    const duplicate = await report();
    await w.step('dispatcher', duplicate.id, 'merge', { masterCaseId: master.id });
    const merged = await updatesOf(duplicate.number);
    expect(merged.at(-1)).toMatchObject({
      status: 'DUPLICATE',
      description: `与工单 ${master.number} 为同一诉求，已合并办理`,
    });
    expect((await w.call('GET', `requests/${duplicate.number}.json`)).json()[0].status).toBe('closed');

    const police = await report();
    await w.step('agent', police.id, 'transfer_to_110', { threeWayCall: false, note: '车辆疑似被盗' });
    expect((await updatesOf(police.number)).at(-1)?.status).toBe('NOT_COUNCILS_RESPONSIBILITY');
  });

  it('keeps to its window of W3C dates', async () => {
    const { number } = await report();
    const at = new Date(w.clock.now());
    const after = new Date(at.getTime() + 60_000).toISOString();
    expect(await updatesOf(number, { start_date: after })).toEqual([]);
    const around = await updatesOf(number, {
      start_date: new Date(at.getTime() - 60_000).toISOString(),
      end_date: after,
    });
    expect(around.map((u) => u.status)).toEqual(['OPEN']);
    expect(
      (await w.call('GET', 'servicerequestupdates.json', { query: { end_date: 'soon' } })).statusCode,
    ).toBe(400);
  });
});

describe('POST servicerequestupdates (mySociety)', () => {
  function citizenUpdate(number: string, extra: Record<string, string> = {}) {
    return {
      api_key: w.key,
      service_request_id: number,
      update_id: 'fms-9001',
      status: 'OPEN',
      updated_datetime: '2026-09-30T10:30:00+08:00',
      description: '车还在，仍然堵着出入口',
      first_name: '三',
      last_name: '张',
      email: 'zhangsan@example.com',
      ...extra,
    };
  }

  it('records a citizen’s update on the case’s timeline once, however often it is posted, without moving the case', async () => {
    const { number, id } = await report();
    const before = await w.read('dispatcher', id);
    const xml = await w.call('POST', 'servicerequestupdates.xml', {
      form: citizenUpdate(number, {
        update_id: `fms-${number}`,
        media_url: 'https://img.example.com/u/2.jpg',
      }),
    });
    expect(xml.statusCode, xml.body).toBe(200);
    await expectSpecXml(xml, CREATED_UPDATE_XSD);
    const again = await w.call('POST', 'servicerequestupdates.json', {
      form: citizenUpdate(number, { update_id: `fms-${number}` }),
    });
    const [answer] = expectSpecJson(SPEC_JSON.createdUpdate, again);
    expect(xml.body).toContain(`<update_id>${answer!.update_id}</update_id>`);

    const after = await w.read('dispatcher', id);
    const added = after.timeline.filter((e) => e.action === 'citizen_update');
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({
      event: 'case.citizen_updated',
      note: '车还在，仍然堵着出入口',
      changes: expect.objectContaining({
        reportedStatus: 'OPEN',
        channel: w.channelCode,
        mediaUrl: 'https://img.example.com/u/2.jpg',
      }),
    });
    // the citizen's word changes no state and no version; the chain still verifies
    expect(after.state).toBe(before.state);
    expect(after.version).toBe(before.version);
    const verified = await w.get('dispatcher', `/api/v1/cases/${id}/timeline/verify`);
    expect(verified.json()).toMatchObject({ valid: true });
    // a citizen's words are no public update
    expect((await updatesOf(number)).map((u) => u.status)).toEqual(['OPEN']);
  });

  it('refuses an update without its required fields, with a status off the extended set, or to another app’s request', async () => {
    const { number } = await report();
    const { description: _d, ...wordless } = citizenUpdate(number);
    const missing = await w.call('POST', 'servicerequestupdates.xml', { form: wordless });
    expect(missing.statusCode).toBe(400);
    await expectSpecXml(missing, ERRORS_XSD);
    const odd = await w.call('POST', 'servicerequestupdates.json', {
      form: citizenUpdate(number, { status: 'MAYBE' }),
    });
    expect(odd.statusCode).toBe(400);
    const other = await w.issueKey({ name: '另一个应用' });
    const foreign = await w.call('POST', 'servicerequestupdates.json', {
      form: citizenUpdate(number, { api_key: other.key, update_id: 'x-1' }),
    });
    expect(foreign.statusCode).toBe(400);
    const unknown = await w.call('POST', 'servicerequestupdates.json', {
      form: citizenUpdate('WH20000101000001', { update_id: 'x-2' }),
    });
    expect(unknown.statusCode).toBe(404);
    const keyless = await w.call('POST', 'servicerequestupdates.json', {
      form: { ...citizenUpdate(number), api_key: '' },
    });
    expect(keyless.statusCode).toBe(403);
  });
});

describe('every call', () => {
  it('answers an unknown resource and an unknown format in the standard error shape', async () => {
    const unknown = await w.call('GET', 'nothing.xml');
    expect(unknown.statusCode).toBe(404);
    await expectSpecXml(unknown, ERRORS_XSD);
    const unknownJson = await w.call('GET', 'nothing.json');
    expect(unknownJson.statusCode).toBe(404);
    expectSpecJson(SPEC_JSON.errors, unknownJson);
    const format = await w.call('GET', 'services.csv');
    expect(format.statusCode).toBe(400);
    await expectSpecXml(format, ERRORS_XSD);
  });

  it('stops a key past its hourly limit with 429 and Retry-After, and lets it go on the next hour', async () => {
    const limited = await w.issueKey({ name: '限流测试', rateLimitPerHour: 10 });
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      statuses.push((await w.call('GET', 'services.json', { query: { api_key: limited.key } })).statusCode);
    }
    expect(statuses.slice(0, 10).every((s) => s === 200)).toBe(true);
    const refused = await w.call('GET', 'services.xml', { query: { api_key: limited.key } });
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    await expectSpecXml(refused, ERRORS_XSD);
    // another key is not concerned
    expect((await w.call('GET', 'services.json', { query: { api_key: w.key } })).statusCode).toBe(200);
    w.clock.advance(3_600_000 + 1_000);
    expect((await w.call('GET', 'services.json', { query: { api_key: limited.key } })).statusCode).toBe(200);
  });

  it('leaves a line in the audit trail, refused calls included, never with the key itself', async () => {
    await w.call('GET', 'services.json', { query: { api_key: w.key } });
    await w.call('POST', 'requests.json', { form: { service_code: parking } });
    const entries = await auditEntries(w.api, 'open311.called');
    const mine = entries.find((e) => e.actorUsername === 'open311:城市随手拍');
    expect(mine).toMatchObject({
      targetId: String(w.keyId),
      detail: expect.objectContaining({ method: 'GET', status: 200 }),
    });
    const refused = entries.find(
      (e) =>
        (e.detail as { status: number; method: string }).status === 403 &&
        (e.detail as { method: string }).method === 'POST',
    );
    expect(refused?.detail).toMatchObject({ resource: '/open311/v2/requests.:format', format: 'json' });
    expect(JSON.stringify(entries)).not.toContain(w.key);
  });
});
