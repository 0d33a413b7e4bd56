import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import type { AppContext } from '../../platform/context.js';
import { openDatabase } from '../../platform/db/database.js';
import { publishLiveEvent } from '../../platform/realtime/realtime.js';
import { expectError, orgIdOf, userIdOf } from '../../test/api.js';
import { signIn, TEST_DB } from '../../test/setup.js';
import { type CaseWorld, createCaseWorld } from '../cases/cases.test-support.js';
import { orgs } from '../orgs/orgs.tables.js';
import { startOutboxDispatcher } from './jobs/outbox-dispatcher.js';
import { connectSse, type ReceivedEvent, type SseClient } from './sse-client.test-support.js';

/**
 * The live stream across two server processes: app A (the case world) takes the actions and runs the outbox
 * consumer; app B — on PostgreSQL a second app over a second pool on the same database, as another process
 * would be; on PGlite, which one process owns, the same app — serves the SSE clients.
 */
let w: CaseWorld;
let contextB: AppContext;
let appB: Awaited<ReturnType<typeof buildApp>>['app'];
let baseB: string;
let consumer: { stop(): Promise<void> };
let closedB = false;
const clients: SseClient[] = [];

beforeAll(async () => {
  w = await createCaseWorld();
  const url = w.api.ctx.database.pool?.options.connectionString;
  if (TEST_DB === 'postgres' && url) {
    const database = await openDatabase({ url, poolSize: 3 });
    contextB = { ...w.api.ctx, database, db: database.db };
    appB = (await buildApp(contextB, { serveWeb: false })).app;
  } else {
    contextB = w.api.ctx;
    appB = w.api.app;
  }
  await appB.listen({ port: 0, host: '127.0.0.1' });
  const address = appB.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  baseB = `http://127.0.0.1:${address.port}`;
  consumer = startOutboxDispatcher(w.api.ctx, { intervalMs: 200 });
});

afterAll(async () => {
  for (const client of clients) client.close();
  await consumer?.stop();
  if (appB !== w.api.app) {
    if (!closedB) await appB.close();
    await contextB.database.close();
  }
  await w.api.close();
});

async function stream(user: string): Promise<SseClient> {
  const client = await connectSse(`${baseB}/api/v1/stream`, await signIn(w.api.app, user));
  clients.push(client);
  return client;
}

const aboutCase = (id: number, topic: string) => (e: ReceivedEvent) =>
  e.event === topic && e.data.data?.caseId === id;

