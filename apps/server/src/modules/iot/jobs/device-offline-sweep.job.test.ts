import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { touchDevices } from '../iot.repository.js';
import { createIotWorld, type IotWorld } from '../iot.test-support.js';
import { runDeviceOfflineSweep } from './device-offline-sweep.job.js';

let w: IotWorld;
beforeAll(async () => {
  w = await createIotWorld();
});
afterAll(() => w.api.close());

const MINUTE = 60_000;
// a face camera of 滨河花园 (the demo grid worker's grid): heartbeat every 5 minutes by default
const CAMERA = 'PX04-FACE-0-1';

async function deviceOf(serial: string) {
  return (await w.get('grid', `/api/v1/iot/devices?serial=${serial}`)).json().items[0];
}

async function offlineAlertsOf(deviceId: number) {
  const estate = (await deviceOf(CAMERA)).estateId;
  const items = (await w.get('grid', `/api/v1/iot/alerts?estate=${estate}&limit=200`)).json().items;
  return items.filter(
    (a: { deviceId: number; type: string }) => a.deviceId === deviceId && a.type === 'device_offline',
  );
}

async function estateOf(name: string) {
  const page = (await w.get('grid', '/api/v1/iot/estates?pageSize=50')).json();
  return page.items.find((e: { name: string }) => e.name === name);
}

describe('the device offline sweep', () => {
  it('raises one maintenance alert when a device heard from misses two heartbeats, and clears it when it is back', async () => {
    const camera = await deviceOf(CAMERA);
    expect(camera).toMatchObject({ type: 'face_camera', heartbeatSeconds: 300, online: false });
    await touchDevices(w.api.ctx.db, [camera.id], w.clock.now());
    expect((await deviceOf(CAMERA)).online).toBe(true);
    const before = await estateOf('滨河花园');
    expect(before.devicesOnline).toBe(1);
    expect(before.onlineShare).toBeCloseTo(1 / before.devices);

    // one missed heartbeat is tolerated
    w.clock.advance(10 * MINUTE);
    expect((await runDeviceOfflineSweep(w.api.ctx)).wentOffline).toBe(0);
    expect((await deviceOf(CAMERA)).online).toBe(true);
    expect(await offlineAlertsOf(camera.id)).toHaveLength(0);

    w.clock.advance(MINUTE);
    expect(await runDeviceOfflineSweep(w.api.ctx)).toEqual({ wentOffline: 1, cameBack: 0 });
    expect((await deviceOf(CAMERA)).online).toBe(false);
    expect((await estateOf('滨河花园')).devicesOnline).toBe(0);
    const [alert] = await offlineAlertsOf(camera.id);
    expect(alert).toMatchObject({ state: 'raised', severity: 'MINOR', caseId: null });
    expect(alert.description).toContain('11 分钟未收到心跳');

    // still silent: recorded once, no second alert
    w.clock.advance(30 * MINUTE);
    expect(await runDeviceOfflineSweep(w.api.ctx)).toEqual({ wentOffline: 0, cameBack: 0 });
    expect(await offlineAlertsOf(camera.id)).toHaveLength(1);

    await touchDevices(w.api.ctx.db, [camera.id], w.clock.now());
    expect((await deviceOf(CAMERA)).online).toBe(true);
    expect(await runDeviceOfflineSweep(w.api.ctx)).toEqual({ wentOffline: 0, cameBack: 1 });
    const [cleared] = await offlineAlertsOf(camera.id);
    expect(cleared).toMatchObject({ id: alert.id, state: 'cleared' });

    // a second outage is a second alert
    w.clock.advance(11 * MINUTE);
    expect((await runDeviceOfflineSweep(w.api.ctx)).wentOffline).toBe(1);
    const alerts = await offlineAlertsOf(camera.id);
    expect(alerts.map((a: { state: string }) => a.state)).toEqual(['raised', 'cleared']);
  });

  it('reports no device never heard from (not yet in service) as offline', async () => {
    w.clock.advance(24 * 60 * MINUTE);
    const result = await runDeviceOfflineSweep(w.api.ctx);
    expect(result.wentOffline).toBe(0);
  });
});
