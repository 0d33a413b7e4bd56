import { and, asc, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectError } from '../../test/api.js';
import { catalogCategories } from '../catalog/catalog.tables.js';
import { beijingTime, type CaseWorld, createCaseWorld, START } from './cases.test-support.js';

let w: CaseWorld;
beforeAll(async () => {
  w = await createCaseWorld();
});
afterAll(() => w.api.close());
beforeEach(() => w.clock.set(START));

async function dispatchedCase() {
  const c = await w.newCase('agent', { location: await w.pointIn('150302') });
  return w.step('dispatcher', c.id, 'dispatch', { leadUnitId: w.ids.housing });
}

async function acceptedCase() {
  const c = await dispatchedCase();
  return w.step('handler', c.id, 'accept');
}

describe('return (退单)', () => {
  it('sends a mis-routed case back to the dispatcher with its reason, counts it, and allows a re-dispatch', async () => {
    const c = await dispatchedCase();
    const returned = await w.step('handler', c.id, 'return', { reason: '该事项属城管执法局职责' });
    expect(returned).toMatchObject({ state: 'returned', returns: 1, leadUnit: null });
    expect(returned.timeline.at(-1)).toMatchObject({ action: 'return', note: '该事项属城管执法局职责' });
    // the returning unit no longer has the case
    const away = await w.get('handler', `/api/v1/cases/${c.id}`);
    expectError(away, 403, 'OUT_OF_SCOPE');
    const again = await w.step('dispatcher', c.id, 'dispatch', { leadUnitId: w.ids.urban });
    expect(again).toMatchObject({ state: 'dispatched', returns: 1, leadUnit: { id: w.ids.urban } });
  });

  it('refuses a return after the acceptance limit, and one without a reason', async () => {
    const c = await dispatchedCase();
    const noReason = await w.act('handler', c.id, 'return', { version: c.version });
    expectError(noReason, 400, 'VALIDATION_FAILED', 'reason');
    w.clock.set('2026-09-30T06:30:00.000Z'); // 14:30, past the 12:00 acceptance deadline
    const late = await w.act('handler', c.id, 'return', { version: c.version, reason: '不属于本单位职责' });
    expectError(late, 409, 'RETURN_WINDOW_CLOSED');
    expect((await w.read('handler', c.id)).actions).not.toContain('return');
  });
});

describe('extension (延期)', () => {
  it('moves the deadline when approved, and refuses a second request', async () => {
    const c = await acceptedCase();
    expect(beijingTime(c.resolveDeadline as string)).toBe('2026-10-13 10:00');
    const tooFar = await w.act('handler', c.id, 'request_extension', {
      version: c.version,
      newDeadline: '2026-11-30T10:00:00+08:00',
      reason: '需协调多个部门现场勘查',
    });
    expectError(tooFar, 400, 'VALIDATION_FAILED', 'newDeadline');
    expect((await w.read('dispatcher', c.id)).actions).not.toContain('approve_extension');

    const requested = await w.step('handler', c.id, 'request_extension', {
      newDeadline: '2026-10-20T10:00:00+08:00',
      reason: '需协调多个部门现场勘查',
    });
    expect(requested.extension).toMatchObject({ requests: 1, status: 'pending' });
    expect((await w.read('dispatcher', c.id)).actions).toEqual(
      expect.arrayContaining(['approve_extension', 'refuse_extension']),
    );
    // the dispatcher's 延期申请 queue lists it, and only pending requests
    const queue = await w.get('dispatcher', '/api/v1/cases?extension=pending&limit=200');
    const queued = (queue.json() as { items: { id: number }[] }).items.map((item) => item.id);
    expect(queued).toContain(c.id);
    const approved = await w.step('dispatcher', c.id, 'approve_extension', { note: '同意' });
    const after = await w.get('dispatcher', '/api/v1/cases?extension=pending&limit=200');
    expect((after.json() as { items: { id: number }[] }).items.map((item) => item.id)).not.toContain(c.id);
    expect(approved.extension).toMatchObject({ status: 'approved' });
    expect(beijingTime(approved.resolveDeadline as string)).toBe('2026-10-20 10:00');

    const second = await w.act('handler', c.id, 'request_extension', {
      version: approved.version,
      newDeadline: '2026-10-22T10:00:00+08:00',
      reason: '仍需协调相关部门',
    });
    expectError(second, 409, 'EXTENSION_NOT_ALLOWED');
    const none = await w.act('dispatcher', c.id, 'approve_extension', { version: approved.version });
    expectError(none, 409, 'EXTENSION_NOT_ALLOWED');
  });
});

