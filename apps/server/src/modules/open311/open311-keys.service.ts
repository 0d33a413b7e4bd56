import { randomBytes } from 'node:crypto';
import {
  type CreatedOpen311Key,
  type CreateOpen311KeyInput,
  KNOWN_CHANNELS,
  type Open311KeyView,
} from '@shanzhi/shared';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, fieldError, RetryLaterError } from '../../platform/errors/app-error.js';
import {
  purgeEndedThrottles,
  reserveThrottleAttempt,
  type ThrottleRule,
} from '../../platform/throttle/throttles.repository.js';
import { recordActorAudit } from '../audit/audit.repository.js';
import { hashSessionToken } from '../auth/sessions.repository.js';
import {
  findOpen311Key,
  findOpen311KeyByHash,
  insertOpen311Key,
  isOpen311ChannelTaken,
  listOpen311Keys,
  nextOpen311KeyNumber,
  type Open311KeyRow,
  revokeOpen311KeyRow,
  touchOpen311Key,
} from './open311-keys.repository.js';

/** What every key starts with, so that a key found in a log or a repository is recognised for what it is. */
const KEY_PREFIX = 'o311_';
/** Characters of a key the console shows to tell keys apart. */
const SHOWN_PREFIX_LENGTH = KEY_PREFIX.length + 6;
/** The window every per-key limit counts in. */
const HOUR_MS = 3_600_000;
/** Calls one client address may make per hour without a key (the standard's public reads). */
export const OPEN311_ANONYMOUS_LIMIT_PER_HOUR = 600;

const KEY_SCOPE = 'open311.key';
const ADDRESS_SCOPE = 'open311.address';

