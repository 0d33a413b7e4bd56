import path from 'node:path';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.js';
import { queryRows } from '../../../platform/db/database.js';
import { readCaseSettings } from '../../cases/case-settings.js';
import { readSetting, writeSetting } from '../../settings/settings.repository.js';
import { DEFAULT_DEMO_CITY_SEED } from '../demo-city.js';
import { createDemoRandom, deriveSeed } from '../demo-random.js';
import { type GeneratedCase, generateCase, groupByArea, type HistoryScene } from './history-case.js';
import { planIntakeTimes } from './history-plan.js';
import type { HistoryProgress } from './history-progress.js';
import { loadMessagePool } from './history-texts.js';
import { loadHistoryWorld } from './history-world.js';
import { writeHistoryBatch } from './history-writer.js';

/** How many cases the demo history has unless told otherwise. */
export const DEFAULT_HISTORY_CASES = 50_000;
/** Wuhai's real yearly volume (649,600 requests in 2022): the most the demo history writes. */
export const MAX_HISTORY_CASES = 650_000;
/** Settings key of the history's plan and progress (what makes it idempotent and resumable). */
export const HISTORY_STATE_KEY = 'demo.history';

/** The plan of a history run and how far it got, stored in `settings` with each batch. */
const HistoryState = z.object({
  seed: z.number().int(),
  cases: z.number().int().positive(),
  batchSize: z.number().int().positive(),
  /** the end of the year of history (ISO): kept so that a resumed run carries on the same plan */
  endAt: z.string(),
  batchesDone: z.number().int().nonnegative(),
  finishedAt: z.string().nullable(),
});
type HistoryState = z.infer<typeof HistoryState>;

/** Options of `seedDemoHistory`. */
export interface SeedHistoryOptions {
  /** how many cases (default 50,000, at most 650,000) */
  cases?: number;
  /** random seed (default the demo city's) */
  seed?: number;
  /** cases per transaction (default 1,000) */
  batchSize?: number;
  /** the end of the year of history (default now) */
  endAt?: Date;
  /** the Teddy Cup folder to draw citizens' messages from; null for templates only */
  teddyDir?: string | null;
  /** told after each batch */
  onProgress?: HistoryProgress;
  /** a pause between batches, so that a server writing the history in the background keeps answering */
  pauseMs?: number;
  /** checked before each batch: stop when it answers true (the server is shutting down) */
  shouldStop?: () => boolean;
}

/** What a history run did. */
export interface HistoryReport {
  /** the history was already complete: nothing written */
  skipped: boolean;
  cases: number;
  written: number;
  ms: number;
}

/** The stored state of the history, if a run ever started. */
export async function readHistoryState(ctx: AppContext): Promise<HistoryState | null> {
  const parsed = HistoryState.safeParse(await readSetting(ctx.db, HISTORY_STATE_KEY));
  return parsed.success ? parsed.data : null;
}

/** Whether a history run started and did not finish (a restart should resume it). */
export async function isHistoryUnfinished(ctx: AppContext): Promise<boolean> {
  const state = await readHistoryState(ctx);
  return state !== null && state.finishedAt === null;
}

async function startState(ctx: AppContext, options: SeedHistoryOptions): Promise<HistoryState> {
  const cases = options.cases ?? DEFAULT_HISTORY_CASES;
  if (!Number.isInteger(cases) || cases < 1 || cases > MAX_HISTORY_CASES) {
    throw new RangeError(`the demo history has 1 to ${MAX_HISTORY_CASES} cases, not ${cases}`);
  }
  const state: HistoryState = {
    seed: options.seed ?? DEFAULT_DEMO_CITY_SEED,
    cases,
    batchSize: options.batchSize ?? 1_000,
    endAt: (options.endAt ?? ctx.clock.now()).toISOString(),
    batchesDone: 0,
    finishedAt: null,
  };
  await writeSetting(ctx.db, HISTORY_STATE_KEY, state, ctx.clock.now());
  return state;
}

/** Generates the cases of batch `b` (its own random stream, so any batch can be redone alone). */
function generateBatch(
  scene: HistoryScene,
  state: HistoryState,
  times: readonly number[],
  b: number,
): GeneratedCase[] {
  const random = createDemoRandom(deriveSeed(state.seed, `history-batch:${b}`));
  const batch: GeneratedCase[] = [];
  const end = Math.min(times.length, (b + 1) * state.batchSize);
  for (let i = b * state.batchSize; i < end; i++)
    batch.push(generateCase(random, scene, new Date(times[i]!), batch));
  return batch;
}

/**
 * Writes batch `b` and records it in one transaction; answers false when another process got there first
 * (the state row, locked, says so), so two runs never write the same batch.
 */
async function commitBatch(ctx: AppContext, batch: readonly GeneratedCase[], b: number): Promise<boolean> {
  return ctx.db.transaction(async (tx) => {
    const [locked] = await queryRows<{ value: unknown }>(
      tx,
      sql`select value from settings where key = ${HISTORY_STATE_KEY} for update`,
    );
    const state = HistoryState.parse(locked?.value);
    if (state.batchesDone !== b) return false;
    await writeHistoryBatch(tx, ctx.chainKey, batch);
    const batches = Math.ceil(state.cases / state.batchSize);
    const next = {
      ...state,
      batchesDone: b + 1,
      finishedAt: b + 1 >= batches ? ctx.clock.now().toISOString() : null,
    };
    await writeSetting(tx, HISTORY_STATE_KEY, next, ctx.clock.now());
    return true;
  });
}

/**
 * 一年的演示数据: a year of cases ending now, with complete hash-chained timelines, written in batches of
 * multi-row inserts, one transaction per batch. Deterministic for a seed; idempotent (a finished history is
 * left alone) and resumable (an interrupted run carries on with the batch after the last one committed).
 * Needs the demo city, its catalog and calendar (`seedDemo`) first.
 */
export async function seedDemoHistory(
  ctx: AppContext,
  options: SeedHistoryOptions = {},
): Promise<HistoryReport> {
  const started = Date.now();
  const existing = await readHistoryState(ctx);
  if (existing?.finishedAt)
    return { skipped: true, cases: existing.cases, written: 0, ms: Date.now() - started };
  const state = existing ?? (await startState(ctx, options));
  const world = await loadHistoryWorld(ctx);
  const teddyDir =
    options.teddyDir === undefined
      ? path.join(ctx.config.SHANZHI_SHARED_DATA_DIR, 'teddy_cup_2020_c')
      : options.teddyDir;
  const scene: HistoryScene = {
    world,
    pool: teddyDir ? loadMessagePool(teddyDir) : new Map(),
    endAt: new Date(state.endAt),
    reworkLimit: (await readCaseSettings(ctx)).reworkLimit,
    areas: groupByArea(world.categories),
  };
  const times = planIntakeTimes(state.seed, state.cases, scene.endAt, world.calendar);
  const batches = Math.ceil(state.cases / state.batchSize);
  let written = 0;
  for (let b = state.batchesDone; b < batches; b++) {
    if (options.shouldStop?.()) break;
    const batch = generateBatch(scene, state, times, b);
    if (!(await commitBatch(ctx, batch, b))) break;
    written += batch.length;
    options.onProgress?.(Math.min(state.cases, (b + 1) * state.batchSize), state.cases);
    if (options.pauseMs) await new Promise((resolve) => setTimeout(resolve, options.pauseMs));
  }
  return { skipped: false, cases: state.cases, written, ms: Date.now() - started };
}
