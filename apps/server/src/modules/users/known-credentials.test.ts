import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../platform/auth/password.js';
import { loadConfig } from '../../platform/config/config.js';
import {
  createSeededApi,
  DEMO_PASSWORD,
  expectError,
  orgIdOf,
  type SeededApi,
  userIdOf,
} from '../../test/api.js';
import { createTestApp, createTestContext, type TestContext } from '../../test/setup.js';
import { assertDemoAccountsNotExposed, isLoopbackHost } from '../demo/demo-accounts-exposure.js';
import { DEMO_USERS } from '../demo/demo-users.js';
import { FIRST_ADMIN_USERNAME, installFirstAdmin } from './first-admin.js';
import { users } from './users.tables.js';

const WEAK = ['password1', 'qwerty123', DEMO_PASSWORD, 'Wuhai2026!'];

describe('known credentials (finding 3): weak passwords are refused', () => {
  let api: SeededApi;
  let cityId: number;
  beforeAll(async () => {
    api = await createSeededApi();
    cityId = await orgIdOf(api.ctx, '150300');
  });
  afterAll(() => api?.close());

  const newUser = (username: string, password: string) =>
    api.send('POST', '/api/v1/users', {
      username,
      displayName: '强度测试',
      orgId: cityId,
      password,
      roles: ['handler'],
    });

  it.each(WEAK)('refuses to create a user with the password %s', async (password) => {
    expectError(await newUser('strength_a', password), 400, 'VALIDATION_FAILED', 'password');
  });

  it('refuses a password built from the username, and accepts a strong one', async () => {
    expectError(await newUser('zhangwei88', 'zhangwei88!'), 400, 'VALIDATION_FAILED', 'password');
    expect((await newUser('zhangwei88', 'Lantern-Quarry-61')).statusCode).toBe(201);
  });

  it.each(WEAK)('refuses to reset a password to %s', async (password) => {
    const id = await userIdOf(api.ctx, 'handler');
    const answer = await api.send('POST', `/api/v1/users/${id}/password`, { password });
    expectError(answer, 400, 'VALIDATION_FAILED', 'password');
  });
});

describe('a user changes his own password (finding 3)', () => {
  let api: SeededApi;
  beforeAll(async () => {
    api = await createSeededApi();
  });
  afterAll(() => api?.close());

  const change = (headers: { authorization: string }, currentPassword: string, newPassword: string) =>
    api.app.inject({
      method: 'PUT',
      url: '/api/v1/me/password',
      headers,
      payload: { currentPassword, newPassword },
    });
  const login = (password: string) =>
    api.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'leader', password } });

  it('refuses a wrong current password, a weak or unchanged new one, on the failing field', async () => {
    const session = await api.as('leader');
    expectError(
      await change(session, 'Not-The-One-1', 'Lantern-Quarry-61'),
      400,
      'VALIDATION_FAILED',
      'currentPassword',
    );
    expectError(await change(session, DEMO_PASSWORD, 'qwerty123'), 400, 'VALIDATION_FAILED', 'newPassword');
    expectError(await change(session, DEMO_PASSWORD, DEMO_PASSWORD), 400, 'VALIDATION_FAILED', 'newPassword');
    expect((await login(DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('changes it: the session in use goes on, the others end, only the new password signs in', async () => {
    const current = await api.as('leader');
    const other = { authorization: `Bearer ${(await login(DEMO_PASSWORD)).json().token}` };
    const answer = await change(current, DEMO_PASSWORD, 'Lantern-Quarry-61');
    expect(answer.statusCode, answer.body).toBe(204);
    const me = (headers: { authorization: string }) =>
      api.app.inject({ method: 'GET', url: '/api/v1/me', headers });
    expect((await me(current)).statusCode).toBe(200);
    expectError(await me(other), 401, 'SESSION_EXPIRED');
    expectError(await login(DEMO_PASSWORD), 401, 'INVALID_CREDENTIALS');
    expect((await login('Lantern-Quarry-61')).statusCode).toBe(200);
  });

  it('requires a session', async () => {
    const answer = await api.app.inject({
      method: 'PUT',
      url: '/api/v1/me/password',
      payload: { currentPassword: 'x', newPassword: 'Lantern-Quarry-61' },
    });
    expectError(answer, 401, 'UNAUTHENTICATED');
  });
});

describe('the server on a network interface (finding 3)', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext({ seeded: true });
  });
  afterAll(() => ctx?.dispose());

  const exposedOn = (host: string) =>
    assertDemoAccountsNotExposed({ ...ctx, config: { ...ctx.config, HOST: host } });

  it('listens on loopback unless told otherwise', () => {
    expect(loadConfig({}).HOST).toBe('127.0.0.1');
    expect(['127.0.0.1', 'localhost', '::1'].every(isLoopbackHost)).toBe(true);
    expect(['0.0.0.0', '::', '10.0.0.5'].some(isLoopbackHost)).toBe(false);
  });

  it('refuses to listen on every interface while a demo account has the documented password', async () => {
    await expect(exposedOn('127.0.0.1')).resolves.toBeUndefined();
    await expect(exposedOn('0.0.0.0')).rejects.toThrow(/admin.*documented/);
  });

  it('listens there once no active demo account has it', async () => {
    const usernames = DEMO_USERS.map((u) => u.username);
    await ctx.db
      .update(users)
      .set({ passwordHash: await hashPassword('Lantern-Quarry-61') })
      .where(
        inArray(
          users.username,
          usernames.filter((u) => u !== 'citizen'),
        ),
      );
    await ctx.db.update(users).set({ active: false }).where(eq(users.username, 'citizen'));
    await expect(exposedOn('0.0.0.0')).resolves.toBeUndefined();
  });
});

describe('the first start of an installation that is not the demo (finding 3)', () => {
  const withPassword = async (password: string | undefined) => {
    const ctx = await createTestContext({ env: password ? { SHANZHI_ADMIN_PASSWORD: password } : {} });
    return ctx;
  };

  it('creates the city and its administrator from SHANZHI_ADMIN_PASSWORD, once', async () => {
    const ctx = await withPassword('Lantern-Quarry-61');
    try {
      expect(await installFirstAdmin(ctx)).toBe(true);
      expect(await installFirstAdmin(ctx)).toBe(false);
      const { app } = await createTestApp(ctx);
      const answer = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: FIRST_ADMIN_USERNAME, password: 'Lantern-Quarry-61' },
      });
      expect(answer.statusCode, answer.body).toBe(200);
      expect(answer.json().me).toMatchObject({ roles: ['admin'], org: { code: '150300' } });
      await app.close();
    } finally {
      await ctx.dispose();
    }
  });

  it('refuses to start without a password, or with a weak one', async () => {
    for (const password of [undefined, DEMO_PASSWORD, 'admin12345']) {
      const ctx = await withPassword(password);
      try {
        await expect(installFirstAdmin(ctx)).rejects.toThrow(/SHANZHI_ADMIN_PASSWORD/);
      } finally {
        await ctx.dispose();
      }
    }
  });
});
