import { ERROR_CODES } from '@shanzhi/shared';
import { and, asc, eq, like } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { orgs } from '../modules/orgs/orgs.tables.js';
import { users } from '../modules/users/users.tables.js';
import type { Clock } from '../platform/clock.js';
import type { RouteRequirement } from '../platform/http/route-permissions.js';
import { createTestApp, createTestContext, signIn, type TestContext } from './setup.js';

/** The password of every demo account. */
export const DEMO_PASSWORD = 'Shanzhi@2026';

/** The HTTP app the tests drive with `inject`. */
export type TestApp = Awaited<ReturnType<typeof createTestApp>>['app'];

/** A fresh database with the demo city, the app on it, and signed-in sessions by username. */
export interface SeededApi {
  ctx: TestContext;
  app: TestApp;
  routes: RouteRequirement[];
  /** the bearer header of `username` (signs in once, then reuses the session) */
  as(username: string): Promise<{ authorization: string }>;
  /** a GET as `user` (default the administrator) */
  get(url: string, user?: string): Promise<LightMyRequestResponse>;
  /** a request with a JSON body as `user` (default the administrator) */
  send(
    method: 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    payload: unknown,
    user?: string,
  ): Promise<LightMyRequestResponse>;
  /** forgets the cached sessions (after the clock moved past their idle time, a logout …) */
  forgetSessions(): void;
  close(): Promise<void>;
}

/** Builds the demo city once for a test file (call in `beforeAll`); `env` overrides configuration. */
export async function createSeededApi(
  options: { clock?: Clock; env?: NodeJS.ProcessEnv } = {},
): Promise<SeededApi> {
  const ctx = await createTestContext({ ...options, seeded: true });
  const { app, routes } = await createTestApp(ctx);
  const sessions = new Map<string, Promise<{ authorization: string }>>();
  const as = (username: string) => {
    let session = sessions.get(username);
    if (!session) {
      session = signIn(app, username);
      sessions.set(username, session);
    }
    return session;
  };
  return {
    ctx,
    app,
    routes,
    as,
    get: async (url, user = 'admin') => app.inject({ method: 'GET', url, headers: await as(user) }),
    send: async (method, url, payload, user = 'admin') =>
      app.inject({ method, url, payload: payload as object, headers: await as(user) }),
    forgetSessions: () => sessions.clear(),
    async close() {
      await app.close();
      await ctx.dispose();
    },
  };
}

/** A point inside a grid of the district with `districtCode` (the centre of its first grid), GCJ-02. */
export async function gridPointIn(
  ctx: TestContext,
  districtCode: string,
): Promise<{ longitude: number; latitude: number }> {
  const [district] = await ctx.db.select({ path: orgs.path }).from(orgs).where(eq(orgs.code, districtCode));
  const [grid] = await ctx.db
    .select({ lng: orgs.centerLng, lat: orgs.centerLat })
    .from(orgs)
    .where(and(eq(orgs.kind, 'grid'), like(orgs.path, `${district!.path}%`)))
    .orderBy(asc(orgs.id))
    .limit(1);
  return { longitude: grid!.lng!, latitude: grid!.lat! };
}

/** The id of the org with `code` (read straight from the database). */
export async function orgIdOf(ctx: TestContext, code: string): Promise<number> {
  const [row] = await ctx.db.select({ id: orgs.id }).from(orgs).where(eq(orgs.code, code));
  if (!row) throw new Error(`no org ${code}`);
  return row.id;
}

/** The id of the user `username` (read straight from the database). */
export async function userIdOf(ctx: TestContext, username: string): Promise<number> {
  const [row] = await ctx.db.select({ id: users.id }).from(users).where(eq(users.username, username));
  if (!row) throw new Error(`no user ${username}`);
  return row.id;
}

/** The error body of a response, after checking it has the API's one error shape and a known code. */
export function errorOf(response: LightMyRequestResponse): {
  code: string;
  message: string;
  fields?: { field: string; code: string; message: string }[];
} {
  const body = response.json();
  expect(body, response.body).toHaveProperty('error');
  expect(typeof body.error.code).toBe('string');
  expect(typeof body.error.message).toBe('string');
  expect(Object.keys(ERROR_CODES), `unknown error code in ${response.body}`).toContain(body.error.code);
  expect(ERROR_CODES[body.error.code as keyof typeof ERROR_CODES]).toBe(response.statusCode);
  return body.error;
}

/** Asserts an error answer: its status, its code and, when given, a failing field (exact or by prefix). */
export function expectError(
  response: LightMyRequestResponse,
  status: number,
  code: string,
  field?: string | RegExp,
): void {
  expect(response.statusCode, response.body).toBe(status);
  const error = errorOf(response);
  expect(error.code, response.body).toBe(code);
  if (field !== undefined) {
    const names = (error.fields ?? []).map((f) => f.field);
    if (typeof field === 'string') expect(names, response.body).toContain(field);
    else
      expect(
        names.some((n) => field.test(n)),
        `${field} in ${names.join(', ')}`,
      ).toBe(true);
  }
}

/** Reads the audit trail as admin, newest first, filtered by action. */
export async function auditEntries(
  api: SeededApi,
  action: string,
): Promise<{ actorUsername: string | null; targetId: string | null; detail: unknown; at: string }[]> {
  const response = await api.app.inject({
    method: 'GET',
    url: `/api/v1/audit?action=${encodeURIComponent(action)}&limit=200`,
    headers: await api.as('admin'),
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items;
}

/** The JSON body of a response that must have `status` (200 unless said); fails with the body otherwise. */
export async function expectOk(
  response: Promise<LightMyRequestResponse> | LightMyRequestResponse,
  status = 200,
) {
  const r = await response;
  expect(r.statusCode, r.body).toBe(status);
  return r.json();
}
