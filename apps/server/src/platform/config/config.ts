import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** The repository root, found from this file's place in it. */
export const REPO_ROOT = fileURLToPath(new URL('../../../../../', import.meta.url));

const boolean = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** Every setting the server reads from the environment, validated once at start. */
const ConfigSchema = z.object({
  /** HTTP port */
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  /** interface to listen on */
  HOST: z.string().min(1).default('0.0.0.0'),
  /** PostgreSQL connection string; when absent the embedded database (PGlite) is used */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  /** size of the PostgreSQL connection pool */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** where the embedded database, attachments and exports live */
  SHANZHI_DATA_DIR: z.string().min(1).default('./data'),
  /** largest attachment accepted, in bytes (10 MB by default); a larger upload is refused with 413 */
  SHANZHI_ATTACHMENT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(1024 * 1024 * 1024)
    .default(10 * 1024 * 1024),
  /** folder of the public data sets (citizen messages, boundaries, holidays); optional at run time */
  SHANZHI_SHARED_DATA_DIR: z
    .string()
    .min(1)
    .default(path.join(REPO_ROOT, '..', 'shared', 'data')),
  /** password of every demo account written by `shanzhi seed --demo` */
  SHANZHI_DEMO_PASSWORD: z.string().min(8, 'must be at least 8 characters').default('Shanzhi@2026'),
  /** cases of demo history written in the background after a first start (0: none) */
  SHANZHI_DEMO_HISTORY_CASES: z.coerce.number().int().min(0).max(650_000).default(50_000),
  /** train the first classifier in the background when there is none (from the labelled file or history) */
  SHANZHI_TRAIN_INITIAL_MODEL: boolean.default(true),
  /** seed the demo city when the platform starts on an empty embedded database */
  SHANZHI_AUTO_SEED: boolean.default(true),
  /** hours a session lives without use */
  SESSION_IDLE_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(12),
  /** whether the session cookie is sent only over HTTPS */
  SESSION_COOKIE_SECURE: boolean.default(false),
  /** pino log level */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** folder of the built web app; served at / when present */
  SHANZHI_WEB_DIST: z
    .string()
    .min(1)
    .default(path.join(REPO_ROOT, 'apps', 'web', 'dist')),
});

/** The validated configuration. */
export type Config = z.infer<typeof ConfigSchema>;

/** Thrown when the environment does not make a valid configuration; its message lists every bad setting. */
export class ConfigError extends Error {}

/**
 * Reads and validates the configuration from `env`. Fails fast with one readable line per bad setting, so a
 * typo in a deployment stops the process at start rather than at the first request that needs it.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = ConfigSchema.safeParse(present);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const config = result.data;
  return { ...config, SHANZHI_DATA_DIR: path.resolve(config.SHANZHI_DATA_DIR) };
}
