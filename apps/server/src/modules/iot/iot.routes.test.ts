import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUTBOX_SUBSCRIBERS } from '../../outbox-subscribers.js';
import { expectError } from '../../test/api.js';
import { runOutboxDispatch } from '../notifications/jobs/outbox-dispatch.job.js';
import { demoDeviceSecret } from './demo/seed-demo-iot.js';
import { createIotWorld, type IotWorld, signAs } from './iot.test-support.js';

let w: IotWorld;
beforeAll(async () => {
  w = await createIotWorld();
});
afterAll(() => w.api.close());

// the demo estates: 谱翔A区 is the first (PX01), 滨河花园 lies in the demo grid worker's grid (PX04)
const SMOKE = 'PX01-SMOKE-1-1';
const GARBAGE = 'PX04-GARB-0-5';
const MINUTE = 60_000;

let serial = 0;
const smoke = (over: Record<string, unknown> = {}) => ({
  alertId: `evt-${++serial}`,
  type: 'smoke',
  severity: 'CRITICAL',
  raisedAt: w.clock.now().toISOString(),
  description: '1单元楼道烟雾浓度超限',
  ...over,
});

async function alertsOf(estate: string, user = 'dispatcher') {
  const estates = (await w.get(user, '/api/v1/iot/estates?pageSize=50')).json();
  const id = estates.items.find((e: { name: string }) => e.name === estate).id;
  return (await w.get(user, `/api/v1/iot/alerts?estate=${id}&limit=200`)).json().items;
}

describe('a signed smoke alert over HTTP', () => {
  it('opens an emergency case located to the device’s grid; a repeat in the window counts, opening nothing', async () => {
    const first = await w.alert(SMOKE, smoke());
    expect(first.statusCode, first.body).toBe(201);
    const receipt = first.json();
    expect(receipt).toMatchObject({ outcome: 'raised', state: 'case_opened', count: 1 });
    const kase = (await w.get('dispatcher', `/api/v1/cases/${receipt.caseId}`)).json();
    expect(kase).toMatchObject({
      source: 'iot_alert',
      priority: 'emergency',
      acceptLimit: { value: 30, unit: 'calendar_minutes' },
      resolveLimit: { value: 2, unit: 'calendar_hours' },
      community: { name: '团结社区' },
      fireLinkage: true,
      policeMatter: false,
    });
    expect(kase.grid).not.toBeNull();
    expect(kase.description).toContain('119联动');

    w.clock.advance(2 * MINUTE);
    const repeat = await w.alert(SMOKE, smoke());
    expect(repeat.statusCode, repeat.body).toBe(200);
    expect(repeat.json()).toMatchObject({
      outcome: 'repeated',
      alertId: receipt.alertId,
      count: 2,
      caseId: receipt.caseId,
    });
    const board = await alertsOf('谱翔A区');
    expect(board).toHaveLength(1);
    expect(board[0]).toMatchObject({
      state: 'case_opened',
      count: 2,
      caseNumber: kase.number,
      emergency: true,
    });
  });

  it('answers a message delivered twice as before, and refuses the same signed request replayed', async () => {
    w.clock.advance(MINUTE);
    const payload = smoke({ alertId: 'dup-1' });
    const at = w.clock.now().getTime();
    const message = signAs(SMOKE, demoDeviceSecret(SMOKE), payload, at);
    expect((await w.post(message)).json().outcome).toBe('repeated');
    expectError(await w.post(message), 409, 'TIMESTAMP_REPLAYED');
    const again = await w.alert(SMOKE, payload, at + 1);
    expect(again.json()).toMatchObject({ outcome: 'duplicate', count: 3 });
  });

  it('refuses a bad signature, a stale timestamp, an unknown device and a type the device cannot raise, storing nothing', async () => {
    const before = (await alertsOf('谱翔A区'))[0].count;
    const now = w.clock.now().getTime();
    expectError(await w.post(signAs(SMOKE, 'not-the-secret', smoke(), now)), 401, 'SIGNATURE_INVALID');
    expectError(await w.alert(SMOKE, smoke(), now - 6 * MINUTE), 401, 'TIMESTAMP_STALE');
    expectError(await w.alert('NO-SUCH-DEVICE', smoke()), 401, 'DEVICE_UNKNOWN');
    const unsigned = await w.api.app.inject({ method: 'POST', url: '/api/v1/iot/alerts', payload: smoke() });
    expectError(unsigned, 401, 'DEVICE_UNKNOWN');
    expectError(await w.alert(SMOKE, smoke({ type: 'high_throw' })), 422, 'ALERT_TYPE_NOT_ALLOWED');
    expectError(await w.alert(SMOKE, smoke({ severity: 'LOUD' })), 400, 'VALIDATION_FAILED', 'severity');
    const after = await alertsOf('谱翔A区');
    expect(after).toHaveLength(1);
    expect(after[0].count).toBe(before);
  });

  it('clears the active alert when the device cancels it', async () => {
    w.clock.advance(MINUTE);
    const cancel = await w.alert(SMOKE, smoke({ msgType: 'Cancel' }));
    expect(cancel.json()).toMatchObject({ outcome: 'cleared', state: 'cleared' });
  });
});

