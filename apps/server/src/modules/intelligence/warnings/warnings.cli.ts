import type { Command } from 'commander';
import { openContext } from '../../../platform/bootstrap.js';
import { loadConfig } from '../../../platform/config/config.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { backfillFingerprints } from '../duplicates/case-fingerprints.repository.js';
import { runWarningsJob } from './warnings.job.js';

async function withContext<T>(
  action: (ctx: Awaited<ReturnType<typeof openContext>>) => Promise<T>,
): Promise<T> {
  const ctx = await openContext(loadConfig());
  try {
    return await action(ctx);
  } finally {
    await ctx.database.close();
  }
}

/**
 * `shanzhi warnings run` (the early-warning job once, printing its summary as one JSON line) and
 * `shanzhi duplicates backfill --days N` (fingerprints for cases that have none, e.g. after an import).
 */
export function registerWarningCommands(program: Command): void {
  program
    .command('warnings')
    .description('early warning of emerging problems (苗头性问题预警)')
    .command('run')
    .description('find surges and emerging topics now and store them')
    .action(() =>
      withContext(async (ctx) => {
        process.stdout.write(`${JSON.stringify(await runWarningsJob(ctx))}\n`);
      }),
    );
  program
    .command('duplicates')
    .description('duplicate detection (重复件查重)')
    .command('backfill')
    .description('fingerprint the cases of the last N days that have no fingerprint')
    .option('--days <n>', 'how far back', '365')
    .action((options: { days: string }) =>
      withContext(async (ctx) => {
        const days = Number(options.days);
        if (!Number.isInteger(days) || days < 1) throw new AppError('VALIDATION_FAILED', '--days 须为正整数');
        const since = new Date(ctx.clock.now().getTime() - days * 86_400_000);
        const written = await backfillFingerprints(ctx.db, since);
        process.stdout.write(`${JSON.stringify({ fingerprinted: written })}\n`);
      }),
    );
}