describe('rework (返工)', () => {
  it('sends the reply back and gives the unit 3 working days', async () => {
    const c = await acceptedCase();
    await w.step('handler', c.id, 'reply', { content: '已处理完毕，详见附件。' });
    const reworked = await w.step('dispatcher', c.id, 'rework', {
      reason: '答复内容过于简单，请补充处理过程',
    });
    expect(reworked).toMatchObject({ state: 'accepted', reworks: 1 });
    // Wednesday 10:00 + 3 working days over National Day: Saturday 10-10, a make-up working day
    expect(beijingTime(reworked.resolveDeadline as string)).toBe('2026-10-10 10:00');
    expect(reworked.timeline.at(-1)).toMatchObject({ action: 'rework', event: 'case.reworked' });
  });
});

describe('reopen (重办)', () => {
  it('sends a closed case back to the same lead unit under a fresh acceptance limit', async () => {
    const c = await acceptedCase();
    await w.step('handler', c.id, 'reply', { content: '已处理完毕，详见附件。' });
    await w.step('dispatcher', c.id, 'review', { outcome: 'approve' });
    await w.step('agent', c.id, 'callback', {
      reached: true,
      contacted: true,
      solved: false,
      satisfaction: 'unsatisfied',
    });
    w.clock.set('2026-09-30T06:30:00.000Z');
    const reopened = await w.step('dispatcher', c.id, 'reopen', { reason: '群众反映问题未解决' });
    expect(reopened).toMatchObject({ state: 'dispatched', reopens: 1, leadUnit: { id: w.ids.housing } });
    expect(beijingTime(reopened.acceptDeadline as string)).toBe('2026-09-30 16:30');
    const accepted = await w.step('handler', c.id, 'accept');
    expect(accepted.firstReceiver).toMatchObject({ id: w.ids.housing });
  });
});

describe('merge (合并)', () => {
  it('joins a duplicate to its master, refuses bad masters, and undoes it', async () => {
    const master = await w.newCase();
    const duplicate = await w.newCase();
    const self = await w.act('dispatcher', duplicate.id, 'merge', {
      version: duplicate.version,
      masterCaseId: duplicate.id,
    });
    expectError(self, 409, 'MERGE_NOT_ALLOWED');
    const missing = await w.act('dispatcher', duplicate.id, 'merge', {
      version: duplicate.version,
      masterCaseId: 999_999,
    });
    expectError(missing, 404, 'CASE_NOT_FOUND');

    const merged = await w.step('dispatcher', duplicate.id, 'merge', { masterCaseId: master.id });
    expect(merged).toMatchObject({ state: 'merged', masterCaseId: master.id });
    expect(merged.timeline.at(-1)?.changes).toMatchObject({ masterCaseNumber: master.number });

    const third = await w.newCase();
    const intoMerged = await w.act('dispatcher', third.id, 'merge', {
      version: third.version,
      masterCaseId: duplicate.id,
    });
    expectError(intoMerged, 409, 'MERGE_NOT_ALLOWED');

    const unmerged = await w.step('dispatcher', duplicate.id, 'unmerge', {
      reason: '诉求地点不同，非重复件',
    });
    expect(unmerged).toMatchObject({ state: 'registered', masterCaseId: null });
  });
});

describe('escalate (上报)', () => {
  it('moves the case one level up: the district centre hands it to the city centre', async () => {
    const c = await w.newCase('dispatcher_hbw', { location: await w.pointIn('150302') });
    expect(c.currentOrg).toMatchObject({ id: w.ids.hbwCentre });
    const escalated = await w.step('dispatcher_hbw', c.id, 'escalate', {
      reason: '涉及多个区级部门，需市级协调',
    });
    expect(escalated).toMatchObject({ state: 'registered', currentOrg: { id: w.ids.cityCentre } });
    expect(escalated.timeline.at(-1)?.changes).toEqual({
      fromOrgId: w.ids.hbwCentre,
      toOrgId: w.ids.cityCentre,
    });
    // the district still sees the case in its territory, but no longer dispatches it
    const district = await w.read('dispatcher_hbw', c.id);
    expect(district.actions).toEqual([]);
    const refused = await w.act('dispatcher_hbw', c.id, 'dispatch', {
      version: escalated.version,
      leadUnitId: w.ids.housing,
    });
    expectError(refused, 403, 'OUT_OF_SCOPE');
    const top = await w.act('dispatcher', c.id, 'escalate', {
      version: escalated.version,
      reason: '再次上报测试',
    });
    expectError(top, 409, 'ESCALATION_NOT_POSSIBLE');
  });
});

