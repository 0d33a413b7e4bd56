import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUTBOX_SUBSCRIBERS } from '../../../outbox-subscribers.js';
import { userIdOf } from '../../../test/api.js';
import { runOutboxDispatch } from '../../notifications/jobs/outbox-dispatch.job.js';
import { notifications } from '../../notifications/notifications.tables.js';
import { findAlertEvents } from '../iot.repository.js';
import { createIotWorld, type IotWorld } from '../iot.test-support.js';
import { runAlertEscalation } from './alert-escalation.job.js';

let w: IotWorld;
beforeAll(async () => {
  w = await createIotWorld();
});
afterAll(() => w.api.close());

/** The body of a rule's change: its settings as they are, at its version, with `over` changed. */
const ruleChange = (rule: Record<string, unknown>, over: Record<string, unknown>) => ({
  version: rule.version,
  outcome: rule.outcome,
  categoryId: rule.categoryId,
  priority: rule.priority,
  suppressMinutes: rule.suppressMinutes,
  escalateMinutes: rule.escalateMinutes,
  ...over,
});

// 滨河花园 lies in the demo grid worker's grid; its garbage camera's alerts only inform (仅通知) by default
const GARBAGE = 'PX04-GARB-0-5';
const MINUTE = 60_000;
let serial = 0;

async function escalateAfter(minutes: number, batch?: number) {
  w.clock.advance(minutes * MINUTE);
  const escalated = await runAlertEscalation(w.api.ctx, batch);
  await runOutboxDispatch(w.api.ctx, { subscribers: OUTBOX_SUBSCRIBERS });
  return escalated;
}

async function raiseGarbageAlert(type = 'garbage_misplaced') {
  const receipt = await w.alert(GARBAGE, {
    alertId: `esc-${++serial}`,
    type,
    severity: 'MINOR',
    raisedAt: w.clock.now().toISOString(),
  });
  expect(receipt.json()).toMatchObject({ outcome: 'raised', state: 'raised' });
  return receipt.json().alertId as number;
}

async function escalationNoticesOf(username: string) {
  const userId = await userIdOf(w.api.ctx, username);
  return w.api.ctx.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.kind, 'iot_alert_escalated')));
}

describe('escalation of an alert nobody acknowledges', () => {
  let communityUser: string;
  beforeAll(async () => {
    const rules = (await w.get('dispatcher', '/api/v1/iot/rules')).json().items;
    for (const alertType of ['garbage_misplaced', 'bin_overflow']) {
      const rule = rules.find(
        (r: { deviceType: string; alertType: string }) =>
          r.deviceType === 'garbage_camera' && r.alertType === alertType,
      );
      const change = ruleChange(rule, { escalateMinutes: 15 });
      const saved = await w.send('dispatcher', `/api/v1/iot/rules/${rule.id}`, change, 'PUT');
      expect(saved.statusCode, saved.body).toBe(200);
      expect(saved.json().escalateMinutes).toBe(15);
    }
    const estates = (await w.get('dispatcher', '/api/v1/iot/estates?q=滨河花园')).json().items;
    communityUser = 'c_iot_esc';
    const created = await w.send('admin', '/api/v1/users', {
      username: communityUser,
      displayName: '社区值守',
      orgId: estates[0].communityId,
      password: 'Street-Lamp-2026#',
      roles: ['handler'],
      phone: '13800000077',
    });
    expect(created.statusCode, created.body).toBe(201);
  });

  it('goes grid worker → community → centre, one level per window, on its timeline, telling each new level', async () => {
    const id = await raiseGarbageAlert();
    expect(await escalateAfter(14)).toBe(0);
    expect((await w.get('grid', `/api/v1/iot/alerts/${id}`)).json()).toMatchObject({
      state: 'raised',
      escalationLevel: 'grid',
      escalatedAt: null,
    });

    expect(await escalateAfter(1)).toBe(1);
    const atCommunity = (await w.get('grid', `/api/v1/iot/alerts/${id}`)).json();
    expect(atCommunity).toMatchObject({ state: 'raised', escalationLevel: 'community' });
    expect(await escalationNoticesOf(communityUser)).toHaveLength(1);
    expect(await escalationNoticesOf('dispatcher')).toHaveLength(0);

    // the next level is due a whole window after the last escalation, not after the alert came in
    expect(await escalateAfter(14)).toBe(0);
    expect(await escalateAfter(1)).toBe(1);
    expect((await w.get('grid', `/api/v1/iot/alerts/${id}`)).json()).toMatchObject({
      escalationLevel: 'centre',
      actions: ['acknowledge', 'open_case', 'dismiss'],
    });
    const [notice] = await escalationNoticesOf('dispatcher');
    expect(notice).toMatchObject({ title: '告警升级：滨河花园' });
    expect(notice!.body).toContain('已升级至指挥中心');

    expect(await escalateAfter(60)).toBe(0);
    const timeline = await findAlertEvents(w.api.ctx.db, id);
    expect(timeline.map((e) => [e.action, e.actorUserId, e.changes])).toEqual([
      ['raise', null, expect.anything()],
      ['escalate', null, { from: 'grid', to: 'community' }],
      ['escalate', null, { from: 'community', to: 'centre' }],
    ]);
  });

  it('leaves alone an acknowledged alert and one whose rule never escalates', async () => {
    const acknowledged = await raiseGarbageAlert('bin_overflow');
    const ack = await w.send('grid', `/api/v1/iot/alerts/${acknowledged}/actions/acknowledge`, {
      version: 0,
    });
    expect(ack.statusCode, ack.body).toBe(200);
    const rules = (await w.get('dispatcher', '/api/v1/iot/rules')).json().items;
    const rule = rules.find((r: { alertType: string }) => r.alertType === 'garbage_misplaced');
    await w.send(
      'dispatcher',
      `/api/v1/iot/rules/${rule.id}`,
      ruleChange(rule, { escalateMinutes: null }),
      'PUT',
    );
    const never = await raiseGarbageAlert();
    expect(await escalateAfter(120)).toBe(0);
    for (const id of [acknowledged, never]) {
      expect((await w.get('grid', `/api/v1/iot/alerts/${id}`)).json().escalationLevel).toBe('grid');
    }
  });

  it('reaches an alert due behind older ones no rule escalates, however small the batch', async () => {
    // the 仅通知 garbage_misplaced alert above stays raised and never goes up; bin_overflow still escalates
    const due = await raiseGarbageAlert('bin_overflow');
    expect(await escalateAfter(15, 1)).toBe(1);
    expect((await w.get('grid', `/api/v1/iot/alerts/${due}`)).json().escalationLevel).toBe('community');
  });
});
