import {
  beijingMidnight,
  formatDayNumber,
  isWorkingDay,
  toBeijingDayNumber,
  type WorkingCalendar,
} from '@shanzhi/shared';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.js';
import { type DbOrTx, queryRows } from '../../../platform/db/database.js';
import { readCaseSettings } from '../../cases/case-settings.js';
import { readSetting, writeSetting } from '../../settings/settings.repository.js';
import { DEFAULT_DEMO_CITY_SEED } from '../demo-city.js';
import { createDemoRandom, type DemoRandom, deriveSeed } from '../demo-random.js';
import { type GeneratedCase, generateCase, groupByArea, type HistoryScene } from '../history/history-case.js';
import { apportion } from '../history/history-plan.js';
import { loadHistoryWorld } from '../history/history-world.js';
import { writeHistoryBatch } from '../history/history-writer.js';
import { readHistoryState } from '../history/seed-history.js';
import {
  caseEndOf,
  caseOfFinding,
  type PlannedFinding,
  planFindingsOfDay,
  tellFinding,
} from './finding-stories.js';
import {
  ensureGridWorkerAccounts,
  ensurePatrolPlans,
  type GridHistoryWorld,
  loadGridHistoryWorld,
} from './grid-history-world.js';
import {
  type FindingWrite,
  reserveIds,
  writeFindings,
  writePatrols,
  writeTasks,
} from './grid-history-writer.js';
import { type GeneratedPatrol, patrolsOfDay } from './patrol-days.js';
import { type TaskStory, tellTasksOfDay } from './task-stories.js';

/** Wuhai's grids found 198,000 issues in 2022 while its 12345 took 649,600 requests: the demo keeps the ratio. */
export const WUHAI_FINDINGS_PER_CASE = 198_000 / 649_600;
/** Tasks pushed onto the grids per finding found (the demo's own proportion). */
const TASKS_PER_FINDING = 0.25;
/** Settings key of the grid history's plan and progress. */
export const GRID_HISTORY_STATE_KEY = 'demo.grid-history';

const GridHistoryState = z.object({
  seed: z.number().int(),
  /** Beijing days of history, ending with the day of `endAt` */
  days: z.number().int().positive(),
  /** findings over the whole history */
  findings: z.number().int().nonnegative(),
  tasks: z.number().int().nonnegative(),
  /** whether patrols are written (the closing rate does not need them) */
  patrols: z.boolean(),
  endAt: z.string(),
  batchDays: z.number().int().positive(),
  batchesDone: z.number().int().nonnegative(),
  finishedAt: z.string().nullable(),
});
type GridHistoryState = z.infer<typeof GridHistoryState>;

/** Options of `seedGridHistory`. */
export interface SeedGridHistoryOptions {
  /** findings in a year of history (default: Wuhai's ratio to the case history's cases) */
  findingsPerYear?: number;
  /** days of history (default 365) */
  days?: number;
  /** write the patrols (default true) */
  patrols?: boolean;
  seed?: number;
  /** the end of the history (default: the case history's, else now) */
  endAt?: Date;
  /** days per transaction (default 4) */
  batchDays?: number;
  /** told after each batch: days written of how many */
  onProgress?: (daysDone: number, days: number) => void;
  /** a pause between batches, so that a server writing in the background keeps answering */
  pauseMs?: number;
  /** checked before each batch: stop when it answers true */
  shouldStop?: () => boolean;
}

/** What a grid history run did. */
export interface GridHistoryReport {
  skipped: boolean;
  days: number;
  findings: number;
  ms: number;
}

/** The stored state of the grid history, if a run ever started. */
export async function readGridHistoryState(db: DbOrTx): Promise<GridHistoryState | null> {
  const parsed = GridHistoryState.safeParse(await readSetting(db, GRID_HISTORY_STATE_KEY));
  return parsed.success ? parsed.data : null;
}

/** Whether the grid history was written to its end. */
export async function isGridHistoryFinished(ctx: AppContext): Promise<boolean> {
  return Boolean((await readGridHistoryState(ctx.db))?.finishedAt);
}

/** The Beijing day numbers of the history, oldest first. */
function daysOf(state: GridHistoryState): number[] {
  const last = toBeijingDayNumber(Date.parse(state.endAt));
  return Array.from({ length: state.days }, (_, i) => last - state.days + 1 + i);
}

