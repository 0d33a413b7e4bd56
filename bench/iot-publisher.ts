/**
 * The devices' side of `npm run bench:iot`, in a process of its own so that publishing does not share an
 * event loop with what it measures: many connections publish the simulator's alerts with QoS 1, paced at a
 * rate. Prints one JSON line when every publish has its PUBACK from the broker: how many were published and
 * failed, how long it took, and the wall time each alert `n` was published (its id is `<run>-<n>`).
 *
 * Input (env BENCH_PUBLISH, JSON): { url, devices, rate, count, connections, run }.
 */
import mqtt from 'mqtt';
import {
  type SimulatedDevice,
  simulatedAlert,
} from '../apps/server/src/modules/iot/simulator/simulated-alerts.js';

interface PublishPlan {
  url: string;
  devices: SimulatedDevice[];
  rate: number;
  count: number;
  connections: number;
  run: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main(): Promise<void> {
  const plan = JSON.parse(process.env.BENCH_PUBLISH ?? '') as PublishPlan;
  const clients = await Promise.all(
    Array.from({ length: plan.connections }, (_, i) =>
      mqtt.connectAsync(plan.url, { clientId: `bench-device-${plan.run}-${i}` }),
    ),
  );
  let failed = 0;
  const pending: Promise<unknown>[] = [];
  const publishedAt: number[] = [];
  const started = Date.now();
  for (let n = 0; n < plan.count; n++) {
    const due = started + (n * 1000) / plan.rate;
    if (due > Date.now() + 2) await sleep(due - Date.now());
    const device = plan.devices[n % plan.devices.length]!;
    const alert = simulatedAlert(device, plan.run, n, new Date());
    const topic = `shanzhi/${device.estateId}/${device.serial}/alert`;
    publishedAt.push(Date.now());
    pending.push(
      clients[n % clients.length]!.publishAsync(topic, JSON.stringify(alert), { qos: 1 }).catch(() => {
        failed++;
      }),
    );
  }
  await Promise.all(pending);
  const seconds = (Date.now() - started) / 1000;
  await Promise.all(clients.map((c) => c.endAsync()));
  process.stdout.write(
    `${JSON.stringify({ published: plan.count - failed, failed, seconds, publishedAt })}\n`,
  );
}

await main();
