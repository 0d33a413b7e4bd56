import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { seedDemo } from '../modules/demo/seed-demo.js';
import { systemClock } from '../platform/clock.js';
import { loadConfig } from '../platform/config/config.js';
import type { AppContext } from '../platform/context.js';
import { type Database, openDatabase } from '../platform/db/database.js';
import { runMigrations } from '../platform/db/migrate.js';
import { createLogger } from '../platform/logging/logger.js';
import { TEST_CHAIN_KEY } from './chain-key.js';
import { TEST_DATA_KEY } from './data-key.js';

/**
 * What every server test file starts from, built once per run by the global setup: a migrated database and
 * one with the demo city seeded. On PGlite, dumps of the data directory (starting PGlite on a dump takes a
 * second; creating its cluster anew takes four); on PostgreSQL, template databases to copy.
 */
export interface TestTemplates {
  kind: 'pglite' | 'postgres';
  /** migrated only: a dump file (PGlite) or a database name (PostgreSQL) */
  migrated: string;
  /** migrated and seeded with the demo city */
  seeded: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** the run's template databases (null when a run has none) */
    testTemplates: TestTemplates | null;
  }
}

function templateContext(database: Database): AppContext {
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    SHANZHI_DATA_DIR: 'memory',
    SHANZHI_CHAIN_KEY: TEST_CHAIN_KEY,
    SHANZHI_DATA_KEY: TEST_DATA_KEY,
  });
  return {
    config,
    database,
    db: database.db,
    logger: createLogger('silent'),
    clock: systemClock,
    chainKey: config.SHANZHI_CHAIN_KEY!,
    dataKey: config.SHANZHI_DATA_KEY!,
  };
}

async function dumpPglite(database: Database, file: string): Promise<void> {
  // the Drizzle handle keeps its PGlite client as `$client`
  const client = (database.db as unknown as { $client: PGlite }).$client;
  const dump = await client.dumpDataDir('none');
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
}

/** Builds PGlite dumps in a folder of their own; answers them and how to remove them. */
export async function buildPgliteTemplates(): Promise<{ templates: TestTemplates; remove(): void }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shanzhi-test-templates-'));
  const templates: TestTemplates = {
    kind: 'pglite',
    migrated: path.join(dir, 'migrated.tar'),
    seeded: path.join(dir, 'seeded.tar'),
  };
  const database = await openDatabase({ pgliteDir: 'memory://' });
  try {
    await runMigrations(database);
    await dumpPglite(database, templates.migrated);
    await seedDemo(templateContext(database));
    await dumpPglite(database, templates.seeded);
  } finally {
    await database.close();
  }
  return { templates, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

async function adminQuery(adminUrl: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** The URL of database `name` on the server of `adminUrl`. */
export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A new database on the server of `adminUrl`, empty or copied from `template`. */
export async function createPostgresDatabase(adminUrl: string, prefix: string, template?: string) {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await adminQuery(adminUrl, `create database ${name}${template ? ` template ${template}` : ''}`);
  return {
    name,
    url: databaseUrl(adminUrl, name),
    drop: () => adminQuery(adminUrl, `drop database if exists ${name} with (force)`),
  };
}

/** Builds template databases on the PostgreSQL server of `adminUrl`; answers them and how to drop them. */
export async function buildPostgresTemplates(
  adminUrl: string,
): Promise<{ templates: TestTemplates; remove(): Promise<void> }> {
  const migrated = await createPostgresDatabase(adminUrl, 'shanzhi_tpl_m');
  const seeded = await createPostgresDatabase(adminUrl, 'shanzhi_tpl_s');
  for (const [target, seed] of [
    [migrated, false],
    [seeded, true],
  ] as const) {
    const database = await openDatabase({ url: target.url, poolSize: 2 });
    try {
      await runMigrations(database);
      if (seed) await seedDemo(templateContext(database));
    } finally {
      await database.close();
    }
  }
  return {
    templates: { kind: 'postgres', migrated: migrated.name, seeded: seeded.name },
    remove: async () => {
      await migrated.drop();
      await seeded.drop();
    },
  };
}