/**
 * Starts a run: the plan in `settings`, accounts for the grids' full-time workers, and the grids' patrol
 * plans from the first day of the history — one transaction.
 */
async function startState(ctx: AppContext, options: SeedGridHistoryOptions): Promise<GridHistoryState> {
  const caseHistory = await readHistoryState(ctx);
  const days = options.days ?? 365;
  const perYear =
    options.findingsPerYear ?? Math.round((caseHistory?.cases ?? 50_000) * WUHAI_FINDINGS_PER_CASE);
  const findings = Math.round((perYear * days) / 365);
  const state: GridHistoryState = {
    seed: options.seed ?? DEFAULT_DEMO_CITY_SEED,
    days,
    findings,
    tasks: Math.round(findings * TASKS_PER_FINDING),
    patrols: options.patrols ?? true,
    endAt: (options.endAt ?? (caseHistory ? new Date(caseHistory.endAt) : ctx.clock.now())).toISOString(),
    batchDays: options.batchDays ?? 4,
    batchesDone: 0,
    finishedAt: null,
  };
  const world = await loadHistoryWorld(ctx);
  const firstDay = daysOf(state)[0]!;
  await ctx.db.transaction(async (tx) => {
    await ensureGridWorkerAccounts(tx, ctx.clock.now());
    await ensurePatrolPlans(tx, world.grids, formatDayNumber(firstDay), new Date(beijingMidnight(firstDay)));
    await writeSetting(tx, GRID_HISTORY_STATE_KEY, state, ctx.clock.now());
  });
  return state;
}

/** How many findings and tasks fall on each day: findings every day (fewer on days off), tasks on working days. */
function dailyCounts(state: GridHistoryState, calendar: WorkingCalendar) {
  const days = daysOf(state);
  const working = days.map((d) => isWorkingDay(calendar, formatDayNumber(d)));
  // today counts for the part of it that has passed
  const share = (d: number) =>
    Math.min(1, Math.max(0, (Date.parse(state.endAt) - beijingMidnight(d)) / 86_400_000));
  return {
    days,
    findings: apportion(
      state.findings,
      days.map((d, i) => (working[i] ? 1 : 0.85) * share(d)),
    ),
    tasks: apportion(
      state.tasks,
      days.map((d, i) => (working[i] ? 1 : 0) * share(d)),
    ),
  };
}

/** What one batch of days holds, drawn before its transaction. */
interface DrawnBatch {
  patrols: GeneratedPatrol[];
  findings: PlannedFinding[];
  tasks: TaskStory[];
}

function drawBatch(
  random: DemoRandom,
  w: GridHistoryWorld,
  state: GridHistoryState,
  counts: ReturnType<typeof dailyCounts>,
  b: number,
): DrawnBatch {
  const endAt = new Date(state.endAt);
  const calendar = w.world.calendar;
  const drawn: DrawnBatch = { patrols: [], findings: [], tasks: [] };
  const first = b * state.batchDays;
  for (let i = first; i < Math.min(counts.days.length, first + state.batchDays); i++) {
    const day = counts.days[i]!;
    const byGrid = new Map<number, GeneratedPatrol[]>();
    if (state.patrols) {
      for (const work of w.grids) {
        const patrols = patrolsOfDay(random, work, day, calendar, endAt);
        if (patrols.length > 0) byGrid.set(work.grid.id, patrols);
        drawn.patrols.push(...patrols);
      }
    }
    drawn.findings.push(...planFindingsOfDay(random, w, day, counts.findings[i]!, byGrid, endAt));
    drawn.tasks.push(...tellTasksOfDay(random, w, calendar, day, counts.tasks[i]!, endAt));
  }
  return drawn;
}

/**
 * Writes a drawn batch inside the caller's transaction: patrols and their tracks; the cases of the findings
 * reported up (through the case history's writer: numbers, keyed timelines); the findings, told through the
 * finding lifecycle with those cases; the tasks.
 */
