import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { registerTodaysCases } from './support/city-today.js';
import { DEMO_PASSWORD } from './support/demo-accounts.js';

/**
 * Global setup of the end-to-end tests: builds the web app when its build is missing or older than its sources,
 * seeds a fresh data directory with the Wuhai demo city, a small year of history and a first classifier
 * trained on it, starts the real server on a free port, waits until it is ready, registers today's requests
 * through the API (so that queues, measures and suggestions show a working city) and gives its address to
 * the tests. Stops it and removes the data afterwards.
 */
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const WEB = path.join(ROOT, 'apps/web');
const SOURCES = [
  path.join(WEB, 'src'),
  path.join(WEB, 'index.html'),
  path.join(WEB, 'public'),
  path.join(WEB, 'vite.config.ts'),
  path.join(ROOT, 'packages/shared/src'),
  // how the build is made lives here too (a change to it must not reuse an older build)
  fileURLToPath(import.meta.url),
];
const READY_TIMEOUT_MS = 120_000;
/** Cases in the demo history: enough for full queues, rankings and trends, few enough to seed in seconds. */
const HISTORY_CASES = 400;
/**
 * The grids' history: a month of every grid's patrols, and findings at the rate of 6,000 a year (about 500),
 * so that the grid numbers, their map and the ranking of grids have something to show.
 */
const GRID_HISTORY = ['--grid-history-days', '30', '--grid-findings', '6000'];

declare module 'vitest' {
  export interface ProvidedContext {
    /** where the server under test answers, e.g. `http://127.0.0.1:41234` */
    baseUrl: string;
  }
}

function newestMtime(entry: string): number {
  const stat = fs.statSync(entry, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of fs.readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

function buildWebIfStale(): void {
  const built = fs.statSync(path.join(WEB, 'dist/index.html'), { throwIfNoEntry: false })?.mtimeMs ?? 0;
  const sources = Math.max(...SOURCES.map(newestMtime));
  if (built > sources) return;
  const started = Date.now();
  // Vitest sets NODE_ENV=test, which Vite would keep: React and antd would ship their development builds
  // and the tests would not drive what a city runs.
  const result = spawnSync('npm', ['run', 'build', '-w', '@shanzhi/web'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) throw new Error(`web build failed:\n${result.stdout}\n${result.stderr}`);
  console.info(`[e2e] built the web app in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Runs the `shanzhi` CLI on the data directory; throws with its output when it fails. */
function runCli(dataDir: string, args: string[]): void {
  const result = spawnSync(process.execPath, ['apps/server/bin/shanzhi.js', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, SHANZHI_DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
  });
  if (result.status !== 0)
    throw new Error(`shanzhi ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
}

/** The demo city, its history and the first classifier (category and unit models) trained on that history. */
function seedCity(dataDir: string): void {
  const started = Date.now();
  runCli(dataDir, ['seed', '--demo', '--history-cases', String(HISTORY_CASES), ...GRID_HISTORY]);
  runCli(dataDir, ['model', 'train', '--from-history']);
  console.info(
    `[e2e] seeded the demo city with ${HISTORY_CASES} cases and a month of grid work of history and a classifier in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}

async function waitUntilReady(baseUrl: string, server: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}:\n${log()}`);
    try {
      const response = await fetch(`${baseUrl}/readyz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`server not ready after ${READY_TIMEOUT_MS / 1000} s:\n${log()}`);
}

export default async function setup(project: TestProject) {
  buildWebIfStale();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shanzhi-e2e-'));
  try {
    seedCity(dataDir);
  } catch (error) {
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let output = '';
  const started = Date.now();
  const server = spawn(process.execPath, ['apps/server/bin/shanzhi.js', 'serve'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      SHANZHI_DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      // the browser is on this machine: a test may play a citizen elsewhere (X-Forwarded-For), so that the
      // portal's per-address limits other files ran into do not reach it
      TRUST_PROXY: 'loopback',
      // seeded above; nothing more in the background to compete with the tests for the CPU
      SHANZHI_DEMO_HISTORY_CASES: '0',
      SHANZHI_TRAIN_INITIAL_MODEL: 'false',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  server.stdout?.on('data', keep);
  server.stderr?.on('data', keep);

  try {
    await waitUntilReady(baseUrl, server, () => output);
  } catch (error) {
    server.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  console.info(`[e2e] server ready at ${baseUrl} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const today = await registerTodaysCases(baseUrl, DEMO_PASSWORD);
  console.info(`[e2e] registered ${today} requests of today`);
  project.provide('baseUrl', baseUrl);

  return async () => {
    if (server.exitCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      const timer = setTimeout(() => server.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    if (output.trim()) console.info(`[e2e] server output (warnings and errors):\n${output.slice(-4000)}`);
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
