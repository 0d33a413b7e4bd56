import { describe, expect, it } from 'vitest';
import {
  type DrainContext,
  drainQueue,
  drawKey,
  memoryQueueStore,
  nextSeq,
  outcomeOf,
  type QueuedUpload,
  type QueueStore,
  queuedUpload,
  requestOf,
  retryDelayMs,
  takeUpload,
  type UploadAnswer,
  type UploadSpec,
  type UploadTransport,
} from './offline-queue.js';

/**
 * A server as the queue meets it: it keeps findings, honours `Idempotency-Key` (a key seen before is 409
 * ALREADY_RECEIVED with `Location`), and can be cut off or lose the answer of a request it did take.
 */
class PhoneServer implements UploadTransport {
  findings = new Map<number, { description: string; version: number; state: string }>();
  keys = new Map<string, string>();
  sent: string[] = [];
  offline = false;
  loseNextAnswer = false;
  signedOut = false;

  async send(request: { method: string; path: string; body: object; key: string }): Promise<UploadAnswer> {
    if (this.offline) return { status: 0 };
    this.sent.push(`${request.method} ${request.path}`);
    if (this.signedOut) return { status: 401, code: 'UNAUTHENTICATED', message: '请先登录' };
    const earlier = this.keys.get(request.key);
    if (earlier) return { status: 409, code: 'ALREADY_RECEIVED', message: '已收到', location: earlier };
    const answer = this.take(request);
    if (answer.status < 300 && answer.location) this.keys.set(request.key, answer.location);
    if (this.loseNextAnswer) {
      this.loseNextAnswer = false;
      return { status: 0 };
    }
    return answer;
  }

  async get(path: string): Promise<UploadAnswer> {
    if (this.offline) return { status: 0 };
    const id = Number(path.split('/').at(-1));
    const finding = this.findings.get(id);
    return finding ? { status: 200, body: { id, ...finding } } : { status: 404, code: 'FINDING_NOT_FOUND' };
  }

  private take(request: { path: string; body: object }): UploadAnswer & { location?: string } {
    const body = request.body as { description?: string; version?: number };
    if (request.path === '/api/v1/grid/findings') {
      if (!body.description) return { status: 400, code: 'VALIDATION_FAILED', message: '请填写情况描述' };
      const id = this.findings.size + 1;
      this.findings.set(id, { description: body.description, version: 0, state: 'open' });
      const location = `/api/v1/grid/findings/${id}`;
      return { status: 201, body: { id, version: 0 }, location };
    }
    const action = request.path.match(/^\/api\/v1\/grid\/findings\/(\d+)\/actions\/(\w+)$/);
    const finding = action && this.findings.get(Number(action[1]));
    if (!action || !finding) return { status: 404, code: 'FINDING_NOT_FOUND', message: '网格事件不存在' };
    if (finding.version !== body.version)
      return { status: 409, code: 'VERSION_CONFLICT', message: '版本冲突' };
    finding.version++;
    finding.state = action[2]!;
    const location = `/api/v1/grid/findings/${action[1]}`;
    return { status: 200, body: { id: Number(action[1]), version: finding.version }, location };
  }
}

const finding = (description: string): UploadSpec => ({
  label: `登记发现：${description}`,
  kind: 'finding',
  method: 'POST',
  path: '/api/v1/grid/findings',
  body: { description },
});

const solveOnSpot = (findingKey: string): UploadSpec => ({
  label: '就地解决',
  kind: 'finding_action',
  method: 'POST',
  path: '/api/v1/grid/findings/{finding}/actions/solve_on_spot',
  body: { note: '已处理' },
  refs: { finding: findingKey },
  versionFrom: 'finding',
});

/** A phone: its store, the server it talks to, and a clock the test moves. */
function phone(userId = 7) {
  const store = memoryQueueStore();
  const server = new PhoneServer();
  let now = 1_000_000;
  let seq = 0;
  const ctx: DrainContext = { store, transport: server, userId, now: () => now, jitter: () => 0.5 };
  return {
    store,
    server,
    ctx,
    advance: (ms: number) => {
      now += ms;
    },
    take(spec: UploadSpec, key: string, user = userId): Promise<QueuedUpload> {
      seq = nextSeq(seq, 0);
      return takeUpload(store, { ...spec, key }, { userId: user, seq, now: new Date(now) });
    },
  };
}

const waiting = (store: QueueStore, userId = 7) => store.list(userId);

