import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ManualClock } from '../../../platform/clock.js';
import { throttles as loginThrottles } from '../../../platform/throttle/throttles.tables.js';
import { createSeededApi, type SeededApi } from '../../../test/api.js';
import { sessions } from '../sessions.tables.js';
import { AUTH_PURGE_INTERVAL_MS, purgeEndedAuthRows, startAuthPurgeJob } from './auth-purge.job.js';

const HOUR = 3_600_000;
let api: SeededApi;
let clock: ManualClock;

beforeAll(async () => {
  clock = new ManualClock('2026-09-30T02:00:00.000Z');
  api = await createSeededApi({ clock });
});
afterAll(() => api.close());

/** Signs `username` in from `address` with `password`; answers the status. */
async function signInFrom(username: string, address: string, password = 'Shanzhi@2026'): Promise<number> {
  const response = await api.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    remoteAddress: address,
    payload: { username, password },
  });
  return response.statusCode;
}

async function sessionRows() {
  return api.ctx.db.select({ createdAt: sessions.createdAt }).from(sessions);
}

async function throttleRows() {
  const rows = await api.ctx.db
    .select({ scope: loginThrottles.scope, key: loginThrottles.key })
    .from(loginThrottles);
  return rows.map((r) => `${r.scope}:${r.key}`).sort();
}

describe('purging what sign-in leaves behind (finding 10)', () => {
  it('deletes ended sessions and closed throttle windows, and keeps live ones (finding 10)', async () => {
    expect(await signInFrom('agent', '10.7.0.1')).toBe(200);
    expect(await signInFrom('dispatcher', '10.7.0.2', 'wrong password')).toBe(401);
    const before = new Date(clock.now());
    // 13 hours on: the agent's session is past its idle time and its 12-hour lifetime, both windows closed
    clock.advance(13 * HOUR);
    expect(await signInFrom('supervisor', '10.7.0.3')).toBe(200);
    expect(await signInFrom('leader', '10.7.0.4', 'wrong password')).toBe(401);
    expect((await sessionRows()).length).toBe(2);
    expect(await throttleRows()).toEqual(
      expect.arrayContaining([
        'login.account:dispatcher',
        'login.address:10.7.0.2',
        'login.account:leader',
        'login.address:10.7.0.4',
      ]),
    );

    // the three windows of 13 hours ago: the agent's address (a success leaves its window) and the failure's two
    expect(await purgeEndedAuthRows(api.ctx)).toEqual({ sessions: 1, throttles: 3 });
    const left = await sessionRows();
    expect(left).toHaveLength(1);
    expect(left[0]!.createdAt.getTime()).toBeGreaterThan(before.getTime());
    const throttles = await throttleRows();
    expect(throttles).toEqual(expect.arrayContaining(['login.account:leader', 'login.address:10.7.0.4']));
    expect(throttles).not.toContain('login.account:dispatcher');
    expect(throttles).not.toContain('login.address:10.7.0.2');
    expect(throttles).not.toContain('login.address:10.7.0.1');
    expect(await purgeEndedAuthRows(api.ctx)).toEqual({ sessions: 0, throttles: 0 });
  });

  it('runs by itself every hour in a server process (finding 10)', async () => {
    expect(await signInFrom('handler', '10.7.0.5')).toBe(200);
    clock.advance(13 * HOUR);
    const ended = (await sessionRows()).length;
    expect(ended).toBeGreaterThan(0);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const job = startAuthPurgeJob(api.ctx);
    try {
      await vi.advanceTimersByTimeAsync(AUTH_PURGE_INTERVAL_MS - 1_000);
      expect((await sessionRows()).length).toBe(ended);
      await vi.advanceTimersByTimeAsync(1_000);
    } finally {
      vi.useRealTimers();
      await job.stop();
    }
    expect(await sessionRows()).toEqual([]);
    expect(AUTH_PURGE_INTERVAL_MS).toBe(HOUR);
  });
});
