import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../../test/api.js';
import { type CaseWorld, createCaseWorld } from '../cases/cases.test-support.js';
import { runSlaScan } from '../cases/jobs/sla-scan.job.js';
import { runOutboxDispatch } from './jobs/outbox-dispatch.job.js';

let w: CaseWorld;
beforeAll(async () => {
  w = await createCaseWorld();
  // three dispatches to 市住建局: three notifications for `handler`, none for the dispatcher
  for (let i = 0; i < 3; i++) {
    const c = await w.newCase('agent', { location: await w.pointIn('150302') });
    await w.step('dispatcher', c.id, 'dispatch', { leadUnitId: w.ids.housing });
  }
  await runOutboxDispatch(w.api.ctx);
});
afterAll(() => w.api.close());

const post = async (user: string, url: string) =>
  w.api.app.inject({ method: 'POST', url, headers: await w.api.as(user) });

describe('notifications API', () => {
  it('lists the caller’s own notifications only, newest first, a keyset page at a time', async () => {
    const first = (await w.get('handler', '/api/v1/notifications?limit=2')).json();
    expect(first.items).toHaveLength(2);
    expect(first.items[0]).toMatchObject({ kind: 'dispatched', readAt: null });
    expect(first.items[0].title).toContain('新派单');
    expect(first.items[0].id).toBeGreaterThan(first.items[1].id);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = (
      await w.get('handler', `/api/v1/notifications?limit=2&cursor=${first.nextCursor}`)
    ).json();
    expect(second.items).toHaveLength(1);
    expect(second.items[0].id).toBeLessThan(first.items[1].id);
    expect(second.nextCursor).toBeNull();
    // a page exactly as long as what is left ends the list: no empty page after it
    const exact = (await w.get('handler', '/api/v1/notifications?limit=3')).json();
    expect(exact.items).toHaveLength(3);
    expect(exact.nextCursor).toBeNull();
    expect((await w.get('dispatcher', '/api/v1/notifications')).json()).toEqual({
      items: [],
      nextCursor: null,
    });
  });

  it('marks one read, refuses someone else’s with 404, and counts the unread', async () => {
    const [latest] = (await w.get('handler', '/api/v1/notifications?unread=true')).json().items;
    expect((await w.get('handler', '/api/v1/notifications/unread-count')).json()).toEqual({ count: 3 });
    expectError(
      await post('dispatcher', `/api/v1/notifications/${latest.id}/read`),
      404,
      'NOTIFICATION_NOT_FOUND',
    );
    const read = await post('handler', `/api/v1/notifications/${latest.id}/read`);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json().readAt).not.toBeNull();
    // marking it again keeps the first reading time
    expect((await post('handler', `/api/v1/notifications/${latest.id}/read`)).json().readAt).toBe(
      read.json().readAt,
    );
    expect((await w.get('handler', '/api/v1/notifications/unread-count')).json()).toEqual({ count: 2 });
    const unread = (await w.get('handler', '/api/v1/notifications?unread=true')).json().items;
    expect(unread.map((n: { id: number }) => n.id)).not.toContain(latest.id);
  });

  it('marks all read', async () => {
    expect((await post('handler', '/api/v1/notifications/read-all')).json()).toEqual({ updated: 2 });
    expect((await w.get('handler', '/api/v1/notifications/unread-count')).json()).toEqual({ count: 0 });
    expect((await post('handler', '/api/v1/notifications/read-all')).json()).toEqual({ updated: 0 });
  });

  it('refuses bad input with 400, no session with 401, and a role without the permission with 403', async () => {
    expectError(
      await w.get('handler', '/api/v1/notifications?cursor=abc'),
      400,
      'VALIDATION_FAILED',
      'cursor',
    );
    expectError(
      await w.get('handler', '/api/v1/notifications?unread=yes'),
      400,
      'VALIDATION_FAILED',
      'query.unread',
    );
    expectError(
      await w.get('handler', '/api/v1/notifications?limit=1000'),
      400,
      'VALIDATION_FAILED',
      'query.limit',
    );
    expectError(await post('handler', '/api/v1/notifications/0/read'), 400, 'VALIDATION_FAILED');
    expectError(await post('handler', '/api/v1/notifications/99999999/read'), 404, 'NOTIFICATION_NOT_FOUND');
    const anonymous = await w.api.app.inject({ method: 'GET', url: '/api/v1/notifications' });
    expectError(anonymous, 401, 'UNAUTHENTICATED');
    expectError(await w.get('citizen', '/api/v1/notifications/unread-count'), 403, 'FORBIDDEN');
  });
});

describe('notification texts (finding 5)', () => {
  it('quote the case title with its phone masked for a supervisor told of a warning, in full for the handler (finding 5)', async () => {
    const c = await w.newCase('agent', {
      content: '我的电话13987654321，小区门口路灯不亮已经一周',
      location: await w.pointIn('150302'),
    });
    await w.step('dispatcher', c.id, 'dispatch', { leadUnitId: w.ids.housing });
    // 80 % of the 2 working hours to accept: a warning to the lead unit and the supervisors
    w.clock.set('2026-09-30T03:40:00.000Z');
    await runSlaScan(w.api.ctx);
    await runOutboxDispatch(w.api.ctx);
    const about = async (user: string, kind: string) => {
      const items = (await w.get(user, '/api/v1/notifications?limit=100')).json().items as {
        id: number;
        kind: string;
        caseId: number;
        title: string;
        body: string;
      }[];
      return items.find((n) => n.caseId === c.id && n.kind === kind)!;
    };
    const supervisor = await about('supervisor', 'sla_warned');
    expect(supervisor.body).toContain('「我的电话139****4321，小区门口路灯不亮已经一周」');
    expect(JSON.stringify(supervisor)).not.toContain('13987654321');
    const handler = await about('handler', 'sla_warned');
    expect(handler.body).toContain('「我的电话13987654321，小区门口路灯不亮已经一周」');
    const dispatched = await about('handler', 'dispatched');
    expect(dispatched.body).toContain('13987654321');
    // marking it read answers the same masked text
    const read = await post('supervisor', `/api/v1/notifications/${supervisor.id}/read`);
    expect(read.json().body).toBe(supervisor.body);
  });
});
