/**
 * The phone's offline queue: uploads taken with or without a network (a finding, an action on it, a batch of
 * track points, a household visit …) wait here, on the phone, and are sent in the order they were taken when
 * the network allows. Each carries an `Idempotency-Key` drawn once when it was taken, so a copy sent again
 * after a lost answer is recognised by the server (409 ALREADY_RECEIVED) and never makes a second record.
 *
 * This module is the queue's logic, free of the browser: what an answer means, how long to wait before trying
 * again, how an upload refers to the record an earlier one makes, and the drain itself over a store and a
 * transport it is given (IndexedDB and `fetch` on the phone: `offline-queue-store.ts`, `upload-queue.ts`).
 */

/** The record an upload made or changed, as its answer (or its `Location`) names it. */
export interface RecordRef {
  id: number;
  /** the record's version after the upload, for an action taken on it next */
  version: number | null;
}

/** What a screen hands the queue: one request to send, as the worker took it. */
export interface UploadSpec {
  /** what it is, for the worker's list of what waits: 「登记发现：路灯不亮」 */
  label: string;
  /** its kind, for grouping and counting (`finding`, `finding_action`, `track`, `patrol`, `visit` …) */
  kind: string;
  method: 'POST' | 'PUT';
  /**
   * The API path. A `{name}` in it stands for the id of the record made by the earlier upload `refs[name]`
   * (a finding recorded offline, then solved on the spot: `/api/v1/grid/findings/{finding}/actions/…`).
   */
  path: string;
  body: Record<string, unknown>;
  /** name → `key` of an earlier upload in the queue whose record this one needs */
  refs?: Record<string, string>;
  /** the ref whose record's version goes into the body's `version` (an action on a record made offline) */
  versionFrom?: string;
  /** body field → the ref whose record's id goes into it (a finding's `patrolId` while its patrol's start waits) */
  idsInBody?: Record<string, string>;
  /** the key to send it under; drawn when absent */
  key?: string;
}

/** An upload waiting on the phone. */
export interface QueuedUpload extends Omit<UploadSpec, 'key'> {
  /** the `Idempotency-Key`, drawn once when the upload was taken; also its identity in the queue */
  key: string;
  /** the user who took it: only his session sends it */
  userId: number;
  /** the order in which uploads were taken, and are sent */
  seq: number;
  /** when the worker took it (ISO 8601) */
  takenAt: string;
  /** the records its refs turned into, once their uploads were delivered */
  resolved: Record<string, RecordRef>;
  /** `waiting` to be sent, or `rejected` by the server (kept for the worker to read and discard) */
  state: 'waiting' | 'rejected';
  /** how often it was tried without an answer that settles it */
  attempts: number;
  /** not to be tried again before this instant (ms since the epoch) */
  notBefore: number;
  /** why the last try failed, for people */
  lastError: string | null;
}

/** The server's answer to one request, as the transport reports it; status 0 when none came. */
export interface UploadAnswer {
  status: number;
  /** the error body's code (`ALREADY_RECEIVED`, `VALIDATION_FAILED` …) */
  code?: string;
  /** the error body's message, written for people */
  message?: string;
  /** the `Location` header */
  location?: string | null;
  /** the parsed JSON body */
  body?: unknown;
  /** the `Retry-After` header, in seconds */
  retryAfterSeconds?: number | null;
}

/** What one answer means for an upload. */
export type UploadOutcome =
  /** taken: the server made or changed the record */
  | { kind: 'delivered'; record: RecordRef | null }
  /** taken before: the first copy's answer was lost; the record is at `location` */
  | { kind: 'already_received'; location: string | null }
  /** not now (no network, a busy or restarting server): try again later, in order */
  | { kind: 'retry'; reason: string }
  /** the session ended: nothing can be sent until the worker signs in again */
  | { kind: 'signed_out' }
  /** refused for what it is: sending it again would be refused again */
  | { kind: 'rejected'; reason: string };

