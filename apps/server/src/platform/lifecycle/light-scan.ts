import {
  computeLight,
  nextLightChangeAt,
  type SlaClock,
  type SlaLight,
  type WorkingCalendar,
} from '@shanzhi/shared';
import { and, asc, eq, isNotNull, lte, type SQLWrapper } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { AppContext } from '../context.js';
import type { DbOrTx, Tx } from '../db/database.js';
import type { EventOwner, RecordedLifecycleEvent } from './lifecycle-definition.js';
import { appendLifecycleEvent } from './transition.js';

const LIGHT_RANK: Record<SlaLight, number> = { green: 0, yellow: 1, red: 2 };
/** When a light's change instant came but the light did not move (a calendar changed meanwhile): look again. */
const RECHECK_MS = 60_000;

/** What the clock did to a row's light: the light it turned to (null if it did not), and when to look again. */
export interface LightTurn {
  turned: SlaLight | null;
  /** the row's next look; null once red or when no clock runs */
  nextCheckAt: Date | null;
}

/**
 * The light of a running clock at `now` against the light the row shows (限时办理): turned when it got worse
 * (yellow at 80 % of the limit, red at the deadline), with the instant of its next change. Unturned, the row
 * is looked at again at that instant (a minute on when the instant came but the light did not move: a
 * calendar changed meanwhile), never again once red. Without a running clock there is nothing to look at.
 */
export function lightTurnOf(
  calendar: WorkingCalendar,
  clock: SlaClock | null,
  before: SlaLight,
  now: Date,
): LightTurn {
  if (!clock) return { turned: null, nextCheckAt: null };
  const light = computeLight(calendar, { ...clock, now });
  if (LIGHT_RANK[light] > LIGHT_RANK[before]) {
    return { turned: light, nextCheckAt: nextLightChangeAt(calendar, clock, light) };
  }
  if (before === 'red') return { turned: null, nextCheckAt: null };
  const next = nextLightChangeAt(calendar, clock, before);
  const recheck = next && next.getTime() > now.getTime() ? next : new Date(now.getTime() + RECHECK_MS);
  return { turned: null, nextCheckAt: recheck };
}

/** What one scan did. */
export interface LightScanResult {
  /** rows whose light turned yellow */
  warned: number;
  /** rows whose light turned red */
  breached: number;
  /** rows looked at */
  checked: number;
}

/** One kind of row the lights' scan looks at (cases, disputes). */
export interface LightScanner<Row> {
  /** up to `limit` rows whose next look has come, claimed with `FOR UPDATE SKIP LOCKED` */
  claimDue(tx: Tx, now: Date, limit: number): Promise<Row[]>;
  /** relights one claimed row (its event by the system and its outbox row when it turned); the new light if so */
  relight(tx: Tx, row: Row, now: Date): Promise<SlaLight | null>;
}

/**
 * The lights' scan: relights the rows whose next look has come, a batch per transaction. Safe with several
 * processes on one database: each batch claims its rows with `FOR UPDATE SKIP LOCKED`, so two scans never
 * take the same row and a scan never waits for an action. Each turn is recorded once: the row then waits for
 * its next change.
 */
export async function runLightScan<Row>(
  ctx: AppContext,
  scanner: LightScanner<Row>,
  batchSize = 200,
): Promise<LightScanResult> {
  const total: LightScanResult = { warned: 0, breached: 0, checked: 0 };
  for (;;) {
    const now = ctx.clock.now();
    const batch = await ctx.db.transaction(async (tx) => {
      const rows = await scanner.claimDue(tx, now, batchSize);
      for (const row of rows) {
        const light = await scanner.relight(tx, row, now);
        if (light === 'yellow') total.warned++;
        if (light === 'red') total.breached++;
      }
      return rows.length;
    });
    total.checked += batch;
    if (batch < batchSize) return total;
  }
}

/** A row that keeps its light beside its state, and when the scan looks at it next. */
type LightedRow = EventOwner & { state: string; light: string; lightNextCheckAt: Date | null };

