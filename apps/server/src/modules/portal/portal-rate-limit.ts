import type { Clock } from '../../platform/clock.js';
import { RetryLaterError } from '../../platform/errors/app-error.js';
import { ErrorResponse, STANDARD_ERRORS } from '../../platform/http/common.schemas.js';

/** How many requests a bucket holds and how long it takes to refill completely. */
export interface RateLimitPolicy {
  /** bucket size: requests allowed in a burst */
  capacity: number;
  /** time for an empty bucket to fill up again, in milliseconds */
  refillMs: number;
}

/** Submissions on the portal: 10 per client address per 10 minutes. */
export const PORTAL_SUBMIT_LIMIT: RateLimitPolicy = { capacity: 10, refillMs: 10 * 60_000 };
/** Lookups by number + phone (guessing a phone must stay slow): 30 per client address per 10 minutes. */
export const PORTAL_LOOKUP_LIMIT: RateLimitPolicy = { capacity: 30, refillMs: 10 * 60_000 };

/** Category suggestions while the citizen types: 60 per client address per 10 minutes. */
export const PORTAL_SUGGEST_LIMIT: RateLimitPolicy = { capacity: 60, refillMs: 10 * 60_000 };

/** Captchas drawn for tracking and rating: 30 per client address per 10 minutes. */
export const PORTAL_CAPTCHA_LIMIT: RateLimitPolicy = { capacity: 30, refillMs: 10 * 60_000 };

/** The public map (areas and locating a point): 120 per client address per 10 minutes. */
export const PORTAL_MAP_LIMIT: RateLimitPolicy = { capacity: 120, refillMs: 10 * 60_000 };

/** The error answers of a public route under a rate limit: the standard ones and 429 `RATE_LIMITED`. */
export const PUBLIC_ERRORS = { ...STANDARD_ERRORS, 429: ErrorResponse };

const MAX_KEYS = 50_000;

/**
 * An in-memory token bucket per key (the client's address). One process's memory: with several server
 * processes each has its own buckets, which multiplies the allowance by their number — acceptable for a
 * brake on abuse, not for billing. Idle buckets are full again, so they are dropped when the map grows.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly policy: RateLimitPolicy,
    private readonly clock: Clock,
  ) {}

  /** Takes one token for `key`; answers 0, or when the bucket is empty the milliseconds until a token is back. */
  take(key: string): number {
    const now = this.clock.now().getTime();
    const perMs = this.policy.capacity / this.policy.refillMs;
    const bucket = this.buckets.get(key);
    const tokens = bucket
      ? Math.min(this.policy.capacity, bucket.tokens + (now - bucket.at) * perMs)
      : this.policy.capacity;
    if (tokens < 1) {
      this.buckets.set(key, { tokens, at: now });
      return Math.ceil((1 - tokens) / perMs);
    }
    if (!bucket && this.buckets.size >= MAX_KEYS) this.dropFull(now, perMs);
    this.buckets.set(key, { tokens: tokens - 1, at: now });
    return 0;
  }

  /** Takes a token or refuses with 429 `RATE_LIMITED`, saying when to try again (`Retry-After`). */
  consume(key: string): void {
    const waitMs = this.take(key);
    if (waitMs === 0) return;
    const now = this.clock.now();
    throw new RetryLaterError(
      'RATE_LIMITED',
      '操作过于频繁，请稍后再试',
      new Date(now.getTime() + waitMs),
      now,
    );
  }

  private dropFull(now: number, perMs: number): void {
    for (const [key, b] of this.buckets) {
      if (b.tokens + (now - b.at) * perMs >= this.policy.capacity) this.buckets.delete(key);
    }
    // still full of active clients: forget the oldest rather than grow without bound
    if (this.buckets.size >= MAX_KEYS) {
      const oldest = this.buckets.keys().next().value;
      if (oldest !== undefined) this.buckets.delete(oldest);
    }
  }
}
