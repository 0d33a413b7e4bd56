import { DEFAULT_ROLE_PERMISSIONS } from '@shanzhi/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../platform/clock.js';
import {
  auditEntries,
  createSeededApi,
  DEMO_PASSWORD,
  expectError,
  type SeededApi,
  userIdOf,
} from '../../test/api.js';
import { signIn } from '../../test/setup.js';
import { DEMO_USERS } from '../demo/demo-users.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const clock = new ManualClock('2026-03-02T02:00:00.000Z');
let api: SeededApi;

beforeAll(async () => {
  api = await createSeededApi({ clock });
});
afterAll(async () => {
  await api?.close();
});

function login(
  username: string,
  password: string,
  headers: Record<string, string> = {},
  remoteAddress = '127.0.0.1',
) {
  return api.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password },
    headers,
    remoteAddress,
  });
}

function me(headers: Record<string, string> = {}, cookies?: Record<string, string>) {
  return api.app.inject({ method: 'GET', url: '/api/v1/me', headers, cookies });
}

describe('sign-in', () => {
  it.each(DEMO_USERS.map((u) => [u.username, u] as const))(
    'signs in %s and /me shows his roles, org and permissions',
    async (_name, user) => {
      const response = await login(user.username, DEMO_PASSWORD);
      expect(response.statusCode, response.body).toBe(200);
      const body = response.json();
      expect(body.token).toMatch(/^[\w-]{40,}$/);
      const answer = await me({ authorization: `Bearer ${body.token}` });
      expect(answer.statusCode).toBe(200);
      const view = answer.json();
      expect(view).toEqual(body.me);
      expect(view.user.username).toBe(user.username);
      expect(view.user.displayName).toBe(user.displayName);
      expect(view.roles).toEqual([...user.roles].sort());
      const expected = new Set(user.roles.flatMap((r) => DEFAULT_ROLE_PERMISSIONS[r]));
      expect(view.permissions).toEqual([...expected].sort());
      const [how, district] = user.org.split(':');
      if (how === 'firstGridOf') {
        expect(view.org.kind).toBe('grid');
        expect(view.org.code.startsWith(district!)).toBe(true);
      } else if (how === 'firstTownOf') {
        expect(view.org.kind).toBe('town');
        expect(view.org.code.startsWith(district!)).toBe(true);
      } else {
        expect(view.org.code).toBe(user.org);
      }
    },
  );

  it('accepts the username in any case and with spaces around it', async () => {
    const response = await login('  Leader ', DEMO_PASSWORD);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().me.user.username).toBe('leader');
  });

  it('refuses a wrong password with 401 INVALID_CREDENTIALS', async () => {
    expectError(await login('agent', 'Wrong@2026'), 401, 'INVALID_CREDENTIALS');
  });

  it('refuses an unknown user with the same 401 INVALID_CREDENTIALS', async () => {
    expectError(await login('nobody-here', DEMO_PASSWORD), 401, 'INVALID_CREDENTIALS');
  });

  it('refuses an empty username or password with 400 naming the field', async () => {
    expectError(await login('', DEMO_PASSWORD), 400, 'VALIDATION_FAILED', 'username');
    expectError(await login('agent', ''), 400, 'VALIDATION_FAILED', 'password');
  });

  it('answers /me without a session with 401 UNAUTHENTICATED', async () => {
    expectError(await me(), 401, 'UNAUTHENTICATED');
  });

  it('answers an unknown bearer token with 401 SESSION_EXPIRED', async () => {
    expectError(await me({ authorization: 'Bearer not-a-real-token' }), 401, 'SESSION_EXPIRED');
  });
});

