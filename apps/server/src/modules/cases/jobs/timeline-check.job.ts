import type { TimelineBreak } from '@shanzhi/shared';
import type { AppContext } from '../../../platform/context.js';
import { recordAudit } from '../../audit/audit.repository.js';
import { notifyAuditors } from '../../notifications/security-alerts.js';
import { claimPeriodicRun } from '../../settings/settings.repository.js';
import { findCasesToVerify } from '../cases.repository.js';
import { loadCaseTimelines, verifyTimeline } from '../timeline-verification.js';

/** How often the timelines are checked: daily. */
export const TIMELINE_CHECK_INTERVAL_MS = 24 * 3_600_000;
/** The settings row that makes one process of many take each day's check. */
const CLAIM_KEY = 'jobs.timeline_check.last_run';
/** Timelines read and verified per snapshot. */
const BATCH = 500;

/** A case whose timeline failed verification. */
export interface BrokenTimeline {
  caseId: number;
  number: string;
  brokenAt: number;
  reason: TimelineBreak;
}

/** What one check found. */
export interface TimelineCheckResult {
  checked: number;
  broken: BrokenTimeline[];
}

/**
 * 一事一档 tamper check: verifies the keyed chains of a sample of cases (`SHANZHI_CHAIN_VERIFY_SAMPLE` at
 * random and as many most recently changed) and, on a break, raises the alarm: an error in the log, an entry
 * in the audit trail and a notification to everyone who reads the audit trail. `force` runs it even when
 * another process has done today's.
 */
export async function runTimelineCheck(
  ctx: AppContext,
  options: { force?: boolean } = {},
): Promise<TimelineCheckResult> {
  const now = ctx.clock.now();
  const claimed = await claimPeriodicRun(ctx.db, CLAIM_KEY, TIMELINE_CHECK_INTERVAL_MS - 3_600_000, now);
  if (!claimed && !options.force) return { checked: 0, broken: [] };
  const ids = await findCasesToVerify(ctx.db, ctx.config.SHANZHI_CHAIN_VERIFY_SAMPLE);
  const broken: BrokenTimeline[] = [];
  for (let i = 0; i < ids.length; i += BATCH) {
    for (const { row, events } of await loadCaseTimelines(ctx.db, ids.slice(i, i + BATCH))) {
      const verdict = verifyTimeline(ctx.chainKey, row, events);
      if (!verdict.valid) {
        broken.push({
          caseId: row.id,
          number: row.number,
          brokenAt: verdict.brokenAt!,
          reason: verdict.reason!,
        });
      }
    }
  }
  if (broken.length > 0) await raiseTimelineAlarm(ctx, broken, now);
  return { checked: ids.length, broken };
}

async function raiseTimelineAlarm(ctx: AppContext, broken: BrokenTimeline[], now: Date): Promise<void> {
  ctx.logger.error({ broken }, 'case timelines failed verification: possible tampering');
  for (const b of broken) {
    await recordAudit(
      ctx.db,
      {
        action: 'security.timeline_broken',
        actorUsername: 'system',
        targetType: 'case',
        targetId: b.caseId,
        detail: { number: b.number, brokenAt: b.brokenAt, reason: b.reason },
      },
      now,
    );
  }
  const numbers = broken.map((b) => b.number);
  await notifyAuditors(ctx, {
    kind: 'timeline_broken',
    title: `安全告警：${broken.length} 件工单的时间线校验失败`,
    body: `以下工单的办理记录与其哈希链不符，可能被篡改：${numbers.slice(0, 20).join('、')}${numbers.length > 20 ? ' 等' : ''}。请查看审计日志并核实数据库操作记录。`,
    caseId: broken[0]!.caseId,
    caseNumber: broken[0]!.number,
  });
}
