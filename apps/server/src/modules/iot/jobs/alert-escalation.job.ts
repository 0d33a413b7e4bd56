import { chooseRule } from '@shanzhi/shared';
import { and, asc, eq, lte, ne, or, sql } from 'drizzle-orm';
import type { AppContext } from '../../../platform/context.js';
import type { Tx } from '../../../platform/db/database.js';
import { runTransition } from '../../../platform/lifecycle/transition.js';
import { ALERT_DEFINITION } from '../alert-lifecycle.js';
import { alertEnvironment } from '../ingest-alert.js';
import { listRules } from '../iot.repository.js';
import { iotAlerts, iotDevices } from '../iot.tables.js';
import { IOT_SYSTEM_ACTOR } from '../iot-actors.js';

/** How often the platform looks for alerts nobody acknowledged in time. */
export const ALERT_ESCALATION_INTERVAL_MS = 60_000;

const MINUTE_MS = 60_000;
// no rule escalates sooner than a minute; more than this many overdue alerts wait for the next run
const BATCH = 200;

/** An alert still raised, below the centre, with what its rule is looked up by. */
interface Candidate {
  id: number;
  version: number;
  deviceType: string;
  type: string;
  estateId: number;
  createdAt: Date;
  /** since when it has stood at its level: its last escalation, or its arrival */
  since: Date;
}

/** A device type and alert type some rule escalates. */
interface EscalatingPair {
  deviceType: string;
  alertType: string;
}

/**
 * The raised alerts below the centre, of the pairs some rule escalates, that have stood at their level a minute
 * or more, oldest first, locked (skip locked). Alerts no rule escalates are left out here, not skipped after:
 * the oldest of those, never going up, would otherwise fill every batch.
 */
async function lockCandidates(
  tx: Tx,
  now: Date,
  pairs: EscalatingPair[],
  batch: number,
): Promise<Candidate[]> {
  const since = sql<Date>`coalesce(${iotAlerts.escalatedAt}, ${iotAlerts.createdAt})`;
  return tx
    .select({
      id: iotAlerts.id,
      version: iotAlerts.version,
      deviceType: iotDevices.type,
      type: iotAlerts.type,
      estateId: iotAlerts.estateId,
      createdAt: iotAlerts.createdAt,
      since: sql<Date>`${since}`.mapWith((v: string | Date) => new Date(v)),
    })
    .from(iotAlerts)
    .innerJoin(iotDevices, eq(iotDevices.id, iotAlerts.deviceId))
    .where(
      and(
        eq(iotAlerts.state, 'raised'),
        ne(iotAlerts.escalationLevel, 'centre'),
        or(...pairs.map((p) => and(eq(iotDevices.type, p.deviceType), eq(iotAlerts.type, p.alertType)))),
        lte(since, new Date(now.getTime() - MINUTE_MS)),
      ),
    )
    .orderBy(asc(since))
    .limit(batch)
    .for('update', { of: iotAlerts, skipLocked: true });
}

/**
 * 超时升级: every alert still raised (nobody acknowledged it) longer than its rule's escalation window since
 * it came in or last went up goes one level up — grid worker → community → command centre — by the `escalate`
 * action of the shared lifecycle (its timeline, and the outbox row that tells the new level's staff). One
 * level per run and window, at most `batch` alerts a run, in one transaction; several processes claim disjoint
 * alerts (`SKIP LOCKED`). Answers how many went up.
 */
export async function runAlertEscalation(ctx: AppContext, batch = BATCH): Promise<number> {
  const env = { ...alertEnvironment(ctx), bySystem: true };
  const rules = await listRules(ctx.db);
  const pairs = new Map(
    rules
      .filter((r) => r.escalateMinutes !== null)
      .map((r) => [`${r.deviceType}/${r.alertType}`, { deviceType: r.deviceType, alertType: r.alertType }]),
  );
  if (pairs.size === 0) return 0;
  return ctx.db.transaction(async (tx) => {
    let escalated = 0;
    for (const alert of await lockCandidates(tx, env.now, [...pairs.values()], batch)) {
      // the rule that decided the alert when it came in (its estate, its time of day) sets its window
      const target = { ...alert, alertType: alert.type, at: alert.createdAt };
      const minutes = chooseRule(rules, target)?.escalateMinutes;
      if (minutes == null || alert.since.getTime() + minutes * MINUTE_MS > env.now.getTime()) continue;
      await runTransition(
        tx,
        ALERT_DEFINITION,
        IOT_SYSTEM_ACTOR,
        { id: alert.id, action: 'escalate', input: { version: alert.version } },
        env,
      );
      escalated += 1;
    }
    return escalated;
  });
}
