/**
 * Speed of the smart-safe estates' MQTT ingestion: the demo city's devices publish the simulator's alerts
 * with QoS 1 from many connections (a child process, paced at a rate), and the platform's subscriber takes
 * them into the alert pipeline of an embedded database. Printed beside the raw rate of the same broker in the
 * same run: a subscriber that only counts what the same publisher sends. Reports alerts/s ingested, nothing
 * lost (every message taken in), and p50/p99 from publish to the stored message and to the opened case.
 * The bench starts a Mosquitto of its own when the binary is installed (queues sized so the broker drops
 * nothing), else uses BENCH_MQTT_URL. Prints numbers; asserts nothing.
 *
 * Run: npm run bench:iot
 * Knobs: BENCH_RATE (alerts/s asked for, 5000), BENCH_SECONDS (6), BENCH_CONNECTIONS (publishing
 *        connections, 32), MQTT_CONSUMERS (the platform's, 128), BENCH_MQTT_URL (a broker to use instead of a Mosquitto of its own),
 *        BENCH_DRAIN_SECONDS (how long to wait without progress before counting the rest lost, 60).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import mqtt from 'mqtt';
import { refusedTotal } from '../apps/server/src/modules/iot/ingestion-counters.js';
import { startMqttSubscriber } from '../apps/server/src/modules/iot/mqtt-subscriber.js';
import { loadSimulatedDevices } from '../apps/server/src/modules/iot/simulator/simulate.js';
import type { SimulatedDevice } from '../apps/server/src/modules/iot/simulator/simulated-alerts.js';
import { closeContext, openContext } from '../apps/server/src/platform/bootstrap.js';
import { loadConfig } from '../apps/server/src/platform/config/config.js';
import type { AppContext } from '../apps/server/src/platform/context.js';
import { queryRows } from '../apps/server/src/platform/db/database.js';
import { freePort } from '../apps/server/src/test/server-process.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RATE = Number(process.env.BENCH_RATE ?? 5000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 6);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const DRAIN_SECONDS = Number(process.env.BENCH_DRAIN_SECONDS ?? 60);
const COUNT = Math.round(RATE * SECONDS);
// the bench database holds no secret: fixed keys
const KEYS = { SHANZHI_CHAIN_KEY: 'b'.repeat(64), SHANZHI_DATA_KEY: 'c'.repeat(64) };
const TOPICS = ['shanzhi/+/+/alert'];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A Mosquitto of the bench's own: unbounded queues, so a slow subscriber is measured, not dropped. */
async function startBroker(dir: string): Promise<{ url: string; stop(): void }> {
  const port = await freePort();
  const conf = join(dir, 'mosquitto.conf');
  await writeFile(
    conf,
    `listener ${port} 127.0.0.1\nallow_anonymous true\nmax_queued_messages 0\nmax_inflight_messages 0\n`,
  );
  const child = spawn('mosquitto', ['-c', conf], { stdio: 'ignore' });
  const url = `mqtt://127.0.0.1:${port}`;
  for (let i = 0; i < 50; i++) {
    const up = await mqtt.connectAsync(url, { reconnectPeriod: 0, connectTimeout: 500 }).then(
      (c) => c.endAsync().then(() => true),
      () => false,
    );
    if (up) return { url, stop: () => child.kill('SIGTERM') };
    await sleep(100);
  }
  child.kill('SIGTERM');
  throw new Error('mosquitto did not start');
}

/** Migrates the embedded database in `dataDir` and writes the demo city (with its estates) without history. */
async function seedDemoCity(dataDir: string): Promise<void> {
  const child = spawn(
    process.execPath,
    [join(ROOT, 'apps/server/bin/shanzhi.js'), 'seed', '--demo', '--no-history'],
    {
      cwd: ROOT,
      env: { ...process.env, ...KEYS, SHANZHI_DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn' },
      stdio: 'inherit',
    },
  );
  const [code] = await once(child, 'exit');
  if (code !== 0) throw new Error(`shanzhi seed --demo exited with ${code}`);
}

interface Published {
  published: number;
  failed: number;
  seconds: number;
  /** the wall time alert `<run>-<n>` was published, by n */
  publishedAt: number[];
}

/** Runs the publishing child: COUNT alerts of `devices` at RATE over CONNECTIONS connections. */
function publish(url: string, devices: SimulatedDevice[], run: string): Promise<Published> {
  const plan = { url, devices, rate: RATE, count: COUNT, connections: CONNECTIONS, run };
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'bench/iot-publisher.ts')],
    {
      cwd: ROOT,
      env: { ...process.env, BENCH_PUBLISH: JSON.stringify(plan) },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let out = '';
  child.stdout?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  return once(child, 'exit').then(([code]) => {
    if (code !== 0) throw new Error(`the publisher exited with ${code}`);
    return JSON.parse(out) as Published;
  });
}

