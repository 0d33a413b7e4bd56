import { type Clock, systemClock } from './clock.js';
import { loadChainKey } from './config/chain-key.js';
import type { Config } from './config/config.js';
import { loadDataKey } from './config/data-key.js';
import type { AppContext } from './context.js';
import { openDatabase } from './db/database.js';
import { runMigrations } from './db/migrate.js';
import { dataDirPart, secureDataDir } from './files/data-dir.js';
import { createLogger } from './logging/logger.js';
import { closeRealtime } from './realtime/realtime.js';

/**
 * Makes the data directory private, opens the configured database, migrates it, and returns the context every
 * command and the server use.
 */
export async function openContext(config: Config, clock: Clock = systemClock): Promise<AppContext> {
  const logger = createLogger(config.LOG_LEVEL);
  const tightened = secureDataDir(config.SHANZHI_DATA_DIR);
  if (tightened > 0) {
    logger.warn(
      { dataDir: config.SHANZHI_DATA_DIR, entries: tightened },
      'the data directory was readable or writable by others: made it private (folders 0700, files 0600)',
    );
  }
  const chainKey = loadChainKey(config, logger);
  const dataKey = loadDataKey(config, logger);
  const database = config.DATABASE_URL
    ? await openDatabase({ url: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE })
    : await openDatabase({ pgliteDir: dataDirPart(config.SHANZHI_DATA_DIR, 'pg') });
  logger.info(
    { database: database.kind, dataDir: config.DATABASE_URL ? undefined : config.SHANZHI_DATA_DIR },
    'database opened',
  );
  await runMigrations(database);
  return { config, database, db: database.db, logger, clock, chainKey, dataKey };
}

/**
 * Closes what a context opened: the LISTEN connection its caches and live stream may have opened (on
 * PostgreSQL; left open it would keep a CLI command's process alive), then the database.
 */
export async function closeContext(ctx: AppContext): Promise<void> {
  await closeRealtime(ctx);
  await ctx.database.close();
}
