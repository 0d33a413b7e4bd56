import { formatDayNumber, toBeijingDayNumber } from '@shanzhi/shared';
import { asc, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../platform/clock.js';
import { queryRows } from '../../../platform/db/database.js';
import { type StoredEvent, verifyChain } from '../../../platform/lifecycle/chain-verification.js';
import { createTestApp, createTestContext, signIn, type TestContext } from '../../../test/setup.js';
import { gridFindingEvents, gridFindings, gridTaskEvents, gridTasks } from '../../grid/grid.tables.js';
import { seedDemoHistory } from '../history/seed-history.js';
import { readGridHistoryState, seedGridHistory } from './seed-grid-history.js';

// Friday 20 November 2026, 14:00 in Beijing
const END_AT = new Date('2026-11-20T06:00:00.000Z');
const LAST_DAY = formatDayNumber(toBeijingDayNumber(END_AT.getTime()));
const YEAR_AGO = formatDayNumber(toBeijingDayNumber(END_AT.getTime()) - 364);

/** The demo city with a small case history and a year of grid findings and tasks (the patrols aside). */
async function cityWithGridYear(): Promise<TestContext> {
  const ctx = await createTestContext({ seeded: true, clock: new ManualClock(END_AT) });
  await seedDemoHistory(ctx, { cases: 300, endAt: END_AT, teddyDir: null });
  await seedGridHistory(ctx, { findingsPerYear: 6_000, patrols: false });
  return ctx;
}

describe('a year of grid history', () => {
  let ctx: TestContext;
  let app: Awaited<ReturnType<typeof createTestApp>>['app'];
  beforeAll(async () => {
    ctx = await cityWithGridYear();
    app = (await createTestApp(ctx)).app;
  }, 300_000);
  afterAll(async () => {
    await app?.close();
    await ctx?.dispose();
  });

  it("lands near Wuhai's closing rate of findings, 98.48 %, through GET /api/v1/grid/stats for the city", async () => {
    const headers = await signIn(app, 'leader');
    const answer = await app.inject({
      method: 'GET',
      url: `/api/v1/grid/stats?from=${YEAR_AGO}&to=${LAST_DAY}`,
      headers,
    });
    expect(answer.statusCode, answer.body).toBe(200);
    const report = answer.json();
    expect(report.org.kind).toBe('city');
    expect(report.counts.findings.found).toBe(6_000);
    // most solved on the spot, some reported up as cases
    const { found, solvedOnSpot, reportedUp } = report.counts.findings;
    expect(solvedOnSpot / found).toBeGreaterThan(0.7);
    expect(reportedUp / found).toBeGreaterThan(0.15);
    expect(reportedUp / found).toBeLessThan(0.3);
    const rate = report.measures.closingRate.value;
    expect(Math.abs(rate - 0.9848), `closing rate ${(rate * 100).toFixed(2)} %`).toBeLessThan(0.004);
  });

  it('tells every finding and task through its lifecycle, with a keyed timeline whose head its row carries', async () => {
    const findings = await ctx.db.select().from(gridFindings).orderBy(asc(gridFindings.id));
    const findingEvents = await ctx.db
      .select()
      .from(gridFindingEvents)
      .orderBy(asc(gridFindingEvents.findingId), asc(gridFindingEvents.seq));
    const byFinding = groupBy(findingEvents, (e) => e.findingId);
    for (const row of findings) {
      const events = byFinding.get(row.id) ?? [];
      expect(verifyChain(ctx.chainKey, row, events as unknown as StoredEvent[]), `finding ${row.id}`).toEqual(
        {
          valid: true,
          events: events.length,
        },
      );
      expect(row.state).toBe(events.at(-1)!.toState);
      expect(row.version).toBe(events.length - 1);
    }
    const tasks = await ctx.db.select().from(gridTasks);
    const taskEvents = await ctx.db
      .select()
      .from(gridTaskEvents)
      .orderBy(asc(gridTaskEvents.taskId), asc(gridTaskEvents.seq));
    const byTask = groupBy(taskEvents, (e) => e.taskId);
    expect(tasks.length).toBeGreaterThan(1_000);
    for (const row of tasks) {
      const events = byTask.get(row.id) ?? [];
      expect(verifyChain(ctx.chainKey, row, events as unknown as StoredEvent[]).valid, `task ${row.id}`).toBe(
        true,
      );
    }
  });

  it('links each finding reported up with its 网格上报 case both ways, and closes it only when the case ended', async () => {
    const mismatched = await queryRows<{ id: number }>(
      ctx.db,
      sql`select f.id from grid_findings f join cases c on c.id = f.case_id
           where c.source <> 'grid_patrol' or c.external_ref <> 'GF' || f.id or c.grid_id <> f.grid_id
              or (f.state = 'closed') <> (c.state in ('closed', 'invalidated', 'transferred_110'))`,
    );
    expect(mismatched).toEqual([]);
    const [orphans] = await queryRows<{ n: number }>(
      ctx.db,
      sql`select count(*)::int as n from cases c where c.source = 'grid_patrol'
           and not exists (select 1 from grid_findings f where f.case_id = c.id)`,
    );
    expect(orphans!.n).toBe(0);
    const [escalated] = await queryRows<{ n: number }>(
      ctx.db,
      sql`select count(*)::int as n from grid_findings where state in ('escalated', 'closed') and case_id is null`,
    );
    expect(escalated!.n).toBe(0);
  });

  it('gives every grid its full-time worker an account without a password, who records its findings', async () => {
    const [accounts] = await queryRows<{ grids: number; workers: number; passwordless: number }>(
      ctx.db,
      sql`select (select count(*)::int from orgs where kind = 'grid' and active) as grids,
                 count(distinct u.org_id)::int as workers,
                 count(*) filter (where u.password_hash = '!')::int as passwordless
            from users u join user_roles r on r.user_id = u.id and r.role = 'grid_worker'`,
    );
    expect(accounts!.workers).toBe(accounts!.grids);
    expect(accounts!.passwordless).toBe(accounts!.grids - 1);
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: (await firstWorker(ctx)).username, password: 'Shanzhi@2026' },
    });
    expect(login.statusCode).toBe(401);
  });

  it('is idempotent: a second run writes nothing', async () => {
    const before = await ctx.db.select({ n: sql<number>`count(*)::int` }).from(gridFindings);
    expect(await seedGridHistory(ctx, { findingsPerYear: 6_000, patrols: false })).toMatchObject({
      skipped: true,
    });
    expect(await ctx.db.select({ n: sql<number>`count(*)::int` }).from(gridFindings)).toEqual(before);
    expect((await readGridHistoryState(ctx.db))?.finishedAt).not.toBeNull();
  });
});

