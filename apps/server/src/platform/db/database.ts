import { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations, SQL } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { makePrivateDirSync } from '../files/private-files.js';
import { PrivateNodeFS } from './private-node-fs.js';
import * as schema from './schema.js';

type Schema = typeof schema;

/** A Drizzle database over either driver; modules only ever see this type. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction handle: what every write path inside a transaction takes. */
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Either a database or a transaction, for repository functions that work in both. */
export type DbOrTx = Db | Tx;

/** An open database: the Drizzle handle and what it takes to close it. */
export interface Database {
  db: Db;
  /** `pglite` (embedded, one process) or `postgres` (a server, pooled) */
  kind: 'pglite' | 'postgres';
  /** the PostgreSQL pool, for LISTEN/NOTIFY and raw client work; absent on PGlite */
  pool?: pg.Pool;
  /**
   * On PGlite: LISTEN in this process, which hears the NOTIFYs of its own commits (there is no other
   * process). Absent on PostgreSQL, where a dedicated connection listens (`PgListener`).
   */
  listen?: (channel: string, handler: (payload: string) => void) => Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/**
 * Where to open the database: a PostgreSQL URL, or a PGlite data directory (`memory://` for tests, which may
 * start from a dump of another database's directory instead of an empty cluster).
 */
export type DatabaseTarget = { url: string; poolSize?: number } | { pgliteDir: string; loadDataDir?: Blob };

// node-postgres would otherwise turn `date` columns into JS Dates at local midnight; the calendar wants the
// plain 'YYYY-MM-DD' string that PostgreSQL sends.
pg.types.setTypeParser(pg.types.builtins.DATE, (value: string) => value);

/** Opens the database named by `target`. */
export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if ('url' in target) {
    const pool = new pg.Pool({ connectionString: target.url, max: target.poolSize ?? 10 });
    // An idle connection can be cut by the server (a restart, an administrator, a dropped test database).
    // node-postgres reports that on the pool; unheard, it would crash the process. The pool replaces the
    // connection on the next query, so a warning is all it takes.
    pool.on('error', (error) => process.emitWarning(`idle PostgreSQL connection lost: ${error.message}`));
    const db = drizzleNodePg({ client: pool, schema }) as unknown as Db;
    return { db, kind: 'postgres', pool, close: () => pool.end() };
  }
  const dir = target.pgliteDir;
  const loadDataDir = target.loadDataDir;
  let client: PGlite;
  if (dir.startsWith('memory://')) client = await PGlite.create(dir, { loadDataDir });
  else {
    // on disk, the cluster is the owner's alone: folders 0700, files 0600 (see PrivateNodeFS)
    makePrivateDirSync(dir);
    client = await PGlite.create({ fs: new PrivateNodeFS(dir), loadDataDir });
  }
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    listen: async (channel, handler) => {
      const stop = await client.listen(channel, handler);
      return () => stop();
    },
    close: () => client.close(),
  };
}

/**
 * Runs a raw SQL statement and returns its rows. Both drivers answer `{ rows }`; Drizzle's shared type does
 * not say so, hence this one typed door for raw SQL.
 */
export async function queryRows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
