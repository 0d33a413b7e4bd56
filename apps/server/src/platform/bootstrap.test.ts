import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWorkingCalendar } from '../modules/calendar/calendar.service.js';
import { TEST_CHAIN_KEY } from '../test/chain-key.js';
import { TEST_DATA_KEY } from '../test/data-key.js';
import { createTestContext, TEST_DB, type TestContext } from '../test/setup.js';
import { closeContext, openContext } from './bootstrap.js';
import { loadConfig } from './config/config.js';
import { CACHE_CHANNEL } from './realtime/cache-invalidation.js';

/**
 * A CLI command opens a context, works, and closes it; the process must then end by itself. On PostgreSQL a
 * cache read opens a LISTEN connection, which would keep it alive unless the context closes it too.
 */
let observer: TestContext | undefined;

beforeAll(async () => {
  if (TEST_DB === 'postgres') observer = await createTestContext();
});
afterAll(async () => {
  await observer?.dispose();
});

async function listeningSessions(): Promise<number> {
  const result = (await observer!.db.execute(
    sql`select count(*)::int as n from pg_stat_activity
         where datname = current_database() and query = ${`listen "${CACHE_CHANNEL}"`}`,
  )) as unknown as { rows: { n: number }[] };
  return result.rows[0]!.n;
}

describe.runIf(TEST_DB === 'postgres')('closeContext', () => {
  it('closes the LISTEN connection a cache read opened, then the database', async () => {
    const url = observer!.database.pool!.options.connectionString!;
    const ctx = await openContext(
      loadConfig({
        DATABASE_URL: url,
        LOG_LEVEL: 'silent',
        SHANZHI_CHAIN_KEY: TEST_CHAIN_KEY,
        SHANZHI_DATA_KEY: TEST_DATA_KEY,
      }),
    );
    await loadWorkingCalendar(ctx);
    expect(await listeningSessions()).toBe(1);
    await closeContext(ctx);
    await expect.poll(listeningSessions, { timeout: 3_000 }).toBe(0);
    expect(ctx.database.pool!.totalCount).toBe(0);
  });
});
