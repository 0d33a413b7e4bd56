import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../../test/api.js';
import { createIotWorld, type IotWorld } from './iot.test-support.js';

let w: IotWorld;
let estateId: number;
beforeAll(async () => {
  // 09:00 Beijing
  w = await createIotWorld();
  estateId = (await w.get('dispatcher', '/api/v1/iot/estates?q=滨河花园')).json().items[0].id;
});
afterAll(() => w.api.close());

// 滨河花园's door and garbage camera (the demo grid worker's grid); door_held_open and garbage_misplaced only inform
const DOOR = 'PX04-DOOR-1-5';
const GARBAGE = 'PX04-GARB-0-5';
const MINUTE = 60_000;
let serial = 0;

const morningRule = (over: Record<string, unknown> = {}) => ({
  deviceType: 'door_access',
  alertType: 'door_held_open',
  estateId,
  activeFrom: '08:00',
  activeTo: '12:00',
  outcome: 'dismiss',
  priority: 'normal',
  suppressMinutes: 5,
  escalateMinutes: null,
  ...over,
});

async function alert(device: string, type: string) {
  const at = w.clock.now().toISOString();
  const sent = await w.alert(device, { alertId: `r-${++serial}`, type, severity: 'MINOR', raisedAt: at });
  expect(sent.statusCode, sent.body).toBeLessThan(300);
  return sent.json();
}

async function lastAudit() {
  return (await w.get('admin', '/api/v1/audit?action=iot.rule_changed')).json().items[0];
}

describe('rules for an estate and a time of day', () => {
  let created: { id: number; version: number };

  it('creates a rule for one estate in the morning, audited, and it decides that estate’s alerts then', async () => {
    const response = await w.send('dispatcher', '/api/v1/iot/rules', morningRule());
    expect(response.statusCode, response.body).toBe(201);
    created = response.json();
    expect(created).toMatchObject({
      estateId,
      estateName: '滨河花园',
      activeFrom: '08:00',
      activeTo: '12:00',
      general: false,
      outcome: 'dismiss',
    });
    expect(await lastAudit()).toMatchObject({ targetId: String(created.id), detail: { before: null } });
    expect(await alert(DOOR, 'door_held_open')).toMatchObject({ outcome: 'raised', state: 'dismissed' });
    // at 13:00 the general rule (仅通知) decides again
    w.clock.advance(4 * 60 * MINUTE);
    expect(await alert(DOOR, 'door_held_open')).toMatchObject({ outcome: 'raised', state: 'raised' });
    w.clock.advance(-4 * 60 * MINUTE);
  });

  it('refuses bad input naming the field: a type the device never raises, half a window, a clock time, an estate', async () => {
    const post = (over: Record<string, unknown>) =>
      w.send('dispatcher', '/api/v1/iot/rules', morningRule(over));
    expectError(await post({ alertType: 'smoke' }), 400, 'VALIDATION_FAILED', 'alertType');
    expectError(await post({ activeTo: null }), 400, 'VALIDATION_FAILED', 'activeTo');
    expectError(await post({ activeFrom: '25:00' }), 400, 'VALIDATION_FAILED', 'activeFrom');
    expectError(await post({ activeTo: '08:00' }), 400, 'VALIDATION_FAILED', 'activeTo');
    expectError(await post({ estateId: 999_999 }), 400, 'VALIDATION_FAILED', 'estateId');
    expectError(await post({ suppressMinutes: -1 }), 400, 'VALIDATION_FAILED', 'suppressMinutes');
    expectError(await post({ surprise: true }), 400, 'VALIDATION_FAILED');
  });

  it('refuses a scope another rule claims, and a rule that would never go quiet', async () => {
    const post = (over: Record<string, unknown>) =>
      w.send('dispatcher', '/api/v1/iot/rules', morningRule(over));
    expectError(await post({ activeFrom: '11:00', activeTo: '13:00' }), 409, 'IOT_RULE_SCOPE_TAKEN');
    expectError(
      await post({ activeFrom: null, activeTo: null, estateId: null }),
      409,
      'IOT_RULE_SCOPE_TAKEN',
    );
    const loop = await post({
      activeFrom: '12:00',
      activeTo: '08:00',
      suppressMinutes: 30,
      escalateMinutes: 15,
    });
    expectError(loop, 409, 'IOT_RULE_LOOP');
    expect(loop.json().error.message).toContain('抑制窗口');
    const change = {
      version: created.version,
      outcome: 'notify',
      priority: 'normal',
      suppressMinutes: 20,
      escalateMinutes: 20,
    };
    expectError(
      await w.send('dispatcher', `/api/v1/iot/rules/${created.id}`, change, 'PUT'),
      409,
      'IOT_RULE_LOOP',
    );
    // the rest of the day for the estate is free
    const evening = await post({ activeFrom: '12:00', activeTo: '08:00', outcome: 'notify' });
    expect(evening.statusCode, evening.body).toBe(201);
  });

  it('refuses rules to a role that may not manage them', async () => {
    expectError(await w.send('grid', '/api/v1/iot/rules', morningRule()), 403, 'FORBIDDEN');
    expectError(await w.send('grid', '/api/v1/iot/rules/trial', morningRule()), 403, 'FORBIDDEN');
    const del = await w.api.app.inject({
      method: 'DELETE',
      url: `/api/v1/iot/rules/${created.id}?version=${created.version}`,
      headers: await w.api.as('grid'),
    });
    expectError(del, 403, 'FORBIDDEN');
  });

  it('deletes a rule for an estate at the version seen, audited; never the general rule', async () => {
    const remove = async (id: number, version: unknown) =>
      w.api.app.inject({
        method: 'DELETE',
        url: `/api/v1/iot/rules/${id}?version=${version}`,
        headers: await w.api.as('dispatcher'),
      });
    const rules = (await w.get('dispatcher', '/api/v1/iot/rules')).json().items;
    const general = rules.find(
      (r: { alertType: string; general: boolean }) => r.alertType === 'door_held_open' && r.general,
    );
    expectError(await remove(general.id, general.version), 409, 'IOT_RULE_GENERAL');
    expectError(await remove(created.id, 'x'), 400, 'VALIDATION_FAILED', 'query.version');
    expectError(await remove(created.id, created.version + 1), 409, 'VERSION_CONFLICT');
    expect((await remove(created.id, created.version)).statusCode).toBe(204);
    expect(await lastAudit()).toMatchObject({ targetId: String(created.id), detail: { after: null } });
    expectError(await remove(created.id, created.version), 404, 'IOT_RULE_NOT_FOUND');
  });
});

