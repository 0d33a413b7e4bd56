import { maskPersonName } from '@shanzhi/shared';
import { asc, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../../platform/db/database.js';
import { type StoredEvent, verifyChain } from '../../../platform/lifecycle/chain-verification.js';
import { disputeEvents, disputeParties, disputes } from '../mediation.tables.js';
import { createMediationWorld, type MediationWorld } from '../mediation.test-support.js';
import { partyPhone } from '../party-contacts.js';
import { seedMediationHistory } from './seed-mediation-history.js';

const DISPUTES = 400;

let w: MediationWorld;
beforeAll(async () => {
  w = await createMediationWorld('2026-12-01T01:00:00.000Z');
  expect(await seedMediationHistory(w.api.ctx, DISPUTES)).toBe(DISPUTES);
}, 120_000);
afterAll(() => w.api.close());

/** An agreed dispute that went up to the town: its id. */
async function escalatedAndAgreed(): Promise<number> {
  const [row] = await queryRows<{ id: number }>(
    w.api.ctx.db,
    sql`select d.id from disputes d where d.outcome = 'agreed' and d.state = 'closed'
          and exists (select 1 from dispute_events e where e.dispute_id = d.id and e.action = 'escalate')
        order by d.id limit 1`,
  );
  return row!.id;
}

describe('a year of demo disputes', () => {
  it('tells every dispute through its lifecycle, with a keyed timeline whose head its row carries', async () => {
    const { db, chainKey } = w.api.ctx;
    const rows = await db.select().from(disputes).orderBy(asc(disputes.id));
    const events = await db
      .select()
      .from(disputeEvents)
      .orderBy(asc(disputeEvents.disputeId), asc(disputeEvents.seq));
    const byDispute = new Map<number, typeof events>();
    for (const e of events) byDispute.set(e.disputeId, [...(byDispute.get(e.disputeId) ?? []), e]);
    expect(rows).toHaveLength(DISPUTES);
    // all mediated and followed up before now: archived, or performed and awaiting the archive
    expect(new Set(rows.map((r) => r.state))).toEqual(new Set(['closed', 'performed']));
    for (const row of rows) {
      const timeline = byDispute.get(row.id) ?? [];
      expect(verifyChain(chainKey, row, timeline as unknown as StoredEvent[]), `dispute ${row.id}`).toEqual({
        valid: true,
        events: timeline.length,
      });
      expect(timeline.map((e) => e.action).slice(0, 4)).toEqual(['register', 'accept', 'assign', 'consent']);
      expect(row.state).toBe(timeline.at(-1)!.toState);
      expect(row.version).toBe(timeline.length - 1);
      const ending = timeline.findLast((e) => ['agree', 'fail', 'refer'].includes(e.action))!;
      expect(row.endedAt?.toISOString()).toBe(ending.at.toISOString());
      expect(row.outcome).toBe({ agree: 'agreed', fail: 'failed', refer: 'referred' }[ending.action]);
    }
  });

  it('records two parties each, phones sealed, and the agreement confirmed by both when agreed', async () => {
    const { db } = w.api.ctx;
    const parties = await db.select().from(disputeParties);
    expect(parties).toHaveLength(2 * DISPUTES);
    expect(parties.every((p) => /^1\d{10}$/.test(partyPhone(w.api.ctx, p) ?? ''))).toBe(true);
    const [unconfirmed] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from disputes d join dispute_parties p on p.dispute_id = d.id
           where d.outcome = 'agreed' and d.state in ('performed', 'closed') and p.confirmed_at is null`,
    );
    expect(unconfirmed!.n).toBe(0);
    const [sessions] = await queryRows<{ n: number; sessions: number }>(
      db,
      sql`select count(*)::int as n, (select count(*)::int from dispute_sessions) as sessions
            from dispute_events where action = 'record_session'`,
    );
    expect(sessions!.sessions).toBe(sessions!.n);
    expect(sessions!.n).toBeGreaterThanOrEqual(DISPUTES);
  });

  it('shows a dispute that went up to the town in full, its parties masked for a role without personal_data.read', async () => {
    const id = await escalatedAndAgreed();
    const full = await w.get('dispatcher', `/api/v1/mediation/disputes/${id}`);
    expect(full.statusCode, full.body).toBe(200);
    const dispute = full.json();
    expect(dispute.parties.map((p: { role: string }) => p.role)).toEqual(['applicant', 'respondent']);
    expect(dispute.parties[0].phone).toMatch(/^1\d{2}\*{4}\d{4}$/);
    expect(
      dispute.parties.every((p: { confirmationMethod: string }) => p.confirmationMethod === 'signed_scan'),
    ).toBe(true);
    const actions = dispute.timeline.map((e: { action: string }) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['fail', 'escalate', 'agree', 'confirm_agreement', 'close']),
    );
    expect(actions.filter((a: string) => a === 'assign')).toHaveLength(2);
    expect(dispute.sessions.length).toBeGreaterThanOrEqual(2);
    expect(dispute.agreement.terms.length).toBeGreaterThan(0);
    const masked = await w.get('supervisor', `/api/v1/mediation/disputes/${id}`);
    expect(masked.statusCode, masked.body).toBe(200);
    expect(masked.json().parties[0].name).toBe(maskPersonName(dispute.parties[0].name));
    expect(masked.json().parties[0].name).not.toBe(dispute.parties[0].name);
  });
});