/** A lifecycle whose rows keep their light beside their state (disputes, petitions), as the scan writes it. */
export interface LightedLifecycle<Row extends LightedRow> {
  /** the lifecycle's timeline, outbox row and row writer (its `LifecycleDefinition`) */
  definition: {
    events: { table: PgTable; tableName: string; subjectKey: string };
    outboxRow(db: DbOrTx, after: Row, event: RecordedLifecycleEvent, settled: undefined): SQLWrapper;
    write(
      db: DbOrTx,
      id: number,
      change: { patch: Partial<Row>; now: Date; bumpVersion: boolean },
      companions: readonly SQLWrapper[],
    ): Promise<Row>;
  };
  /** the events of a turn to yellow and to red (`DISPUTE_DEADLINE_EVENTS` …) */
  deadlineEvents: Record<'yellow' | 'red', string>;
  /** what the timeline says of a turn */
  turnNote(light: 'yellow' | 'red', row: Row): string;
  /** the rows' table, with the light's next look */
  table: PgTable & { id: PgColumn; lightNextCheckAt: PgColumn };
}

/**
 * The lights' scanner of a lighted lifecycle, on one calendar: it claims the rows whose next look has come,
 * oldest look first, and relights each by the clock `clockOf` reads of it.
 */
export function lightedScanner<Row extends LightedRow>(
  lighted: LightedLifecycle<Row>,
  clockOf: (row: Row) => SlaClock | null,
  scan: { chainKey: Buffer; calendar: WorkingCalendar },
): LightScanner<Row> {
  const { table } = lighted;
  return {
    claimDue: (tx, now, limit) =>
      tx
        .select()
        .from(table as PgTable)
        .where(and(isNotNull(table.lightNextCheckAt), lte(table.lightNextCheckAt, now)))
        .orderBy(asc(table.lightNextCheckAt))
        .limit(limit)
        .for('update', { skipLocked: true }) as unknown as Promise<Row[]>,
    relight: (tx, row, now) => relightLifecycleRow(tx, lighted, { ...scan, now }, row, clockOf(row)),
  };
}

/**
 * Relights one claimed row of a lighted lifecycle by its running clock: unturned, it is only looked at again
 * later; turned, the new light is written with an event by the system and its outbox row (whence the
 * notifications), without a new version, so a user's open form does not go stale as time passes. Answers the
 * new light when it changed.
 */
export async function relightLifecycleRow<Row extends LightedRow>(
  tx: Tx,
  lighted: LightedLifecycle<Row>,
  scan: { chainKey: Buffer; calendar: WorkingCalendar; now: Date },
  row: Row,
  clock: SlaClock | null,
): Promise<SlaLight | null> {
  const before = row.light as SlaLight;
  const { turned, nextCheckAt } = lightTurnOf(scan.calendar, clock, before, scan.now);
  if (!turned || !clock) {
    // only the next look: no event, no new version
    const { table } = lighted;
    await tx
      .update(table)
      .set({ lightNextCheckAt: nextCheckAt } as never)
      .where(eq(table.id, row.id));
    return null;
  }
  const light = turned as 'yellow' | 'red';
  const patch = { light, lightNextCheckAt: nextCheckAt } as Partial<Row>;
  const event = {
    action: 'sla',
    event: lighted.deadlineEvents[light],
    actorUserId: null,
    actorName: '系统',
    actorOrgId: null,
    at: scan.now,
    fromState: row.state,
    toState: row.state,
    note: lighted.turnNote(light, row),
    changes: { light: { from: before, to: light }, deadline: clock.deadline },
    attachments: [],
  };
  const { definition } = lighted;
  const after = { ...row, ...patch };
  const { inserts, chain } = await appendLifecycleEvent(
    tx,
    definition,
    scan.chainKey,
    after,
    event,
    undefined,
  );
  const change = { patch: { ...patch, ...chain } as Partial<Row>, now: scan.now, bumpVersion: false };
  await definition.write(tx, row.id, change, inserts);
  return light;
}
