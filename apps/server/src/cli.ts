import fs from 'node:fs';
import { Role } from '@shanzhi/shared';
import { Command, InvalidArgumentError } from 'commander';
import { importCalendarYear, parseHolidayFile } from './modules/calendar/calendar.service.js';
import { runTimelineCheck } from './modules/cases/jobs/timeline-check.job.js';
import { sealLegacyChains } from './modules/cases/legacy-chains.js';
import { seedGridHistoryInForeground } from './modules/demo/grid-history/grid-history-runs.js';
import { seedDemoHistoryInForeground } from './modules/demo/history/history-runs.js';
import { MAX_HISTORY_CASES } from './modules/demo/history/seed-history.js';
import { seedDemo } from './modules/demo/seed-demo.js';
import { seedSafetyHistory } from './modules/hazards/demo/seed-safety-history.js';
import { registerModelCommands } from './modules/intelligence/model.cli.js';
import { registerWarningCommands } from './modules/intelligence/warnings/warnings.cli.js';
import { registerIotCommands } from './modules/iot/simulator/iot.cli.js';
import { registerKpiCommands } from './modules/kpis/kpis.cli.js';
import {
  DEFAULT_HISTORY_DISPUTES,
  MAX_HISTORY_DISPUTES,
  seedMediationHistory,
} from './modules/mediation/demo/seed-mediation-history.js';
import { seedDemoPetitions } from './modules/petitions/demo/seed-demo-petitions.js';
import { createUserFromCli } from './modules/users/users.cli.js';
import { closeContext, openContext } from './platform/bootstrap.js';
import { ConfigError, loadConfig } from './platform/config/config.js';
import { AppError } from './platform/errors/app-error.js';
import { serve } from './serve.js';

/** Runs `action` with a migrated database and closes it after. */
async function withContext<T>(
  action: (ctx: Awaited<ReturnType<typeof openContext>>) => Promise<T>,
): Promise<T> {
  const ctx = await openContext(loadConfig());
  try {
    return await action(ctx);
  } finally {
    await closeContext(ctx);
  }
}

const program = new Command('shanzhi')
  .description('善治 — municipal social-governance platform')
  .showHelpAfterError();

program
  .command('serve')
  .description('start the platform (API, web app, jobs); seeds the demo city on an empty embedded database')
  .action(() => serve(loadConfig()));

program
  .command('migrate')
  .description('apply pending database migrations')
  .action(() => withContext(async (ctx) => ctx.logger.info('migrations are current')));

program
  .command('seed')
  .description('load data')
  .requiredOption('--demo', 'the Wuhai demo city (idempotent)')
  .option(
    '--history-cases <n>',
    `cases in the year of demo history (default 50000, at most ${MAX_HISTORY_CASES})`,
    parseHistoryCases,
  )
  .option('--no-history', 'skip the year of demo history')
  .option(
    '--grid-history-days <n>',
    'days of grid history (patrols, findings, tasks) after the case history (default 365; 0: none)',
    parseCount(0, 366),
  )
  .option(
    '--grid-findings <n>',
    "findings in a year of grid history (default: Wuhai's 198,000 findings to 649,600 requests)",
    parseCount(0, 200_000),
  )
  .option(
    '--mediation-disputes <n>',
    `disputes in the year of mediation history (default ${DEFAULT_HISTORY_DISPUTES}, at most ${MAX_HISTORY_DISPUTES}; 0: none)`,
    parseCount(0, MAX_HISTORY_DISPUTES),
  )
  .action(
    (options: {
      history: boolean;
      historyCases?: number;
      gridHistoryDays?: number;
      gridFindings?: number;
      mediationDisputes?: number;
    }) =>
      withContext(async (ctx) => {
        await seedDemo(ctx);
        if (!options.history) return;
        await seedDemoHistoryInForeground(ctx, options.historyCases);
        const disputes = await seedMediationHistory(
          ctx,
          options.mediationDisputes ?? DEFAULT_HISTORY_DISPUTES,
        );
        ctx.logger.info({ disputes }, 'year of mediation history seeded');
        ctx.logger.info({ petitions: await seedDemoPetitions(ctx) }, 'demo petitions seeded');
        ctx.logger.info({ inspections: await seedSafetyHistory(ctx) }, 'year of safety inspections seeded');
        if (options.gridHistoryDays === 0) return;
        await seedGridHistoryInForeground(ctx, {
          days: options.gridHistoryDays,
          findingsPerYear: options.gridFindings,
        });
      }),
  );

/** A whole number from `min` to `max`. */
function parseCount(min: number, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max) {
      throw new InvalidArgumentError(`must be a whole number from ${min} to ${max}`);
    }
    return n;
  };
}

/** `--history-cases`: a whole number from 1 to Wuhai's real 650,000. */
function parseHistoryCases(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > MAX_HISTORY_CASES) {
    throw new InvalidArgumentError(`must be a whole number from 1 to ${MAX_HISTORY_CASES}`);
  }
  return n;
}

program
  .command('user')
  .description('manage users')
  .command('create')
  .description('create a user (the password is read from SHANZHI_NEW_PASSWORD or asked for)')
  .requiredOption('--username <name>')
  .requiredOption('--name <displayName>')
  .requiredOption('--org <code>', 'code of the user’s org, e.g. 150300')
  .requiredOption('--role <role...>', `one or more of ${Role.options.join(', ')}`)
  .option('--phone <phone>')
  .action((options) => withContext((ctx) => createUserFromCli(ctx, options)));

program
  .command('calendar')
  .description('working-day calendar')
  .command('import <file>')
  .description('import one year of holidays and make-up days (holiday-cn JSON)')
  .action((file: string) =>
    withContext(async (ctx) => {
      const parsed = parseHolidayFile(JSON.parse(fs.readFileSync(file, 'utf8')));
      await importCalendarYear(ctx, parsed, `cli:${file}`);
      ctx.logger.info({ year: parsed.year, days: parsed.days.length }, 'calendar year imported');
    }),
  );

program
  .command('timelines')
  .description('case timelines (一事一档)')
  .command('verify')
  .description('verify the keyed hash chains of a sample of cases now; exit code 3 when one is broken')
  .action(() =>
    withContext(async (ctx) => {
      await sealLegacyChains(ctx);
      const result = await runTimelineCheck(ctx, { force: true });
      process.stdout.write(`${JSON.stringify({ checked: result.checked, broken: result.broken })}\n`);
      if (result.broken.length > 0) process.exitCode = 3;
    }),
  );

registerModelCommands(program, undefined, withContext);
registerWarningCommands(program);
registerKpiCommands(program, withContext);
registerIotCommands(program, withContext);

// Whatever a command creates is its owner's alone unless said otherwise. The data directory does not rely on
// it (its writers set 0700/0600 themselves, and PGlite's explicit chmods bypass any umask): this covers the
// rest, such as a model written with `--out`.
process.umask(0o077);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else if (error instanceof AppError) {
    const fields = (error.fields ?? []).map((f) => `\n  ${f.field}: ${f.message}`).join('');
    process.stderr.write(`${error.code}: ${error.message}${fields}\n`);
  } else if (error instanceof SyntaxError || (error as NodeJS.ErrnoException).code === 'ENOENT') {
    process.stderr.write(`${(error as Error).message}\n`);
  } else {
    throw error;
  }
  process.exitCode = 2;
}
