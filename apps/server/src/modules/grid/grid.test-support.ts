import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { ManualClock } from '../../platform/clock.js';
import { createSeededApi, type SeededApi } from '../../test/api.js';
import { orgs } from '../orgs/orgs.tables.js';
import { users } from '../users/users.tables.js';

/** A real 1×1 PNG, base64 as a phone sends it. */
export const PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

/** The seeded demo city on a test clock, with the demo `grid` user's grid. */
export interface GridWorld {
  api: SeededApi;
  clock: ManualClock;
  grid: { id: number; path: string; center: { longitude: number; latitude: number } };
  /** a request with a JSON body as `user`, with extra headers */
  send(
    user: string,
    method: 'POST' | 'PUT',
    url: string,
    payload: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
  get(user: string, url: string): Promise<LightMyRequestResponse>;
}

/** Builds the world once for a test file (call in `beforeAll`). */
export async function createGridWorld(start = '2026-10-13T01:00:00.000Z'): Promise<GridWorld> {
  const clock = new ManualClock(start);
  const api = await createSeededApi({ clock });
  const [row] = await api.ctx.db
    .select({ id: orgs.id, path: orgs.path, lng: orgs.centerLng, lat: orgs.centerLat })
    .from(users)
    .innerJoin(orgs, eq(orgs.id, users.orgId))
    .where(eq(users.username, 'grid'));
  return {
    api,
    clock,
    grid: { id: row!.id, path: row!.path, center: { longitude: row!.lng!, latitude: row!.lat! } },
    async send(user, method, url, payload, headers = {}) {
      return api.app.inject({
        method,
        url,
        payload: payload as object,
        headers: { ...(await api.as(user)), ...headers },
      });
    },
    async get(user, url) {
      return api.app.inject({ method: 'GET', url, headers: await api.as(user) });
    },
  };
}
