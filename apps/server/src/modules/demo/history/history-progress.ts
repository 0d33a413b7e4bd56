import type { Logger } from '../../../platform/logging/logger.js';

/** Told after each batch: how many cases are written of how many. */
export type HistoryProgress = (done: number, total: number) => void;

const number = (n: number) => n.toLocaleString('en-US');

function line(done: number, total: number, startedAt: number): string {
  const seconds = (Date.now() - startedAt) / 1000;
  const rate = seconds > 0 ? Math.round(done / seconds) : 0;
  const percent = total > 0 ? Math.floor((done * 100) / total) : 100;
  return `seeded ${number(done)} / ${number(total)} cases (${percent} %), ${number(rate)} cases/s`;
}

/**
 * A progress bar redrawn in place on a terminal; elsewhere (a log file, CI, the server's background run)
 * a log line at every tenth of the way.
 */
export function createHistoryProgress(
  logger: Logger,
  stream: NodeJS.WriteStream = process.stderr,
): HistoryProgress {
  const startedAt = Date.now();
  let lastTenth = -1;
  return (done, total) => {
    if (stream.isTTY) {
      const width = 30;
      const filled = total > 0 ? Math.round((done * width) / total) : width;
      stream.write(`\r[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${line(done, total, startedAt)}`);
      if (done >= total) stream.write('\n');
      return;
    }
    const tenth = total > 0 ? Math.floor((done * 10) / total) : 10;
    if (tenth !== lastTenth) {
      lastTenth = tenth;
      logger.info(line(done, total, startedAt));
    }
  };
}
