import type { Logger } from '../logging/logger.js';
import type { Config } from './config.js';
import { type EnvironmentKeySpec, environmentKeyFile, loadEnvironmentKey } from './environment-key.js';

const CHAIN_KEY: EnvironmentKeySpec = {
  variable: 'SHANZHI_CHAIN_KEY',
  fileName: 'chain.key',
  purpose: 'the case timelines’ hash chain',
};

/** Where the embedded database keeps its generated chain key: outside the database, beside it. */
export function chainKeyFile(dataDir: string): string {
  return environmentKeyFile(dataDir, CHAIN_KEY);
}

/**
 * The secret key of the timelines' HMAC chain, read once at start: `SHANZHI_CHAIN_KEY`, required with
 * `DATABASE_URL`; the embedded database without it generates `<data dir>/secrets/chain.key` (see
 * `loadEnvironmentKey`).
 */
export function loadChainKey(config: Config, logger: Logger): Buffer {
  return loadEnvironmentKey(config, logger, CHAIN_KEY);
}