describe('lock-out after wrong passwords', () => {
  it('locks the account on the 5th wrong password, refuses even the right one for 15 minutes, then lets it in', async () => {
    for (let i = 1; i <= 4; i++) {
      expectError(await login('mediator', `Wrong${i}@x`), 401, 'INVALID_CREDENTIALS');
    }
    const fifth = await login('mediator', 'Wrong5@x');
    expectError(fifth, 423, 'ACCOUNT_LOCKED');
    expect(fifth.json().error.message).toContain('锁定');

    expectError(await login('mediator', DEMO_PASSWORD), 423, 'ACCOUNT_LOCKED');
    clock.advance(14 * MINUTE + 59_000);
    expectError(await login('mediator', DEMO_PASSWORD), 423, 'ACCOUNT_LOCKED');
    clock.advance(2_000);
    const after = await login('mediator', DEMO_PASSWORD);
    expect(after.statusCode, after.body).toBe(200);
  });

  it('starts counting afresh after a successful sign-in', async () => {
    for (let i = 1; i <= 4; i++) {
      expectError(await login('mediator', `Wrong${i}@x`), 401, 'INVALID_CREDENTIALS');
    }
    expect((await login('mediator', DEMO_PASSWORD)).statusCode).toBe(200);
    for (let i = 1; i <= 4; i++) {
      expectError(await login('mediator', `Wrong${i}@x`), 401, 'INVALID_CREDENTIALS');
    }
    expect((await login('mediator', DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('shows the lock on the user record while it lasts', async () => {
    for (let i = 1; i <= 5; i++) await login('grid', `Wrong${i}@x`);
    const id = await userIdOf(api.ctx, 'grid');
    const record = await api.app.inject({
      method: 'GET',
      url: `/api/v1/users/${id}`,
      headers: await api.as('admin'),
    });
    expect(record.json()).toMatchObject({ locked: true });
    expect(Date.parse(record.json().lockedUntil)).toBe(clock.now().getTime() + 15 * MINUTE);
    clock.advance(15 * MINUTE);
    const later = await api.app.inject({
      method: 'GET',
      url: `/api/v1/users/${id}`,
      headers: await api.as('admin'),
    });
    expect(later.json()).toMatchObject({ locked: false, lockedUntil: null });
  });

  it('writes sign-ins, failures, the lock and the refusal to the audit trail', async () => {
    const failed = await auditEntries(api, 'auth.login_failed');
    expect(failed.filter((e) => e.actorUsername === 'mediator').length).toBeGreaterThanOrEqual(5);
    expect(failed.some((e) => e.actorUsername === 'nobody-here')).toBe(true);
    const locked = await auditEntries(api, 'auth.account_locked');
    expect(locked.map((e) => e.actorUsername)).toContain('mediator');
    const refused = await auditEntries(api, 'auth.login_refused');
    expect(refused.filter((e) => e.actorUsername === 'mediator')).toHaveLength(2);
    const loggedIn = await auditEntries(api, 'auth.logged_in');
    expect(loggedIn.map((e) => e.actorUsername)).toEqual(expect.arrayContaining(['mediator', 'admin']));
  });

  it('refuses the audit trail to a role without audit.read', async () => {
    const response = await api.app.inject({
      method: 'GET',
      url: '/api/v1/audit',
      headers: await api.as('leader'),
    });
    expectError(response, 403, 'FORBIDDEN');
  });
});

describe('lock-out beaten in parallel (finding 1)', () => {
  it('checks at most 5 of 40 parallel passwords for one account, and refuses the right one sent 30th', async () => {
    const attempts = Array.from({ length: 40 }, (_, i) =>
      login('supervisor', i === 29 ? DEMO_PASSWORD : `Wrong${i}@x`, {}, `10.1.0.${i + 1}`),
    );
    const answers = await Promise.all(attempts);
    expect(answers[29]!.statusCode, answers[29]!.body).not.toBe(200);
    expect(answers.filter((a) => a.statusCode === 401).length).toBeLessThanOrEqual(4);
    const checked = (await auditEntries(api, 'auth.login_failed')).filter(
      (e) => e.actorUsername === 'supervisor',
    );
    expect(checked).toHaveLength(5);
    for (const answer of answers.filter((a) => a.statusCode !== 401)) {
      expect([423, 429]).toContain(answer.statusCode);
      expect(Number(answer.headers['retry-after'])).toBeGreaterThan(0);
    }
    clock.advance(61 * MINUTE);
  });

  it('answers 429 with Retry-After once one address has failed too often, whatever usernames it tries', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) {
      statuses.push((await login(`guess${i}`, 'Wrong@x', {}, '10.2.0.1')).statusCode);
    }
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(20).every((s) => s === 429)).toBe(true);
    const refused = await login('nobody', 'Wrong@x', {}, '10.2.0.1');
    expectError(refused, 429, 'RATE_LIMITED');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect((await login('guess0', 'Wrong@x', {}, '10.2.0.2')).statusCode).toBe(401);
    clock.advance(61 * MINUTE);
  });

  it('answers 429 once one username has failed too often, from however many addresses', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      statuses.push((await login('someone-else', 'Wrong@x', {}, `10.3.0.${i + 1}`)).statusCode);
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10).every((s) => s === 429)).toBe(true);
    clock.advance(61 * MINUTE);
  });
});

