import type { Command } from 'commander';
import type { AppContext } from '../../platform/context.js';
import { rebuildKpiCounters } from './kpi-aggregates.repository.js';

/** `shanzhi kpis rebuild`: recounts the KPI counters from the cases (idempotent), in one transaction. */
export function registerKpiCommands(
  program: Command,
  withContext: (action: (ctx: AppContext) => Promise<void>) => Promise<void>,
): void {
  program
    .command('kpis')
    .description('the measures (考核)')
    .command('rebuild')
    .description('recount the pre-aggregated KPI counters from the cases')
    .action(() =>
      withContext(async (ctx) => {
        const started = Date.now();
        await ctx.db.transaction((tx) => rebuildKpiCounters(tx));
        ctx.logger.info({ ms: Date.now() - started }, 'KPI counters rebuilt');
      }),
    );
}
