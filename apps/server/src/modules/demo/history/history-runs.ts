import { computeKpis } from '@shanzhi/shared';
import type { AppContext } from '../../../platform/context.js';
import { isSafetyHistoryDue, seedSafetyHistory } from '../../hazards/demo/seed-safety-history.js';
import { isMarketHistoryDue, seedMarketHistory } from '../../marketplace/demo/seed-market-history.js';
import {
  DEFAULT_HISTORY_DISPUTES,
  isMediationHistoryDue,
  seedMediationHistory,
} from '../../mediation/demo/seed-mediation-history.js';
import { seedDemoPetitions } from '../../petitions/demo/seed-demo-petitions.js';
import { seedGridHistoryInBackground } from '../grid-history/grid-history-runs.js';
import { isGridHistoryFinished } from '../grid-history/seed-grid-history.js';
import { areDemoVisitsUnfinished, seedDemoVisits } from '../registers/seed-demo-visits.js';
import { countHistoryKpis } from './history-kpi-counts.js';
import { createHistoryProgress } from './history-progress.js';
import { isHistoryUnfinished, readHistoryState, seedDemoHistory } from './seed-history.js';

const percent = (value: number | null) => (value === null ? '—' : `${(value * 100).toFixed(2)} %`);

/** Logs the measures the history came out with, against Wuhai's published figures. */
async function logHistoryMeasures(ctx: AppContext): Promise<void> {
  const state = await readHistoryState(ctx);
  const kpis = computeKpis(await countHistoryKpis(ctx.db, state ? new Date(state.endAt) : ctx.clock.now()));
  ctx.logger.info(
    {
      closingRate: percent(kpis.closingRate.value),
      satisfactionRate: percent(kpis.satisfactionRate.value),
      responseRate: percent(kpis.responseRate.value),
      solvingRate: percent(kpis.solvingRate.value),
    },
    'demo history measures (Wuhai 2022: closing 99.17 %, satisfaction 97.83 %)',
  );
}

/** `shanzhi seed --demo`: writes the year of history in the foreground, with a progress bar. */
export async function seedDemoHistoryInForeground(ctx: AppContext, cases: number | undefined): Promise<void> {
  await writeDemoVisits(ctx);
  const report = await seedDemoHistory(ctx, { cases, onProgress: createHistoryProgress(ctx.logger) });
  if (report.skipped) {
    ctx.logger.info({ cases: report.cases }, 'demo history already written: skipped');
    return;
  }
  const perSecond = Math.round(report.written / Math.max(0.001, report.ms / 1000));
  ctx.logger.info({ written: report.written, ms: report.ms, perSecond }, 'demo history written');
  await logHistoryMeasures(ctx);
}

/** The year of household visits of the demo register, before the cases (it takes seconds, not minutes). */
async function writeDemoVisits(ctx: AppContext, background?: { shouldStop: () => boolean }): Promise<void> {
  const report = await seedDemoVisits(ctx, background ? { pauseMs: 100, ...background } : {});
  if (!report.skipped)
    ctx.logger.info({ visits: report.visits }, 'demo household visits written (Wuhai 2022: 60,000+)');
}

/** A history run in the background of a serving process. */
export interface BackgroundHistory {
  /** Stops after the batch in progress (the next start resumes) and waits for it. */
  stop(): Promise<void>;
  /** settles when the history is written (or stopped, or failed): what reads a whole year waits for it */
  finished: Promise<void>;
}

/**
 * Writes the demo history in the background of the server, in small batches with a pause between them,
 * so the API answers meanwhile (the embedded database runs one statement at a time): the register's year of
 * household visits, the year of disputes (a few seconds), the marketplace's year of orders, the year of safety inspections and hazards, the year of cases, then the grids' year (patrols,
 * findings, tasks). Runs when `fresh` (a first start that just seeded the city), when an earlier run of either
 * was interrupted, or when a demo database has its cases but no grid or mediation history.
 */
export async function startHistoryInBackground(ctx: AppContext, fresh: boolean): Promise<BackgroundHistory> {
  const cases = ctx.config.SHANZHI_DEMO_HISTORY_CASES;
  if (cases === 0) return { stop: async () => {}, finished: Promise.resolve() };
  const casesDue = fresh || (await isHistoryUnfinished(ctx));
  const visitsDue = fresh || (await areDemoVisitsUnfinished(ctx));
  // a demo database written before the grid history existed gets it too, once its cases are there
  const hasCases = (await readHistoryState(ctx)) !== null;
  const gridDue = casesDue || (hasCases && !(await isGridHistoryFinished(ctx)));
  const mediationDue = (fresh || hasCases) && (await isMediationHistoryDue(ctx));
  const marketDue = (fresh || hasCases) && (await isMarketHistoryDue(ctx));
  const safetyDue = (fresh || hasCases) && (await isSafetyHistoryDue(ctx));
  if (!gridDue && !visitsDue && !mediationDue && !marketDue && !safetyDue)
    return { stop: async () => {}, finished: Promise.resolve() };
  ctx.logger.info('writing a year of demo history in the background; the API is available meanwhile');
  let stopping = false;
  const writeCases = async () => {
    if (!casesDue) return;
    const report = await seedDemoHistory(ctx, {
      cases,
      batchSize: 250,
      pauseMs: 100,
      onProgress: createHistoryProgress(ctx.logger, { isTTY: false } as NodeJS.WriteStream),
      shouldStop: () => stopping,
    });
    if (stopping || report.skipped) return;
    ctx.logger.info({ written: report.written, ms: report.ms }, 'demo history written');
    await logHistoryMeasures(ctx);
  };
  const writeDisputes = async () => {
    if (!mediationDue || stopping) return;
    const disputes = await seedMediationHistory(ctx, DEFAULT_HISTORY_DISPUTES);
    ctx.logger.info({ disputes }, 'year of mediation history seeded');
    ctx.logger.info({ petitions: await seedDemoPetitions(ctx) }, 'demo petitions seeded');
  };
  const writeOrders = async () => {
    if (!marketDue || stopping) return;
    const orders = await seedMarketHistory(ctx);
    ctx.logger.info({ orders }, 'year of marketplace orders seeded');
  };
  const writeSafety = async () => {
    if (!safetyDue || stopping) return;
    const inspections = await seedSafetyHistory(ctx);
    ctx.logger.info({ inspections }, 'year of safety inspections and hazards seeded');
  };
  const run = (visitsDue ? writeDemoVisits(ctx, { shouldStop: () => stopping }) : Promise.resolve())
    .then(writeDisputes)
    .then(writeOrders)
    .then(writeSafety)
    .then(writeCases)
    .then(async () => {
      if (!stopping && !(await isHistoryUnfinished(ctx)))
        await seedGridHistoryInBackground(ctx, () => stopping);
    })
    .catch((error: unknown) =>
      ctx.logger.error({ err: error }, 'demo history failed; it resumes at the next start'),
    );
  return {
    async stop() {
      stopping = true;
      await run;
    },
    finished: run,
  };
}
