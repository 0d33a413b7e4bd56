import type { AlertMessage, AlertType } from '@shanzhi/shared';
import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DeviceMessage, ingestAlerts } from './ingest-alert.js';
import { findDevicesBySerials } from './iot.repository.js';
import { iotRules } from './iot.tables.js';
import { createIotWorld, type IotWorld } from './iot.test-support.js';

// 谱翔B区: a smoke detector and a door (the pilot's demo devices)
const SMOKE = 'PX02-SMOKE-2-1';
const DOOR = 'PX02-DOOR-1-5';

describe('a batch of device messages (as MQTT consumers hand them in together)', () => {
  let w: IotWorld;
  let take: (
    messages: [string, string, AlertType, AlertMessage['msgType']?][],
  ) => ReturnType<typeof ingestAlerts>;

  beforeAll(async () => {
    w = await createIotWorld();
    const devices = await findDevicesBySerials(w.api.ctx.db, [SMOKE, DOOR]);
    take = (messages) =>
      ingestAlerts(
        w.api.ctx,
        messages.map(
          ([serial, alertId, type, msgType = 'Alert']): DeviceMessage => ({
            device: devices.get(serial)!,
            message: { alertId, type, severity: 'MAJOR', raisedAt: w.clock.now().toISOString(), msgType },
          }),
        ),
        { via: 'mqtt' },
      );
  });
  afterAll(() => w?.api.close());

  it('takes them in order: a new alert, its repeat, a message delivered twice, a Cancel, a new one after it', async () => {
    const receipts = await take([
      [SMOKE, 'batch-1', 'smoke'],
      [SMOKE, 'batch-2', 'smoke'],
      [DOOR, 'batch-3', 'door_held_open'],
      [SMOKE, 'batch-1', 'smoke'],
      [DOOR, 'batch-4', 'door_held_open'],
      [SMOKE, 'batch-5', 'smoke', 'Cancel'],
      [SMOKE, 'batch-6', 'smoke'],
    ]);
    expect(receipts.map((r) => r.outcome)).toEqual([
      'raised',
      'repeated',
      'raised',
      'duplicate',
      'repeated',
      'cleared',
      'raised',
    ]);
    const [smoke, repeat, door, twice, doorRepeat, cancel, after] = receipts;
    // the device cleared its smoke alert within the batch: no case for it; the next one is an emergency case
    expect(smoke).toMatchObject({ caseId: null, state: 'cleared' });
    expect(after!.caseId).not.toBeNull();
    expect([repeat!.alertId, twice!.alertId, cancel!.alertId]).toEqual([
      smoke!.alertId,
      smoke!.alertId,
      smoke!.alertId,
    ]);
    expect(repeat!.count).toBe(2);
    expect(doorRepeat).toMatchObject({ alertId: door!.alertId, count: 2 });
    expect(cancel!.state).toBe('cleared');
    expect(after!.alertId).not.toBe(smoke!.alertId);
  });

  it('answers the messages of an earlier batch as they were, changing nothing', async () => {
    const before = (await w.get('dispatcher', `/api/v1/iot/alerts?limit=50`)).json().items;
    const receipts = await take([
      [DOOR, 'batch-3', 'door_held_open'],
      [DOOR, 'batch-4', 'door_held_open'],
    ]);
    expect(receipts.map((r) => [r.outcome, r.count])).toEqual([
      ['duplicate', 2],
      ['duplicate', 2],
    ]);
    expect((await w.get('dispatcher', `/api/v1/iot/alerts?limit=50`)).json().items).toEqual(before);
  });

  it('applies the rule to an alert its message left raised when that message comes again (the platform had stopped)', async () => {
    const smokeRule = and(
      eq(iotRules.deviceType, 'smoke_detector'),
      eq(iotRules.alertType, 'smoke'),
      isNull(iotRules.estateId),
    );
    const setOutcome = (outcome: string) => w.api.ctx.db.update(iotRules).set({ outcome }).where(smokeRule);
    w.clock.advance(20 * 60_000); // past the window of the smoke alert opened above
    await setOutcome('notify'); // as if the platform had stored the alert and stopped before its rule
    try {
      const [first] = await take([[SMOKE, 'left-1', 'smoke']]);
      expect(first).toMatchObject({ outcome: 'raised', state: 'raised', caseId: null });
      await setOutcome('open_case');
      const [again] = await take([[SMOKE, 'left-1', 'smoke']]);
      expect(again).toMatchObject({ outcome: 'duplicate', alertId: first!.alertId, state: 'case_opened' });
      expect(again!.caseId).not.toBeNull();
    } finally {
      await setOutcome('open_case');
    }
  });
});
