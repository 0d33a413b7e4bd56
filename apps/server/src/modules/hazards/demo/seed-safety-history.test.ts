import { and, asc, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../platform/clock.js';
import { type StoredEvent, verifyChain } from '../../../platform/lifecycle/chain-verification.js';
import { createSeededApi, type SeededApi } from '../../../test/api.js';
import { enterprises, hazardEvents, hazards, safetyInspectionItems } from '../hazards.tables.js';
import { DEMO_ENTERPRISES, seedDemoSafety } from './seed-demo-safety.js';
import { seedSafetyHistory } from './seed-safety-history.js';

let api: SeededApi;
beforeAll(async () => {
  api = await createSeededApi({ clock: new ManualClock('2026-10-13T01:00:00.000Z') });
});
afterAll(() => api.close());

/** Whether the timeline of `id` verifies against its row's chain head. */
async function verifies(id: number) {
  const [row] = await api.ctx.db.select().from(hazards).where(eq(hazards.id, id));
  const events = await api.ctx.db
    .select()
    .from(hazardEvents)
    .where(eq(hazardEvents.hazardId, id))
    .orderBy(asc(hazardEvents.seq));
  return {
    row: row!,
    events,
    check: verifyChain(api.ctx.chainKey, row!, events as unknown as StoredEvent[]),
  };
}

describe('the demo register of enterprises', () => {
  it('is seeded with the demo city, with valid credit codes and a supervising unit each, once', async () => {
    const rows = await api.ctx.db.select().from(enterprises);
    expect(rows).toHaveLength(DEMO_ENTERPRISES);
    expect(new Set(rows.map((r) => r.name)).size).toBe(rows.length);
    expect(rows.every((r) => r.lng !== null && r.supervisingOrgPath !== r.orgPath)).toBe(true);
    expect(await seedDemoSafety(api.ctx)).toBe(0);
    const mine = rows.find((r) => r.industry === 'coal_mine')!;
    const one = (await api.get(`/api/v1/safety/enterprises/${mine.id}`, 'leader')).json();
    // the leader reads the register without personal data: the people's phones masked
    expect(one, JSON.stringify(one)).toMatchObject({
      supervisingOrgName: '乌海市应急管理局',
      highRisk: true,
    });
    expect(one.principal.phone).toMatch(/^139\*{4}\d{4}$/);
  });
});

describe('the demo year of inspections and hazards', () => {
  it('writes inspections whose failed items are hazards with verifiable timelines that the numbers count, once', async () => {
    expect(await seedSafetyHistory(api.ctx, 150)).toBe(150);
    expect(await seedSafetyHistory(api.ctx, 150)).toBe(0);
    const all = await api.ctx.db.select().from(hazards);
    expect(all.length).toBeGreaterThan(30);
    const failed = await api.ctx.db
      .select()
      .from(safetyInspectionItems)
      .where(isNotNull(safetyInspectionItems.hazardId));
    expect(failed.map((i) => i.hazardId).sort()).toEqual(all.map((h) => h.id).sort());
    for (const h of all.slice(0, 40)) {
      const { row, events, check } = await verifies(h.id);
      expect(check).toEqual({ valid: true, events: events.length });
      expect(row.version).toBe(events.length - 1);
      expect(events.at(-1)!.toState).toBe(row.state);
    }
    const [major] = await api.ctx.db
      .select()
      .from(hazards)
      .where(and(eq(hazards.level, 'major'), eq(hazards.state, 'closed')))
      .limit(1);
    if (major) {
      const { row, events } = await verifies(major.id);
      expect(row.plan).not.toBeNull();
      expect(events.map((e) => e.action)).toContain('accept_rectification');
    }
    const open = all.filter((h) => ['assigned', 'rectifying'].includes(h.state));
    expect(open.every((h) => h.deadline !== null && h.assignedAt !== null)).toBe(true);
    const stats = (await api.get('/api/v1/safety/stats', 'leader')).json();
    expect(stats.found).toBe(all.length);
    expect(stats.inspections).toBe(150);
    expect(stats.enterprises).toBe(DEMO_ENTERPRISES);
    expect(stats.rectificationRate).toBeGreaterThan(0.9);
    const detail = (await api.get(`/api/v1/safety/hazards/${all[0]!.id}`, 'leader')).json();
    expect(detail.timeline.length).toBeGreaterThan(0);
  });
});
