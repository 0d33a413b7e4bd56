import type { Logger } from '../logging/logger.js';
import type { Config } from './config.js';
import { type EnvironmentKeySpec, environmentKeyFile, loadEnvironmentKey } from './environment-key.js';

const DATA_KEY: EnvironmentKeySpec = {
  variable: 'SHANZHI_DATA_KEY',
  fileName: 'data.key',
  purpose: 'the personal data encrypted at rest (ID numbers and phones of the grid registers)',
};

/** Where the embedded database keeps its generated data key. */
export function dataKeyFile(dataDir: string): string {
  return environmentKeyFile(dataDir, DATA_KEY);
}

/**
 * The secret key of the personal data encrypted at rest (AES-256-GCM) and of its blind indexes (HMAC), read once
 * at start: `SHANZHI_DATA_KEY`, required with `DATABASE_URL`; the embedded database without it generates
 * `<data dir>/secrets/data.key` (see `loadEnvironmentKey`). Losing it loses those numbers: back it up apart
 * from the database, never with it.
 */
export function loadDataKey(config: Config, logger: Logger): Buffer {
  return loadEnvironmentKey(config, logger, DATA_KEY);
}
