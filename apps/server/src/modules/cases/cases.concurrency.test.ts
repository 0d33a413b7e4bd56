import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/database.js';
import { expectError } from '../../test/api.js';
import { type CaseWorld, createCaseWorld } from './cases.test-support.js';

let w: CaseWorld;
beforeAll(async () => {
  w = await createCaseWorld();
});
afterAll(() => w.api.close());

async function outboxCount(caseId: number): Promise<number> {
  const rows = await queryRows<{ n: number }>(
    w.api.ctx.db,
    sql`select count(*)::int as n from outbox where (payload->>'caseId')::int = ${caseId}`,
  );
  return rows[0]!.n;
}

describe('concurrent actions on one case', () => {
  it('lets exactly one of 20 conflicting actions win; the others get 409 and leave no trace', async () => {
    const c = await w.newCase('agent', { location: await w.pointIn('150302') });
    const headers = await w.api.as('dispatcher');
    const bodies = Array.from({ length: 20 }, (_, i) => {
      const kinds = [
        ['dispatch', { leadUnitId: w.ids.housing }],
        ['dispatch', { leadUnitId: w.ids.urban, note: `改派 ${i}` }],
        ['invalidate', { reason: `测试来电 ${i}` }],
        ['transfer_to_110', { threeWayCall: false, note: `转110 ${i}` }],
      ] as const;
      const [action, body] = kinds[i % kinds.length]!;
      return { action, body: { version: c.version, ...body } };
    });
    const responses = await Promise.all(
      bodies.map(({ action, body }) =>
        w.api.app.inject({
          method: 'POST',
          url: `/api/v1/cases/${c.id}/actions/${action}`,
          headers,
          payload: body,
        }),
      ),
    );
    const codes = responses.map((r) => r.statusCode);
    expect(codes.filter((s) => s === 200)).toHaveLength(1);
    expect(codes.filter((s) => s === 409)).toHaveLength(19);
    for (const r of responses.filter((x) => x.statusCode === 409)) expectError(r, 409, 'VERSION_CONFLICT');

    const after = await w.read('dispatcher', c.id);
    expect(after.version).toBe(c.version + 1);
    expect(after.timeline).toHaveLength(2);
    expect(after.timeline.map((e) => e.seq)).toEqual([1, 2]);
    expect(await outboxCount(c.id)).toBe(2);
    const verify = await w.get('dispatcher', `/api/v1/cases/${c.id}/timeline/verify`);
    expect(verify.json()).toEqual({ valid: true, events: 2 });
  });

  it('refuses a stale version with 409 VERSION_CONFLICT', async () => {
    const c = await w.newCase();
    await w.step('dispatcher', c.id, 'dispatch', { leadUnitId: w.ids.housing });
    const stale = await w.act('dispatcher', c.id, 'dispatch', {
      version: c.version,
      leadUnitId: w.ids.urban,
    });
    expectError(stale, 409, 'VERSION_CONFLICT');
  });

  it('leaves the case untouched by every refused action', async () => {
    const c = await w.newCase('agent', { location: await w.pointIn('150304') });
    const before = await w.read('dispatcher', c.id);
    const v = before.version;
    const refusals = [
      [
        await w.act('dispatcher', c.id, 'dispatch', { version: v + 7, leadUnitId: w.ids.housing }),
        409,
        'VERSION_CONFLICT',
      ],
      [await w.act('handler', c.id, 'accept', { version: v }), 403, 'OUT_OF_SCOPE'],
      [
        await w.act('dispatcher', c.id, 'review', { version: v, outcome: 'approve' }),
        409,
        'TRANSITION_NOT_ALLOWED',
      ],
      [await w.act('agent', c.id, 'dispatch', { version: v, leadUnitId: w.ids.housing }), 403, 'FORBIDDEN'],
      [
        await w.act('dispatcher_hbw', c.id, 'invalidate', { version: v, reason: '骚扰电话' }),
        403,
        'OUT_OF_SCOPE',
      ],
      [
        await w.act('dispatcher', c.id, 'dispatch', { version: v, leadUnitId: 999_999 }),
        400,
        'VALIDATION_FAILED',
      ],
      [
        await w.act('dispatcher', c.id, 'dispatch', { version: v, leadUnitId: w.ids.cityCentre }),
        400,
        'VALIDATION_FAILED',
      ],
      [await w.act('dispatcher', c.id, 'invalidate', { version: v }), 400, 'VALIDATION_FAILED'],
      [
        await w.act('dispatcher', 999_999, 'invalidate', { version: v, reason: '骚扰电话' }),
        404,
        'CASE_NOT_FOUND',
      ],
    ] as const;
    for (const [response, status, code] of refusals) expectError(response, status, code);
    const after = await w.read('dispatcher', c.id);
    expect(after).toEqual(before);
    expect(await outboxCount(c.id)).toBe(1);
  });
});
