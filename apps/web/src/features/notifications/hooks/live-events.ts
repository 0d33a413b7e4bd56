import { useEffect, useRef } from 'react';
import type { LiveMessage } from './use-live-stream.js';

// One live connection per tab (the bell holds it); pages hear its messages through this target.
const target = new EventTarget();

/** Passes a message of the live stream on to every listener in this tab. */
export function publishLive(message: LiveMessage): void {
  target.dispatchEvent(new CustomEvent<LiveMessage>('live', { detail: message }));
}

/**
 * Calls `onMessage` for each live message of one of `topics` while the component is mounted: how a queue
 * reloads itself when a case is dispatched to the unit or a deadline turns yellow or red.
 */
export function useLiveTopics(topics: readonly string[], onMessage: (message: LiveMessage) => void): void {
  const handler = useRef(onMessage);
  handler.current = onMessage;
  const key = topics.join(',');
  useEffect(() => {
    const wanted = new Set(key.split(','));
    const listener = (event: Event) => {
      const message = (event as CustomEvent<LiveMessage>).detail;
      if (wanted.has(message.topic)) handler.current(message);
    };
    target.addEventListener('live', listener);
    return () => target.removeEventListener('live', listener);
  }, [key]);
}
