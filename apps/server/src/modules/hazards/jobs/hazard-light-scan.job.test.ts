import { and, asc, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUTBOX_SUBSCRIBERS } from '../../../outbox-subscribers.js';
import { userIdOf } from '../../../test/api.js';
import { runOutboxDispatch } from '../../notifications/jobs/outbox-dispatch.job.js';
import { notifications } from '../../notifications/notifications.tables.js';
import { hazardLights } from '../hazard-lights.tables.js';
import { enterprises, hazardEvents, hazards } from '../hazards.tables.js';
import { createSafetyWorld, type SafetyWorld } from '../hazards.test-support.js';
import { runHazardLightScan } from './hazard-light-scan.job.js';

let w: SafetyWorld;
let enterpriseId: number;
beforeAll(async () => {
  w = await createSafetyWorld();
  // an enterprise of 住建局 (the demo handler's unit), the demo enterprise account speaking for it
  enterpriseId = await w.enterprise();
  const account = await userIdOf(w.api.ctx, 'enterprise');
  await w.api.ctx.db
    .update(enterprises)
    .set({ accountUserId: null })
    .where(and(isNotNull(enterprises.accountUserId), eq(enterprises.accountUserId, account)));
  await w.api.ctx.db
    .update(enterprises)
    .set({ accountUserId: account })
    .where(eq(enterprises.id, enterpriseId));
});
afterAll(() => w.api.close());

/** A hazard of the enterprise reported and assigned now, to be rectified within `days` working days. */
async function assignedHazard(days = 2): Promise<number> {
  const recorded = await w.send('handler', '/api/v1/safety/hazards', {
    enterpriseId,
    level: 'general',
    description: '塔吊限位装置失灵',
  });
  expect(recorded.statusCode, recorded.body).toBe(201);
  const id = recorded.json().id as number;
  expect((await w.act(id, 'report', {})).statusCode).toBe(200);
  const assigned = await w.act(id, 'assign', { responsibleParty: '项目经理王工', deadlineDays: days });
  expect(assigned.statusCode, assigned.body).toBe(200);
  return id;
}

/** The scan, then the outbox consumer (whence the notifications). */
async function tick(): Promise<void> {
  await runHazardLightScan(w.api.ctx);
  await runOutboxDispatch(w.api.ctx, { subscribers: OUTBOX_SUBSCRIBERS });
}

async function lightOf(id: number) {
  const [row] = await w.api.ctx.db.select().from(hazardLights).where(eq(hazardLights.id, id));
  return row;
}

/** The deadline notifications of `username` about hazard `id`, in order. */
async function noticesOf(username: string, id: number): Promise<string[]> {
  const rows = await w.api.ctx.db
    .select({ kind: notifications.kind, title: notifications.title, body: notifications.body })
    .from(notifications)
    .where(eq(notifications.userId, await userIdOf(w.api.ctx, username)))
    .orderBy(asc(notifications.id));
  return rows.filter((n) => n.title.endsWith(`隐患 ${id}`)).map((n) => n.kind);
}

/** The clock's events on a hazard's timeline. */
async function clockEvents(id: number): Promise<string[]> {
  const rows = await w.api.ctx.db
    .select({ event: hazardEvents.event })
    .from(hazardEvents)
    .where(and(eq(hazardEvents.hazardId, id), eq(hazardEvents.action, 'sla')))
    .orderBy(asc(hazardEvents.seq));
  return rows.map((r) => r.event);
}

describe('the rectification deadline’s lights (整改期限预警)', () => {
  it('warns the enterprise and its supervising body once as the deadline nears, and once past it', async () => {
    const id = await assignedHazard();
    await tick();
    const started = (await lightOf(id))!;
    expect(started.light).toBe('green');
    expect(started.lightNextCheckAt!.getTime()).toBeLessThan(started.deadline.getTime());
    expect(await clockEvents(id)).toEqual([]);

    // 80 % of the working days used: yellow, said once however often the scan runs
    w.clock.set(new Date(started.lightNextCheckAt!.getTime() + 60_000));
    await tick();
    await tick();
    expect(await clockEvents(id)).toEqual(['hazard.deadline_warned']);
    expect(await noticesOf('enterprise', id)).toEqual(['sla_warned']);
    expect(await noticesOf('handler', id)).toEqual(['sla_warned']);

    // past the deadline: red, said once, and looked at no more
    w.clock.set(new Date(started.deadline.getTime() + 60_000));
    await tick();
    await tick();
    expect(await clockEvents(id)).toEqual(['hazard.deadline_warned', 'hazard.deadline_breached']);
    for (const username of ['enterprise', 'handler'])
      expect(await noticesOf(username, id)).toEqual(['sla_warned', 'sla_breached']);
    expect(await lightOf(id)).toMatchObject({ light: 'red', lightNextCheckAt: null });
    // nobody else: another unit's handler, the dispatcher, the supervisor
    for (const username of ['handler_wd', 'dispatcher', 'supervisor'])
      expect(await noticesOf(username, id)).toEqual([]);
    // the hazard keeps its state and version (read from the table: a moved clock ends the test sessions)
    const [after] = await w.api.ctx.db
      .select({ state: hazards.state, version: hazards.version })
      .from(hazards)
      .where(eq(hazards.id, id));
    expect(after).toEqual({ state: 'assigned', version: 2 });
  });

  it('says nothing of a hazard rectified before its deadline', async () => {
    w.clock.set('2026-10-12T01:00:00.000Z');
    const id = await assignedHazard();
    await tick();
    const { deadline } = (await lightOf(id))!;
    expect((await w.act(id, 'start_rectification', {})).statusCode).toBe(200);
    const rectified = await w.act(id, 'rectify', { note: '已更换限位器', photos: [] });
    expect(rectified.statusCode, rectified.body).toBe(200);
    w.clock.set(new Date(deadline.getTime() + 60_000));
    await tick();
    expect(await clockEvents(id)).toEqual([]);
    expect(await noticesOf('enterprise', id)).toEqual([]);
    expect((await lightOf(id))!.lightNextCheckAt).toBeNull();
  });

  it('starts green again on a deadline moved by an extension, and warns of the new one', async () => {
    w.clock.set('2026-10-12T01:00:00.000Z');
    const id = await assignedHazard();
    await tick();
    const first = (await lightOf(id))!;
    expect((await w.act(id, 'start_rectification', {})).statusCode).toBe(200);
    w.clock.set(new Date(first.lightNextCheckAt!.getTime() + 60_000));
    w.api.forgetSessions();
    await tick();
    expect((await lightOf(id))!.light).toBe('yellow');
    const asked = await w.act(id, 'request_extension', { days: 5, reason: '塔吊配件需厂家调货' });
    expect(asked.statusCode, asked.body).toBe(200);
    expect((await w.act(id, 'approve_extension', {})).statusCode).toBe(200);
    await tick();
    const moved = (await lightOf(id))!;
    expect(moved.light).toBe('green');
    expect(moved.deadline.getTime()).toBeGreaterThan(first.deadline.getTime());

    w.clock.set(new Date(moved.deadline.getTime() + 60_000));
    await tick();
    expect(await clockEvents(id)).toEqual(['hazard.deadline_warned', 'hazard.deadline_breached']);
    expect(await noticesOf('enterprise', id)).toEqual(['sla_warned', 'sla_breached']);
  });
});