/** A new random key (what the integrator holds) and its hash (what the database keeps). */
function newOpen311Key(): { key: string; keyHash: string } {
  const key = `${KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
  return { key, keyHash: hashSessionToken(key) };
}

/** A key as the console lists it. */
function presentKey(row: { key: Open311KeyRow; createdBy: string | null }): Open311KeyView {
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return {
    id: row.key.id,
    name: row.key.name,
    prefix: row.key.prefix,
    channelCode: row.key.channelCode,
    rateLimitPerHour: row.key.rateLimitPerHour,
    createdAt: row.key.createdAt.toISOString(),
    createdBy: row.createdBy,
    revokedAt: iso(row.key.revokedAt),
    lastUsedAt: iso(row.key.lastUsedAt),
  };
}

/** The channel a new key reports on: the one asked for (free, and not a built-in channel), or the next number. */
async function channelFor(ctx: AppContext, asked: string | undefined): Promise<string> {
  if (asked === undefined) return `open311_${await nextOpen311KeyNumber(ctx.db)}`;
  if ((KNOWN_CHANNELS as readonly string[]).includes(asked)) {
    throw fieldError('channelCode', 'reserved', `「${asked}」是平台自有渠道，请另取渠道编码`);
  }
  if (await isOpen311ChannelTaken(ctx.db, asked)) {
    throw fieldError('channelCode', 'duplicate', `渠道编码 ${asked} 已被其他密钥使用`);
  }
  return asked;
}

/**
 * 签发密钥: a key for one integrator, on a channel of its own, with its hourly limit. The key is answered this
 * once; only its hash is kept. Audited.
 */
export async function createOpen311Key(
  ctx: AppContext,
  actor: Actor,
  input: CreateOpen311KeyInput,
): Promise<CreatedOpen311Key> {
  const channelCode = await channelFor(ctx, input.channelCode);
  const { key, keyHash } = newOpen311Key();
  const now = ctx.clock.now();
  const row = await ctx.db.transaction(async (tx) => {
    const created = await insertOpen311Key(tx, {
      name: input.name,
      keyHash,
      prefix: key.slice(0, SHOWN_PREFIX_LENGTH),
      channelCode,
      rateLimitPerHour: input.rateLimitPerHour,
      createdAt: now,
      createdByUserId: actor.userId,
    });
    await recordActorAudit(tx, actor, now, {
      action: 'open311.key_created',
      targetType: 'open311_key',
      targetId: created.id,
      detail: { name: input.name, channelCode, rateLimitPerHour: input.rateLimitPerHour },
    });
    return created;
  });
  return { key, apiKey: presentKey({ key: row, createdBy: actor.username }) };
}

/** The keys, newest first (never the keys themselves). */
export async function listOpen311KeyViews(ctx: AppContext): Promise<Open311KeyView[]> {
  return (await listOpen311Keys(ctx.db)).map(presentKey);
}

/** 吊销: the key answers 403 from now on; a key revoked already is left as it was. Audited. */
export async function revokeOpen311Key(ctx: AppContext, actor: Actor, id: number): Promise<Open311KeyView> {
  const now = ctx.clock.now();
  const revoked = await ctx.db.transaction(async (tx) => {
    if (!(await findOpen311Key(tx, id))) throw new AppError('API_KEY_NOT_FOUND', `API 密钥 ${id} 不存在`);
    const changed = await revokeOpen311KeyRow(tx, id, actor.userId, now);
    if (changed) {
      await recordActorAudit(tx, actor, now, {
        action: 'open311.key_revoked',
        targetType: 'open311_key',
        targetId: id,
      });
    }
    return findOpen311Key(tx, id);
  });
  return presentKey(revoked!);
}

/** The refusal of a call without a usable key, in the standard's words (403). */
function invalidKey(reason: 'missing' | 'unknown' | 'revoked'): AppError {
  const why = {
    missing: 'api_key is required / 缺少 API 密钥 api_key',
    unknown: 'Invalid api_key / API 密钥无效',
    revoked: 'api_key has been revoked / API 密钥已吊销',
  }[reason];
  return new AppError('API_KEY_INVALID', why);
}

/**
 * The integrator a call comes from: the live key it carries, or null for an anonymous call where the
 * standard needs no key (its reads). A key given must be live, wherever it is given: an unknown or revoked
 * key is refused even on a read.
 */
export async function authenticateOpen311Key(
  ctx: AppContext,
  apiKey: string | undefined,
  required: boolean,
): Promise<Open311KeyRow | null> {
  if (!apiKey) {
    if (required) throw invalidKey('missing');
    return null;
  }
  const row = await findOpen311KeyByHash(ctx.db, hashSessionToken(apiKey));
  if (!row) throw invalidKey('unknown');
  if (row.revokedAt) throw invalidKey('revoked');
  return row;
}

function keyRule(key: Open311KeyRow): ThrottleRule {
  return { scope: KEY_SCOPE, max: key.rateLimitPerHour, windowMs: HOUR_MS };
}

const ANONYMOUS_RULE: ThrottleRule = {
  scope: ADDRESS_SCOPE,
  max: OPEN311_ANONYMOUS_LIMIT_PER_HOUR,
  windowMs: HOUR_MS,
};

/**
 * Counts a call against its key's hourly limit (or, without a key, its address's), in the database so that
 * every server process counts together: past the limit, 429 RATE_LIMITED with `Retry-After` until the hour's
 * window ends. A key's use is noted for the console.
 */
export async function admitOpen311Call(
  ctx: AppContext,
  key: Open311KeyRow | null,
  ip: string,
): Promise<void> {
  const now = ctx.clock.now();
  const answer = key
    ? await reserveThrottleAttempt(ctx.db, keyRule(key), String(key.id), now)
    : await reserveThrottleAttempt(ctx.db, ANONYMOUS_RULE, ip, now);
  if (answer.kind !== 'admitted') {
    const until = answer.kind === 'locked' ? answer.until : new Date(now.getTime() + HOUR_MS);
    throw new RetryLaterError('RATE_LIMITED', 'Rate limit exceeded / 调用过于频繁，请稍后再试', until, now);
  }
  if (key) await touchOpen311Key(ctx.db, key.id, now);
}

/** Deletes the Open311 throttle windows that have ended; answers how many. */
export async function purgeEndedOpen311Throttles(ctx: AppContext): Promise<number> {
  // every key's window is an hour long: one rule with any maximum finds the ended rows of all of them
  return purgeEndedThrottles(
    ctx.db,
    [{ ...ANONYMOUS_RULE, scope: KEY_SCOPE }, ANONYMOUS_RULE],
    ctx.clock.now(),
  );
}
