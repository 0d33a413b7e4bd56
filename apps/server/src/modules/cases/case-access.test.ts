import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCase } from '../../test/factories.js';
import { createTestContext, type TestContext } from '../../test/setup.js';
import { orgs } from '../orgs/orgs.tables.js';
import { casesInScope, isCaseInScope } from './case-access.js';
import { caseHandlers } from './cases.tables.js';

let ctx: TestContext;
/** org ids by name, and their paths (kept by the trigger) */
const org: Record<string, { id: number; path: string }> = {};
/** case ids by what makes them */
const ids: Record<string, number> = {};

// city → district A (centre A, town → community → grid), district B (town B), unit U under the city,
// the city centre C
const TREE = [
  ['city', null, 'city'],
  ['districtA', 'city', 'district'],
  ['centreA', 'districtA', 'center'],
  ['townA', 'districtA', 'town'],
  ['communityA', 'townA', 'community'],
  ['gridA', 'communityA', 'grid'],
  ['districtB', 'city', 'district'],
  ['townB', 'districtB', 'town'],
  ['unitU', 'city', 'unit'],
  ['centreC', 'city', 'center'],
] as const;

beforeAll(async () => {
  ctx = await createTestContext();
  for (const [name, parent, kind] of TREE) {
    const [row] = await ctx.db
      .insert(orgs)
      .values({ code: `t.${name}`, name, kind, parentId: parent === null ? null : org[parent]!.id })
      .returning({ id: orgs.id, path: orgs.path });
    org[name] = row!;
  }
  const at = (name: string) => org[name]!;
  // located in grid A, owned by centre A, led by unit U, co-handled by town B
  const handled = await buildCase(ctx.db, { currentOrgId: at('centreA').id, areaPath: at('gridA').path });
  await ctx.db.insert(caseHandlers).values([
    { caseId: handled.id, orgId: at('unitU').id, role: 'lead' },
    { caseId: handled.id, orgId: at('townB').id, role: 'co' },
  ]);
  ids.handled = handled.id;
  // unlocated, owned by the city centre
  ids.unlocated = (await buildCase(ctx.db, { currentOrgId: at('centreC').id })).id;
  // unlocated, owned by the city centre, first received by town B (the unit that signed, since relieved)
  ids.firstReceived = (
    await buildCase(ctx.db, { currentOrgId: at('centreC').id, firstReceiverOrgId: at('townB').id })
  ).id;
  // located in district B, owned by the city centre
  ids.inB = (await buildCase(ctx.db, { currentOrgId: at('centreC').id, areaPath: at('townB').path })).id;
});
afterAll(async () => {
  await ctx?.dispose();
});

describe('which cases an actor may touch (case-access)', () => {
  // scope holder → the cases he may touch
  it.each([
    ['the city', ['handled', 'unlocated', 'firstReceived', 'inB']],
    ['districtA', ['handled']],
    ['gridA', ['handled']],
    ['communityA', ['handled']],
    ['centreA', ['handled']],
    ['unitU', ['handled']],
    ['townB', ['handled', 'firstReceived', 'inB']],
    ['districtB', ['handled', 'firstReceived', 'inB']],
    ['centreC', ['unlocated', 'firstReceived', 'inB']],
  ] as const)('lets %s touch exactly %j', async (holder, expected) => {
    const scopePath = org[holder === 'the city' ? 'city' : holder]!.path;
    const all = Object.values(ids);
    const touched = await casesInScope(ctx.db, { scopePath }, all);
    const names = Object.entries(ids)
      .filter(([, id]) => touched.has(id))
      .map(([name]) => name);
    expect(names.sort()).toEqual([...expected].sort());
    // the one-case question gives the same answers
    for (const [name, id] of Object.entries(ids)) {
      expect(await isCaseInScope(ctx.db, { scopePath }, id), name).toBe(touched.has(id));
    }
  });

  it('leaves out ids of cases that do not exist', async () => {
    const touched = await casesInScope(ctx.db, { scopePath: org.city!.path }, [ids.handled!, 987_654]);
    expect([...touched]).toEqual([ids.handled]);
  });
});
