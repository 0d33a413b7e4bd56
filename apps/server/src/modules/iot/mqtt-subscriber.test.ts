import { randomUUID } from 'node:crypto';
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIotWorld, type IotWorld } from './iot.test-support.js';
import { type MqttSubscriber, startMqttSubscriber } from './mqtt-subscriber.js';

const BROKER = process.env.TEST_MQTT_URL;
// one run's own session and ids: another test process may share the broker
const RUN = randomUUID().slice(0, 8);
const CLIENT_ID = `shanzhi-test-${RUN}`;
const CONSUMERS = 3;
const SMOKE = 'PX02-SMOKE-2-1';

/** Waits until `check` answers something (the subscriber works asynchronously); fails after a while. */
async function until<T>(check: () => Promise<T | undefined>, what: string): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const found = await check();
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`gave up waiting for ${what}`);
}

const SUBSCRIPTION = { url: BROKER!, clientId: CLIENT_ID, consumers: CONSUMERS };

describe.skipIf(!BROKER)('alerts over MQTT (a real Mosquitto)', () => {
  let w: IotWorld;
  let subscriber: MqttSubscriber;
  let publisher: mqtt.MqttClient;
  let estateId: number;

  beforeAll(async () => {
    w = await createIotWorld();
    const estates = (await w.get('dispatcher', '/api/v1/iot/estates?q=谱翔B区')).json();
    estateId = estates.items[0].id;
    subscriber = startMqttSubscriber(w.api.ctx, SUBSCRIPTION);
    await subscriber.ready;
    publisher = await mqtt.connectAsync(BROKER!, { clientId: `${CLIENT_ID}-device` });
  });
  afterAll(async () => {
    await subscriber?.stop();
    await publisher?.endAsync();
    // the persistent sessions of this run are not needed any more
    for (let n = 0; n < CONSUMERS; n++) {
      const cleaner = await mqtt.connectAsync(BROKER!, { clientId: `${CLIENT_ID}-${n}`, clean: true });
      await cleaner.endAsync();
    }
    await w?.api.close();
  });

  const publishAlert = (alertId: string) =>
    publisher.publishAsync(
      `shanzhi/${estateId}/${SMOKE}/alert`,
      JSON.stringify({ alertId, type: 'smoke', severity: 'CRITICAL', raisedAt: w.clock.now().toISOString() }),
      { qos: 1 },
    );

  // the alert is stored raised, then its rule opens the case in a transaction of its own: wait for both
  const caseOpenedFor = (vendorAlertId: string) =>
    until(async () => {
      const url = `/api/v1/iot/alerts?estate=${estateId}&state=case_opened&limit=200`;
      const items = (await w.get('dispatcher', url)).json().items;
      return items.find((a: { vendorAlertId: string }) => a.vendorAlertId === vendorAlertId);
    }, `the case of alert ${vendorAlertId}`);

  it('opens an emergency case from a smoke alert published with QoS 1, and marks a heartbeat', async () => {
    expect(subscriber.counters.consumers).toBe(CONSUMERS);
    const batches = subscriber.counters.batches;
    await publishAlert(`${RUN}-1`);
    const alert = await caseOpenedFor(`${RUN}-1`);
    expect(alert).toMatchObject({
      emergency: true,
      caseNumber: expect.stringMatching(/^WH/),
    });
    await publisher.publishAsync(`shanzhi/${estateId}/PX02-DOOR-1-5/heartbeat`, '{}', { qos: 1 });
    await until(async () => {
      const [door] = (await w.get('dispatcher', '/api/v1/iot/devices?serial=PX02-DOOR-1-5')).json().items;
      return door.online ? door : undefined;
    }, 'the heartbeat');
    expect(subscriber.counters.batches).toBeGreaterThan(batches);
    expect(subscriber.counters.received.mqtt).toBeGreaterThanOrEqual(2);
  });

  it('counts a malformed payload and keeps running', async () => {
    const malformed = () => subscriber.counters.refused.get('MALFORMED_PAYLOAD') ?? 0;
    const before = malformed();
    await publisher.publishAsync(`shanzhi/${estateId}/${SMOKE}/alert`, 'not json {', { qos: 1 });
    await until(async () => (malformed() > before ? true : undefined), 'the malformed count');
    w.clock.advance(20 * 60_000);
    await publishAlert(`${RUN}-2`);
    expect(await caseOpenedFor(`${RUN}-2`)).toMatchObject({ count: 1 });
  });

  it('takes in an alert published while the platform was down, once it is back (persistent session)', async () => {
    await subscriber.stop();
    w.clock.advance(20 * 60_000);
    await publishAlert(`${RUN}-3`);
    subscriber = startMqttSubscriber(w.api.ctx, SUBSCRIPTION);
    await subscriber.ready;
    expect(await caseOpenedFor(`${RUN}-3`)).toMatchObject({ count: 1 });
  });
});