describe('what an answer means for an upload', () => {
  it.each([
    [
      { status: 201, body: { id: 5, version: 0 } },
      { kind: 'delivered', record: { id: 5, version: 0 } },
    ],
    [
      { status: 200, body: { accepted: 3 } },
      { kind: 'delivered', record: null },
    ],
    [
      { status: 409, code: 'ALREADY_RECEIVED', location: '/api/v1/grid/findings/5' },
      { kind: 'already_received', location: '/api/v1/grid/findings/5' },
    ],
    [
      { status: 409, code: 'VERSION_CONFLICT', message: '版本冲突' },
      { kind: 'rejected', reason: '版本冲突' },
    ],
    [
      { status: 400, code: 'VALIDATION_FAILED', message: '照片无效' },
      { kind: 'rejected', reason: '照片无效' },
    ],
    [
      { status: 403, code: 'OUT_OF_SCOPE', message: '不在范围' },
      { kind: 'rejected', reason: '不在范围' },
    ],
    [{ status: 401, code: 'UNAUTHENTICATED' }, { kind: 'signed_out' }],
    [{ status: 0 }, { kind: 'retry', reason: 'offline' }],
    [{ status: 502 }, { kind: 'retry', reason: 'HTTP 502' }],
    [
      { status: 503, message: '服务器维护中' },
      { kind: 'retry', reason: '服务器维护中' },
    ],
    [
      { status: 429, code: 'RATE_LIMITED', message: '请求过于频繁' },
      { kind: 'retry', reason: '请求过于频繁' },
    ],
  ] as const)('reads %j as %j', (answer, outcome) => {
    expect(outcomeOf(answer)).toEqual(outcome);
  });
});

describe('the wait before trying again', () => {
  it('doubles from 2 s and stops at 5 min', () => {
    expect([1, 2, 3, 4, 5].map((n) => retryDelayMs(n, 0.5))).toEqual([2_000, 4_000, 8_000, 16_000, 32_000]);
    expect(retryDelayMs(20, 0.5)).toBe(300_000);
  });

  it('is spread by the jitter, and never shorter than the server’s Retry-After', () => {
    expect(retryDelayMs(3, 0)).toBe(6_000);
    expect(retryDelayMs(3, 1)).toBe(10_000);
    expect(retryDelayMs(1, 0.5, 30)).toBe(30_000);
  });
});

