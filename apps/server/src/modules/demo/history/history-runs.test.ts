import { count } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/setup.js';
import { DEFAULT_HISTORY_INSPECTIONS } from '../../hazards/demo/seed-safety-history.js';
import { hazards, safetyInspections } from '../../hazards/hazards.tables.js';
import { DEFAULT_HISTORY_DISPUTES } from '../../mediation/demo/seed-mediation-history.js';
import { disputes } from '../../mediation/mediation.tables.js';
import { startHistoryInBackground } from './history-runs.js';

let ctx: TestContext | undefined;
afterEach(async () => {
  await ctx?.dispose();
  ctx = undefined;
});

const disputeCount = async (c: TestContext) => (await c.db.select({ n: count() }).from(disputes))[0]!.n;
const countOf = async (c: TestContext, table: typeof hazards | typeof safetyInspections) =>
  (await c.db.select({ n: count() }).from(table))[0]!.n;

describe('the demo history written in the background of a first start (npm start)', () => {
  it('writes the year of disputes and of safety inspections beside the cases, so their screens have a city to show', async () => {
    ctx = await createTestContext({ seeded: true, env: { SHANZHI_DEMO_HISTORY_CASES: '20' } });
    const run = await startHistoryInBackground(ctx, true);
    const seeded = ctx;
    await vi.waitFor(async () => expect(await disputeCount(seeded)).toBe(DEFAULT_HISTORY_DISPUTES), {
      timeout: 100_000,
      interval: 500,
    });
    await vi.waitFor(
      async () => expect(await countOf(seeded, safetyInspections)).toBe(DEFAULT_HISTORY_INSPECTIONS),
      { timeout: 100_000, interval: 500 },
    );
    expect(await countOf(seeded, hazards)).toBeGreaterThan(0);
    await run.stop();
  }, 180_000);

  it('writes no dispute into a database that is neither a first start nor a demo with its history', async () => {
    ctx = await createTestContext({ seeded: true, env: { SHANZHI_DEMO_HISTORY_CASES: '20' } });
    const run = await startHistoryInBackground(ctx, false);
    await run.stop();
    expect(await disputeCount(ctx)).toBe(0);
    expect(await countOf(ctx, hazards)).toBe(0);
  });
});
