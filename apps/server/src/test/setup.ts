import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { buildApp } from '../app.js';
import { seedDemo } from '../modules/demo/seed-demo.js';
import { type Clock, systemClock } from '../platform/clock.js';
import { loadConfig } from '../platform/config/config.js';
import type { AppContext } from '../platform/context.js';
import { type Database, openDatabase } from '../platform/db/database.js';
import { runMigrations } from '../platform/db/migrate.js';
import { createLogger } from '../platform/logging/logger.js';
import { TEST_CHAIN_KEY } from './chain-key.js';
import { TEST_DATA_KEY } from './data-key.js';
import { createPostgresDatabase } from './database-templates.js';

/** A context on a fresh, migrated database, and how to throw it away. */
export interface TestContext extends AppContext {
  dispose(): Promise<void>;
}

/** Which database the tests of this run use: PGlite, or PostgreSQL when the `postgres` project runs. */
export const TEST_DB = process.env.SHANZHI_TEST_DB === 'postgres' ? 'postgres' : 'pglite';

function templateOf(seeded: boolean): string | undefined {
  const templates = inject('testTemplates');
  if (!templates || templates.kind !== TEST_DB) return undefined;
  return seeded ? templates.seeded : templates.migrated;
}

/**
 * A fresh database for one test file: an in-memory PGlite, or a database of its own on the PostgreSQL
 * server of `TEST_DATABASE_URL` — migrated, and with the demo city when `seeded`. Both start from the run's
 * templates (see `database-templates.ts`) when the global setup built them.
 */
export async function createTestContext(
  options: { clock?: Clock; env?: NodeJS.ProcessEnv; seeded?: boolean } = {},
): Promise<TestContext> {
  // the database lives in memory; what the platform keeps as files (attachments) goes to a folder of this context's own
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shanzhi-test-'));
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    SHANZHI_DATA_DIR: dataDir,
    SHANZHI_CHAIN_KEY: TEST_CHAIN_KEY,
    SHANZHI_DATA_KEY: TEST_DATA_KEY,
    ...options.env,
  });
  const template = templateOf(options.seeded ?? false);
  let pgDatabase: Awaited<ReturnType<typeof createPostgresDatabase>> | undefined;
  let database: Database;
  if (TEST_DB === 'postgres') {
    const adminUrl = process.env.TEST_DATABASE_URL;
    if (!adminUrl) throw new Error('SHANZHI_TEST_DB=postgres needs TEST_DATABASE_URL');
    pgDatabase = await createPostgresDatabase(adminUrl, 'shanzhi_t', template);
    database = await openDatabase({ url: pgDatabase.url, poolSize: 5 });
  } else {
    const loadDataDir = template ? new Blob([fs.readFileSync(template)]) : undefined;
    database = await openDatabase({ pgliteDir: 'memory://', loadDataDir });
  }
  const ctx: TestContext = {
    config,
    database,
    db: database.db,
    logger: createLogger('silent'),
    clock: options.clock ?? systemClock,
    chainKey: config.SHANZHI_CHAIN_KEY!,
    dataKey: config.SHANZHI_DATA_KEY!,
    dispose: async () => {
      await database.close();
      await pgDatabase?.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  if (!template) {
    await runMigrations(database);
    if (options.seeded) await seedDemo(ctx);
  }
  return ctx;
}

/** The HTTP app on a test context (without the web build). */
export async function createTestApp(ctx: AppContext) {
  return buildApp(ctx, { serveWeb: false });
}

/** Signs in through the API and returns the bearer header for later calls. */
export async function signIn(
  app: Awaited<ReturnType<typeof createTestApp>>['app'],
  username: string,
  password = 'Shanzhi@2026',
): Promise<{ authorization: string }> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password },
  });
  if (response.statusCode !== 200)
    throw new Error(`sign-in of ${username} failed: ${response.statusCode} ${response.body}`);
  return { authorization: `Bearer ${response.json().token}` };
}
