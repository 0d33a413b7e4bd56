/**
 * Speed of intake: concurrent clients register cases over HTTP against the real server (a child process, as
 * deployed) on PGlite and, when one is reachable, on PostgreSQL; printed beside the raw single-row INSERT
 * rate of the same driver into a scratch table shaped like `cases` (same columns, defaults, checks and
 * indexes), so the ratio says how much the platform costs on top of the database itself.
 * Loopback only; bounded by connections and seconds. Prints numbers; asserts nothing.
 *
 * Run: npm run bench:intake
 * Knobs: BENCH_SECONDS (15), BENCH_CONNECTIONS (16), BENCH_RAW_SECONDS (5),
 *        BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres, skipped if unreachable).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { freePort } from '../apps/server/src/test/server-process.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const RAW_SECONDS = Number(process.env.BENCH_RAW_SECONDS ?? 5);
const WARM_UP_SECONDS = 2;
const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const PG_POOL_SIZE = 10; // the server's default DATABASE_POOL_SIZE
const PASSWORD = 'Shanzhi@2026';

/** What one target measured. */
interface Row {
  target: string;
  http: LoadResult;
  rawPerSecond: number;
}

interface LoadResult {
  perSecond: number;
  ok: number;
  errors: number;
  p50: number;
  p99: number;
  firstError?: string;
}

// ---------------------------------------------------------------------------------------------------------
// The server as a child process

