import { completeCreditCode } from '@shanzhi/shared';
import type { LightMyRequestResponse } from 'fastify';
import { ManualClock } from '../../platform/clock.js';
import { createSeededApi, type SeededApi } from '../../test/api.js';

/** A real 1×1 PNG, base64 as a phone sends it. */
export const PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

let serial = 0;
/** A fresh valid 统一社会信用代码 (Wuhai's area code, a serial in the body). */
export function nextCreditCode(): string {
  serial++;
  return completeCreditCode(`91150303MA${String(serial).padStart(7, '0')}`);
}

/** The seeded demo city on a test clock (a Monday morning, Beijing), with request helpers. */
export interface SafetyWorld {
  api: SeededApi;
  clock: ManualClock;
  send(user: string, url: string, payload: unknown): Promise<LightMyRequestResponse>;
  get(user: string, url: string): Promise<LightMyRequestResponse>;
  /** an enterprise registered by the demo `handler` (住建局, its supervising body): its id */
  enterprise(industry?: string): Promise<number>;
  /** takes `action` on hazard `id` as `user` at the version it now has */
  act(
    id: number,
    action: string,
    body: Record<string, unknown>,
    user?: string,
  ): Promise<LightMyRequestResponse>;
}

/** Builds the world once for a test file (call in `beforeAll`). */
export async function createSafetyWorld(start = '2026-10-12T01:00:00.000Z'): Promise<SafetyWorld> {
  const clock = new ManualClock(start);
  const api = await createSeededApi({ clock });
  const send = async (user: string, url: string, payload: unknown) =>
    api.app.inject({ method: 'POST', url, payload: payload as object, headers: await api.as(user) });
  const get = async (user: string, url: string) =>
    api.app.inject({ method: 'GET', url, headers: await api.as(user) });
  return {
    api,
    clock,
    send,
    get,
    async enterprise(industry = 'construction') {
      const created = await send('handler', '/api/v1/safety/enterprises', {
        name: `乌海市测试建设工程有限公司${serial + 1}`,
        creditCode: nextCreditCode(),
        industry,
        address: '海南区西卓子山街道工业园区',
      });
      if (created.statusCode !== 201) throw new Error(created.body);
      return created.json().id as number;
    },
    async act(id, action, body, user = 'handler') {
      const current = (await get(user, `/api/v1/safety/hazards/${id}`)).json();
      return send(user, `/api/v1/safety/hazards/${id}/actions/${action}`, {
        version: current.version,
        ...body,
      });
    },
  };
}