/** Statuses that say "not now" rather than "not this": timeouts, throttling, a server down or restarting. */
const TRANSIENT_STATUSES = new Set([0, 408, 425, 429, 500, 502, 503, 504]);

/** The record an answer's body names: `{ id, version? }` of a finding, a patrol, a task … */
export function recordOf(body: unknown): RecordRef | null {
  if (typeof body !== 'object' || body === null) return null;
  const { id, version } = body as { id?: unknown; version?: unknown };
  if (typeof id !== 'number' || !Number.isInteger(id)) return null;
  return { id, version: typeof version === 'number' ? version : null };
}

/** What the server's answer means for the upload it answers. */
export function outcomeOf(answer: UploadAnswer): UploadOutcome {
  const { status } = answer;
  if (status >= 200 && status < 300) return { kind: 'delivered', record: recordOf(answer.body) };
  if (status === 409 && answer.code === 'ALREADY_RECEIVED') {
    return { kind: 'already_received', location: answer.location ?? null };
  }
  if (status === 401) return { kind: 'signed_out' };
  if (TRANSIENT_STATUSES.has(status)) {
    return { kind: 'retry', reason: status === 0 ? 'offline' : (answer.message ?? `HTTP ${status}`) };
  }
  return { kind: 'rejected', reason: answer.message ?? `HTTP ${status}` };
}

/** The first wait after a failed try, and the longest. */
const FIRST_RETRY_MS = 2_000;
const LONGEST_RETRY_MS = 5 * 60_000;

/**
 * How long to wait before trying an upload again after its `attempts`-th failure: doubling from 2 s up to
 * 5 min, spread by `jitter` (0–1) so that phones coming back online together do not all call at once, and
 * never sooner than the server's `Retry-After`.
 */
export function retryDelayMs(attempts: number, jitter: number, retryAfterSeconds?: number | null): number {
  const exponential = Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1));
  const spread = Math.round(exponential * (0.75 + 0.5 * Math.min(1, Math.max(0, jitter))));
  return Math.max(spread, (retryAfterSeconds ?? 0) * 1000);
}

/** The refs of an upload still waiting for their records, or an empty list when it can be sent. */
export function unresolvedRefs(item: QueuedUpload): string[] {
  return Object.keys(item.refs ?? {}).filter((name) => !item.resolved[name]);
}

/** The request an upload is sent as: its path with its refs' ids, its body with the version it needs. */
export function requestOf(item: QueuedUpload): {
  method: QueuedUpload['method'];
  path: string;
  body: object;
} {
  const path = item.path.replace(/\{(\w+)\}/g, (_whole, name: string) => {
    const record = item.resolved[name];
    if (!record) throw new Error(`upload ${item.key}: ref ${name} is not resolved`);
    return String(record.id);
  });
  const body: Record<string, unknown> = { ...item.body };
  for (const [field, name] of Object.entries(item.idsInBody ?? {})) {
    const record = item.resolved[name];
    if (!record) throw new Error(`upload ${item.key}: ref ${name} is not resolved`);
    body[field] = record.id;
  }
  const version = item.versionFrom ? item.resolved[item.versionFrom]?.version : undefined;
  if (version !== undefined && version !== null) body.version = version;
  return { method: item.method, path, body };
}

/** The uploads that wait for `key`'s record, with that record filled in. */
export function resolveDependents(
  items: readonly QueuedUpload[],
  key: string,
  record: RecordRef,
): QueuedUpload[] {
  return items
    .filter((item) => Object.values(item.refs ?? {}).includes(key))
    .map((item) => {
      const resolved = { ...item.resolved };
      for (const [name, ref] of Object.entries(item.refs ?? {})) if (ref === key) resolved[name] = record;
      return { ...item, resolved };
    });
}

/** The next `seq`: after the last one, and after the clock, so that order survives a page reload. */
export function nextSeq(last: number, now: number): number {
  return Math.max(last + 1, now);
}

