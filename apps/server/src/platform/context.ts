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
}
