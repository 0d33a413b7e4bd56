import type { Clock } from './clock.js';
import type { Config } from './config/config.js';
import type { Database, Db } from './db/database.js';
import type { Logger } from './logging/logger.js';

/** What every service needs from the platform: settings, the database, the logger and the clock. */
export interface AppContext {
  config: Config;
  database: Database;
  db: Db;
  logger: Logger;
  clock: Clock;
  /** secret key of the case timelines' HMAC chain, loaded once at start and never stored in the database */
  chainKey: Buffer;
  /**
   * secret key of the personal data encrypted at rest (`SHANZHI_DATA_KEY`): loaded once at start, never stored
   * in the database; see `personalDataCipher`
   */
  dataKey: Buffer;
}