/**
 * A new `Idempotency-Key`: a random UUID. `crypto.randomUUID` exists only on HTTPS (and localhost); a city
 * serving the platform over plain HTTP on its own network still gets 122 random bits from `getRandomValues`.
 */
export function drawKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A new upload as the queue keeps it, waiting to be sent now. */
export function queuedUpload(
  spec: UploadSpec,
  taken: { userId: number; seq: number; now: Date },
): QueuedUpload {
  const { key, ...rest } = spec;
  return {
    ...rest,
    key: key ?? drawKey(),
    userId: taken.userId,
    seq: taken.seq,
    takenAt: taken.now.toISOString(),
    resolved: {},
    state: 'waiting',
    attempts: 0,
    notBefore: 0,
    lastError: null,
  };
}

/** Where the queue keeps its uploads (IndexedDB on the phone; memory where there is none). */
export interface QueueStore {
  /** this user's uploads, in the order they were taken */
  list(userId: number): Promise<QueuedUpload[]>;
  put(item: QueuedUpload): Promise<void>;
  remove(key: string): Promise<void>;
  /** keeps the record a delivered upload made, for uploads taken later that refer to it */
  remember(key: string, record: RecordRef): Promise<void>;
  /** the record the delivered upload `key` made, if known */
  recall(key: string): Promise<RecordRef | null>;
}

/** Fills in the refs of an upload from the records the store remembers of uploads already delivered. */
async function recallRefs(store: QueueStore, item: QueuedUpload): Promise<QueuedUpload> {
  const resolved = { ...item.resolved };
  for (const [name, key] of Object.entries(item.refs ?? {})) {
    if (resolved[name]) continue;
    const record = await store.recall(key);
    if (record) resolved[name] = record;
  }
  return { ...item, resolved };
}

/**
 * Takes an upload into the queue. A ref to an upload already delivered (a patrol started an hour ago, whose
 * track is still being sent) is filled in at once from the record it made; a ref to one still waiting is
 * filled in when that one is delivered.
 */
export async function takeUpload(
  store: QueueStore,
  spec: UploadSpec,
  taken: { userId: number; seq: number; now: Date },
): Promise<QueuedUpload> {
  const item = await recallRefs(store, queuedUpload(spec, taken));
  await store.put(item);
  return item;
}

/** How the queue talks to the server. Never throws: a failure to reach it is an answer of status 0. */
export interface UploadTransport {
  send(request: { method: string; path: string; body: object; key: string }): Promise<UploadAnswer>;
  /** reads the record at a `Location` (to learn the version an action on it needs) */
  get(path: string): Promise<UploadAnswer>;
}

/** How a drain ended. */
export type DrainResult =
  /** nothing left to send now; `retryAt` when something waits for a later try */
  | { kind: 'idle'; delivered: number; retryAt: number | null }
  /** the session ended: the worker must sign in again */
  | { kind: 'signed_out'; delivered: number };

/** What a drain works with. */
export interface DrainContext {
  store: QueueStore;
  transport: UploadTransport;
  userId: number;
  now: () => number;
  /** 0–1, spreads the retries */
  jitter: () => number;
  /** said after each change, so the worker's list follows */
  onChange?: () => void;
}

/** The record an already-received upload made, read from its `Location` (its id, and the version now). */
async function recordAt(ctx: DrainContext, location: string | null): Promise<RecordRef | 'retry' | null> {
  if (!location) return null;
  const answer = await ctx.transport.get(location);
  if (answer.status >= 200 && answer.status < 300) return recordOf(answer.body);
  return TRANSIENT_STATUSES.has(answer.status) ? 'retry' : null;
}

async function reject(ctx: DrainContext, item: QueuedUpload, reason: string): Promise<void> {
  await ctx.store.put({ ...item, state: 'rejected', lastError: reason });
  ctx.onChange?.();
}

