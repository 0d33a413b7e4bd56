import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { buildApp } from '../app.js';
import { type Clock, systemClock } from '../platform/clock.js';
import { loadConfig } from '../platform/config/config.js';
import type { AppContext } from '../platform/context.js';
import { openDatabase } from '../platform/db/database.js';
import { runMigrations } from '../platform/db/migrate.js';
import { createLogger } from '../platform/logging/logger.js';

/** A context on a fresh, migrated database, and how to throw it away. */
export interface TestContext extends AppContext {
  dispose(): Promise<void>;
}

/** Which database the tests of this run use: PGlite, or PostgreSQL when the `postgres` project runs. */
export const TEST_DB = process.env.SHANZHI_TEST_DB === 'postgres' ? 'postgres' : 'pglite';

async function createPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('SHANZHI_TEST_DB=postgres needs TEST_DATABASE_URL');
  const name = `shanzhi_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

/**
 * A fresh database for one test file: an in-memory PGlite, or a database of its own on the PostgreSQL
 * server of `TEST_DATABASE_URL`, migrated either way.
 */
export async function createTestContext(
  options: { clock?: Clock; env?: NodeJS.ProcessEnv } = {},
): Promise<TestContext> {
  const config = loadConfig({ LOG_LEVEL: 'silent', SHANZHI_DATA_DIR: 'memory', ...options.env });
  const pgDatabase = TEST_DB === 'postgres' ? await createPostgresDatabase() : undefined;
  const database = pgDatabase
    ? await openDatabase({ url: pgDatabase.url, poolSize: 5 })
    : await openDatabase({ pgliteDir: 'memory://' });
  await runMigrations(database);
  return {
    config,
    database,
    db: database.db,
    logger: createLogger('silent'),
    clock: options.clock ?? systemClock,
    dispose: async () => {
      await database.close();
      await pgDatabase?.drop();
    },
  };
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
