import type { RoomMessageView } from '@shanzhi/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  fetchRoomMessages,
  partyHeaders,
  type RoomPass,
  roomStreamPath,
} from '../api/portal-mediation.api.js';
import { readEventStream } from '../api/room-stream.js';

/** How the room's live connection stands: `live` (SSE open) or `polling` (stream down, asking every while). */
export type RoomLinkStatus = 'live' | 'polling';

const POLL_MS = 10_000;
const MAX_RETRY_MS = 60_000;

/**
 * The room's messages, kept current: read once, then on every push of the room's stream (server-sent events)
 * the messages after the last one are fetched; while the stream is down they are polled.
 * `onActivity` hears of every push (the dispute may have moved on). `failure` is the last failed read.
 */
export function useRoomMessages(pass: RoomPass, onActivity: () => void) {
  const [messages, setMessages] = useState<RoomMessageView[]>([]);
  const [status, setStatus] = useState<RoomLinkStatus>('polling');
  const [failure, setFailure] = useState<unknown>(null);
  const lastId = useRef<number | undefined>(undefined);
  const activity = useRef(onActivity);
  activity.current = onActivity;

  const add = useCallback((incoming: RoomMessageView[]) => {
    if (incoming.length === 0) return;
    setMessages((current) => {
      const known = new Set(current.map((m) => m.id));
      const merged = [...current, ...incoming.filter((m) => !known.has(m.id))].sort((a, b) => a.id - b.id);
      lastId.current = merged[merged.length - 1]?.id;
      return merged;
    });
  }, []);

  const catchUp = useCallback(async () => {
    try {
      add(await fetchRoomMessages(pass, lastId.current));
      setFailure(null);
    } catch (error) {
      setFailure(error);
    }
  }, [add, pass]);

  useEffect(() => {
    lastId.current = undefined;
    setMessages([]);
    void catchUp();
    return listenToRoom(pass, setStatus, () => {
      void catchUp();
      activity.current();
    });
  }, [pass, catchUp]);

  useEffect(() => {
    if (status === 'live') return;
    const timer = window.setInterval(() => void catchUp(), POLL_MS);
    return () => window.clearInterval(timer);
  }, [status, catchUp]);

  return { messages, status, failure, add };
}

/**
 * Reads the room's event stream with the party's pass and calls `onPush` on each event but the first
 * (`ready`, which says the stream is open); reopens it with a growing delay after it fails or ends. Returns
 * the function that closes it.
 */
function listenToRoom(
  pass: RoomPass,
  setStatus: (status: RoomLinkStatus) => void,
  onPush: () => void,
): () => void {
  const abort = new AbortController();
  let timer: number | undefined;
  let delay = 2_000;
  const connect = () => {
    readEventStream(
      roomStreamPath(pass),
      partyHeaders(pass),
      (event) => {
        if (event.name !== 'ready') return onPush();
        delay = 2_000;
        setStatus('live');
      },
      abort.signal,
    )
      .catch(() => undefined)
      .finally(() => {
        setStatus('polling');
        if (abort.signal.aborted) return;
        timer = window.setTimeout(connect, delay);
        delay = Math.min(delay * 2, MAX_RETRY_MS);
      });
  };
  connect();
  return () => {
    abort.abort();
    window.clearTimeout(timer);
  };
}
