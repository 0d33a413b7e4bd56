import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { OriginListSetting, TrustProxySetting } from '../http/edge-settings.js';
import { SecretKeySetting } from './secret-key.js';

/** The repository root, found from this file's place in it. */
export const REPO_ROOT = fileURLToPath(new URL('../../../../../', import.meta.url));

const boolean = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** Every setting the server reads from the environment, validated once at start. */
const ConfigSchema = z.object({
  /** HTTP port */
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  /** interface to listen on: loopback unless a deployment opens it (then no account may keep the demo password) */
  HOST: z.string().min(1).default('127.0.0.1'),
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
  /**
   * secret key of the case timelines' keyed hash chain (HMAC-SHA256), at least 32 bytes as hex or base64;
   * required with DATABASE_URL; without it the embedded database uses a key file in the data folder
   */
  SHANZHI_CHAIN_KEY: SecretKeySetting.optional(),
  /**
   * secret key of the personal data encrypted at rest (ID numbers and phones of the grid registers, AES-256-GCM)
   * and of their blind indexes (HMAC-SHA256), at least 32 bytes as hex or base64; required with DATABASE_URL;
   * without it the embedded database uses a key file in the data folder
   */
  SHANZHI_DATA_KEY: SecretKeySetting.optional(),
  /** cases whose timelines the daily check verifies: this many at random, and as many most recently changed */
  SHANZHI_CHAIN_VERIFY_SAMPLE: z.coerce.number().int().min(1).max(100_000).default(200),
  /** seed the demo city when the platform starts on an empty embedded database */
  SHANZHI_AUTO_SEED: boolean.default(true),
  /** hours a session lives without use */
  SESSION_IDLE_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(12),
  /** hours a session lives at most from sign-in, however active it is */
  SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(12),
  /** failed sign-ins one client address may make per window before it is answered 429 */
  LOGIN_THROTTLE_ADDRESS_MAX: z.coerce.number().int().min(1).max(100_000).default(20),
  /** minutes of the per-address sign-in window */
  LOGIN_THROTTLE_ADDRESS_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  /** failed sign-ins one username may take (from any address) per window before it is answered 429 */
  LOGIN_THROTTLE_ACCOUNT_MAX: z.coerce.number().int().min(1).max(100_000).default(10),
  /** minutes of the per-username sign-in window */
  LOGIN_THROTTLE_ACCOUNT_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(60),
  /** password of the first administrator, read on the first start of a non-demo installation only */
  SHANZHI_ADMIN_PASSWORD: z.string().optional(),
  /** whether the session cookie is sent only over HTTPS: a deployment served over HTTPS sets it */
  SESSION_COOKIE_SECURE: boolean.default(false),
  /** the proxies trusted to name the client (hop count or addresses/CIDRs); none by default */
  TRUST_PROXY: TrustProxySetting,
  /** origins the web app is served from besides the request's own (comma-separated), for the CSRF check */
  PUBLIC_ORIGIN: OriginListSetting,
  /**
   * the SMS gateway the room's access codes are sent through: each message POSTed as JSON `{ phone, text }`
   * (2xx: taken). Without it the mediator who issues the codes is answered them once, to tell the parties by
   * phone
   */
  SMS_GATEWAY_URL: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).optional(),
  /**
   * the MQTT broker smart-safe devices publish to (`mqtt://127.0.0.1:1883`): the platform subscribes to
   * `shanzhi/+/+/alert` and `shanzhi/+/+/heartbeat` (QoS 1, persistent session). Without it only the signed
   * HTTP path takes alerts in
   */
  MQTT_URL: z.url({ protocol: /^mqtts?$/, error: 'must be an mqtt:// or mqtts:// URL' }).optional(),
  /**
   * the stem of the platform's MQTT client ids (`<id>-0` …) and its shared-subscription group: fixed, so the
   * broker keeps the sessions — and the messages not yet acknowledged — across a restart
   */
  MQTT_CLIENT_ID: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,40}$/, 'letters, digits, - and _ only, at most 40')
    .default('shanzhi-platform'),
  /**
   * how many connections share the subscription: MQTT.js takes a connection's messages one at a time, so
   * these are what lets a burst arrive while a batch is written, and a batch hold up to this many
   */
  MQTT_CONSUMERS: z.coerce.number().int().min(1).max(1024).default(128),
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
