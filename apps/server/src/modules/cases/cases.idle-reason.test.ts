import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CaseWorld, createCaseWorld } from './cases.test-support.js';

let w: CaseWorld;
beforeAll(async () => {
  w = await createCaseWorld();
});
afterAll(() => w.api.close());

/** The case as `user` finds it in a list filtered to its number. */
async function listed(user: string, number: string) {
  const response = await w.get(user, `/api/v1/cases?q=${number}`);
  expect(response.statusCode, response.body).toBe(200);
  return (response.json() as { items: { number: string; actions: string[]; idleReason: string | null }[] })
    .items[0];
}

describe('why a reader of a case has no action on it', () => {
  it('says another centre holds a case in the district dispatcher’s area that the city centre owns', async () => {
    // the 12345 intake hands a case to the centre of the district where it happened; escalated, the city's
    // centre holds it
    const c = await w.newCase('agent', { location: await w.pointIn('150302') });
    await w.step('dispatcher_hbw', c.id, 'escalate', { reason: '涉及多个区，需市级协调' });
    expect(await w.read('dispatcher_hbw', c.id)).toMatchObject({
      actions: [],
      idleReason: 'held_by_other_centre',
    });
    // the list says the same as the case file
    expect(await listed('dispatcher_hbw', c.number)).toMatchObject({
      actions: [],
      idleReason: 'held_by_other_centre',
    });
    const city = await w.read('dispatcher', c.id);
    expect(city).toMatchObject({ idleReason: null });
    expect(city.actions).toContain('dispatch');
    // what happens in the district and the district centre holds is its own to dispatch
    const own = await w.newCase('agent', { location: await w.pointIn('150302') });
    expect(await w.read('dispatcher_hbw', own.id)).toMatchObject({ idleReason: null });
  });

  it('says another unit handles a case a street office only sees in its territory', async () => {
    const c = await w.newCase('agent', { location: await w.pointIn('150304') });
    await w.step('dispatcher', c.id, 'dispatch', { leadUnitId: w.ids.housing });
    expect(await w.read('handler_wd', c.id)).toMatchObject({ actions: [], idleReason: 'with_other_unit' });
    const lead = await w.read('handler', c.id);
    expect(lead).toMatchObject({ idleReason: null });
    expect(lead.actions).toContain('accept');
  });

  it('says it is not his step when the case waits for someone else', async () => {
    const c = await w.newCase('agent', { location: await w.pointIn('150302') });
    await w.step('dispatcher', c.id, 'dispatch', { leadUnitId: w.ids.housing });
    await w.step('handler', c.id, 'accept');
    await w.step('handler', c.id, 'reply', { content: '已现场清理楼道杂物，并告知来电人。' });
    expect(await w.read('handler', c.id)).toMatchObject({ actions: [], idleReason: 'not_your_step' });
    expect(await w.read('dispatcher', c.id)).toMatchObject({
      actions: expect.arrayContaining(['review', 'rework']),
      idleReason: null,
    });
  });
});