describe('the key an upload is sent under', () => {
  it('is a fresh UUID each time, as the server’s Idempotency-Key takes it', () => {
    const keys = new Set(Array.from({ length: 100 }, () => drawKey()));
    expect(keys.size).toBe(100);
    for (const key of keys)
      expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('the request an upload is sent as', () => {
  it('puts the id and version of the record an earlier upload made into the path and the body', () => {
    const item = {
      ...queuedUpload({ ...solveOnSpot('k1'), key: 'k2' }, { userId: 1, seq: 2, now: new Date() }),
      resolved: { finding: { id: 42, version: 3 } },
    };
    expect(requestOf(item)).toEqual({
      method: 'POST',
      path: '/api/v1/grid/findings/42/actions/solve_on_spot',
      body: { note: '已处理', version: 3 },
    });
  });

  it('puts the id of a record an earlier upload made into a body field', () => {
    const item = {
      ...queuedUpload(
        {
          ...finding('路灯不亮'),
          key: 'k2',
          refs: { patrol: 'k1' },
          idsInBody: { patrolId: 'patrol' },
        },
        { userId: 1, seq: 2, now: new Date() },
      ),
      resolved: { patrol: { id: 9, version: null } },
    };
    expect(requestOf(item).body).toEqual({ description: '路灯不亮', patrolId: 9 });
  });

  it('refuses to build a request whose record is not known yet', () => {
    const item = queuedUpload({ ...solveOnSpot('k1'), key: 'k2' }, { userId: 1, seq: 2, now: new Date() });
    expect(() => requestOf(item)).toThrow(/not resolved/);
  });

  it('keeps the order of taking across a reload, even when the clock goes back', () => {
    expect(nextSeq(10, 5)).toBe(11);
    expect(nextSeq(10, 500)).toBe(500);
  });
});

describe('draining the queue', () => {
  it('sends the uploads in the order they were taken and empties the queue', async () => {
    const p = phone();
    await p.take(finding('路灯不亮'), 'key-a');
    await p.take(finding('井盖松动'), 'key-b');
    expect(await drainQueue(p.ctx)).toEqual({ kind: 'idle', delivered: 2, retryAt: null });
    expect([...p.server.findings.values()].map((f) => f.description)).toEqual(['路灯不亮', '井盖松动']);
    expect(await waiting(p.store)).toEqual([]);
  });

  it('keeps everything while offline, then sends it in order after the backoff', async () => {
    const p = phone();
    await p.take(finding('占道经营'), 'key-a');
    await p.take(solveOnSpot('key-a'), 'key-b');
    p.server.offline = true;
    const first = await drainQueue(p.ctx);
    expect(first).toEqual({ kind: 'idle', delivered: 0, retryAt: 1_002_000 });
    expect((await waiting(p.store)).map((i) => [i.key, i.attempts, i.lastError])).toEqual([
      ['key-a', 1, 'offline'],
      ['key-b', 0, null],
    ]);
    p.server.offline = false;
    // too early: the backoff holds the queue
    expect(await drainQueue(p.ctx)).toEqual({ kind: 'idle', delivered: 0, retryAt: 1_002_000 });
    expect(p.server.sent).toEqual([]);
    p.advance(2_000);
    expect(await drainQueue(p.ctx)).toMatchObject({ delivered: 2 });
    expect(p.server.sent).toEqual([
      'POST /api/v1/grid/findings',
      'POST /api/v1/grid/findings/1/actions/solve_on_spot',
    ]);
    expect(p.server.findings.get(1)).toMatchObject({ state: 'solve_on_spot', version: 1 });
  });

  it('makes one record when an answer is lost and the upload is sent again', async () => {
    const p = phone();
    await p.take(finding('楼道堆物'), 'key-a');
    await p.take(solveOnSpot('key-a'), 'key-b');
    p.server.loseNextAnswer = true;
    expect(await drainQueue(p.ctx)).toMatchObject({ delivered: 0 });
    expect(p.server.findings.size).toBe(1);
    p.advance(60_000);
    // the copy is 409 ALREADY_RECEIVED: delivered, and the action learns the record's version from Location
    expect(await drainQueue(p.ctx)).toMatchObject({ delivered: 2 });
    expect(p.server.findings.size).toBe(1);
    expect(p.server.findings.get(1)).toMatchObject({ state: 'solve_on_spot', version: 1 });
    expect(await waiting(p.store)).toEqual([]);
  });

  it('treats an action sent again as delivered, not as a conflict', async () => {
    const p = phone();
    await p.take(finding('垃圾满溢'), 'key-a');
    await p.take(solveOnSpot('key-a'), 'key-b');
    await drainQueue(p.ctx);
    // the same action arrives again (another tab, a restored backup): the server knows its key
    const again: UploadSpec = {
      ...solveOnSpot('key-a'),
      path: '/api/v1/grid/findings/1/actions/solve_on_spot',
      body: { note: '已处理', version: 0 },
      refs: {},
    };
    await p.take(again, 'key-b');
    expect(await drainQueue(p.ctx)).toMatchObject({ delivered: 1 });
    expect(p.server.findings.get(1)?.version).toBe(1);
  });

  it('fills in the record of an upload delivered before this one was taken', async () => {
    const p = phone();
    await p.take(finding('树木倒伏'), 'key-a');
    await drainQueue(p.ctx);
    const solve = await p.take(solveOnSpot('key-a'), 'key-b');
    expect(solve.resolved).toEqual({ finding: { id: 1, version: 0 } });
    expect(await drainQueue(p.ctx)).toMatchObject({ delivered: 1 });
    expect(p.server.findings.get(1)).toMatchObject({ state: 'solve_on_spot' });
  });

  it('sends an upload taken while the one it refers to was being delivered', async () => {
    const p = phone();
    await p.take(finding('路面破损'), 'key-a');
    await drainQueue(p.ctx);
    // stored before the record was remembered, as when the drain and the worker's tap cross
    await p.store.put(
      queuedUpload({ ...solveOnSpot('key-a'), key: 'key-b' }, { userId: 7, seq: 99, now: new Date() }),
    );
    expect(await drainQueue(p.ctx)).toMatchObject({ delivered: 1 });
    expect(p.server.findings.get(1)).toMatchObject({ state: 'solve_on_spot', version: 1 });
  });

  it('sets a refused upload aside with what depends on it, and goes on with the rest', async () => {
    const p = phone();
    await p.take(finding(''), 'key-a');
    await p.take(solveOnSpot('key-a'), 'key-b');
    await p.take(finding('消防通道堵塞'), 'key-c');
    expect(await drainQueue(p.ctx)).toMatchObject({ kind: 'idle', delivered: 1, retryAt: null });
    expect((await waiting(p.store)).map((i) => [i.key, i.state, i.lastError])).toEqual([
      ['key-a', 'rejected', '请填写情况描述'],
      ['key-b', 'rejected', '它所依赖的记录未能送达'],
    ]);
    // a rejected upload stays for the worker to read; it is not sent again
    p.server.sent = [];
    await drainQueue(p.ctx);
    expect(p.server.sent).toEqual([]);
  });

  it('stops when the session has ended, keeping every upload', async () => {
    const p = phone();
    await p.take(finding('路面塌陷'), 'key-a');
    p.server.signedOut = true;
    expect(await drainQueue(p.ctx)).toEqual({ kind: 'signed_out', delivered: 0 });
    expect(await waiting(p.store)).toMatchObject([{ key: 'key-a', state: 'waiting', attempts: 0 }]);
  });

  it('sends only the signed-in worker’s uploads', async () => {
    const p = phone(7);
    await p.take(finding('他人的记录'), 'key-x', 8);
    expect(await drainQueue(p.ctx)).toMatchObject({ delivered: 0 });
    expect(p.server.sent).toEqual([]);
    expect(await p.store.list(8)).toHaveLength(1);
  });
});
