/**
 * 考核 at scale: loads N cases (generated in SQL, spread over ten years and the demo city's grids, units and
 * categories) into PostgreSQL, counts the KPI counters from them (`kpi_rebuild()`, what the triggers keep
 * case by case), then times the city KPI, the district ranking and the 12-month trend read from the
 * counters beside the same counts on the raw cases (`kpi-counts.repository.ts`), and checks both agree.
 * Prints numbers; asserts nothing.
 *
 * Run: npm run bench:kpis [-- --cases 1000000]
 * Knobs: --cases N (default 10,000,000); --runs N (timed runs per query, the median is printed; default 3);
 *        BENCH_DATABASE_URL or DATABASE_URL (a scratch database: its bench cases are replaced), otherwise the
 *        database `shanzhi_bench_kpis` on 127.0.0.1:5432, created when missing. A database that already holds
 *        exactly N bench cases is reused as it is (no reload).
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import { beijingMidnightOfDate, DAY_MS, type KpiCounts, toBeijingDate } from '@shanzhi/shared';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import {
  readKpis,
  readKpisBy,
  readKpisPerBucket,
} from '../apps/server/src/modules/kpis/kpi-aggregates.repository.js';
import {
  countKpis,
  countKpisBy,
  countKpisPerBucket,
} from '../apps/server/src/modules/kpis/kpi-counts.repository.js';
import { type Db, openDatabase, queryRows } from '../apps/server/src/platform/db/database.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { values: args } = parseArgs({
  options: { cases: { type: 'string', default: '10000000' }, runs: { type: 'string', default: '3' } },
});
const CASES = Number(args.cases);
const RUNS = Number(args.runs);
const CHUNK = 500_000;
const BENCH_DB = 'shanzhi_bench_kpis';
// the bench database holds no secret: fixed keys let a second run reuse what the first wrote
const KEYS = { SHANZHI_CHAIN_KEY: 'b'.repeat(64), SHANZHI_DATA_KEY: 'c'.repeat(64) };

async function databaseUrl(): Promise<string> {
  const given = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
  if (given) return given;
  const admin = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' });
  await admin.connect();
  const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [BENCH_DB]);
  if (!rowCount) await admin.query(`create database ${BENCH_DB}`);
  await admin.end();
  return `postgres://postgres@127.0.0.1:5432/${BENCH_DB}`;
}

/** Migrates the database and writes the demo city (orgs, catalog, accounts) without its history. */
async function seedDemoCity(url: string): Promise<void> {
  const child = spawn(
    process.execPath,
    [`${ROOT}apps/server/bin/shanzhi.js`, 'seed', '--demo', '--no-history'],
    { cwd: ROOT, env: { ...process.env, ...KEYS, DATABASE_URL: url, LOG_LEVEL: 'warn' }, stdio: 'inherit' },
  );
  const [code] = await once(child, 'exit');
  if (code !== 0) throw new Error(`shanzhi seed --demo exited with ${code}`);
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/**
 * One chunk of generated cases. Each case is registered up to ten years ago in a random grid, category and
 * unit, then walks dispatch → acceptance → reply → callback → close at random paces (some late, some
 * returned, reworked or extended, a few invalidated, merged or passed to 110), as far as `now` allows.
 */
function insertChunk(first: number, last: number) {
  return sql`
    insert into cases (number, source, type, priority, title, description, state, current_org_id, area_path,
      grid_id, town_id, district_id, category_id, lead_unit_id, first_receiver_org_id, accept_limit_value,
      accept_limit_unit, resolve_limit_value, resolve_limit_unit, created_at, updated_at, dispatched_at,
      accept_deadline, accepted_at, resolve_deadline, replied_at, called_back_at, closed_at, returns, reworks,
      extension_status, callback_reached, callback_contacted, callback_solved, satisfaction)
    select 'BK' || lpad(i::text, 10, '0'), 'hotline_12345', 'complaint', 'normal', '压测工单', '压测', 
      case when r1 < 0.02 then 'invalidated' when r1 < 0.035 then 'merged' when r1 < 0.045 then 'transferred_110'
           when cl <= now() then 'closed' when cb <= now() then 'called_back' when rep <= now() then 'replied'
           when acc <= now() then 'accepted' when disp <= now() then 'dispatched' else 'registered' end,
      centre, p.path, p.grid_id, p.town_id, p.district_id, c.id, u.id, u.id, 2, 'working_hours', 5, 'working_days',
      t0, t0, case when disp <= now() then disp end, disp + interval '2 hours', case when acc <= now() then acc end,
      dl, case when rep <= now() then rep end, case when cb <= now() then cb end, case when cl <= now() then cl end,
      (r3 < 0.03)::int, (r2 > 0.95)::int, case when r1 > 0.97 then 'approved' end,
      case when cb <= now() then r1 > 0.1 end, case when cb <= now() then true end,
      case when cb <= now() then r2 > 0.1 end,
      case when cb <= now() then case when r3 < 0.9 then 'satisfied' when r3 < 0.97 then 'basically_satisfied'
                                       else 'dissatisfied' end end
    from (
      select i, t0, r1, r2, r3, pk, uk, ck, disp, acc, dl, rep, rep + interval '1 day' as cb,
             rep + interval '25 hours' as cl
      from (
        select i, t0, r1, r2, r3, pk, uk, ck, t0 + interval '30 minutes' as disp,
               t0 + interval '30 minutes' + r2 * interval '3 hours' as acc,
               t0 + (5 + floor(r3 * 10)) * interval '1 day' as dl,
               t0 + interval '3 hours' + r2 * interval '12 days' as rep
        from (
          select i, now() - random() * interval '3650 days' as t0, random() as r1, random() as r2, random() as r3,
                 (i % (select count(*) from bench_places)) + 1 as pk,
                 (i * 7 % (select count(*) from bench_units)) + 1 as uk,
                 (i * 13 % (select count(*) from bench_categories)) + 1 as ck
          from generate_series(${first}::int, ${last}::int) as i
        ) a
      ) b
    ) s
    join bench_places p on p.k = s.pk
    join bench_units u on u.k = s.uk
    join bench_categories c on c.k = s.ck
    cross join (select id as centre from orgs where kind = 'center' order by id limit 1) o`;
}

async function loadCases(db: Db): Promise<void> {
  await db.execute(
    sql`delete from case_handlers where case_id in (select id from cases where number like 'BK%')`,
  );
  await db.execute(sql`delete from cases where number like 'BK%'`);
  await db.execute(sql`create temporary table bench_places as
    select row_number() over (order by g.id) as k, g.id as grid_id, t.id as town_id, d.id as district_id, g.path
    from orgs g
    join orgs t on t.kind = 'town' and starts_with(g.path, t.path)
    join orgs d on d.kind = 'district' and starts_with(g.path, d.path)
    where g.kind = 'grid'`);
  await db.execute(sql`create temporary table bench_units as
    select row_number() over (order by id) as k, id from orgs where kind = 'unit'`);
  await db.execute(sql`create temporary table bench_categories as
    select row_number() over (order by id) as k, id from catalog_categories c
    where not exists (select 1 from catalog_categories x where x.parent_id = c.id)`);
  // the counters are counted once at the end (kpi_rebuild), not case by case by the triggers
  await db.execute(sql`set shanzhi.kpi_aggregates = 'off'`);
  const started = Date.now();
  for (let first = 1; first <= CASES; first += CHUNK) {
    const last = Math.min(CASES, first + CHUNK - 1);
    await db.execute(insertChunk(first, last));
    const ms = Date.now() - started;
    console.log(
      `  ${last.toLocaleString('en')} cases in ${seconds(ms)} (${Math.round(last / (ms / 1000))}/s)`,
    );
  }
  await db.execute(sql`reset shanzhi.kpi_aggregates`);
  console.log('  analyze cases …');
  await db.execute(sql`analyze cases`);
  const rebuild = Date.now();
  await db.execute(sql`select kpi_rebuild()`);
  await db.execute(sql`analyze kpi_day_counts`);
  await db.execute(sql`analyze kpi_due_spans`);
  console.log(`  counters counted from the cases (kpi_rebuild) in ${seconds(Date.now() - rebuild)}`);
}

async function timed<T>(run: () => Promise<T>, runs: number): Promise<{ ms: number; answer: T }> {
  const times: number[] = [];
  let answer: T | undefined;
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    answer = await run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)]!, answer: answer! };
}

