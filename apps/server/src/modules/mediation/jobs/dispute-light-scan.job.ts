import {
  DISPUTE_DEADLINE_EVENTS,
  type SlaLight,
  type TimeLimit,
  type WorkingCalendar,
} from '@shanzhi/shared';
import { and, asc, eq, isNotNull, lte } from 'drizzle-orm';
import type { AppContext } from '../../../platform/context.js';
import type { Tx } from '../../../platform/db/database.js';
import {
  type LightScanner,
  type LightScanResult,
  lightTurnOf,
  runLightScan,
} from '../../../platform/lifecycle/light-scan.js';
import { appendLifecycleEvent } from '../../../platform/lifecycle/transition.js';
import { loadWorkingCalendar } from '../../calendar/calendar.service.js';
import { disputeClockOf } from '../dispute-clock.js';
import { DISPUTE_DEFINITION } from '../dispute-lifecycle.js';
import type { DisputeRow } from '../disputes.repository.js';
import { disputes } from '../mediation.tables.js';
import { readMediationLimit } from '../mediation-settings.js';

/** What the timeline says of a turned light. */
const TURN_NOTES: Record<'yellow' | 'red', string> = {
  yellow: '调解期限已用去八成，即将到期',
  red: '已超过调解期限',
};

/**
 * 调解期限预警: the lights' scan over disputes, as the SLA scan over cases — a dispute whose mediation limit
 * nears its end turns yellow, one past its deadline red, each once, with a `dispute.deadline_warned` /
 * `dispute.deadline_breached` event by the system and its outbox row (whence the mediator's and the
 * committee's notifications). Not a version change: a mediator's open form does not go stale as time passes.
 */
export async function runDisputeLightScan(
  ctx: AppContext,
  options: { batchSize?: number } = {},
): Promise<LightScanResult> {
  const [calendar, limit] = await Promise.all([loadWorkingCalendar(ctx), readMediationLimit(ctx)]);
  return runLightScan(ctx, disputeScanner(ctx.chainKey, calendar, limit), options.batchSize);
}

/** The disputes for the lights' scan, on one calendar and mediation limit. */
function disputeScanner(
  chainKey: Buffer,
  calendar: WorkingCalendar,
  limit: TimeLimit,
): LightScanner<DisputeRow> {
  return {
    claimDue: (tx, now, batch) =>
      tx
        .select()
        .from(disputes)
        .where(and(isNotNull(disputes.lightNextCheckAt), lte(disputes.lightNextCheckAt, now)))
        .orderBy(asc(disputes.lightNextCheckAt))
        .limit(batch)
        .for('update', { skipLocked: true }),
    relight: (tx, row, now) => relightDispute(tx, chainKey, row, { calendar, limit }, now),
  };
}

/** Relights one claimed dispute; answers the new light when it changed. */
async function relightDispute(
  tx: Tx,
  chainKey: Buffer,
  row: DisputeRow,
  rules: { calendar: WorkingCalendar; limit: TimeLimit },
  now: Date,
): Promise<SlaLight | null> {
  const clock = disputeClockOf(row, rules.limit);
  const before = row.light as SlaLight;
  const { turned, nextCheckAt } = lightTurnOf(rules.calendar, clock, before, now);
  if (!turned || !clock) {
    await tx.update(disputes).set({ lightNextCheckAt: nextCheckAt }).where(eq(disputes.id, row.id));
    return null;
  }
  const light = turned as 'yellow' | 'red';
  const patch = { light, lightNextCheckAt: nextCheckAt };
  const event = {
    action: 'sla',
    event: DISPUTE_DEADLINE_EVENTS[light],
    actorUserId: null,
    actorName: '系统',
    actorOrgId: null,
    at: now,
    fromState: row.state,
    toState: row.state,
    note: TURN_NOTES[light],
    changes: { light: { from: before, to: light }, deadline: clock.deadline },
    attachments: [],
  };
  const { inserts, chain } = await appendLifecycleEvent(
    tx,
    DISPUTE_DEFINITION,
    chainKey,
    { ...row, ...patch },
    event,
    undefined,
  );
  await DISPUTE_DEFINITION.write(
    tx,
    row.id,
    { patch: { ...patch, ...chain }, now, bumpVersion: false },
    inserts,
  );
  return light;
}

/** How often the server runs the disputes' lights scan. */
export const DISPUTE_LIGHT_SCAN_INTERVAL_MS = 60_000;