async function postpone(ctx: DrainContext, item: QueuedUpload, reason: string, retryAfter?: number | null) {
  const attempts = item.attempts + 1;
  const notBefore = ctx.now() + retryDelayMs(attempts, ctx.jitter(), retryAfter);
  await ctx.store.put({ ...item, attempts, notBefore, lastError: reason });
  ctx.onChange?.();
  return notBefore;
}

/** Marks an upload delivered: hands its record to the uploads waiting for it, and drops it from the queue. */
async function deliver(
  ctx: DrainContext,
  items: QueuedUpload[],
  item: QueuedUpload,
  record: RecordRef | null,
) {
  if (record) {
    await ctx.store.remember(item.key, record);
    for (const dependent of resolveDependents(items, item.key, record)) {
      await ctx.store.put(dependent);
      items[items.findIndex((i) => i.key === dependent.key)] = dependent;
    }
  }
  await ctx.store.remove(item.key);
  ctx.onChange?.();
}

/**
 * Sends the user's waiting uploads in the order they were taken, until the queue is empty or an upload must
 * wait: a failure that says "not now" stops the drain (what follows may depend on it, and the network is
 * likely gone for all), a refusal sets that upload aside as rejected — and with it any upload that needed its
 * record — and goes on with the next.
 */
export async function drainQueue(ctx: DrainContext): Promise<DrainResult> {
  const items = await ctx.store.list(ctx.userId);
  let delivered = 0;
  for (let index = 0; index < items.length; index++) {
    let item = items[index]!;
    if (item.state === 'rejected') continue;
    if (unresolvedRefs(item).length > 0) {
      // taken while the upload it refers to was being delivered: that one's record is remembered by now
      item = await recallRefs(ctx.store, item);
      if (unresolvedRefs(item).length > 0) {
        // an upload is always taken after those it refers to: they were rejected, or made no record
        await reject(ctx, item, '它所依赖的记录未能送达');
        continue;
      }
      await ctx.store.put(item);
    }
    if (item.notBefore > ctx.now()) return { kind: 'idle', delivered, retryAt: item.notBefore };
    const answer = await ctx.transport.send({ ...requestOf(item), key: item.key });
    const outcome = outcomeOf(answer);
    switch (outcome.kind) {
      case 'delivered':
        await deliver(ctx, items, item, outcome.record);
        delivered++;
        break;
      case 'already_received': {
        // the first copy's answer was lost, and with it the record uploads taken now or later may need
        const record = await recordAt(ctx, outcome.location);
        if (record === 'retry') {
          return { kind: 'idle', delivered, retryAt: await postpone(ctx, item, 'offline') };
        }
        await deliver(ctx, items, item, record);
        delivered++;
        break;
      }
      case 'retry':
        return {
          kind: 'idle',
          delivered,
          retryAt: await postpone(ctx, item, outcome.reason, answer.retryAfterSeconds),
        };
      case 'signed_out':
        return { kind: 'signed_out', delivered };
      case 'rejected':
        await reject(ctx, item, outcome.reason);
        break;
    }
  }
  return { kind: 'idle', delivered, retryAt: null };
}

/** A store in memory: for tests, and for a browser that gives the page no IndexedDB (the queue then lives as long as the tab). */
export function memoryQueueStore(): QueueStore {
  const items = new Map<string, QueuedUpload>();
  const records = new Map<string, RecordRef>();
  return {
    async remember(key, record) {
      records.set(key, { ...record });
    },
    async recall(key) {
      return records.get(key) ?? null;
    },
    async list(userId) {
      return [...items.values()]
        .filter((i) => i.userId === userId)
        .sort((a, b) => a.seq - b.seq)
        .map((i) => structuredClone(i));
    },
    async put(item) {
      items.set(item.key, structuredClone(item));
    },
    async remove(key) {
      items.delete(key);
    },
  };
}
