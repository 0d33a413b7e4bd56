import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beijingTime, type CaseWorld, createCaseWorld } from './cases.test-support.js';

let w: CaseWorld;
beforeAll(async () => {
  w = await createCaseWorld();
});
afterAll(() => w.api.close());

describe('a case from intake to archive, through the API', () => {
  it('goes register → dispatch → accept → reply → review → callback → close', async () => {
    const registered = await w.newCase('agent', { location: await w.pointIn('150302') });
    expect(registered.number).toMatch(/^WH20260930\d{6}$/);
    expect(registered.state).toBe('registered');
    expect(registered.timeline.map((e) => e.event)).toEqual(['case.registered']);
    expect(registered.district).toMatchObject({ name: '海勃湾区' });
    expect(registered.grid).not.toBeNull();
    expect(registered).toMatchObject({ policeMatter: false, fireLinkage: false });
    expect(registered.actions).toEqual([
      'resolve_on_call',
      'transfer_to_110',
      'convert_to_dispute',
      'convert_to_petition',
    ]);

    const asDispatcher = await w.read('dispatcher', registered.id);
    expect(asDispatcher.actions).toContain('dispatch');

    const dispatched = await w.step('dispatcher', registered.id, 'dispatch', {
      leadUnitId: w.ids.housing,
      coHandlerIds: [w.ids.urban],
      note: '请主办单位会同城管执法局处理',
    });
    expect(dispatched.state).toBe('dispatched');
    expect(dispatched.leadUnit).toMatchObject({ id: w.ids.housing });
    expect(dispatched.coHandlers).toEqual([expect.objectContaining({ id: w.ids.urban })]);
    // 2 working hours from Wednesday 10:00
    expect(beijingTime(dispatched.acceptDeadline as string)).toBe('2026-09-30 12:00');

    const asHandler = await w.read('handler', registered.id);
    expect(asHandler.actions).toEqual(expect.arrayContaining(['accept', 'return']));
    const accepted = await w.step('handler', registered.id, 'accept', { note: '已签收' });
    expect(accepted.state).toBe('accepted');
    expect(accepted.firstReceiver).toMatchObject({ id: w.ids.housing });
    // 5 working days across National Day (10-01…10-07 off, Saturday 10-10 made up)
    expect(beijingTime(accepted.resolveDeadline as string)).toBe('2026-10-13 10:00');

    await w.step('handler', registered.id, 'progress', { note: '已联系物业，约定清理时间' });
    const replied = await w.step('handler', registered.id, 'reply', {
      content: '物业已清理楼道杂物，并张贴消防提示。',
    });
    expect(replied.state).toBe('replied');
    const reviewed = await w.step('dispatcher', registered.id, 'review', { outcome: 'approve' });
    expect(reviewed.state).toBe('reviewed');
    const calledBack = await w.step('agent', registered.id, 'callback', {
      reached: true,
      contacted: true,
      solved: true,
      satisfaction: 'satisfied',
    });
    expect(calledBack.callback).toEqual({
      reached: true,
      contacted: true,
      solved: true,
      satisfaction: 'satisfied',
    });
    const closed = await w.step('agent', registered.id, 'close', { note: '群众满意，结案' });
    expect(closed.state).toBe('closed');
    expect(closed.closedAt).not.toBeNull();
    expect(closed.timeline.map((e) => e.action)).toEqual([
      'register',
      'dispatch',
      'accept',
      'progress',
      'reply',
      'review',
      'callback',
      'close',
    ]);
    const verify = await w.get('dispatcher', `/api/v1/cases/${registered.id}/timeline/verify`);
    expect(verify.json()).toEqual({ valid: true, events: 8 });
  });
});

describe('119联动 at intake', () => {
  it('keeps the flag an agent sets on a fire call', async () => {
    const fire = await w.newCase('agent', { fireLinkage: true, location: await w.pointIn('150302') });
    expect(fire.fireLinkage).toBe(true);
    expect((await w.read('dispatcher', fire.id)).fireLinkage).toBe(true);
  });
});
