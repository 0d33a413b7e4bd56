import { computeKpis } from '@shanzhi/shared';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../../platform/db/database.js';
import { createTestContext, type TestContext } from '../../../test/setup.js';
import { loadCaseTimelines, verifyTimeline } from '../../cases/timeline-verification.js';
import { countHistoryKpis } from './history-kpi-counts.js';
import { readHistoryState, seedDemoHistory } from './seed-history.js';

const END_AT = new Date('2026-11-20T06:00:00.000Z');
const CASES = 2_000;

async function seededWithHistory(): Promise<TestContext> {
  const ctx = await createTestContext({ seeded: true });
  await seedDemoHistory(ctx, { cases: CASES, endAt: END_AT, batchSize: 500, teddyDir: null });
  return ctx;
}

/** One fingerprint of the whole history: every event hash in order. */
async function fingerprint(ctx: TestContext): Promise<string> {
  const [row] = await queryRows<{ f: string }>(
    ctx.db,
    sql`select md5(string_agg(hash, ',' order by case_id, seq)) as f from case_events`,
  );
  return row!.f;
}

describe('the demo history', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await seededWithHistory();
  }, 240_000);
  afterAll(() => ctx?.dispose());

  it('writes the cases asked for, each with a verifiable keyed timeline whose head the case row carries', async () => {
    const ids = await queryRows<{ id: number }>(ctx.db, sql`select id from cases order by id`);
    const timelines = await loadCaseTimelines(
      ctx.db,
      ids.map((r) => r.id),
    );
    expect(timelines).toHaveLength(CASES);
    for (const { row, events } of timelines) {
      expect(verifyTimeline(ctx.chainKey, row, events), `case ${row.id}`).toEqual({
        valid: true,
        events: events.length,
      });
    }
  });

  it('keeps every case consistent with its timeline: state, version, and times inside the year', async () => {
    const bad = await queryRows<{ id: number }>(
      ctx.db,
      sql`select c.id from cases c
            join lateral (select to_state, at from case_events e where e.case_id = c.id order by seq desc limit 1) l on true
            join lateral (select count(*) filter (where action not in ('register', 'sla'))::int as actions,
                                 min(at) as first, max(at) as last from case_events e where e.case_id = c.id) n on true
           where c.state <> l.to_state or c.version <> n.actions or n.first <> c.created_at
              or n.last > ${END_AT.toISOString()}::timestamptz`,
    );
    expect(bad).toEqual([]);
    const [numbers] = await queryRows<{ n: number; distinct: number }>(
      ctx.db,
      sql`select count(*)::int as n, count(distinct number)::int as distinct from cases`,
    );
    expect(numbers!.distinct).toBe(numbers!.n);
  });

  it("lands near Wuhai's published figures: closing ≈ 99 %, satisfaction ≈ 97–98 %", async () => {
    const kpis = computeKpis(await countHistoryKpis(ctx.db, END_AT));
    expect(kpis.closingRate.value).toBeGreaterThanOrEqual(0.98);
    expect(kpis.closingRate.value).toBeLessThanOrEqual(1);
    expect(kpis.satisfactionRate.value).toBeGreaterThanOrEqual(0.96);
    expect(kpis.satisfactionRate.value).toBeLessThanOrEqual(0.99);
    expect(kpis.responseRate.value).toBeGreaterThan(0.95);
    expect(kpis.solvingRate.value).toBeGreaterThan(0.93);
    expect(kpis.returnRate.value).toBeGreaterThan(0.01);
    expect(kpis.returnRate.value).toBeLessThan(0.06);
  });

  it('lets old cases end as real ones do: none stands open a month past its deadline', async () => {
    const monthBefore = new Date(END_AT.getTime() - 30 * 86_400_000).toISOString();
    const longOverdue = await queryRows<{ number: string; state: string }>(
      ctx.db,
      sql`select number, state from cases
           where state in ('registered', 'dispatched', 'accepted', 'returned')
             and resolve_deadline < ${monthBefore}::timestamptz`,
    );
    expect(longOverdue).toEqual([]);
    // the overdue ones that were urged were replied late and went on to their callback
    const [urged] = await queryRows<{ n: number; ended: number }>(
      ctx.db,
      sql`select count(*)::int as n,
                 count(*) filter (where state in ('reviewed', 'called_back', 'closed'))::int as ended
            from cases where supervisions > 0 and created_at < ${monthBefore}::timestamptz`,
    );
    expect(urged!.n).toBeGreaterThan(0);
    expect(urged!.ended).toBe(urged!.n);
  });

  it('is idempotent: a second run writes nothing', async () => {
    const again = await seedDemoHistory(ctx, { cases: CASES, endAt: END_AT, teddyDir: null });
    expect(again).toMatchObject({ skipped: true, written: 0 });
    expect((await readHistoryState(ctx))?.finishedAt).not.toBeNull();
  });

  it('is deterministic: the same seed writes the same history, event hash for event hash', async () => {
    const other = await seededWithHistory();
    try {
      expect(await fingerprint(other)).toBe(await fingerprint(ctx));
    } finally {
      await other.dispose();
    }
  }, 240_000);
});
