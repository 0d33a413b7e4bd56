import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { createSeededApi, errorOf, type SeededApi, type TestApp, userIdOf } from '../../test/api.js';
import { signIn, TEST_DB } from '../../test/setup.js';
import type { AppContext } from '../context.js';
import { openDatabase } from '../db/database.js';

/**
 * What processes keep in memory (sessions, the grid index) against changes made through the API. App A makes
 * the changes; app B answers — on PostgreSQL a second app over its own pool on the same database, as another
 * server process would be; on PGlite, which one process owns, the same app.
 */
let api: SeededApi;
let appB: TestApp;
let contextB: AppContext | undefined;

beforeAll(async () => {
  api = await createSeededApi();
  const url = api.ctx.database.pool?.options.connectionString;
  if (TEST_DB === 'postgres' && url) {
    const database = await openDatabase({ url, poolSize: 3 });
    contextB = { ...api.ctx, database, db: database.db };
    appB = (await buildApp(contextB, { serveWeb: false })).app;
  } else {
    appB = api.app;
  }
});

afterAll(async () => {
  if (contextB) {
    await appB.close();
    await contextB.database.close();
  }
  await api.close();
});

/** Polls `probe` until it holds (another process hears a change within milliseconds, not at once). */
async function eventually(probe: () => Promise<boolean>, ms = 3_000): Promise<boolean> {
  const until = Date.now() + ms;
  for (;;) {
    if (await probe()) return true;
    if (Date.now() > until) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
}

const me = (app: TestApp, headers: { authorization: string }) =>
  app.inject({ method: 'GET', url: '/api/v1/me', headers });

describe('sessions kept in memory', () => {
  it('refuses a signed-out token at once, in this process and the others', async () => {
    const session = await signIn(api.app, 'agent');
    expect((await me(appB, session)).statusCode).toBe(200);
    expect((await me(appB, session)).statusCode).toBe(200);
    const out = await api.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: session });
    expect(out.statusCode, out.body).toBeLessThan(300);
    expect((await me(api.app, session)).statusCode).toBe(401);
    expect(await eventually(async () => (await me(appB, session)).statusCode === 401)).toBe(true);
  });

  it('refuses a disabled account and shows a changed name at once', async () => {
    const admin = await api.as('admin');
    const session = await signIn(api.app, 'supervisor');
    expect((await me(appB, session)).json().user.displayName).toBeTypeOf('string');
    const id = await userIdOf(api.ctx, 'supervisor');
    const user = (await api.app.inject({ method: 'GET', url: `/api/v1/users/${id}`, headers: admin })).json();
    const renamed = await api.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${id}`,
      headers: admin,
      payload: { version: user.version, displayName: '改名后的督办员' },
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(
      await eventually(async () => (await me(appB, session)).json().user.displayName === '改名后的督办员'),
    ).toBe(true);
    const disabled = await api.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${id}`,
      headers: admin,
      payload: { version: renamed.json().version, active: false },
    });
    expect(disabled.statusCode, disabled.body).toBe(200);
    expect(await eventually(async () => (await me(appB, session)).statusCode === 401)).toBe(true);
    expect(errorOf(await me(api.app, session)).code).toBe('SESSION_EXPIRED');
  });
});

describe('the grid index kept in memory', () => {
  it('locates by a redrawn boundary at once, in this process and the others', async () => {
    const admin = await api.as('admin');
    const reader = await signIn(appB, 'admin');
    const locate = (lng: number, lat: number) =>
      appB.inject({ method: 'GET', url: `/api/v1/orgs/locate?lng=${lng}&lat=${lat}`, headers: reader });
    // a square far outside Wuhai: no grid holds it yet
    expect(errorOf(await locate(110.005, 30.005)).code).toBe('POINT_OUTSIDE_CITY');
    const list = await api.app.inject({
      method: 'GET',
      url: '/api/v1/orgs?kind=grid&pageSize=1',
      headers: admin,
    });
    const grid = list.json().items[0] as { id: number; version: number };
    const square = [
      [110, 30],
      [110.01, 30],
      [110.01, 30.01],
      [110, 30.01],
      [110, 30],
    ];
    const redrawn = await api.app.inject({
      method: 'PATCH',
      url: `/api/v1/orgs/${grid.id}`,
      headers: admin,
      payload: { version: grid.version, boundary: { type: 'Polygon', coordinates: [square] } },
    });
    expect(redrawn.statusCode, redrawn.body).toBe(200);
    expect(
      await eventually(async () => {
        const found = await locate(110.005, 30.005);
        return found.statusCode === 200 && found.json().grid?.id === grid.id;
      }),
    ).toBe(true);
  });
});