function runCli(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [join(ROOT, 'apps/server/bin/shanzhi.js'), ...args], {
    cwd: ROOT,
    // measure intake alone: no demo history or first classifier being written in the background meanwhile
    env: {
      ...process.env,
      LOG_LEVEL: 'warn',
      SHANZHI_DEMO_HISTORY_CASES: '0',
      SHANZHI_TRAIN_INITIAL_MODEL: 'false',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
}

async function runCliToEnd(args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  const child = runCli(args, env);
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`shanzhi ${args.join(' ')} exited with ${code}: ${stderr.slice(-2000)}`);
}

interface RunningServer {
  base: string;
  stop(): Promise<void>;
}

async function startServer(env: NodeJS.ProcessEnv): Promise<RunningServer> {
  const port = await freePort();
  const child = runCli(['serve'], { ...env, PORT: String(port), HOST: '127.0.0.1' });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 300_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}: ${stderr}`);
    if (Date.now() > deadline) throw new Error(`server not ready after 300 s: ${stderr}`);
    const ready = await fetch(`${base}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    base,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// HTTP load

async function signIn(base: string, username: string): Promise<string> {
  const response = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (!response.ok) throw new Error(`sign-in of ${username}: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { token: string }).token;
}

/** Points inside grids, so that intake resolves grid → community → town → district as it does for real. */
async function gridPoints(base: string, token: string): Promise<{ longitude: number; latitude: number }[]> {
  const response = await fetch(`${base}/api/v1/orgs?kind=grid&pageSize=200`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const body = (await response.json()) as { items: { center: { lng: number; lat: number } | null }[] };
  return body.items.flatMap((o) => (o.center ? [{ longitude: o.center.lng, latitude: o.center.lat }] : []));
}

const COMPLAINTS = [
  '小区楼道内堆放杂物，存在消防隐患，物业不予处理',
  '路灯损坏多日无人维修，夜间出行不便',
  '供暖温度不达标，室内温度低于十八度',
  '饭店油烟扰民，噪音到深夜',
  '小区门口道路坑洼积水，行人车辆通行困难',
];

function percentile(sorted: number[], p: number): number {
  return sorted.length === 0
    ? Number.NaN
    : sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

/** CONNECTIONS clients each registering cases back to back for `seconds` (after a warm-up). */
async function registerLoad(base: string, seconds: number): Promise<LoadResult> {
  const token = await signIn(base, 'agent');
  const points = await gridPoints(base, token);
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  let counter = 0;
  const once = async (): Promise<{ ms: number; ok: boolean; error?: string }> => {
    const i = counter++;
    const body = {
      source: 'hotline_12345',
      type: 'complaint',
      content: `${COMPLAINTS[i % COMPLAINTS.length]}（第${i}号来电）`,
      citizenName: '张先生',
      citizenPhone: `139${String(10_000_000 + (i % 89_999_999)).padStart(8, '0')}`,
      address: `海勃湾区新华街道滨河小区${(i % 30) + 1}号楼`,
      ...(points.length > 0 ? { location: points[i % points.length] } : {}),
    };
    const started = performance.now();
    const response = await fetch(`${base}/api/v1/cases`, {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
    });
    const text = await response.text();
    const ms = performance.now() - started;
    return response.status === 201
      ? { ms, ok: true }
      : { ms, ok: false, error: `${response.status} ${text}` };
  };

  const run = async (until: number, record: boolean) => {
    const latencies: number[] = [];
    let errors = 0;
    let firstError: string | undefined;
    const client = async () => {
      while (performance.now() < until) {
        const result = await once().catch((e: unknown) => ({ ms: 0, ok: false, error: String(e) }));
        if (!record) continue;
        if (result.ok) latencies.push(result.ms);
        else {
          errors++;
          firstError ??= result.error?.slice(0, 300);
        }
      }
    };
    await Promise.all(Array.from({ length: CONNECTIONS }, client));
    return { latencies, errors, firstError };
  };

  await run(performance.now() + WARM_UP_SECONDS * 1000, false);
  const started = performance.now();
  const { latencies, errors, firstError } = await run(started + seconds * 1000, true);
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    perSecond: latencies.length / elapsed,
    ok: latencies.length,
    errors,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    firstError,
  };
}

// ---------------------------------------------------------------------------------------------------------
// The baseline: raw single-row INSERTs of the same driver into a table shaped like `cases`

const SCRATCH = 'bench_cases_scratch';
const CREATE_SCRATCH = `create table ${SCRATCH} (like cases including all)`;
const INSERT_COLUMNS = [
  'number',
  'source',
  'channel',
  'type',
  'category_id',
  'priority',
  'police_matter',
  'title',
  'description',
  'citizen_name',
  'citizen_phone',
  'anonymous',
  'keep_private',
  'address',
  'lng',
  'lat',
  'grid_id',
  'community_id',
  'town_id',
  'district_id',
  'area_path',
  'state',
  'current_org_id',
  'registered_by_org_id',
  'accept_limit_value',
  'accept_limit_unit',
  'resolve_limit_value',
  'resolve_limit_unit',
  'resolve_deadline',
  'created_at',
  'updated_at',
];
const INSERT = `insert into ${SCRATCH} (${INSERT_COLUMNS.join(', ')})
  values (${INSERT_COLUMNS.map((_, i) => `$${i + 1}`).join(', ')}) returning id`;

function rowValues(i: number): unknown[] {
  const now = new Date();
  return [
    `RAW${randomBytes(4).toString('hex')}${i}`,
    'hotline_12345',
    null,
    'complaint',
    null,
    'normal',
    false,
    COMPLAINTS[i % COMPLAINTS.length]!.slice(0, 30),
    COMPLAINTS[i % COMPLAINTS.length],
    '张先生',
    '13912345678',
    false,
    false,
    '海勃湾区新华街道滨河小区3号楼',
    106.8,
    39.66,
    100,
    90,
    80,
    4,
    '/1/4/80/90/100/',
    'registered',
    2,
    2,
    2,
    'working_hours',
    5,
    'working_days',
    new Date(now.getTime() + 5 * 86_400_000),
    now,
    now,
  ];
}

async function insertLoad(insert: (i: number) => Promise<unknown>, clients: number): Promise<number> {
  let counter = 0;
  let done = 0;
  const until = performance.now() + RAW_SECONDS * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < until) {
        await insert(counter++);
        done++;
      }
    }),
  );
  return done / ((performance.now() - started) / 1000);
}

/** PGlite in this process on the benchmark's data directory (the server has let go of it). */
async function rawPgliteRate(dataDir: string): Promise<number> {
  const client = await PGlite.create(join(dataDir, 'pg'));
  try {
    await client.exec(CREATE_SCRATCH);
    // PGlite runs one statement at a time whatever the number of callers, as it does inside the server
    return await insertLoad((i) => client.query(INSERT, rowValues(i)), CONNECTIONS);
  } finally {
    await client.close();
  }
}

/** node-postgres with the server's pool size and the HTTP run's number of concurrent clients. */
async function rawPostgresRate(url: string): Promise<number> {
  const pool = new pg.Pool({ connectionString: url, max: PG_POOL_SIZE });
  // pg-pool's end() lets its clients go without waiting: one cut off by the final DROP DATABASE must not
  // crash the run
  pool.on('error', () => undefined);
  try {
    await pool.query(CREATE_SCRATCH);
    return await insertLoad((i) => pool.query(INSERT, rowValues(i)), CONNECTIONS);
  } finally {
    await pool.query(`drop table if exists ${SCRATCH}`).catch(() => undefined);
    await pool.end();
  }
}

// ---------------------------------------------------------------------------------------------------------

async function benchPglite(): Promise<Row> {
  const dataDir = await mkdtemp(join(tmpdir(), 'shanzhi-bench-'));
  try {
    console.log(`PGlite: fresh data directory ${dataDir}; seeding the demo city and starting the server …`);
    const server = await startServer({
      SHANZHI_DATA_DIR: dataDir,
      SHANZHI_AUTO_SEED: 'true',
      DATABASE_URL: '',
    });
    let http: LoadResult;
    try {
      http = await registerLoad(server.base, SECONDS);
    } finally {
      await server.stop();
    }
    console.log(`PGlite: ${http.perSecond.toFixed(1)} cases/s over HTTP; now the raw INSERT baseline …`);
    const rawPerSecond = await rawPgliteRate(dataDir);
    return { target: 'PGlite', http, rawPerSecond };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function postgresReachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

async function benchPostgres(adminUrl: string): Promise<Row> {
  const name = `shanzhi_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  // a PostgreSQL deployment names its secret keys; a throwaway database gets throwaway ones
  const env = {
    DATABASE_URL: url.toString(),
    SHANZHI_DATA_DIR: join(tmpdir(), name),
    SHANZHI_CHAIN_KEY: randomBytes(32).toString('hex'),
    SHANZHI_DATA_KEY: randomBytes(32).toString('hex'),
  };
  try {
    console.log(`PostgreSQL: fresh database ${name}; migrating and seeding the demo city …`);
    await runCliToEnd(['seed', '--demo'], env);
    const server = await startServer({ ...env, SHANZHI_AUTO_SEED: 'false' });
    let http: LoadResult;
    try {
      http = await registerLoad(server.base, SECONDS);
    } finally {
      await server.stop();
    }
    console.log(`PostgreSQL: ${http.perSecond.toFixed(1)} cases/s over HTTP; now the raw INSERT baseline …`);
    const rawPerSecond = await rawPostgresRate(url.toString());
    return { target: 'PostgreSQL', http, rawPerSecond };
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
    await rm(env.SHANZHI_DATA_DIR, { recursive: true, force: true });
  }
}

function printTable(rows: Row[]): void {
  const header = ['database', 'HTTP cases/s', 'p50 ms', 'p99 ms', 'ok', 'errors', 'raw INSERT/s', 'HTTP/raw'];
  const lines = rows.map((r) => [
    r.target,
    r.http.perSecond.toFixed(1),
    r.http.p50.toFixed(1),
    r.http.p99.toFixed(1),
    String(r.http.ok),
    String(r.http.errors),
    r.rawPerSecond.toFixed(0),
    `${((r.http.perSecond / r.rawPerSecond) * 100).toFixed(1)} %`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const format = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' │ ');
  console.log();
  console.log(
    `POST /api/v1/cases as agent: ${CONNECTIONS} concurrent clients, ${SECONDS} s (after ${WARM_UP_SECONDS} s warm-up), loopback; ` +
      `raw: single-row INSERT … RETURNING id, ${RAW_SECONDS} s, ${CONNECTIONS} callers`,
  );
  console.log(format(header));
  console.log(widths.map((w) => '─'.repeat(w)).join('─┼─'));
  for (const line of lines) console.log(format(line));
  for (const r of rows) if (r.http.firstError) console.log(`${r.target}: first error: ${r.http.firstError}`);
}

async function main(): Promise<void> {
  const rows: Row[] = [await benchPglite()];
  if (await postgresReachable(PG_URL)) rows.push(await benchPostgres(PG_URL));
  else console.log(`PostgreSQL at ${PG_URL.replace(/\/\/[^@]*@/, '//…@')} is not reachable: skipped`);
  printTable(rows);
}

await main();
