import { computeKpis } from '@shanzhi/shared';
import type { AppContext } from '../../../platform/context.js';
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
  const report = await seedDemoHistory(ctx, { cases, onProgress: createHistoryProgress(ctx.logger) });
  if (report.skipped) {
    ctx.logger.info({ cases: report.cases }, 'demo history already written: skipped');
    return;
  }
  const perSecond = Math.round(report.written / Math.max(0.001, report.ms / 1000));
  ctx.logger.info({ written: report.written, ms: report.ms, perSecond }, 'demo history written');
  await logHistoryMeasures(ctx);
}

/** A history run in the background of a serving process. */
export interface BackgroundHistory {
  /** Stops after the batch in progress (the next start resumes) and waits for it. */
  stop(): Promise<void>;
}

/**
 * Writes the demo history in the background of the server, in small batches with a pause between them,
 * so the API answers meanwhile (the embedded database runs one statement at a time). Runs when `fresh` (a
 * first start that just seeded the city) or when an earlier run was interrupted.
 */
export async function startHistoryInBackground(ctx: AppContext, fresh: boolean): Promise<BackgroundHistory> {
  const cases = ctx.config.SHANZHI_DEMO_HISTORY_CASES;
  if (cases === 0 || (!fresh && !(await isHistoryUnfinished(ctx)))) return { stop: async () => {} };
  ctx.logger.info('writing a year of demo history in the background; the API is available meanwhile');
  let stopping = false;
  const run = seedDemoHistory(ctx, {
    cases,
    batchSize: 250,
    pauseMs: 100,
    onProgress: createHistoryProgress(ctx.logger, { isTTY: false } as NodeJS.WriteStream),
    shouldStop: () => stopping,
  })
    .then(async (report) => {
      if (stopping || report.skipped) return;
      ctx.logger.info({ written: report.written, ms: report.ms }, 'demo history written');
      await logHistoryMeasures(ctx);
    })
    .catch((error: unknown) =>
      ctx.logger.error({ err: error }, 'demo history failed; it resumes at the next start'),
    );
  return {
    async stop() {
      stopping = true;
      await run;
    },
  };
}
