import { AlertMessage } from '@shanzhi/shared';
import mqtt, { type IPublishPacket, type MqttClient } from 'mqtt';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors/app-error.js';
import { groupCommit } from './group-commit.js';
import { assertMayRaise, type DeviceMessage, ingestAlerts } from './ingest-alert.js';
import { countRefused, type IngestionCounters, ingestionCounters } from './ingestion-counters.js';
import { findDevicesBySerials, touchDevices } from './iot.repository.js';

/** The topics devices publish to: `shanzhi/<estate id>/<device serial>/alert` and `…/heartbeat`. */
export const MQTT_TOPICS = ['shanzhi/+/+/alert', 'shanzhi/+/+/heartbeat'] as const;

/** A running subscriber. */
export interface MqttSubscriber {
  /** the process's ingestion counters, which the subscriber keeps with the HTTP path */
  counters: IngestionCounters;
  /** resolves once subscribed */
  ready: Promise<void>;
  stop(): Promise<void>;
}

/** What a message's topic names: the estate, the device's serial, and the kind of message. */
function parseTopic(topic: string): { estateId: number; serial: string; kind: 'alert' | 'heartbeat' } | null {
  const match = /^shanzhi\/(\d+)\/([^/]+)\/(alert|heartbeat)$/.exec(topic);
  if (!match) return null;
  return { estateId: Number(match[1]), serial: match[2]!, kind: match[3] as 'alert' | 'heartbeat' };
}

