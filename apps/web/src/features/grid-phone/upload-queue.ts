import { useSyncExternalStore } from 'react';
import {
  drainQueue,
  nextSeq,
  type QueuedUpload,
  type QueueStore,
  type RecordRef,
  takeUpload,
  type UploadAnswer,
  type UploadSpec,
  type UploadTransport,
} from './offline-queue.js';
import { openQueueStore } from './offline-queue-store.js';

/**
 * The phone's upload queue at work in the browser: uploads are kept in IndexedDB, sent with `fetch` under
 * their `Idempotency-Key` as soon as they are taken, and — when that fails — again when the network returns
 * (the `online` event), when the phone app comes back to the screen, and on a backoff timer. One tab drains
 * at a time (Web Locks), and every tab's list follows (BroadcastChannel).
 *
 * Any screen that uploads uses `enqueueUpload`; `useUploadQueue` shows what still waits.
 */

/** What the worker sees of the queue. */
export interface UploadQueueState {
  /** the signed-in worker the queue runs for; null before it starts */
  userId: number | null;
  /** his uploads still on the phone, in the order taken: waiting, or rejected by the server */
  items: QueuedUpload[];
  /** a drain is running */
  sending: boolean;
  /** the last drain stopped at a 401: nothing is sent until he signs in again */
  signedOut: boolean;
  /** what the browser says of the network */
  online: boolean;
  /** the uploads outlive the tab (IndexedDB); false when the browser gives no IndexedDB */
  persistent: boolean;
  /** when the next try is due after a failure (ms since the epoch) */
  retryAt: number | null;
}

const LOCK = 'shanzhi-upload-queue';
const CHANNEL = 'shanzhi-upload-queue';
/** After an unexpected failure of a drain itself (not of an upload), try again after this long. */
const DRAIN_FAILURE_RETRY_MS = 30_000;

let state: UploadQueueState = {
  userId: null,
  items: [],
  sending: false,
  signedOut: false,
  online: typeof navigator === 'undefined' ? true : navigator.onLine,
  persistent: true,
  retryAt: null,
};
const listeners = new Set<() => void>();
let storeOpening: Promise<QueueStore> | null = null;
let lastSeq = 0;
let timer: ReturnType<typeof setTimeout> | undefined;
let draining = false;
let drainAgain = false;
let channel: BroadcastChannel | null = null;
let stopListening: (() => void) | null = null;

function setState(patch: Partial<UploadQueueState>): void {
  state = { ...state, ...patch };
  for (const listener of listeners) listener();
}

async function answerOf(call: () => Promise<Response>): Promise<UploadAnswer> {
  let response: Response;
  try {
    response = await call();
  } catch {
    return { status: 0 };
  }
  let body: unknown;
  if (response.headers.get('Content-Type')?.includes('json'))
    body = await response.json().catch(() => undefined);
  const error = (body as { error?: { code?: string; message?: string } } | undefined)?.error;
  const retryAfter = Number(response.headers.get('Retry-After') ?? Number.NaN);
  return {
    status: response.status,
    code: error?.code,
    message: error?.message,
    location: response.headers.get('Location'),
    body,
    retryAfterSeconds: Number.isFinite(retryAfter) ? retryAfter : null,
  };
}

/** The platform's API over `fetch`, with the session cookie, never redirecting to the login page itself. */
const fetchTransport: UploadTransport = {
  send: ({ method, path, body, key }) =>
    answerOf(() =>
      fetch(path, {
        method,
        credentials: 'include',
        headers: { Accept: 'application/json', 'Content-Type': 'application/json', 'Idempotency-Key': key },
        body: JSON.stringify(body),
      }),
    ),
  get: (path) =>
    answerOf(() => fetch(path, { credentials: 'include', headers: { Accept: 'application/json' } })),
};

function openStore(): Promise<QueueStore> {
  storeOpening ??= openQueueStore().then((opened) => {
    setState({ persistent: opened.persistent });
    return opened;
  });
  return storeOpening;
}

/** Reads the worker's uploads again and tells the screens (and the other tabs, unless told by them). */
async function refresh(broadcast = true): Promise<void> {
  const { userId } = state;
  if (userId === null) return;
  try {
    const items = await (await openStore()).list(userId);
    if (state.userId === userId) setState({ items });
    if (broadcast) channel?.postMessage('changed');
  } catch {
    // the list shown stays as it was; the uploads themselves are untouched
  }
}

