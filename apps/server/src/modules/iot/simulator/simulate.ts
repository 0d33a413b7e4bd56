import { eq } from 'drizzle-orm';
import mqtt from 'mqtt';
import type { AppContext } from '../../../platform/context.js';
import { personalDataCipher } from '../../../platform/crypto/personal-data-cipher.js';
import { iotDevices, iotEstates } from '../iot.tables.js';
import { signMessage } from '../signed-message.js';
import { type SimulatedDevice, simulatedAlert } from './simulated-alerts.js';

/** What `shanzhi iot simulate` is asked for. */
export interface SimulationOptions {
  /** the estate's name or id; all estates when absent */
  estate?: string;
  /** alerts per second */
  rate: number;
  minutes: number;
  /** `mqtt://…` publishes to the broker; `http://…` posts signed alerts to the platform */
  target: string;
}

/** What a run sent. */
export interface SimulationResult {
  devices: number;
  sent: number;
  failed: number;
  heartbeats: number;
}

/** The devices the simulator speaks for, with their secrets opened under the data key. */
export async function loadSimulatedDevices(ctx: AppContext, estate?: string): Promise<SimulatedDevice[]> {
  const where =
    estate === undefined
      ? undefined
      : /^\d+$/.test(estate)
        ? eq(iotEstates.id, Number(estate))
        : eq(iotEstates.name, estate);
  const rows = await ctx.db
    .select({
      estateId: iotDevices.estateId,
      serial: iotDevices.serial,
      type: iotDevices.type,
      sealed: iotDevices.secretSealed,
    })
    .from(iotDevices)
    .innerJoin(iotEstates, eq(iotEstates.id, iotDevices.estateId))
    .where(where);
  const cipher = personalDataCipher(ctx.dataKey);
  return rows.map((r) => ({
    estateId: r.estateId,
    serial: r.serial,
    type: r.type as SimulatedDevice['type'],
    secret: cipher.open('iot_device.secret', r.sealed),
  }));
}

/** Sends one message of a device: an alert or a heartbeat. */
type Send = (device: SimulatedDevice, kind: 'alert' | 'heartbeat', body: string) => Promise<void>;

/** Publishes to the broker with QoS 1 (waits for the broker's PUBACK). */
async function mqttSender(url: string): Promise<{ send: Send; close(): Promise<void> }> {
  const client = await mqtt.connectAsync(url, { clientId: `shanzhi-simulator-${process.pid}` });
  return {
    send: async (device, kind, body) => {
      await client.publishAsync(`shanzhi/${device.estateId}/${device.serial}/${kind}`, body, { qos: 1 });
    },
    close: () => client.endAsync(),
  };
}

/** Posts signed alerts to the platform (heartbeats go over MQTT only). */
function httpSender(baseUrl: string): { send: Send; close(): Promise<void> } {
  return {
    send: async (device, kind, body) => {
      if (kind === 'heartbeat') return;
      const timestamp = String(Date.now());
      const answer = await fetch(new URL('/api/v1/iot/alerts', baseUrl), {
        method: 'POST',
        body,
        headers: {
          'content-type': 'application/json',
          'x-shanzhi-device': device.serial,
          'x-shanzhi-timestamp': timestamp,
          'x-shanzhi-signature': signMessage(device.secret, timestamp, body),
        },
      });
      if (!answer.ok) throw new Error(`${answer.status} ${await answer.text()}`);
    },
    close: async () => undefined,
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * `shanzhi iot simulate`: the devices of an estate (or all) send realistic alerts at `rate` per second for
 * `minutes`, each device a heartbeat first, over MQTT or signed HTTP — for the demo and the benchmark.
 */
export async function simulate(ctx: AppContext, options: SimulationOptions): Promise<SimulationResult> {
  const devices = await loadSimulatedDevices(ctx, options.estate);
  const result: SimulationResult = { devices: devices.length, sent: 0, failed: 0, heartbeats: 0 };
  if (devices.length === 0) return result;
  const sender = options.target.startsWith('mqtt')
    ? await mqttSender(options.target)
    : httpSender(options.target);
  const run = `SIM${Date.now().toString(36)}`;
  try {
    if (options.target.startsWith('mqtt')) {
      await Promise.all(devices.map((d) => sender.send(d, 'heartbeat', '{}')));
      result.heartbeats = devices.length;
    }
    const total = Math.round(options.rate * options.minutes * 60);
    const started = Date.now();
    const pending: Promise<void>[] = [];
    for (let n = 0; n < total; n++) {
      // paced against the clock, so a slow send does not lower the rate asked for
      const due = started + (n * 1000) / options.rate;
      if (due > Date.now()) await sleep(due - Date.now());
      const device = devices[n % devices.length]!;
      const alert = simulatedAlert(device, run, n, new Date());
      const sent = sender.send(device, 'alert', JSON.stringify(alert)).then(
        () => {
          result.sent++;
        },
        (error: unknown) => {
          result.failed++;
          if (result.failed === 1) ctx.logger.warn({ err: error }, 'simulated alert not sent');
        },
      );
      pending.push(sent);
    }
    await Promise.all(pending);
  } finally {
    await sender.close();
  }
  return result;
}
