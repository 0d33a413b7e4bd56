import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUTBOX_SUBSCRIBERS } from '../../../outbox-subscribers.js';
import { userIdOf } from '../../../test/api.js';
import { runOutboxDispatch } from '../../notifications/jobs/outbox-dispatch.job.js';
import { notifications } from '../../notifications/notifications.tables.js';
import { disputeEvents, disputes } from '../mediation.tables.js';
import { createMediationWorld, type MediationWorld, waterDispute } from '../mediation.test-support.js';
import { runDisputeLightScan } from './dispute-light-scan.job.js';

let w: MediationWorld;
beforeAll(async () => {
  w = await createMediationWorld();
});
afterAll(() => w.api.close());

/** A dispute of 育红社区 accepted and assigned to one of its mediators now. */
async function acceptedDispute(): Promise<{ id: number; number: string }> {
  const created = await w.send('mediator', '/api/v1/mediation/disputes', waterDispute(w.yuhong.orgId));
  expect(created.statusCode, created.body).toBe(201);
  const dispute = created.json();
  const mediatorId = await w.mediatorOf(w.yuhong.committeeId);
  for (const [action, body] of [
    ['accept', {}],
    ['assign', { committeeId: w.yuhong.committeeId, mediatorId }],
  ] as const) {
    const done = await w.act('mediator', dispute.id, action, body);
    expect(done.statusCode, done.body).toBe(200);
  }
  return dispute;
}

async function lightColumns(id: number) {
  const [row] = await w.api.ctx.db
    .select({ light: disputes.light, next: disputes.lightNextCheckAt, deadline: disputes.deadline })
    .from(disputes)
    .where(eq(disputes.id, id));
  return row!;
}

/** The scan, then the outbox consumer (whence the notifications); answers how many went out live. */
async function tick(): Promise<number> {
  await runDisputeLightScan(w.api.ctx);
  return (await runOutboxDispatch(w.api.ctx, { subscribers: OUTBOX_SUBSCRIBERS })).liveEvents;
}

/** The deadline notifications of the demo mediator (a member of 育红社区's committee) about `number`. */
async function deadlineNotices(number: string): Promise<string[]> {
  const mediator = await userIdOf(w.api.ctx, 'mediator');
  const rows = await w.api.ctx.db
    .select({ kind: notifications.kind, title: notifications.title, disputeId: notifications.disputeId })
    .from(notifications)
    .where(eq(notifications.userId, mediator))
    .orderBy(asc(notifications.id));
  return rows.filter((n) => n.title.endsWith(number)).map((n) => n.kind);
}

/** The mediator's notifications as the API shows them, about the dispute `id` (opening it). */
async function noticesOpening(id: number): Promise<string[]> {
  const page = (await w.get('mediator', '/api/v1/notifications?limit=100')).json();
  return page.items
    .filter((n: { disputeId: number | null }) => n.disputeId === id)
    .map((n: { kind: string; caseId: number | null }) => `${n.kind}:${n.caseId}`);
}

/** The clock's events on a dispute's timeline (read from the table: a moved clock ends the test sessions). */
async function clockEvents(id: number): Promise<string[]> {
  const rows = await w.api.ctx.db
    .select({ event: disputeEvents.event })
    .from(disputeEvents)
    .where(and(eq(disputeEvents.disputeId, id), eq(disputeEvents.action, 'sla')))
    .orderBy(asc(disputeEvents.seq));
  return rows.map((r) => r.event);
}

describe('the mediation limit’s lights (调解期限预警)', () => {
  it('warns the committee’s mediators once as the deadline nears, and once when it has passed', async () => {
    const dispute = await acceptedDispute();
    const accepted = await lightColumns(dispute.id);
    expect(accepted.light).toBe('green');
    expect(accepted.next!.getTime()).toBeLessThan(accepted.deadline!.getTime());

    // nothing is due yet
    await tick();
    expect(await clockEvents(dispute.id)).toEqual([]);

    // 80 % of the limit used: yellow, said once however often the scan runs
    w.clock.set(new Date(accepted.next!.getTime() + 60_000));
    // the notifications go out live to their owners' open streams, once
    expect(await tick()).toBeGreaterThan(0);
    expect(await tick()).toBe(0);
    expect(await clockEvents(dispute.id)).toEqual(['dispute.deadline_warned']);
    expect(await deadlineNotices(dispute.number)).toEqual(['sla_warned']);
    expect((await lightColumns(dispute.id)).light).toBe('yellow');

    // past the deadline: red, said once
    w.clock.set(new Date(accepted.deadline!.getTime() + 60_000));
    await tick();
    await tick();
    expect(await clockEvents(dispute.id)).toEqual(['dispute.deadline_warned', 'dispute.deadline_breached']);
    expect(await deadlineNotices(dispute.number)).toEqual(['sla_warned', 'sla_breached']);
    expect(await lightColumns(dispute.id)).toMatchObject({ light: 'red', next: null });

    // read back at the start (a clock moved weeks on ends the sessions signed in before): each opens the dispute
    w.clock.set('2026-10-13T01:00:00.000Z');
    expect((await noticesOpening(dispute.id)).sort()).toEqual(['sla_breached:null', 'sla_warned:null']);
  });

  it('says nothing of a dispute that ended before its deadline, and looks at it no more', async () => {
    const dispute = await acceptedDispute();
    const refused = await w.act('mediator', dispute.id, 'refuse', { reason: '被申请人拒绝调解' });
    expect(refused.statusCode, refused.body).toBe(200);
    const { deadline } = await lightColumns(dispute.id);
    w.clock.set(new Date(deadline!.getTime() + 60_000));
    await tick();
    expect(await clockEvents(dispute.id)).toEqual([]);
    expect(await deadlineNotices(dispute.number)).toEqual([]);
    expect((await lightColumns(dispute.id)).next).toBeNull();
  });
});
