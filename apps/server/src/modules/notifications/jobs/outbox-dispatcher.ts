import type { AppContext } from '../../../platform/context.js';
import type { PeriodicJob } from '../../../platform/jobs/periodic-job.js';
import type { OutboxSubscriber } from '../../../platform/lifecycle/outbox-subscriber.js';
import { pgListenerOf } from '../../../platform/realtime/realtime.js';
import { runOutboxDispatch } from './outbox-dispatch.job.js';

/** The channel the outbox trigger (migration 0006) wakes consumers on. */
export const OUTBOX_CHANNEL = 'shanzhi_outbox';

/** How often the consumer looks at the outbox without being woken. */
export const OUTBOX_POLL_MS = 1_000;

const WAKE_DELAY_MS = 25;

/**
 * Runs the outbox consumer in this process: every `intervalMs`, and at once when the database signals new
 * rows (NOTIFY from the outbox's trigger, on PostgreSQL and on PGlite alike), never two runs at once, feeding
 * the other modules' `subscribers` too. Safe in several processes.
 */
export function startOutboxDispatcher(
  ctx: AppContext,
  options: { intervalMs?: number; subscribers?: readonly OutboxSubscriber[] } = {},
): PeriodicJob {
  const intervalMs = options.intervalMs ?? OUTBOX_POLL_MS;
  const subscribers = options.subscribers ?? [];
  let stopped = false;
  let woken = false;
  let soon = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let release: (() => Promise<void>) | undefined;

  const run = () => {
    clearTimeout(timer);
    timer = undefined;
    woken = false;
    soon = false;
    running = runOutboxDispatch(ctx, { subscribers })
      .then((result) => {
        if (result.processed > 0) ctx.logger.debug({ job: 'outbox-dispatch', result }, 'job ran');
      })
      .catch((error: unknown) => ctx.logger.error({ err: error, job: 'outbox-dispatch' }, 'job failed'))
      .finally(() => {
        running = undefined;
        if (stopped) return;
        // a wake-up during the run may concern rows the run did not see
        schedule(woken ? WAKE_DELAY_MS : intervalMs);
      });
  };
  const schedule = (delay: number) => {
    clearTimeout(timer);
    timer = setTimeout(run, delay);
    timer.unref();
  };
  const wake = () => {
    if (stopped) return;
    if (running) woken = true;
    // a short delay gathers the rows of a burst of commits into one batch
    else if (!soon) {
      soon = true;
      schedule(WAKE_DELAY_MS);
    }
  };

  const listener = pgListenerOf(ctx);
  // on PGlite the process hears its own commits: a new case goes out live at once, not at the next poll
  const listen = listener ? listener.listen.bind(listener) : ctx.database.listen;
  const listening = listen?.(OUTBOX_CHANNEL, wake)
    .then((stop) => {
      release = stop;
    })
    .catch((error: unknown) => ctx.logger.warn({ err: error }, 'outbox wake-ups unavailable; polling only'));
  schedule(intervalMs);

  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await listening;
      await release?.();
      await running;
    },
  };
}