describe('sessions', () => {
  it('ends the session at logout: the next call with its token is 401', async () => {
    const headers = await signIn(api.app, 'agent');
    expect((await me(headers)).statusCode).toBe(200);
    const out = await api.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers });
    expect(out.statusCode).toBe(204);
    expectError(await me(headers), 401, 'SESSION_EXPIRED');
    expect((await auditEntries(api, 'auth.logged_out')).map((e) => e.actorUsername)).toContain('agent');
  });

  it('sets the session as an HttpOnly cookie that works instead of the bearer header', async () => {
    const response = await login('supervisor', DEMO_PASSWORD);
    const cookie = response.cookies.find((c) => c.name === 'shanzhi_session');
    expect(cookie).toBeDefined();
    expect(cookie).toMatchObject({ httpOnly: true, path: '/', sameSite: 'Lax' });
    expect(cookie!.value).toBe(response.json().token);
    expect(String(response.headers['set-cookie'])).toMatch(/HttpOnly/i);
    const viaCookie = await me({}, { shanzhi_session: cookie!.value });
    expect(viaCookie.statusCode, viaCookie.body).toBe(200);
    expect(viaCookie.json().user.username).toBe('supervisor');

    const out = await api.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      cookies: { shanzhi_session: cookie!.value },
    });
    expect(out.statusCode).toBe(204);
    const cleared = out.cookies.find((c) => c.name === 'shanzhi_session');
    expect(cleared?.value ?? '').toBe('');
    expectError(await me({}, { shanzhi_session: cookie!.value }), 401, 'SESSION_EXPIRED');
  });

  it('expires a session left unused past its idle time with 401 SESSION_EXPIRED', async () => {
    const headers = await signIn(api.app, 'handler');
    clock.advance(12 * HOUR + MINUTE);
    expectError(await me(headers), 401, 'SESSION_EXPIRED');
    api.forgetSessions();
  });

  it('keeps a session alive while it is used (sliding expiry)', async () => {
    const headers = await signIn(api.app, 'handler');
    clock.advance(7 * HOUR);
    expect((await me(headers)).statusCode).toBe(200);
    clock.advance(4 * HOUR);
    expect((await me(headers)).statusCode).toBe(200);
    api.forgetSessions();
  });

  it('ends a session at its absolute lifetime however active it is (finding 10: sessions slide forever)', async () => {
    const headers = await signIn(api.app, 'handler');
    for (let hours = 0; hours < 11; hours++) {
      clock.advance(HOUR);
      expect((await me(headers)).statusCode).toBe(200);
    }
    clock.advance(HOUR + MINUTE);
    expectError(await me(headers), 401, 'SESSION_EXPIRED');
    api.forgetSessions();
  });

  it('refuses sign-in to a disabled user, ends his sessions, and answers his right and wrong passwords alike (finding 10: password oracle)', async () => {
    const before = await signIn(api.app, 'merchant');
    const id = await userIdOf(api.ctx, 'merchant');
    const admin = await api.as('admin');
    const record = await api.app.inject({ method: 'GET', url: `/api/v1/users/${id}`, headers: admin });
    const disabled = await api.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${id}`,
      headers: admin,
      payload: { version: record.json().version, active: false },
    });
    expect(disabled.statusCode, disabled.body).toBe(200);
    expect(disabled.json().active).toBe(false);

    expectError(await me(before), 401, 'SESSION_EXPIRED');
    const right = await login('merchant', DEMO_PASSWORD);
    const wrong = await login('merchant', 'Wrong@2026');
    expectError(right, 401, 'INVALID_CREDENTIALS');
    expect(right.body).toBe(wrong.body);

    const enabled = await api.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${id}`,
      headers: admin,
      payload: { version: disabled.json().version, active: true },
    });
    expect(enabled.statusCode, enabled.body).toBe(200);
    expect((await login('merchant', DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('refuses an admin to disable his own account', async () => {
    const id = await userIdOf(api.ctx, 'admin');
    const admin = await api.as('admin');
    const record = await api.app.inject({ method: 'GET', url: `/api/v1/users/${id}`, headers: admin });
    const response = await api.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${id}`,
      headers: admin,
      payload: { version: record.json().version, active: false },
    });
    expectError(response, 403, 'FORBIDDEN');
    expect((await me(admin)).statusCode).toBe(200);
  });
});
