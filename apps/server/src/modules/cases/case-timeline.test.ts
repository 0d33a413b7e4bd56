import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from './case-timeline.js';
import { type CaseWorld, createCaseWorld } from './cases.test-support.js';

let w: CaseWorld;
beforeAll(async () => {
  w = await createCaseWorld();
});
afterAll(() => w.api.close());

describe('canonicalJson', () => {
  it('writes one text for one value, whatever the key order, and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: null }], c: 'x' }, u: undefined })).toBe(
      '{"a":{"c":"x","d":[2,{"y":null,"z":1}]},"b":1}',
    );
  });
});

describe('the timeline (一事一档)', () => {
  it('is refused any UPDATE, DELETE or TRUNCATE by the database itself', async () => {
    const c = await w.newCase();
    const db = w.api.ctx.db;
    await expect(
      db.execute(sql`update case_events set note = 'changed' where case_id = ${c.id}`),
    ).rejects.toThrow();
    await expect(db.execute(sql`delete from case_events where case_id = ${c.id}`)).rejects.toThrow();
    await expect(db.execute(sql`truncate case_events cascade`)).rejects.toThrow();
    expect((await w.read('dispatcher', c.id)).timeline).toHaveLength(1);
  });

  it('shows tampering behind the trigger’s back as a broken chain', async () => {
    const c = await w.newCase();
    await w.step('dispatcher', c.id, 'dispatch', { leadUnitId: w.ids.housing, note: '请尽快处理' });
    await w.step('supervisor', c.id, 'supervise', { level: 'general', note: '请按时签收' });
    const url = `/api/v1/cases/${c.id}/timeline/verify`;
    expect((await w.get('dispatcher', url)).json()).toEqual({ valid: true, events: 3 });

    const db = w.api.ctx.db;
    await db.execute(sql`alter table case_events disable trigger case_events_append_only`);
    try {
      await db.execute(sql`update case_events set note = '不必处理' where case_id = ${c.id} and seq = 2`);
    } finally {
      await db.execute(sql`alter table case_events enable trigger case_events_append_only`);
    }
    expect((await w.get('dispatcher', url)).json()).toEqual({ valid: false, events: 3, brokenAt: 2 });
  });

  it('refuses to verify a case outside the caller’s scope, and answers 404 for none', async () => {
    const c = await w.newCase('agent', { location: await w.pointIn('150304') });
    expect((await w.get('dispatcher_hbw', `/api/v1/cases/${c.id}/timeline/verify`)).statusCode).toBe(403);
    expect((await w.get('dispatcher', '/api/v1/cases/999999/timeline/verify')).statusCode).toBe(404);
  });
});