describe('transfer to and from 110 (两线联动)', () => {
  it('records the three-way call and the incident number, and takes the case back', async () => {
    const c = await w.newCase();
    const out = await w.step('agent', c.id, 'transfer_to_110', {
      threeWayCall: true,
      externalRef: 'JJ20260930001',
      note: '群众反映有人打架斗殴，三方通话后转110',
    });
    expect(out).toMatchObject({ state: 'transferred_110', threeWayCall: true, externalRef: 'JJ20260930001' });
    const back = await w.step('agent', c.id, 'transfer_from_110', { externalRef: 'JJ20260930001' });
    expect(back.state).toBe('registered');
    expect(back.timeline.map((e) => e.event).slice(-2)).toEqual([
      'case.transferred_to_110',
      'case.transferred_from_110',
    ]);
  });
});

describe('supervise (督办)', () => {
  it('shows the urge on the timeline and keeps the case listed', async () => {
    const c = await dispatchedCase();
    const urged = await w.step('supervisor', c.id, 'supervise', {
      level: 'listed',
      note: '请于今日内签收办理',
    });
    await w.step('leader', c.id, 'supervise', { level: 'general', note: '尽快办理' });
    const after = await w.read('supervisor', c.id);
    expect(urged.state).toBe('dispatched');
    expect(after).toMatchObject({ supervisionLevel: 'listed', supervisions: 2 });
    expect(after.timeline.filter((e) => e.action === 'supervise')).toHaveLength(2);
  });
});

describe('time limits at intake', () => {
  it('puts an emergency under the emergency profile: 30 calendar minutes to accept, 2 hours to resolve', async () => {
    const c = await w.newCase('agent', { priority: 'emergency' });
    expect(c.acceptLimit).toEqual({ value: 30, unit: 'calendar_minutes' });
    const dispatched = await w.step('dispatcher', c.id, 'dispatch', { leadUnitId: w.ids.housing });
    expect(beijingTime(dispatched.acceptDeadline as string)).toBe('2026-09-30 10:30');
    w.clock.set('2026-09-30T02:10:00.000Z');
    const accepted = await w.step('handler', c.id, 'accept');
    expect(beijingTime(accepted.resolveDeadline as string)).toBe('2026-09-30 12:10');
  });

  it("takes the category's own limits", async () => {
    const [leaf] = await w.api.ctx.db
      .select()
      .from(catalogCategories)
      .where(and(isNotNull(catalogCategories.resolveLimitValue), eq(catalogCategories.active, true)))
      .orderBy(asc(catalogCategories.code))
      .limit(1);
    const c = await w.newCase('agent', { categoryId: leaf!.id });
    expect(c.category).toMatchObject({ id: leaf!.id, name: leaf!.name });
    expect(c.resolveLimit).toEqual({ value: leaf!.resolveLimitValue, unit: leaf!.resolveLimitUnit });
  });

  it('refuses a branch of the catalog and a point outside the city', async () => {
    const [branch] = await w.api.ctx.db
      .select({ id: catalogCategories.id })
      .from(catalogCategories)
      .where(eq(catalogCategories.level, 1))
      .limit(1);
    expectError(
      await w.register('agent', { categoryId: branch!.id }),
      400,
      'VALIDATION_FAILED',
      'categoryId',
    );
    const beijing = { longitude: 116.4, latitude: 39.9 };
    expectError(await w.register('agent', { location: beijing }), 400, 'VALIDATION_FAILED', 'location');
  });
});

describe('case list search', () => {
  it('finds a case by its number (一档一号) typed into the keyword box', async () => {
    const c = await w.newCase('agent');
    const found = await w.get('dispatcher', `/api/v1/cases?q=${c.number.toLowerCase()}`);
    expect((found.json() as { items: { id: number }[] }).items.map((item) => item.id)).toEqual([c.id]);
  });
});
