import type { WorkingCalendar } from '@shanzhi/shared';
import { CASE_SLA_EVENTS, computeLight, nextLightChangeAt, type SlaLight } from '@shanzhi/shared';
import { and, asc, eq, isNotNull, lte } from 'drizzle-orm';
import type { AppContext } from '../../../platform/context.js';
import type { Tx } from '../../../platform/db/database.js';
import { loadWorkingCalendar } from '../../calendar/calendar.service.js';
import { clockOf } from '../case-clock.js';
import { recordEvent } from '../case-timeline.js';
import { type CaseRow, findChainHead, findHandlers, updateCaseWith } from '../cases.repository.js';
import { cases } from '../cases.tables.js';

const LIGHT_RANK: Record<SlaLight, number> = { green: 0, yellow: 1, red: 2 };
/** When a light's change instant came but the light did not move (a calendar changed meanwhile): look again. */
const RECHECK_MS = 60_000;

/** What one scan did. */
export interface SlaScanResult {
  /** cases whose light turned yellow */
  warned: number;
  /** cases whose light turned red */
  breached: number;
  /** cases looked at */
  checked: number;
}

/**
 * The SLA scan (限时办理): turns the cases whose light-change instant has come yellow at 80 % of the running
 * limit and red at its deadline, each with a `case.sla_warned` / `case.sla_breached` event by the system and
 * an outbox row. Safe with several processes on one database: each batch claims its rows with
 * `FOR UPDATE SKIP LOCKED`, so two scans never take the same case and a scan never waits for an action.
 * The light is not a version change: a user's form does not go stale because the clock ticked.
 */
export async function runSlaScan(
  ctx: AppContext,
  options: { batchSize?: number } = {},
): Promise<SlaScanResult> {
  const batchSize = options.batchSize ?? 200;
  const calendar = await loadWorkingCalendar(ctx);
  const total: SlaScanResult = { warned: 0, breached: 0, checked: 0 };
  for (;;) {
    const now = ctx.clock.now();
    const batch = await ctx.db.transaction(async (tx) => {
      const rows = await tx
        .select()
        .from(cases)
        .where(and(isNotNull(cases.slaNextCheckAt), lte(cases.slaNextCheckAt, now)))
        .orderBy(asc(cases.slaNextCheckAt))
        .limit(batchSize)
        .for('update', { skipLocked: true });
      for (const row of rows) {
        const light = await relightCase(tx, row, calendar, now);
        if (light === 'yellow') total.warned++;
        if (light === 'red') total.breached++;
      }
      return rows.length;
    });
    total.checked += batch;
    if (batch < batchSize) return total;
  }
}

/** Relights one claimed case; answers the new light when it changed. */
async function relightCase(
  tx: Tx,
  row: CaseRow,
  calendar: WorkingCalendar,
  now: Date,
): Promise<SlaLight | null> {
  const clock = clockOf(row);
  if (!clock) {
    await tx.update(cases).set({ slaNextCheckAt: null }).where(eq(cases.id, row.id));
    return null;
  }
  const light = computeLight(calendar, { ...clock, now });
  const before = row.light as SlaLight;
  if (LIGHT_RANK[light] <= LIGHT_RANK[before]) {
    const next = nextLightChangeAt(calendar, clock, before);
    const recheck = next && next.getTime() > now.getTime() ? next : new Date(now.getTime() + RECHECK_MS);
    await tx
      .update(cases)
      .set({ slaNextCheckAt: before === 'red' ? null : recheck })
      .where(eq(cases.id, row.id));
    return null;
  }
  const head = await findChainHead(tx, row.id);
  const handlers = await findHandlers(tx, [row.id]);
  const patch = { light, slaNextCheckAt: nextLightChangeAt(calendar, clock, light) };
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
  const { inserts } = recordEvent(tx, { ...row, ...patch }, event, head, coHandlerIds);
  // the clock's light is not a version change: a user's open form does not go stale because time passed
  await updateCaseWith(tx, row.id, { patch, now, bumpVersion: false }, inserts);
  return light;
}

/** How often the server runs the SLA scan. */
export const SLA_SCAN_INTERVAL_MS = 60_000;