async function main() {
  const url = await databaseUrl();
  console.log(`KPI bench: ${CASES.toLocaleString('en')} cases in ${url.replace(/\/\/[^@]*@/, '//')}`);
  const database = await openDatabase({ url, poolSize: 2 });
  const db = database.db;
  try {
    const [seeded] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from information_schema.tables where table_name = 'kpi_day_counts'`,
    );
    if (!seeded?.n) await seedDemoCity(url);
    const [{ n } = { n: 0 }] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from cases where number like 'BK%'`,
    );
    if (Number(n) === CASES) console.log('  the bench cases are loaded already: reused');
    else await loadCases(db);
    const [{ cases, counters } = { cases: 0, counters: 0 }] = await queryRows<{
      cases: number;
      counters: number;
    }>(
      db,
      sql`select (select count(*) from cases)::int as cases,
                 (select count(*) from kpi_day_counts)::int + (select count(*) from kpi_due_spans)::int as counters`,
    );
    console.log(
      `  ${Number(cases).toLocaleString('en')} cases, ${Number(counters).toLocaleString('en')} counter rows`,
    );

    const [root] = await queryRows<{ path: string }>(
      db,
      sql`select path from orgs where kind = 'city' limit 1`,
    );
    const now = new Date();
    const today = toBeijingDate(now);
    const tomorrow = new Date(beijingMidnightOfDate(today).getTime() + DAY_MS);
    const year = {
      path: root!.path,
      from: beijingMidnightOfDate(`${today.slice(0, 4)}-01-01`),
      to: tomorrow,
      now,
    };
    // the last 12 months, this one (to today) included
    const month = Number(today.slice(5, 7)) - 1;
    const months = Array.from({ length: 12 }, (_, k) =>
      beijingMidnightOfDate(
        new Date(Date.UTC(Number(today.slice(0, 4)), month - 11 + k, 1)).toISOString().slice(0, 10),
      ),
    );
    const trendBounds = [...months, tomorrow];
    const questions: {
      name: string;
      aggregate: () => Promise<unknown>;
      raw: () => Promise<unknown>;
    }[] = [
      {
        name: `city KPI (${year.from.toISOString().slice(0, 10)} … today)`,
        aggregate: () => readKpis(db, year),
        raw: () => countKpis(db, year),
      },
      {
        name: 'district ranking (same period)',
        aggregate: () => readKpisBy(db, year, 'district_id'),
        raw: async () => {
          const groups = await countKpisBy(db, year, 'district_id');
          const counted = (c: KpiCounts) => Object.values(c).some((v) => v !== 0);
          return new Map([...groups].filter(([, c]) => counted(c)));
        },
      },
      {
        name: '12-month trend (by month)',
        aggregate: () => readKpisPerBucket(db, root!.path, trendBounds, now),
        raw: () => countKpisPerBucket(db, root!.path, trendBounds, now),
      },
    ];
    console.log('');
    console.log(`| query | from the counters | raw cases | equal |`);
    console.log(`|---|---:|---:|---|`);
    for (const q of questions) {
      await q.aggregate(); // warm
      const agg = await timed(q.aggregate, RUNS);
      const raw = await timed(q.raw, 1);
      const equal = isDeepStrictEqual(agg.answer, raw.answer);
      console.log(
        `| ${q.name} | ${agg.ms.toFixed(0)} ms | ${raw.ms.toFixed(0)} ms | ${equal ? 'yes' : 'NO'} |`,
      );
    }
  } finally {
    await database.close();
  }
}

await main();
