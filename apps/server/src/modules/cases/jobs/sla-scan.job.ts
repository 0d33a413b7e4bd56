import type { WorkingCalendar } from '@shanzhi/shared';
import { CASE_SLA_EVENTS, type SlaLight } from '@shanzhi/shared';
import { and, asc, eq, isNotNull, lte } from 'drizzle-orm';
import type { AppContext } from '../../../platform/context.js';
import type { Tx } from '../../../platform/db/database.js';
import {
  type LightScanner,
  type LightScanResult,
  lightTurnOf,
  runLightScan,
} from '../../../platform/lifecycle/light-scan.js';
import { loadWorkingCalendar } from '../../calendar/calendar.service.js';
import { clockOf } from '../case-clock.js';
import { recordCaseEvent } from '../case-timeline.js';
import { type CaseRow, findHandlers, updateCaseWith } from '../cases.repository.js';
import { cases } from '../cases.tables.js';

/** What one scan did (cases warned, breached, looked at). */
export type SlaScanResult = LightScanResult;

/**
 * The SLA scan (限时办理): turns the cases whose light-change instant has come yellow at 80 % of the running
 * limit and red at its deadline, each with a `case.sla_warned` / `case.sla_breached` event by the system and
 * an outbox row, on the lights' scan (`runLightScan`). The light is not a version change: a user's form does
 * not go stale because the clock ticked.
 */
export async function runSlaScan(
  ctx: AppContext,
  options: { batchSize?: number } = {},
): Promise<SlaScanResult> {
  const calendar = await loadWorkingCalendar(ctx);
  return runLightScan(ctx, caseScanner(ctx.chainKey, calendar), options.batchSize);
}

/** The cases for the lights' scan, on one calendar. */
function caseScanner(chainKey: Buffer, calendar: WorkingCalendar): LightScanner<CaseRow> {
  return {
    claimDue: (tx, now, limit) =>
      tx
        .select()
        .from(cases)
        .where(and(isNotNull(cases.slaNextCheckAt), lte(cases.slaNextCheckAt, now)))
        .orderBy(asc(cases.slaNextCheckAt))
        .limit(limit)
        .for('update', { skipLocked: true }),
    relight: (tx, row, now) => relightCase(tx, chainKey, row, calendar, now),
  };
}

/** Relights one claimed case; answers the new light when it changed. */
async function relightCase(
  tx: Tx,
  chainKey: Buffer,
  row: CaseRow,
  calendar: WorkingCalendar,
  now: Date,
): Promise<SlaLight | null> {
  const clock = clockOf(row);
  const before = row.light as SlaLight;
  const { turned: light, nextCheckAt } = lightTurnOf(calendar, clock, before, now);
  if (!light || !clock) {
    await tx.update(cases).set({ slaNextCheckAt: nextCheckAt }).where(eq(cases.id, row.id));
    return null;
  }
  const handlers = await findHandlers(tx, [row.id]);
  const patch = { light, slaNextCheckAt: nextCheckAt };
  const event = {
    action: 'sla',
    event: CASE_SLA_EVENTS[light as 'yellow' | 'red'],
    actorUserId: null,
    actorName: '系统',
    actorOrgId: null,
    at: now,
    fromState: row.state,
    toState: row.state,
    note: null,
    changes: { light: { from: before, to: light }, clock: row.slaClock, deadline: clock.deadline },
    attachments: [],
  };
  const coHandlerIds = handlers.filter((h) => h.role === 'co').map((h) => h.orgId);
  const { inserts, chain } = await recordCaseEvent(tx, chainKey, { ...row, ...patch }, event, coHandlerIds);
  // the clock's light is not a version change: a user's open form does not go stale because time passed
  await updateCaseWith(tx, row.id, { patch: { ...patch, ...chain }, now, bumpVersion: false }, inserts);
  return light;
}

/** How often the server runs the SLA scan. */
export const SLA_SCAN_INTERVAL_MS = 60_000;