describe('GET /api/v1/stream', () => {
  it('refuses a caller without a session with 401, and a role without the permission with 403', async () => {
    expectError(await w.api.app.inject({ method: 'GET', url: '/api/v1/stream' }), 401, 'UNAUTHENTICATED');
    // a caller that does not ask for an event stream gets an answer rather than a response that never ends
    const plain = await w.api.app.inject({
      method: 'GET',
      url: '/api/v1/stream',
      headers: await w.api.as('handler'),
    });
    expectError(plain, 400, 'VALIDATION_FAILED', 'headers.accept');
    const citizen = await w.api.as('citizen');
    expectError(
      await w.api.app.inject({ method: 'GET', url: '/api/v1/stream', headers: citizen }),
      403,
      'FORBIDDEN',
    );
  });

  it('delivers a case dispatched through one app to the clients of the other whose scope holds it, and only them', async () => {
    const handler = await stream('handler');
    const hbw = await stream('dispatcher_hbw');
    const inWuda = await w.newCase('agent', { location: await w.pointIn('150304') });
    await w.step('dispatcher', inWuda.id, 'dispatch', { leadUnitId: w.ids.housing });
    const dispatched = await handler.waitFor(aboutCase(inWuda.id, 'case.dispatched'));
    expect(dispatched.data).toMatchObject({
      topic: 'case.dispatched',
      data: { caseNumber: inWuda.number, state: 'dispatched' },
    });
    // and his own notification of it
    await handler.waitFor((e) => e.event === 'notification.created' && e.data.data?.caseId === inWuda.id);

    // a case of his own district reaches 海勃湾区's dispatcher; events arrive in order, so by then the
    // 乌达区 case's would have too
    const inHaibowan = await w.newCase('agent', { location: await w.pointIn('150302') });
    await w.step('dispatcher', inHaibowan.id, 'dispatch', { leadUnitId: w.ids.housing });
    await hbw.waitFor(aboutCase(inHaibowan.id, 'case.dispatched'));
    expect(hbw.events.some((e) => e.data.data?.caseId === inWuda.id)).toBe(false);
    // nor does anyone receive another's notification
    expect(hbw.events.some((e) => e.event === 'notification.created')).toBe(false);
  });

  it('delivers a warning published by another job to the clients whose scope holds it', async () => {
    const handler = await stream('handler');
    const hbw = await stream('dispatcher_hbw');
    const [district] = await w.api.ctx.db
      .select({ path: orgs.path })
      .from(orgs)
      .where(eq(orgs.id, await orgIdOf(w.api.ctx, '150302')));
    await publishLiveEvent(w.api.ctx, {
      topic: 'warning.raised',
      at: new Date().toISOString(),
      audience: { orgPaths: [district!.path] },
      data: { id: 1, level: 'yellow', title: '滨河小区同类投诉 24 小时内 5 起' },
    });
    const warning = await hbw.waitFor((e) => e.event === 'warning.raised');
    expect(warning.data.data).toMatchObject({ title: '滨河小区同类投诉 24 小时内 5 起' });
    // a later event the handler does receive proves the warning had its chance to reach him
    const c = await w.newCase('agent', { location: await w.pointIn('150302') });
    await w.step('dispatcher', c.id, 'dispatch', { leadUnitId: w.ids.housing });
    await handler.waitFor(aboutCase(c.id, 'case.dispatched'));
    expect(handler.events.some((e) => e.event === 'warning.raised')).toBe(false);
  });

  it('masks the personal numbers in an event’s texts for a subscriber without personal_data.read, whoever published it (finding 5)', async () => {
    const leader = await stream('leader');
    const supervisor = await stream('supervisor');
    const dispatcher = await stream('dispatcher_hbw');
    const [district] = await w.api.ctx.db
      .select({ path: orgs.path })
      .from(orgs)
      .where(eq(orgs.id, await orgIdOf(w.api.ctx, '150302')));
    const title = '滨河小区同类投诉：联系人13987654321，身份证150302199001011231';
    await publishLiveEvent(w.api.ctx, {
      topic: 'warning.raised',
      at: new Date().toISOString(),
      audience: { orgPaths: [district!.path] },
      data: { id: 2, level: 'yellow', title, cases: [{ number: 'WH20260930000001', note: title }] },
    });
    const masked = '滨河小区同类投诉：联系人139****4321，身份证150302********1231';
    const toLeader = await leader.waitFor((e) => e.event === 'warning.raised' && e.data.data?.id === 2);
    expect(toLeader.data.data).toEqual({
      id: 2,
      level: 'yellow',
      title: masked,
      cases: [{ number: 'WH20260930000001', note: masked }],
    });
    const toDispatcher = await dispatcher.waitFor(
      (e) => e.event === 'warning.raised' && e.data.data?.id === 2,
    );
    expect(toDispatcher.data.data).toMatchObject({ title });

    // a notification's owner reads it as the notifications API shows it to him
    const supervisorId = await userIdOf(w.api.ctx, 'supervisor');
    await publishLiveEvent(w.api.ctx, {
      topic: 'notification.created',
      at: new Date().toISOString(),
      audience: { userIds: [supervisorId] },
      data: { id: 999_999, kind: 'sla_warned', title: `即将超期：${title}`, caseId: null, caseNumber: null },
    });
    const told = await supervisor.waitFor(
      (e) => e.event === 'notification.created' && e.data.data?.id === 999_999,
    );
    expect(told.data.data).toMatchObject({ title: `即将超期：${masked}` });
    expect(JSON.stringify(told.data)).not.toContain('13987654321');
  });

  it('ends open streams cleanly when the server closes', async () => {
    if (appB === w.api.app) return; // closing the only app is afterAll's job
    const client = await stream('handler');
    closedB = true;
    await appB.close();
    await client.ended;
  });
});