/** Waits until `taken()` reaches COUNT or stops moving for DRAIN_SECONDS; the time the last one came in. */
async function drain(taken: () => number): Promise<number> {
  let last = taken();
  let lastAt = Date.now();
  while (taken() < COUNT && Date.now() - lastAt < DRAIN_SECONDS * 1000) {
    await sleep(20);
    if (taken() !== last) {
      last = taken();
      lastAt = Date.now();
    }
  }
  return lastAt;
}

/** The broker's own rate: a subscriber that only counts what the same publisher sends. */
async function rawRate(url: string, devices: SimulatedDevice[]): Promise<{ perSecond: number; got: number }> {
  const counter = await mqtt.connectAsync(url, { clientId: 'bench-counter', clean: true });
  let got = 0;
  counter.on('message', () => {
    got++;
  });
  await counter.subscribeAsync(TOPICS, { qos: 1 });
  const published = await publish(url, devices, `RAW${Date.now().toString(36)}`);
  const lastAt = await drain(() => got);
  await counter.endAsync();
  return { perSecond: got / ((lastAt - published.publishedAt[0]!) / 1000), got };
}

function percentile(sorted: number[], p: number): number {
  return sorted.length === 0
    ? Number.NaN
    : sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

const ms = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return `p50 ${percentile(sorted, 0.5).toFixed(0)} ms, p99 ${percentile(sorted, 0.99).toFixed(0)} ms`;
};

/** Publish → stored message (each message, repeats too), and publish → opened case, from what the run wrote. */
async function latencies(
  ctx: AppContext,
  run: string,
  publishedAt: number[],
): Promise<{ stored: number[]; cased: number[] }> {
  const sincePublished = (rows: { id: string; at: number }[]) =>
    rows.map((r) => Number(r.at) - publishedAt[Number(r.id.slice(run.length + 1))]!);
  const stored = await queryRows<{ id: string; at: number }>(
    ctx.db,
    sql`select vendor_alert_id as id, extract(epoch from received_at) * 1000 as at
        from iot_alert_messages where vendor_alert_id like ${`${run}-%`}`,
  );
  const cased = await queryRows<{ id: string; at: number }>(
    ctx.db,
    sql`select a.vendor_alert_id as id, extract(epoch from c.created_at) * 1000 as at
        from iot_alerts a join cases c on c.id = a.case_id where a.vendor_alert_id like ${`${run}-%`}`,
  );
  return { stored: sincePublished(stored), cased: sincePublished(cased) };
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'shanzhi-bench-iot-'));
  const given = process.env.BENCH_MQTT_URL;
  const broker = given ? { url: given, stop: () => undefined } : await startBroker(dir);
  try {
    console.log(`seeding the demo city into ${dir} …`);
    await seedDemoCity(dir);
    const config = loadConfig({
      ...process.env,
      ...KEYS,
      SHANZHI_DATA_DIR: dir,
      DATABASE_URL: '',
      LOG_LEVEL: 'warn',
    });
    const ctx = await openContext(config);
    const devices = await loadSimulatedDevices(ctx);
    console.log(
      `${devices.length} devices, ${COUNT} alerts at ${RATE}/s over ${CONNECTIONS} connections, ` +
        `${config.MQTT_CONSUMERS} platform consumers, broker ${broker.url}`,
    );

    const raw = await rawRate(broker.url, devices);

    const subscriber = startMqttSubscriber(ctx, {
      url: broker.url,
      clientId: `bench-platform-${Date.now().toString(36)}`,
      consumers: config.MQTT_CONSUMERS,
    });
    await subscriber.ready;
    const run = `BENCH${Date.now().toString(36)}`;
    const { counters } = subscriber;
    const taken = () => counters.stored + counters.duplicates + refusedTotal(counters);
    const published = await publish(broker.url, devices, run);
    const lastAt = await drain(taken);
    await subscriber.stop();
    const ingested = taken();
    const found = await latencies(ctx, run, published.publishedAt);
    await closeContext(ctx);

    const perSecond = ingested / ((lastAt - published.publishedAt[0]!) / 1000);
    console.log('');
    console.log(
      `raw broker (a subscriber that only counts): ${raw.perSecond.toFixed(0)} msg/s (${raw.got}/${COUNT})`,
    );
    console.log(
      `platform: ${perSecond.toFixed(0)} alerts/s ingested; ${ingested}/${published.published} taken in, ` +
        `${published.published - ingested} lost or not yet in after ${DRAIN_SECONDS} s without progress ` +
        `(stored ${counters.stored}, duplicates ${counters.duplicates}, malformed or refused ${refusedTotal(counters)})`,
    );
    console.log(`ratio to raw: ${((perSecond / raw.perSecond) * 100).toFixed(1)} %`);
    console.log(`publish → stored message: ${ms(found.stored)} (${found.stored.length} messages)`);
    console.log(`publish → opened case: ${ms(found.cased)} (${found.cased.length} cases)`);
  } finally {
    broker.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
