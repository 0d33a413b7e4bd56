import { and, asc, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../../test/api.js';
import { orgs } from '../orgs/orgs.tables.js';
import { type CaseBody, type CaseWorld, createCaseWorld } from './cases.test-support.js';

let w: CaseWorld;
beforeAll(async () => {
  w = await createCaseWorld();
});
afterAll(() => w.api.close());

/** A point inside a grid of the org `orgId` (a town …). */
async function pointInOrg(orgId: number) {
  const [org] = await w.api.ctx.db.select({ path: orgs.path }).from(orgs).where(eq(orgs.id, orgId));
  const [grid] = await w.api.ctx.db
    .select({ lng: orgs.centerLng, lat: orgs.centerLat })
    .from(orgs)
    .where(and(eq(orgs.kind, 'grid'), like(orgs.path, `${org!.path}%`)))
    .orderBy(asc(orgs.id))
    .limit(1);
  return { longitude: grid!.lng!, latitude: grid!.lat! };
}

describe('data scope of cases', () => {
  it('refuses a district dispatcher a case in another district (403, not hidden)', async () => {
    const c = await w.newCase('agent', { location: await w.pointIn('150304') });
    expectError(await w.get('dispatcher_hbw', `/api/v1/cases/${c.id}`), 403, 'OUT_OF_SCOPE');
    const dispatch = await w.act('dispatcher_hbw', c.id, 'dispatch', {
      version: c.version,
      leadUnitId: w.ids.housing,
    });
    expectError(dispatch, 403, 'OUT_OF_SCOPE');
    const own = await w.newCase('agent', { location: await w.pointIn('150302') });
    expect((await w.read('dispatcher_hbw', own.id)).district).toMatchObject({ name: '海勃湾区' });
  });

  it('lets only the lead unit accept: a unit that merely sees the case is refused', async () => {
    const c = await w.newCase('agent', { location: await pointInOrg(w.ids.wudaTown) });
    const dispatched = await w.step('dispatcher', c.id, 'dispatch', { leadUnitId: w.ids.housing });
    // the street office sees the case (it is in its territory) but is not its lead unit
    const seen = await w.read('handler_wd', c.id);
    expect(seen.actions).toEqual([]);
    expectError(await w.act('handler_wd', c.id, 'accept', { version: dispatched.version }), 403, 'FORBIDDEN');
    // and a unit with no part in a case elsewhere does not even see it
    const elsewhere = await w.newCase('agent', { location: await w.pointIn('150302') });
    const d2 = await w.step('dispatcher', elsewhere.id, 'dispatch', { leadUnitId: w.ids.urban });
    expectError(await w.act('handler', elsewhere.id, 'accept', { version: d2.version }), 403, 'OUT_OF_SCOPE');
  });

  it('dispatches straight to a street (直派), whose handler then signs', async () => {
    const c = await w.newCase('agent', { location: await w.pointIn('150302') });
    await w.step('dispatcher', c.id, 'dispatch', { leadUnitId: w.ids.wudaTown });
    const accepted = await w.step('handler_wd', c.id, 'accept');
    expect(accepted).toMatchObject({ state: 'accepted', firstReceiver: { id: w.ids.wudaTown } });
  });

  it('masks personal data for roles without personal_data.read, and hides an anonymous citizen from units', async () => {
    const c = await w.newCase('agent', {
      citizenIdNumber: '15030219800101123X',
      location: await w.pointIn('150302'),
    });
    const agent = await w.read('agent', c.id);
    expect(agent).toMatchObject({ citizenPhone: '13912345678', citizenIdNumber: '15030219800101123X' });
    const supervisor = await w.read('supervisor', c.id);
    expect(supervisor).toMatchObject({
      citizenName: '张**',
      citizenPhone: '139****5678',
      citizenIdNumber: '150302********123X',
      address: expect.stringMatching(/\*\*\*\*$/),
    });
    const anonymous = await w.newCase('agent', { anonymous: true });
    await w.step('dispatcher', anonymous.id, 'dispatch', { leadUnitId: w.ids.housing });
    expect(await w.read('handler', anonymous.id)).toMatchObject({ citizenName: null, citizenPhone: null });
    expect(await w.read('dispatcher', anonymous.id)).toMatchObject({ citizenPhone: '13912345678' });
  });
});

describe('the case list', () => {
  it('pages by keyset without repeats, newest first, within the caller’s scope', async () => {
    const mine: number[] = [];
    for (let i = 0; i < 5; i++) {
      mine.push(
        (
          await w.newCase('agent', {
            content: `列表测试第${i}件：路灯不亮`,
            location: await w.pointIn('150302'),
          })
        ).id,
      );
      w.clock.advance(60_000);
    }
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `q=${encodeURIComponent('列表测试')}&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await w.get('dispatcher', `/api/v1/cases?${query}`);
      expect(page.statusCode, page.body).toBe(200);
      const body = page.json() as { items: CaseBody[]; nextCursor: string | null };
      seen.push(...body.items.map((i) => i.id));
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...mine].reverse());

    const byDeadline = await w.get(
      'dispatcher',
      `/api/v1/cases?q=${encodeURIComponent('列表测试')}&sort=deadline_asc`,
    );
    expect(byDeadline.json().items.map((i: CaseBody) => i.id)).toEqual(mine);
  });

  it('filters by state, light, source, district and phone, and never leaves the scope', async () => {
    const wuda = await w.newCase('agent', { content: '乌达区的诉求', location: await w.pointIn('150304') });
    const hbw = await w.newCase('agent', { content: '海勃湾区的诉求', location: await w.pointIn('150302') });
    await w.step('dispatcher', hbw.id, 'dispatch', { leadUnitId: w.ids.housing });

    const ids = async (user: string, query: string) => {
      const r = await w.get(user, `/api/v1/cases?${query}&limit=200`);
      expect(r.statusCode, r.body).toBe(200);
      return (r.json().items as CaseBody[]).map((i) => i.id);
    };
    const wudaId = (await w.api.ctx.db.select({ id: orgs.id }).from(orgs).where(eq(orgs.code, '150304')))[0]!
      .id;
    expect(await ids('dispatcher', `within=${wudaId}`)).toContain(wuda.id);
    expect(await ids('dispatcher', `within=${wudaId}`)).not.toContain(hbw.id);
    expect(await ids('dispatcher', 'state=dispatched')).toContain(hbw.id);
    expect(await ids('dispatcher', 'state=dispatched')).not.toContain(wuda.id);
    expect(await ids('dispatcher', 'state=registered,dispatched&light=green&source=hotline_12345')).toEqual(
      expect.arrayContaining([wuda.id, hbw.id]),
    );
    expect(await ids('dispatcher', 'light=red')).not.toContain(hbw.id);
    const hbwSees = await ids('dispatcher_hbw', 'state=registered,dispatched');
    expect(hbwSees).toContain(hbw.id);
    expect(hbwSees).not.toContain(wuda.id);
    expect(await ids('handler', 'state=dispatched')).toContain(hbw.id);
    expect(await ids('handler', 'state=registered')).toEqual([]);
    expectError(await w.get('dispatcher_hbw', `/api/v1/cases?within=${wudaId}`), 403, 'OUT_OF_SCOPE');

    expect(await ids('agent', 'citizenPhone=13912345678')).toEqual(expect.arrayContaining([wuda.id, hbw.id]));
    expectError(await w.get('supervisor', '/api/v1/cases?citizenPhone=13912345678'), 403, 'FORBIDDEN');
    expectError(
      await w.get('dispatcher', '/api/v1/cases?cursor=garbage'),
      400,
      'VALIDATION_FAILED',
      'cursor',
    );
  });

  it('gives the agent on a call the caller’s earlier cases by phone', async () => {
    const first = await w.newCase('agent', { citizenPhone: '13700001111' });
    w.clock.advance(60_000);
    const second = await w.newCase('agent', { citizenPhone: '13700001111' });
    const response = await w.get('agent', '/api/v1/cases/by-phone?phone=13700001111');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().items.map((i: CaseBody) => i.id)).toEqual([second.id, first.id]);
    expectError(await w.get('supervisor', '/api/v1/cases/by-phone?phone=13700001111'), 403, 'FORBIDDEN');
  });
});
