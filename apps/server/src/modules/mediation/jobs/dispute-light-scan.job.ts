import { DISPUTE_DEADLINE_EVENTS } from '@shanzhi/shared';
import type { AppContext } from '../../../platform/context.js';
import {
  type LightedLifecycle,
  type LightScanResult,
  lightedScanner,
  runLightScan,
} from '../../../platform/lifecycle/light-scan.js';
import { loadWorkingCalendar } from '../../calendar/calendar.service.js';
import { disputeClockOf } from '../dispute-clock.js';
import { DISPUTE_DEFINITION } from '../dispute-lifecycle.js';
import type { DisputeRow } from '../disputes.repository.js';
import { disputes } from '../mediation.tables.js';
import { readMediationLimit } from '../mediation-settings.js';

/** Disputes as the lights' scan writes them. */
const LIGHTED_DISPUTES: LightedLifecycle<DisputeRow> = {
  definition: DISPUTE_DEFINITION,
  deadlineEvents: DISPUTE_DEADLINE_EVENTS,
  turnNote: (light) => (light === 'yellow' ? '调解期限已用去八成，即将到期' : '已超过调解期限'),
  table: disputes,
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
  const clockOf = (row: DisputeRow) => disputeClockOf(row, limit);
  const scanner = lightedScanner(LIGHTED_DISPUTES, clockOf, { chainKey: ctx.chainKey, calendar });
  return runLightScan(ctx, scanner, options.batchSize);
}

/** How often the server runs the disputes' lights scan. */
export const DISPUTE_LIGHT_SCAN_INTERVAL_MS = 60_000;
