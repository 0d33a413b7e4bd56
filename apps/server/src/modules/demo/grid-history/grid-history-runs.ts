import {
  beijingMidnight,
  computeGridMeasure,
  emptyGridCounts,
  type GridCounts,
  sumGridCounts,
  toBeijingDayNumber,
} from '@shanzhi/shared';
import type { AppContext } from '../../../platform/context.js';
import { countFindings, findingCountsOf } from '../../grid/stats/grid-stats.repository.js';
import { readGridHistoryState, type SeedGridHistoryOptions, seedGridHistory } from './seed-grid-history.js';

/** Logs the closing rate of the grid history's findings, against Wuhai's published figure. */
export async function logGridHistoryMeasures(ctx: AppContext): Promise<void> {
  const state = await readGridHistoryState(ctx.db);
  if (!state) return;
  const endAt = new Date(state.endAt);
  const firstDay = toBeijingDayNumber(endAt.getTime()) - state.days + 1;
  const from = new Date(beijingMidnight(firstDay));
  // the whole city, the history's days, as the stats answer them at the end of the history
  const rows = await countFindings(ctx.db, {
    path: '/',
    from,
    to: endAt,
    asOf: endAt,
    planFrom: '',
    planUntil: '',
  });
  const counts = sumGridCounts(
    rows.map((r): GridCounts => ({ ...emptyGridCounts(), findings: findingCountsOf(r) })),
  );
  const rate = computeGridMeasure('closingRate', counts);
  ctx.logger.info(
    {
      findings: counts.findings.found,
      closed: rate.numerator,
      closingRate: rate.value === null ? '—' : `${(rate.value * 100).toFixed(2)} %`,
    },
    'demo grid history measures (Wuhai 2022: 195,000 of 198,000 findings closed, 98.48 %)',
  );
}

/** `shanzhi seed --demo`: writes the grid history in the foreground, after the case history. */
export async function seedGridHistoryInForeground(
  ctx: AppContext,
  options: Pick<SeedGridHistoryOptions, 'days' | 'findingsPerYear'>,
): Promise<void> {
  let lastTenth = -1;
  const report = await seedGridHistory(ctx, {
    ...options,
    onProgress: (done, days) => {
      const tenth = Math.floor((done * 10) / days);
      if (tenth === lastTenth) return;
      lastTenth = tenth;
      ctx.logger.info(`seeded ${done} / ${days} days of grid history`);
    },
  });
  if (report.skipped) {
    ctx.logger.info({ days: report.days }, 'demo grid history already written: skipped');
    return;
  }
  ctx.logger.info(
    { days: report.days, findings: report.findings, ms: report.ms },
    'demo grid history written',
  );
  await logGridHistoryMeasures(ctx);
}

/**
 * Writes the grid history in the background of a serving process (after the case history), in small
 * batches with a pause between them; `shouldStop` ends it after the batch in progress (the next start
 * resumes).
 */
export async function seedGridHistoryInBackground(ctx: AppContext, shouldStop: () => boolean): Promise<void> {
  const report = await seedGridHistory(ctx, {
    batchDays: 2,
    pauseMs: 100,
    shouldStop,
    onProgress: (done, days) => {
      if (done % 30 < 2 || done === days) ctx.logger.info(`seeded ${done} / ${days} days of grid history`);
    },
  });
  if (shouldStop() || report.skipped) return;
  ctx.logger.info(
    { days: report.days, findings: report.findings, ms: report.ms },
    'demo grid history written',
  );
  await logGridHistoryMeasures(ctx);
}
