import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CaseWorld, createCaseWorld } from '../cases.test-support.js';
import { runSlaScan } from './sla-scan.job.js';

let w: CaseWorld;
beforeAll(async () => {
  w = await createCaseWorld();
});
afterAll(() => w.api.close());

const at = (beijing: string) => w.clock.set(`${beijing.replace(' ', 'T')}:00+08:00`);

describe('the SLA scan', () => {
  it('turns a dispatched case yellow at 80 % of the acceptance limit and red at its deadline', async () => {
    at('2026-09-30 10:00');
    const c = await w.newCase();
    await w.step('dispatcher', c.id, 'dispatch', { leadUnitId: w.ids.housing });
    // 2 working hours from 10:00: yellow from 11:36, red from 12:00
    at('2026-09-30 11:30');
    expect(await runSlaScan(w.api.ctx)).toMatchObject({ warned: 0, breached: 0 });
    expect((await w.read('supervisor', c.id)).light).toBe('green');

    at('2026-09-30 11:40');
    expect(await runSlaScan(w.api.ctx)).toMatchObject({ warned: 1, breached: 0 });
    const yellow = await w.read('supervisor', c.id);
    expect(yellow.light).toBe('yellow');
    expect(yellow.timeline.at(-1)).toMatchObject({ action: 'sla', event: 'case.sla_warned' });
    expect(await runSlaScan(w.api.ctx)).toMatchObject({ warned: 0, breached: 0, checked: 0 });

    at('2026-09-30 12:01');
    expect(await runSlaScan(w.api.ctx)).toMatchObject({ warned: 0, breached: 1 });
    const red = await w.read('supervisor', c.id);
    expect(red.light).toBe('red');
    expect(red.timeline.map((e) => e.event)).toEqual([
      'case.registered',
      'case.dispatched',
      'case.sla_warned',
      'case.sla_breached',
    ]);
    expect((await w.get('supervisor', `/api/v1/cases/${c.id}/timeline/verify`)).json()).toMatchObject({
      valid: true,
    });
    // a light never goes back by itself; a red case is not looked at again
    at('2026-09-30 15:00');
    expect(await runSlaScan(w.api.ctx)).toMatchObject({ checked: 0 });

    // signing starts the resolution clock afresh: green, then red once the 5 working days are gone
    const accepted = await w.step('handler', c.id, 'accept');
    expect(accepted.light).toBe('green');
    at('2026-10-20 10:00');
    expect(await runSlaScan(w.api.ctx)).toMatchObject({ breached: 1 });
    expect((await w.read('supervisor', c.id)).light).toBe('red');
  });

  it('works through many cases in batches, once each', async () => {
    at('2026-10-21 09:00');
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) {
      const c = await w.newCase();
      await w.step('dispatcher', c.id, 'dispatch', { leadUnitId: w.ids.housing });
      ids.push(c.id);
    }
    at('2026-10-21 16:00');
    expect(await runSlaScan(w.api.ctx, { batchSize: 2 })).toEqual({ warned: 0, breached: 5, checked: 5 });
    for (const id of ids) {
      const c = await w.read('supervisor', id);
      expect(c.timeline.filter((e) => e.action === 'sla')).toHaveLength(1);
    }
  });
});
