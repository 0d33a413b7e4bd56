import { sql } from 'drizzle-orm';
import type { AppContext } from '../../../platform/context.js';
import { backfillFingerprints } from '../duplicates/case-fingerprints.repository.js';
import { beijingDayOf, DAY_MS } from './beijing-day.js';
import { DEFAULT_TOPIC_MODEL, detectEmergingTopics } from './detect-emerging-topics.js';
import { detectSurges } from './detect-surges.js';
import { publishRaisedWarnings } from './publish-warning.js';
import { DEFAULT_SURGE_MODEL } from './surge-model.js';
import { saveWarning, type WarningRow } from './warnings.repository.js';

/** How often the server runs the warnings job: every hour. */
export const WARNINGS_INTERVAL_MS = 3_600_000;

// One run at a time across processes: the others skip (the next hour comes soon enough).
const JOB_LOCK = 0x5a_77_61_72; // 'Zwar'

/** What a run found. */
export interface WarningsRunSummary {
  /** false when another process was running the job */
  ran: boolean;
  /** fingerprints written for cases that had none */
  fingerprinted: number;
  surges: number;
  topics: number;
  created: number;
  updated: number;
  /** ids of the new warnings */
  createdIds: number[];
}

/**
 * 苗头性问题预警: fingerprints the cases that lack one, finds today's and yesterday's surges (yesterday again,
 * so that the cases of its last hour count) and the emerging topics of the last 48 hours, stores them (a
 * surge found again is updated, not repeated), and publishes the new ones on the live stream.
 */
export async function runWarningsJob(ctx: AppContext): Promise<WarningsRunSummary> {
  const now = ctx.clock.now();
  const topicSince = new Date(now.getTime() - DEFAULT_TOPIC_MODEL.recentHours * 3_600_000);
  const history = Math.max(DEFAULT_SURGE_MODEL.baselineDays + 2, DEFAULT_TOPIC_MODEL.baselineDays + 2);
  const outcome = await ctx.db.transaction(async (tx) => {
    const [lock] = (
      (await tx.execute(sql`select pg_try_advisory_xact_lock(${JOB_LOCK}) as locked`)) as unknown as {
        rows: { locked: boolean }[];
      }
    ).rows;
    if (!lock?.locked) return null;
    const fingerprinted = await backfillFingerprints(tx, new Date(now.getTime() - history * DAY_MS));
    const surges = [
      ...(await detectSurges(tx, beijingDayOf(now, -1), now)),
      ...(await detectSurges(tx, beijingDayOf(now), now)),
    ];
    const topics = await detectEmergingTopics(tx, now);
    const created: WarningRow[] = [];
    let updated = 0;
    for (const draft of [...surges, ...topics]) {
      const saved = await saveWarning(tx, draft, now, topicSince);
      if (saved.created) created.push(saved.row);
      else updated++;
    }
    return { fingerprinted, surges: surges.length, topics: topics.length, created, updated };
  });
  if (!outcome) {
    return { ran: false, fingerprinted: 0, surges: 0, topics: 0, created: 0, updated: 0, createdIds: [] };
  }
  await publishRaisedWarnings(ctx, outcome.created);
  return {
    ran: true,
    fingerprinted: outcome.fingerprinted,
    surges: outcome.surges,
    topics: outcome.topics,
    created: outcome.created.length,
    updated: outcome.updated,
    createdIds: outcome.created.map((r) => r.id),
  };
}
