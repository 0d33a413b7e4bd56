import type { IngestionCounters as IngestionCountersView, IngestOutcome } from '@shanzhi/shared';
import type { AppContext } from '../../platform/context.js';

/**
 * What the ingestion pipeline has seen since this process started, over HTTP and MQTT alike: kept in memory
 * per process (per context: tests run several), read by `GET /api/v1/iot/ingestion`, the benchmark and tests.
 */
export interface IngestionCounters {
  since: Date;
  received: { http: number; mqtt: number };
  stored: number;
  duplicates: number;
  /** malformed or refused messages by stable code */
  refused: Map<string, number>;
  batches: number;
  lastBatchSize: number;
  /** MQTT consumers connected now */
  consumers: number;
}

const kept = new WeakMap<AppContext, IngestionCounters>();

/** The counters of `ctx`'s process, started at zero on first use. */
export function ingestionCounters(ctx: AppContext): IngestionCounters {
  let counters = kept.get(ctx);
  if (!counters) {
    counters = {
      since: ctx.clock.now(),
      received: { http: 0, mqtt: 0 },
      stored: 0,
      duplicates: 0,
      refused: new Map(),
      batches: 0,
      lastBatchSize: 0,
      consumers: 0,
    };
    kept.set(ctx, counters);
  }
  return counters;
}

/** Counts a message malformed or refused with `code`. */
export function countRefused(ctx: AppContext, code: string): void {
  const { refused } = ingestionCounters(ctx);
  refused.set(code, (refused.get(code) ?? 0) + 1);
}

/** Counts what the pipeline made of the alerts of a batch: a duplicate, or taken in. */
export function countOutcomes(ctx: AppContext, outcomes: readonly IngestOutcome[]): void {
  const counters = ingestionCounters(ctx);
  const duplicates = outcomes.filter((o) => o === 'duplicate').length;
  counters.duplicates += duplicates;
  counters.stored += outcomes.length - duplicates;
}

/** Messages malformed or refused, all codes together. */
export function refusedTotal(counters: IngestionCounters): number {
  return [...counters.refused.values()].reduce((sum, n) => sum + n, 0);
}

/** The counters as the API answers them. */
export function presentIngestionCounters(ctx: AppContext): IngestionCountersView {
  const c = ingestionCounters(ctx);
  return {
    since: c.since.toISOString(),
    received: { ...c.received },
    stored: c.stored,
    duplicates: c.duplicates,
    refused: Object.fromEntries(c.refused),
    batches: c.batches,
    lastBatchSize: c.lastBatchSize,
    mqttConfigured: Boolean(ctx.config.MQTT_URL),
    consumers: c.consumers,
  };
}
