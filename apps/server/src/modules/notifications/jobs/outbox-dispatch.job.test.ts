import { isNull } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../platform/db/database.js';
import { outbox } from '../../../platform/lifecycle/outbox.tables.js';
import { TEST_DB } from '../../../test/setup.js';
import { type CaseWorld, createCaseWorld, START } from '../../cases/cases.test-support.js';
import { runSlaScan } from '../../cases/jobs/sla-scan.job.js';
import { addNotificationStaff, citizenNoticesOf, notifiedAbout } from '../notifications.test-support.js';
import { runOutboxDispatch } from './outbox-dispatch.job.js';

let w: CaseWorld;
let hbwTown: number;
beforeAll(async () => {
  w = await createCaseWorld();
  ({ hbwTown } = await addNotificationStaff(w.api.ctx));
});
afterAll(() => w.api.close());
beforeEach(() => w.clock.set(START));

const drain = () => runOutboxDispatch(w.api.ctx);

async function dispatchedCase(district = '150304', body: Record<string, unknown> = {}) {
  const c = await w.newCase('agent', { location: await w.pointIn(district), ...body });
  return w.step('dispatcher', c.id, 'dispatch', { leadUnitId: w.ids.housing });
}

describe('the outbox consumer', () => {
  it('tells the lead unit’s handlers and the co-handlers’ of a dispatch, and no one else', async () => {
    const c = await w.newCase('agent', { location: await w.pointIn('150304') });
    await w.step('dispatcher', c.id, 'dispatch', {
      leadUnitId: w.ids.housing,
      coHandlerIds: [w.ids.wudaTown],
    });
    await drain();
    expect(await notifiedAbout(w.api.ctx, c.id)).toEqual([
      'handler2:dispatched',
      'handler:dispatched',
      'handler_wd:co_dispatched',
    ]);
  });

  it('tells the owning centre’s dispatchers of a return, not another district’s', async () => {
    const c = await dispatchedCase();
    await w.step('handler', c.id, 'return', { reason: '该事项属城管执法局职责' });
    await drain();
    const told = await notifiedAbout(w.api.ctx, c.id);
    expect(told.filter((t) => !t.endsWith(':dispatched'))).toEqual(['dispatcher:returned']);
  });

  it('tells the nearest dispatchers: a district centre’s case goes to its own dispatcher, not the city’s', async () => {
    const c = await w.newCase('dispatcher_hbw', { location: await w.pointIn('150302') });
    await w.step('dispatcher_hbw', c.id, 'dispatch', { leadUnitId: hbwTown });
    await w.step('handler_hbw', c.id, 'return', { reason: '该事项属城管执法局职责' });
    await drain();
    const told = await notifiedAbout(w.api.ctx, c.id);
    expect(told.filter((t) => t.endsWith(':returned'))).toEqual(['dispatcher_hbw:returned']);
  });

  it('tells the lead unit of an urge, and the dispatchers of an extension request and of a reply', async () => {
    const c = await dispatchedCase();
    await w.step('handler', c.id, 'accept');
    await w.step('supervisor', c.id, 'supervise', { level: 'general', note: '请尽快处理' });
    await w.step('handler', c.id, 'request_extension', {
      newDeadline: '2026-10-20T10:00:00+08:00',
      reason: '需协调多个部门现场勘查',
    });
    await w.step('dispatcher', c.id, 'approve_extension');
    await w.step('handler', c.id, 'reply', { content: '已协调物业清理完毕' });
    await drain();
    expect(await notifiedAbout(w.api.ctx, c.id)).toEqual([
      'dispatcher:extension_requested',
      'dispatcher:reply_submitted',
      'handler2:dispatched',
      'handler2:supervised',
      // the handler who acted is not told of his own dispatch's follow-ups, but of the urge he is
      'handler:dispatched',
      'handler:supervised',
    ]);
  });

  it('tells the lead unit and the supervisors whose scope holds the case of a warning and a breach', async () => {
    const inWuda = await dispatchedCase('150304');
    const inHaibowan = await dispatchedCase('150302');
    await drain();
    // 签收时限 2 working hours from 10:00: yellow at 80 %, red after the deadline (lunch 12:00–14:30)
    w.clock.set('2026-09-30T03:40:00.000Z');
    await runSlaScan(w.api.ctx);
    w.clock.set('2026-09-30T07:00:00.000Z');
    await runSlaScan(w.api.ctx);
    await drain();
    const slaOf = async (id: number) =>
      (await notifiedAbout(w.api.ctx, id)).filter((t) => t.includes(':sla_'));
    expect(await slaOf(inWuda.id)).toEqual([
      'handler2:sla_breached',
      'handler2:sla_warned',
      'handler:sla_breached',
      'handler:sla_warned',
      'supervisor:sla_breached',
      'supervisor:sla_warned',
    ]);
    expect(await slaOf(inHaibowan.id)).toEqual([
      'handler2:sla_breached',
      'handler2:sla_warned',
      'handler:sla_breached',
      'handler:sla_warned',
      'supervisor:sla_breached',
      'supervisor:sla_warned',
      'supervisor_hbw:sla_breached',
      'supervisor_hbw:sla_warned',
    ]);
  });

  it('tells the citizen of a merged duplicate of the merge and of the master’s progress (a notice row, no SMS)', async () => {
    const master = await w.newCase('agent', { location: await w.pointIn('150302') });
    const duplicate = await w.newCase('agent', {
      location: await w.pointIn('150302'),
      citizenPhone: '13800001111',
    });
    await w.step('dispatcher', duplicate.id, 'merge', { masterCaseId: master.id });
    await w.step('dispatcher', master.id, 'dispatch', { leadUnitId: w.ids.housing });
    await w.step('handler', master.id, 'accept');
    await drain();
    expect(await citizenNoticesOf(w.api.ctx, [master.id, duplicate.id])).toEqual([
      `${duplicate.number}:13800001111:case.accepted`,
      `${duplicate.number}:13800001111:case.dispatched`,
      `${duplicate.number}:13800001111:case.merged`,
    ]);
  });

  it('processes every row exactly once with two consumers running at once', async () => {
    for (let i = 0; i < 12; i++) await dispatchedCase(i % 2 ? '150302' : '150304');
    const pending = (await w.api.ctx.db.select().from(outbox).where(isNull(outbox.processedAt))).length;
    expect(pending).toBeGreaterThanOrEqual(24);
    // on PostgreSQL the second consumer has a pool of its own, as another server process would
    const url = w.api.ctx.database.pool?.options.connectionString;
    const other =
      TEST_DB === 'postgres' && url ? await openDatabase({ url, poolSize: 3 }) : w.api.ctx.database;
    try {
      const second = { ...w.api.ctx, database: other, db: other.db };
      const results = await Promise.all([
        runOutboxDispatch(w.api.ctx, { batchSize: 3 }),
        runOutboxDispatch(second, { batchSize: 3 }),
        runOutboxDispatch(w.api.ctx, { batchSize: 3 }),
      ]);
      expect(results.reduce((n, r) => n + r.processed, 0)).toBe(pending);
      expect(results.reduce((n, r) => n + r.notifications, 0)).toBe(24);
      expect((await w.api.ctx.db.select().from(outbox).where(isNull(outbox.processedAt))).length).toBe(0);
      expect((await drain()).processed).toBe(0);
    } finally {
      if (other !== w.api.ctx.database) await other.close();
    }
  });
});
