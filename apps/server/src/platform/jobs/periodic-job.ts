import type { Logger } from '../logging/logger.js';

/** A background job running every so often in this process. */
export interface PeriodicJob {
  /** Stops scheduling and waits for a run in progress to finish. */
  stop(): Promise<void>;
}

/**
 * Runs `run` every `intervalMs`, never two runs at once (the next waits for the previous to end), logging
 * failures without stopping. Jobs that several processes run on one database must claim their rows safely
 * themselves (`FOR UPDATE SKIP LOCKED`).
 */
export function startPeriodicJob(
  logger: Logger,
  name: string,
  intervalMs: number,
  run: () => Promise<unknown>,
): PeriodicJob {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;
  const tick = () => {
    running = run()
      .then((result) => logger.debug({ job: name, result }, 'job ran'))
      .catch((error: unknown) => logger.error({ err: error, job: name }, 'job failed'))
      .finally(() => {
        running = undefined;
        if (!stopped) schedule();
      });
  };
  const schedule = () => {
    timer = setTimeout(tick, intervalMs);
    timer.unref();
  };
  schedule();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
