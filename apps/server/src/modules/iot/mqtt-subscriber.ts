import { AlertMessage } from '@shanzhi/shared';
import mqtt, { type IPublishPacket, type MqttClient } from 'mqtt';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors/app-error.js';
import { ingestAlert } from './ingest-alert.js';
import { findDeviceBySerial, touchDevice } from './iot.repository.js';

/** The topics devices publish to: `shanzhi/<estate id>/<device serial>/alert` and `…/heartbeat`. */
export const MQTT_TOPICS = ['shanzhi/+/+/alert', 'shanzhi/+/+/heartbeat'] as const;

/**
 * The platform's MQTT client id: fixed, so that with `clean: false` the broker keeps its session — the
 * subscriptions and the QoS 1 messages not yet acknowledged — across a restart of the platform.
 */
export const MQTT_CLIENT_ID = 'shanzhi-platform';

/** What the subscriber has done since it started (logged, and read by tests and the benchmark). */
export interface MqttCounters {
  /** alerts and heartbeats taken in */
  stored: number;
  /** messages refused by the pipeline (unknown device, a type it cannot raise, its estate not the topic's) */
  refused: number;
  /** payloads that are not an alert (not JSON, fields missing or wrong) or topics not ours */
  malformed: number;
}

/** A running subscriber. */
export interface MqttSubscriber {
  counters: MqttCounters;
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

/**
 * Takes one MQTT message into the same pipeline as HTTP: a heartbeat marks its device heard from, an alert is
 * ingested. Refusals and malformed payloads are counted and logged and the message acknowledged (sending it
 * again would change nothing); anything else (the database down) is thrown, so the message is not acknowledged
 * and the broker delivers it again.
 */
async function takeMqttMessage(
  ctx: AppContext,
  packet: IPublishPacket,
  counters: MqttCounters,
): Promise<void> {
  const topic = parseTopic(packet.topic);
  const payload = Buffer.isBuffer(packet.payload) ? packet.payload : Buffer.from(packet.payload);
  const message = topic?.kind === 'alert' ? parseAlert(payload) : null;
  if (!topic || (topic.kind === 'alert' && !message)) {
    counters.malformed++;
    ctx.logger.warn({ topic: packet.topic, bytes: payload.length }, 'malformed iot mqtt message ignored');
    return;
  }
  try {
    const device = await findDeviceBySerial(ctx.db, topic.serial);
    if (!device || device.estateId !== topic.estateId) {
      throw new AppError('DEVICE_UNKNOWN', '设备未登记或不属于该小区');
    }
    if (topic.kind === 'heartbeat') await touchDevice(ctx.db, device.id, ctx.clock.now());
    else await ingestAlert(ctx, device, message!, { via: 'mqtt' });
    counters.stored++;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    counters.refused++;
    ctx.logger.warn({ topic: packet.topic, code: error.code }, 'iot mqtt message refused');
  }
}

/**
 * Subscribes the platform to the devices' topics on the broker at `url` (QoS 1, persistent session under
 * `MQTT_CLIENT_ID`). Each message is stored through the pipeline before it is acknowledged — MQTT.js sends
 * the PUBACK only when `handleMessage` calls back — so an acknowledged alert is never lost, and one taken in
 * but not acknowledged when the platform stopped comes again and is recognised (idempotent on its alert id).
 */
export function startMqttSubscriber(
  ctx: AppContext,
  url: string,
  clientId: string = MQTT_CLIENT_ID,
): MqttSubscriber {
  const counters: MqttCounters = { stored: 0, refused: 0, malformed: 0 };
  const client: MqttClient = mqtt.connect(url, { clientId, clean: false, reconnectPeriod: 1000 });
  client.handleMessage = (packet, callback) => {
    takeMqttMessage(ctx, packet, counters).then(
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
  client.on('error', (error) => ctx.logger.error({ err: error }, 'iot mqtt client error'));
  const ready = new Promise<void>((resolve, reject) => {
    client.once('connect', () => {
      client.subscribe([...MQTT_TOPICS], { qos: 1 }, (error) => (error ? reject(error) : resolve()));
    });
  });
  ready.then(
    () => ctx.logger.info({ url, topics: MQTT_TOPICS }, 'iot mqtt subscriber listening'),
    (error: unknown) => ctx.logger.error({ err: error }, 'iot mqtt subscription failed'),
  );
  return {
    counters,
    ready,
    stop: async () => {
      await client.endAsync();
    },
  };
}
