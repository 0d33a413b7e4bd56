import { type Command, InvalidArgumentError } from 'commander';
import type { AppContext } from '../../../platform/context.js';
import { simulate } from './simulate.js';

/** A positive number of a command-line option, or a refusal naming it. */
function positive(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!(n > 0)) throw new InvalidArgumentError(`${name} must be a positive number`);
    return n;
  };
}

/** `shanzhi iot simulate`: the demo devices speak, over MQTT or signed HTTP. */
export function registerIotCommands(
  program: Command,
  withContext: (action: (ctx: AppContext) => Promise<void>) => Promise<void>,
): void {
  program
    .command('iot')
    .description('smart-safe estates (智安小区)')
    .command('simulate')
    .description('the devices of an estate (or all) send realistic alerts and heartbeats')
    .option('--estate <name or id>', 'the estate (谱翔A区 …); all estates when absent')
    .option('--rate <n>', 'alerts per second', positive('--rate'), 5)
    .option('--minutes <m>', 'how long', positive('--minutes'), 1)
    .option('--target <url>', 'mqtt://… (default MQTT_URL) or the platform’s http://… for signed alerts')
    .action((options: { estate?: string; rate: number; minutes: number; target?: string }) =>
      withContext(async (ctx) => {
        const target = options.target ?? ctx.config.MQTT_URL ?? `http://127.0.0.1:${ctx.config.PORT}`;
        const result = await simulate(ctx, { ...options, target });
        process.stdout.write(`${JSON.stringify({ target, ...result })}\n`);
      }),
    );
}
