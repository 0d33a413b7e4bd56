import type { ServerResponse } from 'node:http';

/** How often a comment line keeps proxies and the browser from dropping an idle stream. */
export const SSE_HEARTBEAT_MS = 20_000;
/** How long the browser waits before reconnecting (the `retry:` field). */
export const SSE_RETRY_MS = 3_000;
/** A client that falls this far behind (bytes buffered) is dropped; it reconnects and reloads. */
const MAX_BUFFERED_BYTES = 1_048_576;

/** One open server-sent-events response. */
export interface SseConnection {
  /** Sends one event (`event:`, `id:`, one `data:` line of JSON). */
  send(event: string, data: unknown): void;
  /** Ends the stream (shutdown, or the client fell behind). */
  end(): void;
  /** Whether it is still open. */
  readonly open: boolean;
}

/**
 * Starts an SSE response on a raw Node response: the headers, the `retry:` field, a `ready` event once the
 * caller is subscribed, and a heartbeat comment every `heartbeatMs`. `onClose` runs once, however it ends.
 */
export function openSseConnection(
  res: ServerResponse,
  onClose: () => void,
  heartbeatMs = SSE_HEARTBEAT_MS,
): SseConnection {
  let open = true;
  let nextId = 1;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    // nginx would otherwise buffer the stream
    'x-accel-buffering': 'no',
  });
  const close = () => {
    if (!open) return;
    open = false;
    clearInterval(heartbeat);
    onClose();
  };
  const write = (text: string) => {
    if (!open) return;
    res.write(text);
    if (res.writableLength > MAX_BUFFERED_BYTES) connection.end();
  };
  const heartbeat = setInterval(() => write(`: heartbeat ${new Date().toISOString()}\n\n`), heartbeatMs);
  heartbeat.unref();
  res.on('close', close);
  const connection: SseConnection = {
    send(event, data) {
      write(`event: ${event}\nid: ${nextId++}\ndata: ${JSON.stringify(data)}\n\n`);
    },
    end() {
      if (!open) return;
      close();
      res.end();
    },
    get open() {
      return open;
    },
  };
  write(`retry: ${SSE_RETRY_MS}\n\n`);
  return connection;
}
