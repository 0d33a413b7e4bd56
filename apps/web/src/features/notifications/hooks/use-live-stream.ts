import { useEffect, useRef, useState } from 'react';

/** One event of `GET /api/v1/stream`: its topic (the SSE event name), when, and small details. */
export interface LiveMessage {
  topic: string;
  at: string;
  data: Record<string, unknown>;
}

/** Topics the console listens to. */
export const LIVE_TOPICS = [
  'notification.created',
  'warning.raised',
  'case.dispatched',
  'case.sla_warned',
  'case.sla_breached',
  'iot_alert.raised',
] as const;

/** How the live connection stands: `live` (SSE open), `polling` (stream unavailable), `connecting`. */
export type LiveStatus = 'connecting' | 'live' | 'polling';

const MAX_RETRY_MS = 60_000;

/**
 * Listens to the server's live stream with `EventSource` (the session cookie goes with it), reconnecting with
 * a growing delay. While the stream is down, `status` is `polling`, and the caller polls instead. `topics` are
 * the events listened to (the console's by default); pass a constant, as a new list reconnects.
 */
export function useLiveStream(
  onMessage: (message: LiveMessage) => void,
  enabled = true,
  topics: readonly string[] = LIVE_TOPICS,
): LiveStatus {
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const handler = useRef(onMessage);
  handler.current = onMessage;

  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') {
      setStatus('polling');
      return;
    }
    let source: EventSource | null = null;
    let timer: number | undefined;
    let delay = 2_000;
    let stopped = false;

    const connect = () => {
      source = new EventSource('/api/v1/stream', { withCredentials: true });
      source.addEventListener('ready', () => {
        delay = 2_000;
        setStatus('live');
      });
      for (const topic of topics) {
        source.addEventListener(topic, (event) => {
          try {
            handler.current(JSON.parse((event as MessageEvent<string>).data) as LiveMessage);
          } catch {
            // a malformed event is skipped; the next poll or reload catches up
          }
        });
      }
      source.onerror = () => {
        // The browser retries by itself on a dropped connection, but not after an HTTP error (401, 404):
        // close and retry ourselves, polling meanwhile.
        source?.close();
        setStatus('polling');
        if (stopped) return;
        timer = window.setTimeout(connect, delay);
        delay = Math.min(delay * 2, MAX_RETRY_MS);
      };
    };
    connect();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
      source?.close();
    };
  }, [enabled, topics]);

  return status;
}