async function writeBatch(
  tx: DbOrTx,
  ctx: AppContext,
  random: DemoRandom,
  scene: HistoryScene,
  drawn: DrawnBatch,
): Promise<void> {
  const patrolIds = await reserveIds(tx, 'grid_patrols', drawn.patrols.length);
  await writePatrols(tx, drawn.patrols, patrolIds);
  const patrolIdOf = new Map(drawn.patrols.map((p, i) => [p, patrolIds[i]!]));
  const findingIds = await reserveIds(tx, 'grid_findings', drawn.findings.length);
  const reported = drawn.findings.flatMap((f, i) =>
    f.fate === 'report' && f.fateAt <= scene.endAt ? [{ index: i, planned: f }] : [],
  );
  const cases: GeneratedCase[] = reported.map(({ index, planned }) =>
    generateCase(random, scene, planned.fateAt, [], caseOfFinding(planned, findingIds[index]!)),
  );
  const caseIds = cases.length > 0 ? await writeHistoryBatch(tx, ctx.chainKey, cases) : [];
  const numbers = new Map(
    (
      await queryRows<{ id: number; number: string }>(
        tx,
        sql`select id, number from cases where id = any(${`{${caseIds.join(',')}}`}::int[])`,
      )
    ).map((r) => [r.id, r.number]),
  );
  const caseOf = new Map(
    reported.map(({ index }, k) => [
      index,
      { caseId: caseIds[k]!, caseNumber: numbers.get(caseIds[k]!)!, endedAt: caseEndOf(cases[k]!) },
    ]),
  );
  const writes: FindingWrite[] = drawn.findings.map((planned, i) => {
    const theCase = caseOf.get(i) ?? null;
    return {
      id: findingIds[i]!,
      planned,
      told: tellFinding(random, planned, scene.endAt, theCase),
      patrolId: planned.patrol ? (patrolIdOf.get(planned.patrol) ?? null) : null,
      caseId: theCase?.caseId ?? null,
    };
  });
  await writeFindings(tx, ctx.chainKey, writes);
  await writeTasks(tx, ctx.chainKey, drawn.tasks, await reserveIds(tx, 'grid_tasks', drawn.tasks.length));
}

/**
 * 网格一年的演示数据: a year of the grids' work in the demo city, ending with the case history — every grid's
 * patrols against its plan (the last days with their GPS tracks), what the workers found (most solved on the
 * spot, some reported up as cases that follow the case lifecycle), and the tasks towns and centres pushed
 * onto the grids. Findings and tasks are told through their lifecycles and written with keyed timelines.
 * Deterministic for a seed, idempotent (a finished history is left alone) and resumable batch by batch.
 * Needs the demo city, its catalog and calendar (`seedDemo`) first; runs best after the case history.
 */
export async function seedGridHistory(
  ctx: AppContext,
  options: SeedGridHistoryOptions = {},
): Promise<GridHistoryReport> {
  const started = Date.now();
  const existing = await readGridHistoryState(ctx.db);
  if (existing?.finishedAt) {
    return { skipped: true, days: existing.days, findings: existing.findings, ms: Date.now() - started };
  }
  const state = existing ?? (await startState(ctx, options));
  const world = await loadHistoryWorld(ctx);
  const w = await loadGridHistoryWorld(ctx, world, state.seed);
  const scene: HistoryScene = {
    world,
    pool: new Map(),
    endAt: new Date(state.endAt),
    reworkLimit: (await readCaseSettings(ctx)).reworkLimit,
    areas: groupByArea(world.categories),
  };
  const counts = dailyCounts(state, world.calendar);
  const batches = Math.ceil(state.days / state.batchDays);
  for (let b = state.batchesDone; b < batches; b++) {
    if (options.shouldStop?.()) break;
    const random = createDemoRandom(deriveSeed(state.seed, `grid-history-batch:${b}`));
    const drawn = drawBatch(random, w, state, counts, b);
    const committed = await ctx.db.transaction(async (tx) => {
      const [locked] = await queryRows<{ value: unknown }>(
        tx,
        sql`select value from settings where key = ${GRID_HISTORY_STATE_KEY} for update`,
      );
      const current = GridHistoryState.parse(locked?.value);
      if (current.batchesDone !== b) return false;
      await writeBatch(tx, ctx, random, scene, drawn);
      const finishedAt = b + 1 >= batches ? ctx.clock.now().toISOString() : null;
      await writeSetting(
        tx,
        GRID_HISTORY_STATE_KEY,
        { ...current, batchesDone: b + 1, finishedAt },
        ctx.clock.now(),
      );
      return true;
    });
    if (!committed) break;
    options.onProgress?.(Math.min(state.days, (b + 1) * state.batchDays), state.days);
    if (options.pauseMs) await new Promise((resolve) => setTimeout(resolve, options.pauseMs));
  }
  return { skipped: false, days: state.days, findings: state.findings, ms: Date.now() - started };
}
