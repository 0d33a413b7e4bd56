import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEVICE_ALERT_TYPES, type DeviceType, isEmergencyAlert } from '@shanzhi/shared';
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCUMENTED_DEMO_PASSWORD } from '../../platform/auth/known-passwords.js';
import { freePort } from '../../test/server-process.js';

/**
 * The platform as deployed (`shanzhi serve`, embedded database, a real Mosquitto) killed with SIGKILL while
 * devices publish, then started again: every alert the broker took is stored, once. The broker holds what
 * the platform had not acknowledged — in flight when it died, or published while it was down — in the
 * consumers' persistent sessions. PGlite only: the broker's sessions are the same whatever the database.
 */

const BROKER = process.env.TEST_MQTT_URL;
const BIN = fileURLToPath(new URL('../../../bin/shanzhi.js', import.meta.url));
const RUN = randomUUID().slice(0, 8);
const CLIENT_ID = `shanzhi-restart-${RUN}`;
const CONSUMERS = 4;
const COUNT = 150;
const KILL_AFTER = 100;

interface Device {
  estateId: number;
  serial: string;
  type: DeviceType;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(!BROKER || process.env.SHANZHI_TEST_DB === 'postgres')(
  'alerts over MQTT across a kill of the platform',
  () => {
    let dataDir: string;
    let base: string;
    let env: NodeJS.ProcessEnv;
    let platform: ChildProcess | undefined;

    /** Starts `shanzhi serve`; resolves once its consumers are subscribed. */
    async function start(): Promise<void> {
      const child = spawn(process.execPath, [BIN, 'serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      platform = child;
      let log = '';
      child.stdout!.on('data', (chunk) => {
        log = (log + chunk).slice(-20_000);
      });
      child.stderr!.on('data', (chunk) => {
        log = (log + chunk).slice(-20_000);
      });
      for (let i = 0; i < 1200 && !log.includes('iot mqtt subscriber listening'); i++) {
        if (child.exitCode !== null) throw new Error(`the platform exited: ${log}`);
        await sleep(100);
      }
      if (!log.includes('iot mqtt subscriber listening')) throw new Error(`not subscribed: ${log}`);
    }

    async function kill(): Promise<void> {
      const child = platform!;
      platform = undefined;
      child.kill('SIGKILL');
      if (child.exitCode === null) await once(child, 'exit');
    }

    async function api<T>(url: string, token?: string, body?: unknown): Promise<T> {
      const answer = await fetch(`${base}${url}`, {
        method: body ? 'POST' : 'GET',
        headers: {
          ...(body ? { 'content-type': 'application/json' } : {}),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
      });
      if (!answer.ok) throw new Error(`${url}: ${answer.status} ${await answer.text()}`);
      return (await answer.json()) as T;
    }

    /** The vendor ids of this run's alerts on the platform, all pages. */
    async function storedAlertIds(token: string): Promise<string[]> {
      const ids: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: { vendorAlertId: string }[]; nextCursor: string | null } = await api(
          `/api/v1/iot/alerts?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
          token,
        );
        ids.push(...page.items.map((a) => a.vendorAlertId).filter((id) => id.startsWith(RUN)));
        cursor = page.nextCursor;
      } while (cursor);
      return ids;
    }

    beforeAll(async () => {
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shanzhi-mqtt-restart-'));
      const { DATABASE_URL: _db, ...inherited } = process.env;
      const port = await freePort();
      base = `http://127.0.0.1:${port}`;
      env = {
        ...inherited,
        SHANZHI_DATA_DIR: dataDir,
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'info',
        MQTT_URL: BROKER,
        MQTT_CLIENT_ID: CLIENT_ID,
        MQTT_CONSUMERS: String(CONSUMERS),
        SHANZHI_DEMO_HISTORY_CASES: '0',
        SHANZHI_TRAIN_INITIAL_MODEL: 'false',
      };
    });

    afterAll(async () => {
      if (platform) await kill();
      for (let n = 0; n < CONSUMERS; n++) {
        const cleaner = await mqtt.connectAsync(BROKER!, { clientId: `${CLIENT_ID}-${n}`, clean: true });
        await cleaner.endAsync();
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    });

    it('stores every alert the broker took, once, though the platform was killed mid-stream', async () => {
      await start(); // the first start seeds the demo city with its pilot estates
      const { token } = await api<{ token: string }>('/api/v1/auth/login', undefined, {
        username: 'admin',
        password: DOCUMENTED_DEMO_PASSWORD,
      });
      const devices = (await api<{ items: Device[] }>('/api/v1/iot/devices?pageSize=200', token)).items;
      expect(devices.length).toBeGreaterThanOrEqual(COUNT);

      // each message a new alert of a device of its own (an everyday type where it has one); the first ones in
      // a burst, and the platform killed as soon as the broker has taken them, while it is still storing them
      const publisher = await mqtt.connectAsync(BROKER!, { clientId: `${CLIENT_ID}-devices` });
      const publish = (n: number) => {
        const device = devices[n]!;
        const types = DEVICE_ALERT_TYPES[device.type];
        const type = types.find((t) => !isEmergencyAlert(t)) ?? types[0]!;
        const body = { alertId: `${RUN}-${n}`, type, severity: 'MINOR', raisedAt: new Date().toISOString() };
        const topic = `shanzhi/${device.estateId}/${device.serial}/alert`;
        return publisher.publishAsync(topic, JSON.stringify(body), { qos: 1 });
      };
      await Promise.all(Array.from({ length: KILL_AFTER }, (_, n) => publish(n)));
      await kill();
      for (let n = KILL_AFTER; n < COUNT; n++) await publish(n); // while the platform is down
      await publisher.endAsync();

      await start();
      let stored: string[] = [];
      for (let i = 0; i < 600 && stored.length < COUNT; i++) {
        await sleep(250);
        stored = await storedAlertIds(token);
      }
      expect(stored.length).toBe(COUNT);
      expect(new Set(stored).size).toBe(COUNT);
    }, 300_000);
  },
);
