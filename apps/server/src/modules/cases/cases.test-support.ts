import { type CaseAction, toBeijingDateTime } from '@shanzhi/shared';
import { and, asc, eq, like } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { ManualClock } from '../../platform/clock.js';
import { createSeededApi, orgIdOf, type SeededApi } from '../../test/api.js';
import { orgs } from '../orgs/orgs.tables.js';

/** 2026-09-30 10:00 Beijing: the eve of the National Day holidays. */
export const START = '2026-09-30T02:00:00.000Z';

/** The demo city with a manual clock and helpers to drive cases through the API. */
export interface CaseWorld {
  api: SeededApi;
  clock: ManualClock;
  ids: { housing: number; urban: number; cityCentre: number; hbwCentre: number; wudaTown: number };
  /** a point inside a grid of the district (GCJ-02) */
  pointIn(districtCode: string): Promise<{ longitude: number; latitude: number }>;
  /** `POST /cases` as `user`; the raw response */
  register(user: string, body?: Record<string, unknown>): Promise<LightMyRequestResponse>;
  /** registers and answers the case (expects 201) */
  newCase(user?: string, body?: Record<string, unknown>): Promise<CaseBody>;
  /** `POST /cases/:id/actions/:action` as `user` with `body` (plus the given version) */
  act(
    user: string,
    id: number,
    action: CaseAction,
    body: Record<string, unknown>,
  ): Promise<LightMyRequestResponse>;
  /** takes an action that must succeed, with the case's current version; answers the case */
  step(user: string, id: number, action: CaseAction, body?: Record<string, unknown>): Promise<CaseBody>;
  /** `GET /cases/:id` as `user` (expects 200) */
  read(user: string, id: number): Promise<CaseBody>;
  get(user: string, url: string): Promise<LightMyRequestResponse>;
}

/** A case as the API answers it (loosely typed for tests). */
export type CaseBody = {
  id: number;
  number: string;
  state: string;
  version: number;
  light: string;
  actions: string[];
  timeline: {
    seq: number;
    action: string;
    event: string;
    note: string | null;
    changes: Record<string, unknown>;
  }[];
  [key: string]: unknown;
};

const HOTLINE_CALL = {
  source: 'hotline_12345',
  type: 'complaint',
  content: '小区楼道内堆放杂物，存在消防隐患，物业不予处理',
  citizenName: '张先生',
  citizenPhone: '13912345678',
  address: '海勃湾区新华街道滨河小区3号楼2单元',
};

/** Builds the demo city once for a test file (in `beforeAll`); sessions outlive the clock's travels. */
export async function createCaseWorld(): Promise<CaseWorld> {
  const clock = new ManualClock(START);
  const api = await createSeededApi({ clock });
  // sessions idle out after 12 h of clock time; tests travel days, so sign in again when needed
  const headers = async (user: string) => {
    const h = await api.as(user);
    const probe = await api.app.inject({ method: 'GET', url: '/api/v1/me', headers: h });
    if (probe.statusCode === 200) return h;
    api.forgetSessions();
    return api.as(user);
  };
  const ids = {
    housing: await orgIdOf(api.ctx, 'unit.housing'),
    urban: await orgIdOf(api.ctx, 'unit.urban'),
    cityCentre: await orgIdOf(api.ctx, 'center.city'),
    hbwCentre: await orgIdOf(api.ctx, 'center.150302'),
    wudaTown: 0,
  };
  const wuda = await api.ctx.db.select({ path: orgs.path }).from(orgs).where(eq(orgs.code, '150304'));
  const [town] = await api.ctx.db
    .select({ id: orgs.id })
    .from(orgs)
    .where(and(eq(orgs.kind, 'town'), like(orgs.path, `${wuda[0]!.path}%`)))
    .orderBy(asc(orgs.sort), asc(orgs.id))
    .limit(1);
  ids.wudaTown = town!.id;

  const world: CaseWorld = {
    api,
    clock,
    ids,
    async pointIn(districtCode) {
      const [district] = await api.ctx.db
        .select({ path: orgs.path })
        .from(orgs)
        .where(eq(orgs.code, districtCode));
      const [grid] = await api.ctx.db
        .select({ lng: orgs.centerLng, lat: orgs.centerLat })
        .from(orgs)
        .where(and(eq(orgs.kind, 'grid'), like(orgs.path, `${district!.path}%`)))
        .orderBy(asc(orgs.id))
        .limit(1);
      return { longitude: grid!.lng!, latitude: grid!.lat! };
    },
    async register(user, body = {}) {
      return api.app.inject({
        method: 'POST',
        url: '/api/v1/cases',
        headers: await headers(user),
        payload: { ...HOTLINE_CALL, ...body },
      });
    },
    async newCase(user = 'agent', body = {}) {
      const response = await world.register(user, body);
      expect(response.statusCode, response.body).toBe(201);
      return response.json();
    },
    async act(user, id, action, body) {
      return api.app.inject({
        method: 'POST',
        url: `/api/v1/cases/${id}/actions/${action}`,
        headers: await headers(user),
        payload: body,
      });
    },
    async step(user, id, action, body = {}) {
      const current = (await world.get(user, `/api/v1/cases/${id}`)).json();
      const response = await world.act(user, id, action, { version: current.version, ...body });
      expect(response.statusCode, `${action} by ${user}: ${response.body}`).toBe(200);
      return response.json();
    },
    async read(user, id) {
      const response = await world.get(user, `/api/v1/cases/${id}`);
      expect(response.statusCode, response.body).toBe(200);
      return response.json();
    },
    async get(user, url) {
      return api.app.inject({ method: 'GET', url, headers: await headers(user) });
    },
  };
  return world;
}

/** The Beijing wall-clock time of an ISO instant, `YYYY-MM-DD HH:mm`. */
export function beijingTime(iso: string): string {
  return toBeijingDateTime(new Date(iso));
}
