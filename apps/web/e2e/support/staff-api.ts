import { type APIRequestContext, request } from 'playwright-core';
import { expect, inject } from 'vitest';
import { DEMO_PASSWORD } from './browser.js';

/** A demo account's session on the API, for steps a test needs done but does not test through the UI. */
export async function staffApi(username: string): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL: inject('baseUrl') });
  const answer = await api.post('/api/v1/auth/login', { data: { username, password: DEMO_PASSWORD } });
  expect(answer.status()).toBe(200);
  return api;
}

/** The id of the case with this number, as a staff member finds it. */
export async function caseIdOf(api: APIRequestContext, number: string): Promise<number> {
  const answer = await api.get(`/api/v1/cases?q=${encodeURIComponent(number)}`);
  const item = ((await answer.json()) as { items: { id: number; number: string }[] }).items.find(
    (c) => c.number === number,
  );
  if (!item) throw new Error(`case ${number} not found`);
  return item.id;
}

/** Takes a lifecycle action on a case at its current version; it must succeed. */
export async function act(
  api: APIRequestContext,
  id: number,
  action: string,
  body: Record<string, unknown> = {},
): Promise<void> {
  const current = (await (await api.get(`/api/v1/cases/${id}`)).json()) as { version: number };
  const answer = await api.post(`/api/v1/cases/${id}/actions/${action}`, {
    data: { version: current.version, ...body },
  });
  expect(answer.status(), `${action}: ${await answer.text()}`).toBe(200);
}

/** The id of the org with this exact name. */
export async function orgIdByName(api: APIRequestContext, name: string): Promise<number> {
  const answer = await api.get(`/api/v1/orgs?q=${encodeURIComponent(name)}`);
  const org = ((await answer.json()) as { items: { id: number; name: string }[] }).items.find(
    (o) => o.name === name,
  );
  if (!org) throw new Error(`no org ${name}`);
  return org.id;
}

/**
 * Takes a case from registration to 结案 through the API, as the dispatcher, the housing bureau's handler and
 * the 12345 agent would: dispatch, accept, reply, approve, callback (satisfied), close.
 */
export async function closeThroughTheDesks(number: string, answerText: string): Promise<void> {
  const [dispatcher, handler, agent] = await Promise.all(['dispatcher', 'handler', 'agent'].map(staffApi));
  try {
    const id = await caseIdOf(dispatcher!, number);
    const housing = await orgIdByName(dispatcher!, '乌海市住房和城乡建设局');
    await act(dispatcher!, id, 'dispatch', { leadUnitId: housing });
    await act(handler!, id, 'accept');
    await act(handler!, id, 'reply', { content: answerText });
    await act(dispatcher!, id, 'review', { outcome: 'approve' });
    await act(agent!, id, 'callback', {
      reached: true,
      contacted: true,
      solved: true,
      satisfaction: 'satisfied',
    });
    await act(agent!, id, 'close');
  } finally {
    await Promise.all([dispatcher, handler, agent].map((api) => api?.dispose()));
  }
}
