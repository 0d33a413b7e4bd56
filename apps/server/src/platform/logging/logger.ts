import pino, { type Logger } from 'pino';

/** Creates the process logger: JSON lines (pino), one per event, with the service name on each. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'shanzhi' }, timestamp: pino.stdTimeFunctions.isoTime });
}

export type { Logger };