describe('trying a rule against the last week', () => {
  it('answers what it would have done with the stored alerts of its scope, beside what happened', async () => {
    // one alert repeated within the default window, another 20 minutes later: both only informed
    const first = await alert(GARBAGE, 'garbage_misplaced');
    w.clock.advance(2 * MINUTE);
    expect(await alert(GARBAGE, 'garbage_misplaced')).toMatchObject({
      outcome: 'repeated',
      alertId: first.alertId,
    });
    w.clock.advance(20 * MINUTE);
    expect(await alert(GARBAGE, 'garbage_misplaced')).toMatchObject({ outcome: 'raised', state: 'raised' });
    const trial = (over: Record<string, unknown>) =>
      w.send(
        'dispatcher',
        '/api/v1/iot/rules/trial',
        morningRule({ deviceType: 'garbage_camera', alertType: 'garbage_misplaced', ...over }),
      );
    const caseRule = await trial({ outcome: 'open_case', suppressMinutes: 30 });
    expect(caseRule.statusCode, caseRule.body).toBe(200);
    expect(caseRule.json()).toMatchObject({
      wouldHave: { alerts: 1, cases: 1, dismissed: 0, notified: 0, repeatsFolded: 2 },
      actually: { alerts: 2, cases: 0, dismissed: 0, notified: 2, repeatsFolded: 1 },
    });
    expect((await trial({ outcome: 'dismiss' })).json().wouldHave).toMatchObject({
      alerts: 3,
      dismissed: 3,
      repeatsFolded: 0,
    });
    // out of its time of day, nothing matches; nothing is saved either way
    expect((await trial({ activeFrom: '13:00', activeTo: '14:00' })).json().actually.alerts).toBe(0);
    expectError(await trial({ activeTo: null }), 400, 'VALIDATION_FAILED', 'activeTo');
    expectError(await trial({ suppressMinutes: 30, escalateMinutes: 30 }), 409, 'IOT_RULE_LOOP');
    const rules = (await w.get('dispatcher', '/api/v1/iot/rules')).json().items;
    expect(rules.filter((r: { alertType: string }) => r.alertType === 'garbage_misplaced')).toHaveLength(1);
  });
});