/** Parses a payload as an alert; null when it is not one. */
function parseAlert(payload: Buffer): AlertMessage | null {
  try {
    const parsed = AlertMessage.safeParse(JSON.parse(payload.toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** A batch's messages sorted: the alerts to ingest, the devices heard from by heartbeat. */
interface SortedBatch {
  alerts: DeviceMessage[];
  heartbeats: number[];
}

/**
 * Sorts a batch's messages, counting and logging the ones that are not taken in: malformed (not an alert,
 * a topic not ours) and refused (an unknown device, one not of the topic's estate, an alert type its device
 * cannot raise). Those are acknowledged with the batch: sending them again would change nothing.
 */
async function sortBatch(ctx: AppContext, packets: IPublishPacket[]): Promise<SortedBatch> {
  const parsed = packets.map((packet) => {
    const topic = parseTopic(packet.topic);
    const payload = Buffer.isBuffer(packet.payload) ? packet.payload : Buffer.from(packet.payload);
    const message = topic?.kind === 'alert' ? parseAlert(payload) : null;
    if (!topic || (topic.kind === 'alert' && !message)) {
      countRefused(ctx, topic ? 'MALFORMED_PAYLOAD' : 'TOPIC_UNKNOWN');
      ctx.logger.warn({ topic: packet.topic, bytes: payload.length }, 'malformed iot mqtt message ignored');
      return null;
    }
    return { packet, topic, message };
  });
  const taken = parsed.filter((p) => p !== null);
  const devices = await findDevicesBySerials(ctx.db, [...new Set(taken.map((p) => p.topic.serial))]);
  const sorted: SortedBatch = { alerts: [], heartbeats: [] };
  for (const { packet, topic, message } of taken) {
    const device = devices.get(topic.serial);
    try {
      if (!device || device.estateId !== topic.estateId) {
        throw new AppError('DEVICE_UNKNOWN', '设备未登记或不属于该小区');
      }
      if (topic.kind === 'heartbeat') sorted.heartbeats.push(device.id);
      else {
        assertMayRaise({ device, message: message! });
        sorted.alerts.push({ device, message: message! });
      }
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      countRefused(ctx, error.code);
      ctx.logger.warn({ topic: packet.topic, code: error.code }, 'iot mqtt message refused');
    }
  }
  return sorted;
}

/**
 * Takes a batch of MQTT messages into the same pipeline as HTTP: heartbeats mark their devices heard from,
 * alerts are ingested together (the pipeline counts them), the batch counted. A failure (the database down)
 * is thrown, so no message of the batch is acknowledged and the broker delivers them again (counted again).
 */
async function takeBatch(ctx: AppContext, packets: IPublishPacket[]): Promise<void> {
  const counters = ingestionCounters(ctx);
  counters.received.mqtt += packets.length;
  const { alerts, heartbeats } = await sortBatch(ctx, packets);
  await touchDevices(ctx.db, heartbeats, ctx.clock.now());
  if (alerts.length > 0) await ingestAlerts(ctx, alerts, { via: 'mqtt' });
  counters.stored += heartbeats.length;
  counters.batches++;
  counters.lastBatchSize = packets.length;
}

/** One consumer: a connection with a persistent session, taking its messages through `take`. */
function connectConsumer(
  ctx: AppContext,
  url: string,
  clientId: string,
  take: (packet: IPublishPacket) => Promise<void>,
): MqttClient {
  const client = mqtt.connect(url, { clientId, clean: false, reconnectPeriod: 1000 });
  client.handleMessage = (packet, callback) => {
    take(packet).then(
      () => callback(),
      (error: unknown) => {
        ctx.logger.error(
          { err: error, topic: packet.topic },
          'iot mqtt message not stored; left unacknowledged',
        );
        callback(error as Error);
      },
    );
  };
  client.on('error', (error) => ctx.logger.error({ err: error, clientId }, 'iot mqtt client error'));
  return client;
}

/** Keeps `client` counted among the connected consumers while it is connected (a failed reconnect closes too). */
function countConnection(client: MqttClient, counters: IngestionCounters): void {
  let connected = false;
  const set = (now: boolean) => {
    if (now !== connected) counters.consumers += now ? 1 : -1;
    connected = now;
  };
  client.on('connect', () => set(true));
  client.on('close', () => set(false));
}

/** Resolves once `client` is connected and subscribed to the devices' topics in share group `group`. */
function subscribed(client: MqttClient, group: string): Promise<void> {
  const topics = MQTT_TOPICS.map((topic) => `$share/${group}/${topic}`);
  return new Promise<void>((resolve, reject) => {
    client.once('connect', () => {
      client.subscribe(topics, { qos: 1 }, (error) => (error ? reject(error) : resolve()));
    });
  });
}

/** Where and how the platform subscribes. */
export interface MqttSubscription {
  url: string;
  /** the stem of the consumers' client ids (`<clientId>-<n>`) and their share group */
  clientId: string;
  consumers: number;
}

/**
 * Subscribes the platform to the devices' topics on the broker: `consumers` connections share the
 * subscription (`$share/<clientId>/…`, QoS 1, persistent sessions under `<clientId>-<n>`), and the messages
 * they receive meanwhile are written together (group commit). Each message is stored through the pipeline
 * before it is acknowledged — MQTT.js sends the PUBACK only when `handleMessage` calls back — so an
 * acknowledged alert is never lost, and one taken in but not acknowledged when the platform stopped comes
 * again to the same session and is recognised (idempotent on its alert id). Messages of one device may be
 * handed to different consumers: they are taken in the order they reach the platform, which MQTT orders
 * only within one connection.
 */
export function startMqttSubscriber(
  ctx: AppContext,
  { url, clientId, consumers }: MqttSubscription,
): MqttSubscriber {
  const counters = ingestionCounters(ctx);
  const take = groupCommit<IPublishPacket>((packets) => takeBatch(ctx, packets));
  const clients = Array.from({ length: consumers }, (_, n) =>
    connectConsumer(ctx, url, `${clientId}-${n}`, take),
  );
  for (const client of clients) countConnection(client, counters);
  const ready = Promise.all(clients.map((client) => subscribed(client, clientId))).then(() => undefined);
  ready.then(
    () => ctx.logger.info({ url, topics: MQTT_TOPICS, consumers }, 'iot mqtt subscriber listening'),
    (error: unknown) => ctx.logger.error({ err: error }, 'iot mqtt subscription failed'),
  );
  return {
    counters,
    ready,
    stop: async () => {
      await Promise.all(clients.map((client) => client.endAsync()));
    },
  };
}
