import { and, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { ManualClock } from '../../platform/clock.js';
import { createSeededApi, type SeededApi } from '../../test/api.js';
import { orgs } from '../orgs/orgs.tables.js';
import { mediationCommittees, mediators } from './mediation.tables.js';

/** The seeded demo city on a test clock, with 育红社区 and its committees. */
export interface MediationWorld {
  api: SeededApi;
  clock: ManualClock;
  /** 育红社区, its town (凤凰岭街道), their committees */
  yuhong: { orgId: number; committeeId: number };
  town: { orgId: number; committeeId: number };
  send(user: string, url: string, payload: unknown): Promise<LightMyRequestResponse>;
  get(user: string, url: string): Promise<LightMyRequestResponse>;
  /** takes an action at the version read just before */
  act(
    user: string,
    id: number,
    action: string,
    body?: Record<string, unknown>,
  ): Promise<LightMyRequestResponse>;
  /** a mediator of a committee (without an account) */
  mediatorOf(committeeId: number): Promise<number>;
}

async function committeeAt(api: SeededApi, orgName: string) {
  const [row] = await api.ctx.db
    .select({ orgId: orgs.id, committeeId: mediationCommittees.id })
    .from(orgs)
    .innerJoin(mediationCommittees, eq(mediationCommittees.orgId, orgs.id))
    .where(and(eq(orgs.name, orgName), eq(mediationCommittees.name, `${orgName}人民调解委员会`)));
  return row!;
}

/** Builds the world once for a test file (call in `beforeAll`); `env` overrides configuration. */
export async function createMediationWorld(
  start = '2026-10-13T01:00:00.000Z',
  env?: NodeJS.ProcessEnv,
): Promise<MediationWorld> {
  const clock = new ManualClock(start);
  const api = await createSeededApi({ clock, ...(env ? { env } : {}) });
  const send = async (user: string, url: string, payload: unknown) =>
    api.app.inject({ method: 'POST', url, payload: payload as object, headers: await api.as(user) });
  const get = async (user: string, url: string) =>
    api.app.inject({ method: 'GET', url, headers: await api.as(user) });
  return {
    api,
    clock,
    yuhong: await committeeAt(api, '育红社区'),
    town: await committeeAt(api, '凤凰岭街道'),
    send,
    get,
    async act(user, id, action, body = {}) {
      const { version } = (await get(user, `/api/v1/mediation/disputes/${id}`)).json();
      return send(user, `/api/v1/mediation/disputes/${id}/actions/${action}`, { version, ...body });
    },
    async mediatorOf(committeeId) {
      const [row] = await api.ctx.db
        .select({ id: mediators.id })
        .from(mediators)
        .where(eq(mediators.committeeId, committeeId))
        .orderBy(mediators.id)
        .limit(1);
      return row!.id;
    },
  };
}

/** A neighbours' dispute over water leaking from the flat above, at `orgId`. */
export function waterDispute(orgId: number, extra: Record<string, unknown> = {}) {
  return {
    source: 'walk_in',
    field: 'neighbour',
    title: '楼上漏水纠纷',
    facts: '401 室卫生间漏水，渗至 301 室天花板，双方就维修和赔偿协商未果。',
    claims: '401 室修复防水并赔偿 301 室粉刷费用',
    orgId,
    parties: [
      {
        role: 'applicant',
        kind: 'person',
        name: '王秀英',
        phone: '13947312345',
        address: '育红社区3号楼301室',
      },
      { role: 'respondent', kind: 'person', name: '李建国', phone: '13947354321' },
    ],
    ...extra,
  };
}
