import type { RoomMessageView } from '@shanzhi/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { fetchRoomMessages, roomStreamUrl } from '../api/mediation.api.js';
import { mergeRoomMessages } from '../dispute-view-logic.js';

/** How often the room is polled while its live stream is down. */
const POLL_MS = 5_000;

/** The room's messages, whether they arrive live, and how to add the one just sent. */
export interface RoomMessages {
  messages: RoomMessageView[];
  /** the room's stream is open (else it is polled) */
  live: boolean;
  add: (message: RoomMessageView) => void;
}

/**
 * The online room of a dispute: its messages loaded, then fetched again (after the last one seen) on each
 * `message` event of the room's server-sent stream; polled every few seconds while the stream is down.
 */
export function useRoomMessages(disputeId: number): RoomMessages {
  const [messages, setMessages] = useState<RoomMessageView[]>([]);
  const [live, setLive] = useState(false);
  const lastId = useRef<number | undefined>(undefined);
  const add = useCallback((arrived: RoomMessageView[]) => {
    setMessages((current) => {
      const merged = mergeRoomMessages(current, arrived);
      lastId.current = merged.at(-1)?.id;
      return merged;
    });
  }, []);
  const poll = useCallback(() => {
    fetchRoomMessages(disputeId, lastId.current).then(add, () => undefined);
  }, [disputeId, add]);

  useEffect(() => {
    lastId.current = undefined;
    setMessages([]);
    poll();
    let timer: number | undefined;
    const stopPolling = () => {
      window.clearInterval(timer);
      timer = undefined;
    };
    const startPolling = () => {
      setLive(false);
      timer ??= window.setInterval(poll, POLL_MS);
    };
    const source = typeof EventSource === 'undefined' ? null : new EventSource(roomStreamUrl(disputeId));
    if (source) {
      source.addEventListener('ready', () => {
        setLive(true);
        stopPolling();
        // messages posted while the stream was (re)connecting
        poll();
      });
      source.addEventListener('message', poll);
      // the browser reconnects a dropped stream itself; meanwhile, and after an HTTP error, poll
      source.onerror = startPolling;
    } else startPolling();
    return () => {
      stopPolling();
      source?.close();
    };
  }, [disputeId, poll]);

  return { messages, live, add: (m) => add([m]) };
}
