import { HAZARD_DEADLINE_EVENTS, HAZARD_RUNNING_STATES, type WorkingCalendar } from '@shanzhi/shared';
import { and, asc, eq, inArray, isNotNull, lte, sql } from 'drizzle-orm';
import type { AppContext } from '../../../platform/context.js';
import type { Tx } from '../../../platform/db/database.js';
import {
  type LightedLifecycle,
  type LightScanner,
  type LightScanResult,
  relightLifecycleRow,
  runLightScan,
} from '../../../platform/lifecycle/light-scan.js';
import { loadWorkingCalendar } from '../../calendar/calendar.service.js';
import { HAZARD_DEFINITION } from '../hazard-lifecycle.js';
import { hazardLights } from '../hazard-lights.tables.js';
import { hazardClockOf } from '../hazards.presenter.js';
import type { HazardRow } from '../hazards.repository.js';
import { hazards } from '../hazards.tables.js';

/** A hazard with the light of its deadline, as the scan reads and writes it. */
type LightedHazard = HazardRow & { light: string; lightNextCheckAt: Date | null };

/** Hazards as the lights' scan writes them: the event on the hazard's timeline, the light beside it. */
const LIGHTED_HAZARDS: LightedLifecycle<LightedHazard> = {
  definition: {
    events: HAZARD_DEFINITION.events,
    outboxRow: HAZARD_DEFINITION.outboxRow,
    async write(db, id, { patch, now, bumpVersion }, companions) {
      const { light, lightNextCheckAt, ...chain } = patch;
      await db.update(hazardLights).set({ light, lightNextCheckAt }).where(eq(hazardLights.id, id));
      const row = await HAZARD_DEFINITION.write(db, id, { patch: chain, now, bumpVersion }, companions);
      return { ...row, light: light!, lightNextCheckAt: lightNextCheckAt ?? null };
    },
  },
  deadlineEvents: HAZARD_DEADLINE_EVENTS,
  turnNote: (light) => (light === 'yellow' ? '整改期限已用去八成，即将到期' : '已超过整改期限'),
  table: hazardLights,
};

/**
 * Starts the light of each running deadline not looked at: a hazard just assigned, its deadline moved by an
 * extension (green again), or running again after a rejected rectification — to be looked at now. A light
 * already turned for the same deadline is kept, so no turn is warned twice.
 */
async function startLights(tx: Tx, now: Date): Promise<void> {
  await tx.execute(sql`
    insert into ${hazardLights} (hazard_id, deadline, light, light_next_check_at)
    select ${hazards.id}, ${hazards.deadline}, 'green', ${now.toISOString()}::timestamptz from ${hazards}
    where ${and(
      inArray(hazards.state, [...HAZARD_RUNNING_STATES]),
      isNotNull(hazards.assignedAt),
      isNotNull(hazards.deadline),
    )}
      and not exists (select 1 from ${hazardLights} l where l.hazard_id = ${hazards.id}
        and l.deadline = ${hazards.deadline} and (l.light_next_check_at is not null or l.light = 'red'))
    on conflict (hazard_id) do update set
      light = case when ${hazardLights}.deadline = excluded.deadline then ${hazardLights}.light else 'green' end,
      deadline = excluded.deadline,
      light_next_check_at = excluded.light_next_check_at
    where ${hazardLights}.deadline <> excluded.deadline
      or (${hazardLights}.light_next_check_at is null and ${hazardLights}.light <> 'red')`);
}

/** The scanner of hazards: their deadline lights whose next look has come, each with its hazard. */
function hazardScanner(chainKey: Buffer, calendar: WorkingCalendar): LightScanner<LightedHazard> {
  return {
    async claimDue(tx, now, limit) {
      await startLights(tx, now);
      const rows = await tx
        .select({
          hazard: hazards,
          light: hazardLights.light,
          lightNextCheckAt: hazardLights.lightNextCheckAt,
        })
        .from(hazardLights)
        .innerJoin(hazards, eq(hazards.id, hazardLights.id))
        .where(lte(hazardLights.lightNextCheckAt, now))
        .orderBy(asc(hazardLights.lightNextCheckAt))
        .limit(limit)
        .for('update', { skipLocked: true });
      return rows.map(({ hazard, ...light }) => ({ ...hazard, ...light }));
    },
    relight: (tx, row, now) =>
      relightLifecycleRow(tx, LIGHTED_HAZARDS, { chainKey, calendar, now }, row, hazardClockOf(row)),
  };
}

/**
 * 整改期限预警: the lights' scan over hazards, as over cases, disputes and petitions — a hazard whose
 * rectification deadline nears its end (80 % of the working days from its assignment used) turns yellow, one
 * past it red, each once per deadline, with a `hazard.deadline_warned` / `hazard.deadline_breached` event by the
 * system and its outbox row (whence the enterprise's and its supervising body's notifications). Not a version
 * change: an open form does not go stale as time passes.
 */
export async function runHazardLightScan(
  ctx: AppContext,
  options: { batchSize?: number } = {},
): Promise<LightScanResult> {
  const calendar = await loadWorkingCalendar(ctx);
  return runLightScan(ctx, hazardScanner(ctx.chainKey, calendar), options.batchSize);
}

/** How often the server runs the hazards' lights scan. */
export const HAZARD_LIGHT_SCAN_INTERVAL_MS = 60_000;
