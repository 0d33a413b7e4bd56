import http from 'node:http';

/** One event as a client received it. */
export interface ReceivedEvent {
  event: string;
  data: { topic?: string; data?: Record<string, unknown>; [key: string]: unknown };
}

/** A test client of `GET /api/v1/stream` over a real socket. */
export interface SseClient {
  /** every event received so far, in order */
  events: ReceivedEvent[];
  /** the first received event (past or future) that matches, or a rejection after `timeoutMs` */
  waitFor(match: (e: ReceivedEvent) => boolean, timeoutMs?: number): Promise<ReceivedEvent>;
  /** resolves when the server ends the stream */
  ended: Promise<void>;
  close(): void;
}

/** Opens a stream and resolves once the server says `ready` (the caller is subscribed). */
export function connectSse(url: string, headers: Record<string, string>): Promise<SseClient> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers: { ...headers, accept: 'text/event-stream' } }, (response) => {
      if (response.statusCode !== 200) {
        reject(new Error(`stream answered ${response.statusCode}`));
        response.resume();
        return;
      }
      const events: ReceivedEvent[] = [];
      const waiters = new Set<() => void>();
      let buffer = '';
      let ready = false;
      let resolveEnded: () => void = () => undefined;
      const ended = new Promise<void>((r) => {
        resolveEnded = r;
      });
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        buffer += chunk;
        let at = buffer.indexOf('\n\n');
        while (at >= 0) {
          const frame = buffer.slice(0, at);
          buffer = buffer.slice(at + 2);
          at = buffer.indexOf('\n\n');
          const lines = frame.split('\n');
          const event = lines.find((l) => l.startsWith('event: '))?.slice(7);
          const data = lines.find((l) => l.startsWith('data: '))?.slice(6);
          if (!event || data === undefined) continue;
          events.push({ event, data: JSON.parse(data) });
          for (const wake of [...waiters]) wake();
          if (event === 'ready' && !ready) {
            ready = true;
            resolve(client);
          }
        }
      });
      response.on('end', resolveEnded);
      response.on('close', resolveEnded);
      const client: SseClient = {
        events,
        ended,
        waitFor(match, timeoutMs = 5_000) {
          return new Promise((ok, fail) => {
            const check = () => {
              const found = events.find(match);
              if (!found) return;
              clearTimeout(timer);
              waiters.delete(check);
              ok(found);
            };
            const timer = setTimeout(() => {
              waiters.delete(check);
              fail(new Error(`no matching event within ${timeoutMs} ms; got ${events.map((e) => e.event)}`));
            }, timeoutMs);
            waiters.add(check);
            check();
          });
        },
        close: () => request.destroy(),
      };
    });
    request.on('error', reject);
  });
}