function schedule(at: number | null): void {
  clearTimeout(timer);
  setState({ retryAt: at });
  if (at !== null) timer = setTimeout(() => void drain(), Math.max(0, at - Date.now()));
}

/** Sends what waits, once at a time; a call while a drain runs makes that drain go round again. */
async function drain(): Promise<void> {
  const { userId } = state;
  if (userId === null) return;
  if (draining) {
    drainAgain = true;
    return;
  }
  draining = true;
  setState({ sending: true });
  try {
    const queue = await openStore();
    do {
      drainAgain = false;
      const run = () =>
        drainQueue({
          store: queue,
          transport: fetchTransport,
          userId,
          now: Date.now,
          jitter: Math.random,
          onChange: () => void refresh(),
        });
      const result = navigator.locks ? await navigator.locks.request(LOCK, run) : await run();
      setState({ signedOut: result.kind === 'signed_out' });
      schedule(result.kind === 'idle' ? result.retryAt : null);
    } while (drainAgain && state.userId === userId);
  } catch {
    // the store or the lock failed, not an upload: nothing is lost, try again in a while
    schedule(Date.now() + DRAIN_FAILURE_RETRY_MS);
  } finally {
    draining = false;
    setState({ sending: false });
    await refresh();
  }
}

function listen(): () => void {
  const online = () => {
    setState({ online: true });
    void sendWaitingNow();
  };
  const offline = () => setState({ online: false });
  const visible = () => {
    if (document.visibilityState === 'visible') void drain();
  };
  window.addEventListener('online', online);
  window.addEventListener('offline', offline);
  document.addEventListener('visibilitychange', visible);
  channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL);
  if (channel) channel.onmessage = () => void refresh(false);
  return () => {
    window.removeEventListener('online', online);
    window.removeEventListener('offline', offline);
    document.removeEventListener('visibilitychange', visible);
    channel?.close();
    channel = null;
  };
}

/** Starts the queue for the signed-in worker: shows his uploads and sends what waits. */
export function startUploadQueue(userId: number): void {
  if (state.userId === userId) return;
  stopUploadQueue();
  setState({ userId, items: [], signedOut: false, online: navigator.onLine });
  stopListening = listen();
  void refresh(false).then(() => drain());
}

/** Stops sending (the worker left the phone app or signed out); his uploads stay on the phone. */
export function stopUploadQueue(): void {
  clearTimeout(timer);
  stopListening?.();
  stopListening = null;
  setState({ userId: null, items: [], retryAt: null, signedOut: false });
}

/**
 * Keeps an upload on the phone and sends it at once if it can: the one way any screen uploads. Answers the
 * upload as queued (its `key` is what a later upload names in its `refs`).
 */
export async function enqueueUpload(spec: UploadSpec): Promise<QueuedUpload> {
  const { userId } = state;
  if (userId === null) throw new Error('the upload queue has not started');
  const queue = await openStore();
  lastSeq = nextSeq(lastSeq, Date.now());
  const item = await takeUpload(queue, spec, { userId, seq: lastSeq, now: new Date() });
  await refresh();
  void drain();
  return item;
}

/** Sends every waiting upload now, without waiting out its backoff (the network is back, or the worker asks). */
export async function sendWaitingNow(): Promise<void> {
  const { userId } = state;
  if (userId === null) return;
  const queue = await openStore();
  for (const item of await queue.list(userId)) {
    if (item.state === 'waiting' && item.notBefore > 0) await queue.put({ ...item, notBefore: 0 });
  }
  await drain();
}

/** The worker's uploads on the phone now, read from the store (not the last list the screens were shown). */
export async function waitingUploads(): Promise<QueuedUpload[]> {
  const { userId } = state;
  return userId === null ? [] : (await openStore()).list(userId);
}

/** The record a delivered upload made (a patrol's id once its start got through), if the phone knows it. */
export async function recallRecord(key: string): Promise<RecordRef | null> {
  return (await openStore()).recall(key);
}

/** Drops an upload the server rejected, once the worker has read why. */
export async function discardUpload(key: string): Promise<void> {
  await (await openStore()).remove(key);
  await refresh();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The queue as the worker sees it, re-rendering when it changes. */
export function useUploadQueue(): UploadQueueState {
  return useSyncExternalStore(subscribe, () => state);
}
