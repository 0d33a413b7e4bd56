import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { dataDirPart } from '../files/data-dir.js';
import { makePrivateDirSync, PRIVATE_FILE_MODE } from '../files/private-files.js';
import type { Logger } from '../logging/logger.js';
import { type Config, ConfigError } from './config.js';
import { decodeSecretKey, SECRET_KEY_MIN_BYTES } from './secret-key.js';

/** A secret key the platform reads from the environment, and where the embedded database keeps its own. */
export interface EnvironmentKeySpec {
  /** the setting, e.g. `SHANZHI_CHAIN_KEY` */
  variable: 'SHANZHI_CHAIN_KEY' | 'SHANZHI_DATA_KEY';
  /** the file under `<data dir>/secrets/` the embedded database generates, e.g. `chain.key` */
  fileName: string;
  /** what the key protects, for the messages (`the case timelines’ hash chain`) */
  purpose: string;
}

/** Where the embedded database keeps the generated key of `spec`: outside the database, beside it. */
export function environmentKeyFile(dataDir: string, spec: Pick<EnvironmentKeySpec, 'fileName'>): string {
  return path.join(dataDirPart(dataDir, 'secrets'), spec.fileName);
}

/**
 * A secret key read once at start: the setting `spec.variable` when set. A PostgreSQL deployment must set it (a
 * ConfigError otherwise: a key generated on one server would not be known to the next). The embedded database
 * without it uses `<data dir>/secrets/<fileName>`, generating it on the first start (file 0600 in a folder
 * 0700) with a warning: whoever copies the data folder copies the key, which is fine for a demo or a
 * developer's machine and nothing more.
 */
export function loadEnvironmentKey(config: Config, logger: Logger, spec: EnvironmentKeySpec): Buffer {
  const configured = config[spec.variable];
  if (configured) return configured;
  if (config.DATABASE_URL) {
    throw new ConfigError(
      `Invalid configuration:\n  ${spec.variable}: required with DATABASE_URL (the key of ${spec.purpose}, ` +
        'kept outside the database); generate one with `openssl rand -hex 32`',
    );
  }
  const file = environmentKeyFile(config.SHANZHI_DATA_DIR, spec);
  const existing = readKeyFile(file);
  if (existing) return existing;
  const key = randomBytes(SECRET_KEY_MIN_BYTES);
  makePrivateDirSync(path.dirname(file));
  try {
    fs.writeFileSync(file, `${key.toString('hex')}\n`, { mode: PRIVATE_FILE_MODE, flag: 'wx' });
  } catch (error) {
    // another process of this data folder wrote it first: use theirs
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readKeyFile(file)!;
    throw error;
  }
  logger.warn(
    { file },
    `${spec.variable} is not set: generated a key for the embedded database; set ${spec.variable} in a deployment`,
  );
  return key;
}

function readKeyFile(file: string): Buffer | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const key = decodeSecretKey(text);
  if (!key) throw new ConfigError(`Invalid key file ${file}: not a key of ${SECRET_KEY_MIN_BYTES}+ bytes`);
  return key;
}
