import type { LightMyRequestResponse } from 'fastify';
import { ManualClock } from '../../platform/clock.js';
import { createSeededApi, type SeededApi } from '../../test/api.js';
import { demoDeviceSecret } from './demo/seed-demo-iot.js';
import { signMessage } from './signed-message.js';

/** A signed device message as it goes over HTTP: its body and headers. */
export interface SignedMessage {
  body: string;
  headers: Record<string, string>;
}

/** Signs `payload` as device `serial` with `secret` at `timestampMs`. */
export function signAs(serial: string, secret: string, payload: unknown, timestampMs: number): SignedMessage {
  const body = JSON.stringify(payload);
  const timestamp = String(timestampMs);
  return {
    body,
    headers: {
      'content-type': 'application/json',
      'x-shanzhi-device': serial,
      'x-shanzhi-timestamp': timestamp,
      'x-shanzhi-signature': signMessage(secret, timestamp, body),
    },
  };
}

/** The seeded demo city on a test clock, with request helpers for staff and for devices. */
export interface IotWorld {
  api: SeededApi;
  clock: ManualClock;
  get(user: string, url: string): Promise<LightMyRequestResponse>;
  send(user: string, url: string, payload: unknown, method?: 'POST' | 'PUT'): Promise<LightMyRequestResponse>;
  /** posts a signed alert of demo device `serial` (its demo secret) at the clock's time */
  alert(serial: string, payload: unknown, at?: number): Promise<LightMyRequestResponse>;
  /** posts an already signed message */
  post(message: SignedMessage): Promise<LightMyRequestResponse>;
}

/** Builds the world once for a test file (call in `beforeAll`). */
export async function createIotWorld(start = '2026-10-12T01:00:00.000Z'): Promise<IotWorld> {
  const clock = new ManualClock(start);
  const api = await createSeededApi({ clock });
  const post = (message: SignedMessage) =>
    api.app.inject({
      method: 'POST',
      url: '/api/v1/iot/alerts',
      payload: message.body,
      headers: message.headers,
    });
  return {
    api,
    clock,
    get: async (user, url) => api.app.inject({ method: 'GET', url, headers: await api.as(user) }),
    send: async (user, url, payload, method = 'POST') =>
      api.app.inject({ method, url, payload: payload as object, headers: await api.as(user) }),
    alert: (serial, payload, at = clock.now().getTime()) =>
      post(signAs(serial, demoDeviceSecret(serial), payload, at)),
    post,
  };
}
