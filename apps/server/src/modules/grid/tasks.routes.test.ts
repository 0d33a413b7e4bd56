import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../../test/api.js';
import { createGridWorld, type GridWorld } from './grid.test-support.js';

let w: GridWorld;
beforeAll(async () => {
  w = await createGridWorld('2026-10-13T01:00:00.000Z');
});
afterAll(() => w.api.close());

const task = (admissionItemCode: string, extra: Record<string, unknown> = {}) => ({
  gridId: w.grid.id,
  admissionItemCode,
  title: '核查出租房屋登记情况',
  ...extra,
});

describe('a grid task (网格任务下派)', () => {
  it('pushes an item of the admission list onto the grid, with a deadline in working days', async () => {
    const assigned = await w.send(
      'dispatcher',
      'POST',
      '/api/v1/grid/tasks',
      task('GA01.001', { limitDays: 2 }),
    );
    expect(assigned.statusCode, assigned.body).toBe(201);
    // Tuesday 09:00 Beijing + 2 working days = Thursday 09:00
    expect(assigned.json()).toMatchObject({
      state: 'assigned',
      overdue: false,
      dueAt: '2026-10-15T01:00:00.000Z',
    });
    const mine = await w.get('grid', '/api/v1/grid/tasks');
    const item = mine.json().items.find((t: { id: number }) => t.id === assigned.json().id);
    expect(item.actions).toEqual(['complete']);
    const done = await w.send('grid', 'POST', `/api/v1/grid/tasks/${item.id}/actions/complete`, {
      version: item.version,
      note: '已逐户核查，3 户未登记已补登',
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ state: 'done', resultNote: '已逐户核查，3 户未登记已补登' });
  });

  it('refuses an item off the admission list, naming the list, and changes nothing', async () => {
    const before = (await w.get('dispatcher', '/api/v1/grid/tasks')).json().items.length;
    const refused = await w.send('dispatcher', 'POST', '/api/v1/grid/tasks', task('GA01.999'));
    expectError(refused, 400, 'NOT_ON_ADMISSION_LIST', 'admissionItemCode');
    expect(refused.json().error.message).toContain('网格事项准入清单');
    expect((await w.get('dispatcher', '/api/v1/grid/tasks')).json().items.length).toBe(before);
  });

  it('admits a temporary item an administrator added, until its end date', async () => {
    const extra = await w.send('admin', 'POST', '/api/v1/grid/admission-extras', {
      categoryCode: 'GA01',
      name: '秋冬季燃气安全入户宣传',
      endsOn: '2026-10-20',
      basis: '市安委办〔2026〕12号',
    });
    expect(extra.statusCode, extra.body).toBe(201);
    expect(extra.json()).toMatchObject({ code: 'GA01.901', inForce: true });
    const assigned = await w.send('dispatcher', 'POST', '/api/v1/grid/tasks', task('GA01.901'));
    expect(assigned.statusCode, assigned.body).toBe(201);
    w.clock.advance(8 * 86_400_000);
    w.api.forgetSessions();
    expectError(
      await w.send('dispatcher', 'POST', '/api/v1/grid/tasks', task('GA01.901')),
      400,
      'NOT_ON_ADMISSION_LIST',
    );
    const overdue = await w.get('dispatcher', '/api/v1/grid/tasks?overdue=true');
    expect(overdue.json().items.map((t: { id: number }) => t.id)).toContain(assigned.json().id);
  });

  it('lets only its assigner withdraw it, and only staff of the grid complete it', async () => {
    const { id, version } = (
      await w.send('dispatcher', 'POST', '/api/v1/grid/tasks', task('GA01.001'))
    ).json();
    expectError(
      await w.send('dispatcher', 'POST', `/api/v1/grid/tasks/${id}/actions/complete`, {
        version,
        note: '代为完成',
      }),
      403,
      'FORBIDDEN',
    );
    expectError(
      await w.send('handler_wd', 'POST', '/api/v1/grid/tasks', task('GA01.001')),
      403,
      'OUT_OF_SCOPE',
    );
    const cancelled = await w.send('dispatcher', 'POST', `/api/v1/grid/tasks/${id}/actions/cancel`, {
      version,
      reason: '已由社区统一处理',
    });
    expect(cancelled.json()).toMatchObject({ state: 'cancelled', actions: [] });
  });
});