describe('GET /api/v1/iot/ingestion', () => {
  it('counts the messages received, stored, duplicate and refused by code, per process', async () => {
    const counters = async () => {
      const answer = await w.get('dispatcher', '/api/v1/iot/ingestion');
      expect(answer.statusCode, answer.body).toBe(200);
      return answer.json();
    };
    const before = await counters();
    expect(before).toMatchObject({ mqttConfigured: false, consumers: 0 });
    // 三道坎新区's smoke detector, which no other test here uses
    const device = 'PX03-SMOKE-1-1';
    const now = w.clock.now().getTime();
    expectError(await w.post(signAs(device, 'not-the-secret', smoke(), now)), 401, 'SIGNATURE_INVALID');
    const signed = signAs(device, demoDeviceSecret(device), {}, now);
    const malformed = await w.post({ ...signed, body: '{not json' });
    expectError(malformed, 400, 'MALFORMED_JSON');
    const good = smoke({ alertId: 'counted-1' });
    expect((await w.alert(device, good)).statusCode).toBe(201);
    expect((await w.alert(device, good, now + 1)).json().outcome).toBe('duplicate');

    const after = await counters();
    expect(after.received.http - before.received.http).toBe(4);
    expect(after.stored - before.stored).toBe(1);
    expect(after.duplicates - before.duplicates).toBe(1);
    const refused = (code: string) => (after.refused[code] ?? 0) - (before.refused[code] ?? 0);
    expect(refused('SIGNATURE_INVALID')).toBe(1);
    expect(refused('MALFORMED_JSON')).toBe(1);
    expect(after.since).toBe(before.since);
  });

  it('is documented in OpenAPI as per process, beside the estates map', async () => {
    const document = (await w.api.app.inject({ method: 'GET', url: '/docs/json' })).json();
    expect(document.paths['/api/v1/iot/ingestion'].get.description).toMatch(/^Per process/);
    expect(document.paths['/api/v1/iot/estates/map'].get['x-permission']).toBe('iot.read');
  });

  it('is for those who manage the devices', async () => {
    expect((await w.get('handler', '/api/v1/iot/ingestion')).statusCode).toBe(200);
    expectError(await w.get('grid', '/api/v1/iot/ingestion'), 403, 'FORBIDDEN');
  });
});

describe('staff on the alert board', () => {
  it('lets the grid worker dismiss a notify-only alert with a reason, and acknowledge then open a case for another', async () => {
    const raised = await w.alert(GARBAGE, {
      alertId: 'g-1',
      type: 'garbage_misplaced',
      severity: 'MINOR',
      raisedAt: w.clock.now().toISOString(),
    });
    expect(raised.json()).toMatchObject({ outcome: 'raised', state: 'raised', caseId: null });
    const [alert] = await alertsOf('滨河花园', 'grid');
    expect(alert).toMatchObject({
      id: raised.json().alertId,
      actions: ['acknowledge', 'open_case', 'dismiss'],
    });
    const url = `/api/v1/iot/alerts/${alert.id}/actions`;
    expectError(
      await w.send('grid', `${url}/dismiss`, { version: alert.version }),
      400,
      'VALIDATION_FAILED',
      'reason',
    );
    const dismissed = await w.send('grid', `${url}/dismiss`, {
      version: alert.version,
      reason: '居民已自行分拣，误报',
    });
    expect(dismissed.json()).toMatchObject({
      state: 'dismissed',
      dismissReason: '居民已自行分拣，误报',
      actions: [],
    });
    expectError(
      await w.send('grid', `${url}/acknowledge`, { version: alert.version + 1 }),
      409,
      'TRANSITION_NOT_ALLOWED',
    );

    w.clock.advance(MINUTE);
    const other = (
      await w.alert(GARBAGE, {
        alertId: 'g-2',
        type: 'bin_overflow',
        severity: 'MINOR',
        raisedAt: w.clock.now().toISOString(),
      })
    ).json();
    const ack = await w.send('grid', `/api/v1/iot/alerts/${other.alertId}/actions/acknowledge`, {
      version: 0,
    });
    expect(ack.json()).toMatchObject({ state: 'acknowledged', actions: ['open_case', 'dismiss'] });
    const opened = await w.send('grid', `/api/v1/iot/alerts/${other.alertId}/actions/open_case`, {
      version: 1,
    });
    expect(opened.statusCode, opened.body).toBe(200);
    expect(opened.json()).toMatchObject({ state: 'case_opened', caseNumber: expect.stringMatching(/^WH/) });
  });

  it('keeps the alerts out of reach of other territories and of citizens', async () => {
    expect(await alertsOf('谱翔A区', 'handler_wd')).toHaveLength(1);
    expectError(await w.get('citizen', '/api/v1/iot/alerts'), 403, 'FORBIDDEN');
    const [pxAlert] = await alertsOf('谱翔A区');
    expectError(await w.get('grid', `/api/v1/iot/alerts/${pxAlert.id}`), 403, 'OUT_OF_SCOPE');
  });
});