function groupBy<T>(items: readonly T[], key: (item: T) => number): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

async function firstWorker(ctx: TestContext) {
  const [row] = await queryRows<{ username: string }>(
    ctx.db,
    sql`select username from users where password_hash = '!' order by id limit 1`,
  );
  return row!;
}

describe('two weeks of patrols', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext({ seeded: true, clock: new ManualClock(END_AT) });
    await seedGridHistory(ctx, { findingsPerYear: 2_000, days: 14, endAt: END_AT });
  }, 300_000);
  afterAll(() => ctx?.dispose());

  it('walks every grid about as often as its plan asks, and never leaves a patrol half-walked', async () => {
    const [plan] = await queryRows<{ planned: number; walked: number; ongoing: number; grids: number }>(
      ctx.db,
      sql`select (select sum(per_day)::int * 13 from grid_patrol_plans) as planned,
                 count(*) filter (where started_at < ${`${LAST_DAY}T00:00:00+08:00`}::timestamptz)::int as walked,
                 count(*) filter (where state <> 'ended' or ended_at > ${END_AT.toISOString()}::timestamptz)::int as ongoing,
                 count(distinct grid_id)::int as grids
            from grid_patrols`,
    );
    expect(plan!.ongoing).toBe(0);
    expect(plan!.grids).toBeGreaterThan(780);
    expect(plan!.walked / plan!.planned).toBeGreaterThan(0.9);
    expect(plan!.walked / plan!.planned).toBeLessThan(1.01);
    const changes = await queryRows<{ n: number }>(
      ctx.db,
      sql`select count(*)::int as n from grid_patrol_plan_changes`,
    );
    expect(changes[0]!.n).toBe(
      (await queryRows<{ n: number }>(ctx.db, sql`select count(*)::int as n from grid_patrol_plans`))[0]!.n,
    );
  });

  it("keeps the last days' tracks, whose length is the patrol's, and flags points outside the grid", async () => {
    const rows = await queryRows<{
      id: number;
      points: number;
      counted: number;
      outside: number;
      counted_outside: number;
    }>(
      ctx.db,
      sql`select p.id, p.point_count as counted, p.outside_point_count as counted_outside,
                 count(pt.*)::int as points, count(pt.*) filter (where pt.outside_grid)::int as outside
            from grid_patrols p left join grid_patrol_points pt on pt.patrol_id = p.id
           where p.started_at >= ${new Date(END_AT.getTime() - 36 * 3_600_000).toISOString()}::timestamptz
           group by p.id`,
    );
    expect(rows.length).toBeGreaterThan(500);
    for (const r of rows) {
      expect(r.points, `patrol ${r.id}`).toBe(r.counted);
      expect(r.outside).toBe(r.counted_outside);
      expect(r.points).toBeGreaterThan(30);
    }
    const sample = rows.slice(0, 20).map((r) => r.id);
    const lengths = await queryRows<{ id: number; distance_meters: number }>(
      ctx.db,
      sql`select id, distance_meters from grid_patrols where id = any(${`{${sample.join(',')}}`}::int[])`,
    );
    for (const l of lengths) expect(l.distance_meters).toBeGreaterThan(500);
  });

  it('lists yesterday’s missed patrols as the supervisors see them', async () => {
    const { app } = await createTestApp(ctx);
    try {
      const headers = await signIn(app, 'supervisor');
      const yesterday = formatDayNumber(toBeijingDayNumber(END_AT.getTime()) - 1);
      const missed = await app.inject({
        method: 'GET',
        url: `/api/v1/grid/patrols/missed?day=${yesterday}`,
        headers,
      });
      expect(missed.statusCode, missed.body).toBe(200);
      const items = missed.json().items as { planned: number; done: number; workerName: string | null }[];
      expect(items.length).toBeGreaterThan(3);
      expect(items.length).toBeLessThan(200);
      expect(items.every((i) => i.done < i.planned && i.workerName)).toBe(true);
    } finally {
      await app.close();
    }
  });

  it('attaches most findings to a patrol of their grid that day', async () => {
    const [f] = await queryRows<{ n: number; on_patrol: number; same_grid: number }>(
      ctx.db,
      sql`select count(*)::int as n, count(f.patrol_id)::int as on_patrol,
                 count(*) filter (where p.grid_id = f.grid_id and f.occurred_at between p.started_at and p.ended_at)::int as same_grid
            from grid_findings f left join grid_patrols p on p.id = f.patrol_id`,
    );
    expect(f!.on_patrol / f!.n).toBeGreaterThan(0.7);
    expect(f!.same_grid).toBe(f!.on_patrol);
    // no finding of the history is left in the future
    const future = await ctx.db
      .select({ id: gridFindings.id })
      .from(gridFindings)
      .where(sql`${gridFindings.occurredAt} > ${END_AT.toISOString()}::timestamptz`);
    expect(future).toEqual([]);
  });
});
