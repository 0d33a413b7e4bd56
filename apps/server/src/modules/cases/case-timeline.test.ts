import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  canonicalJson,
  type EventContent,
  GENESIS_HASH,
  hashEvent,
  legacyHashEvent,
} from '../../platform/lifecycle/event-chain.js';
import { findEvents } from './cases.repository.js';
import { type CaseWorld, createCaseWorld } from './cases.test-support.js';
import { runTimelineCheck } from './jobs/timeline-check.job.js';
import { sealLegacyChains } from './legacy-chains.js';

let w: CaseWorld;
beforeAll(async () => {
  w = await createCaseWorld();
});
afterAll(() => w.api.close());

/** Runs `change` with the append-only trigger disabled, as a database owner could. */
async function behindTheTrigger(change: () => Promise<unknown>): Promise<void> {
  const db = w.api.ctx.db;
  await db.execute(sql`alter table case_events disable trigger case_events_append_only`);
  try {
    await change();
  } finally {
    await db.execute(sql`alter table case_events enable trigger case_events_append_only`);
  }
}

/** A case dispatched and supervised: three events. */
async function threeEventCase(): Promise<number> {
  const c = await w.newCase();
  await w.step('dispatcher', c.id, 'dispatch', { leadUnitId: w.ids.housing, note: '请尽快处理' });
  await w.step('supervisor', c.id, 'supervise', { level: 'general', note: '请按时签收' });
  return c.id;
}

const verifyOf = async (id: number) =>
  (await w.get('dispatcher', `/api/v1/cases/${id}/timeline/verify`)).json();

/** Rewrites the note of event `seq` and recomputes every hash from it on with `hash` (prev, content). */
async function rewriteAndRechain(
  id: number,
  seq: number,
  note: string,
  hash: (prev: string, content: EventContent) => string,
) {
  const db = w.api.ctx.db;
  const events = await findEvents(db, id);
  let prev = events[seq - 2]?.hash ?? GENESIS_HASH;
  await behindTheTrigger(async () => {
    for (const { id: eventId, prevHash: _prev, hash: _hash, ...e } of events.slice(seq - 1)) {
      const content: EventContent = {
        ...e,
        changes: e.changes as Record<string, unknown>,
        attachments: e.attachments as unknown[],
        note: e.seq === seq ? note : e.note,
      };
      const next = hash(prev, content);
      await db.execute(
        sql`update case_events set note = ${content.note}, prev_hash = ${prev}, hash = ${next} where id = ${eventId}`,
      );
      prev = next;
    }
  });
  // the attacker also points the case row at his new head
  await db.execute(sql`update cases set chain_head = ${prev} where id = ${id}`);
}

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
    expect((await w.get('dispatcher', url)).json()).toEqual({
      valid: false,
      events: 3,
      brokenAt: 2,
      reason: 'event_altered',
    });
  });

  it('fails a note rewritten with the plain SHA-256 chain recomputed (finding 4: tamper evidence defeated)', async () => {
    const id = await threeEventCase();
    await rewriteAndRechain(id, 2, '不必处理', legacyHashEvent);
    expect(await verifyOf(id)).toMatchObject({ valid: false, brokenAt: 2, reason: 'event_altered' });
  });

  it('fails a chain recomputed under another key (finding 4)', async () => {
    const id = await threeEventCase();
    const guessed = Buffer.alloc(32, 7);
    await rewriteAndRechain(id, 2, '不必处理', (prev, content) => hashEvent(guessed, prev, content));
    expect(await verifyOf(id)).toMatchObject({ valid: false, brokenAt: 2, reason: 'event_altered' });
  });

  it('fails a timeline whose last event was deleted although the case row still names its state (finding 4)', async () => {
    const id = await threeEventCase();
    await behindTheTrigger(() =>
      w.api.ctx.db.execute(sql`delete from case_events where case_id = ${id} and seq = 3`),
    );
    expect(await verifyOf(id)).toMatchObject({
      valid: false,
      events: 2,
      brokenAt: 3,
      reason: 'head_mismatch',
    });
  });

  it('fails keyed events passed off as legacy ones by raising the legacy count (finding 4)', async () => {
    const id = await threeEventCase();
    await w.api.ctx.db.execute(sql`update cases set chain_legacy_events = 3 where id = ${id}`);
    expect(await verifyOf(id)).toMatchObject({ valid: false, reason: 'event_altered' });
  });

  it('is checked daily: a break raises an alarm in the audit trail and to the administrators (finding 4)', async () => {
    const id = await threeEventCase();
    await behindTheTrigger(() =>
      w.api.ctx.db.execute(sql`delete from case_events where case_id = ${id} and seq = 3`),
    );
    const ctx = w.api.ctx;
    const result = await runTimelineCheck(
      { ...ctx, config: { ...ctx.config, SHANZHI_CHAIN_VERIFY_SAMPLE: 10_000 } },
      { force: true },
    );
    expect(result.broken.map((b) => b.caseId)).toContain(id);
    expect(result.broken.find((b) => b.caseId === id)).toMatchObject({
      brokenAt: 3,
      reason: 'head_mismatch',
    });
    const audit = await w.get('admin', '/api/v1/audit?action=security.timeline_broken');
    expect(audit.json().items.map((e: { targetId: string }) => e.targetId)).toContain(String(id));
    const notes = await w.get('admin', '/api/v1/notifications');
    expect(notes.json().items[0]).toMatchObject({ kind: 'timeline_broken' });
  });

  it('keeps verifying a timeline written before the chain was keyed, once sealed, and fails it when rewritten', async () => {
    const id = await threeEventCase();
    // as a database migrated from before 0012 holds it: plain SHA-256 events, counted as legacy, no seal yet
    await rewriteAndRechain(id, 1, '登记', legacyHashEvent);
    await w.api.ctx.db.execute(
      sql`update cases set chain_legacy_events = 3, event_count = 3, chain_legacy_seal = null where id = ${id}`,
    );
    expect(await sealLegacyChains(w.api.ctx)).toBeGreaterThanOrEqual(1);
    expect(await verifyOf(id)).toEqual({ valid: true, events: 3 });
    await rewriteAndRechain(id, 2, '不必处理', legacyHashEvent);
    expect(await verifyOf(id)).toMatchObject({ valid: false, reason: 'legacy_unsealed' });
  });

  it('refuses to verify a case outside the caller’s scope, and answers 404 for none', async () => {
    const c = await w.newCase('agent', { location: await w.pointIn('150304') });
    expect((await w.get('dispatcher_hbw', `/api/v1/cases/${c.id}/timeline/verify`)).statusCode).toBe(403);
    expect((await w.get('dispatcher', '/api/v1/cases/999999/timeline/verify')).statusCode).toBe(404);
  });
});