describe('devices and rules', () => {
  it('registers a device with a secret shown once, which then signs its alerts', async () => {
    const estates = (await w.get('dispatcher', '/api/v1/iot/estates?q=谱翔')).json();
    expect(estates.items.map((e: { name: string }) => e.name)).toEqual(['谱翔A区', '谱翔B区']);
    const estate = estates.items[1];
    expect(estate.devices).toBe(34);
    const body = {
      estateId: estate.id,
      buildingId: estate.buildings[0].id,
      type: 'ebike_lift_detector',
      serial: 'TEST-EB-1',
      vendor: '大华',
      floor: 1,
      point: '2单元电梯',
    };
    const created = await w.send('dispatcher', '/api/v1/iot/devices', body);
    expect(created.statusCode, created.body).toBe(201);
    const { secret, ...device } = created.json();
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    expect(device).toMatchObject({ serial: 'TEST-EB-1', buildingName: '1号楼', online: false });
    expectError(await w.send('dispatcher', '/api/v1/iot/devices', body), 409, 'DUPLICATE_DEVICE_SERIAL');
    const listed = (await w.get('dispatcher', `/api/v1/iot/devices?estate=${estate.id}&serial=TEST`)).json();
    expect(listed.items).toHaveLength(1);
    expect(listed.items[0]).not.toHaveProperty('secret');
    const payload = {
      alertId: 'e-1',
      type: 'ebike_in_lift',
      severity: 'MAJOR',
      raisedAt: w.clock.now().toISOString(),
    };
    const alert = await w.post(signAs('TEST-EB-1', secret, payload, w.clock.now().getTime()));
    expect(alert.json()).toMatchObject({ outcome: 'raised', state: 'case_opened' });
    const online = (await w.get('dispatcher', `/api/v1/iot/devices?serial=TEST-EB-1`)).json().items[0];
    expect(online.online).toBe(true);
  });

  it('changes a rule at the version seen, audited, and a new alert follows it', async () => {
    const rules = (await w.get('dispatcher', '/api/v1/iot/rules')).json().items;
    const rule = rules.find(
      (r: { deviceType: string; alertType: string }) =>
        r.deviceType === 'door_access' && r.alertType === 'door_held_open',
    );
    expect(rule).toMatchObject({ outcome: 'notify', suppressMinutes: 10 });
    const change = { version: rule.version, outcome: 'dismiss', priority: 'normal', suppressMinutes: 5 };
    const changed = await w.send('dispatcher', `/api/v1/iot/rules/${rule.id}`, change, 'PUT');
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({
      outcome: 'dismiss',
      suppressMinutes: 5,
      version: rule.version + 1,
    });
    expectError(
      await w.send('dispatcher', `/api/v1/iot/rules/${rule.id}`, change, 'PUT'),
      409,
      'VERSION_CONFLICT',
    );
    expectError(await w.send('grid', `/api/v1/iot/rules/${rule.id}`, change, 'PUT'), 403, 'FORBIDDEN');
    const audit = (await w.get('admin', '/api/v1/audit?action=iot.rule_changed')).json();
    expect(audit.items[0]).toMatchObject({ action: 'iot.rule_changed', targetId: String(rule.id) });
    const door = await w.alert('PX04-DOOR-1-5', {
      alertId: 'd-1',
      type: 'door_held_open',
      severity: 'WARNING',
      raisedAt: w.clock.now().toISOString(),
    });
    expect(door.json()).toMatchObject({ outcome: 'raised', state: 'dismissed' });
  });

  it('clears an alert once the case it opened ends', async () => {
    const opened = (await alertsOf('谱翔B区')).find(
      (a: { deviceSerial: string }) => a.deviceSerial === 'TEST-EB-1',
    );
    expect(opened.state).toBe('case_opened');
    const kase = (await w.get('dispatcher', `/api/v1/cases/${opened.caseId}`)).json();
    const invalidated = await w.send('dispatcher', `/api/v1/cases/${kase.id}/actions/invalidate`, {
      version: kase.version,
      reason: '测试设备误触发',
    });
    expect(invalidated.statusCode, invalidated.body).toBe(200);
    await runOutboxDispatch(w.api.ctx, { subscribers: OUTBOX_SUBSCRIBERS });
    expect((await w.get('dispatcher', `/api/v1/iot/alerts/${opened.id}`)).json()).toMatchObject({
      state: 'cleared',
    });
  });
});
