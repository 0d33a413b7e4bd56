import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../platform/clock.js';
import { type StoredEvent, verifyChain } from '../../../platform/lifecycle/chain-verification.js';
import { createSeededApi, type SeededApi } from '../../../test/api.js';
import { findPetitionEvents } from '../petitions.repository.js';
import { petitionPetitioners, petitions } from '../petitions.tables.js';
import { seedDemoPetitions } from './seed-demo-petitions.js';

let api: SeededApi;
beforeAll(async () => {
  api = await createSeededApi({ clock: new ManualClock('2026-10-13T01:00:00.000Z') });
});
afterAll(() => api.close());

describe('the demo petitions', () => {
  it('tell their stories through the lifecycle once, in every kind of state, with intact timelines', async () => {
    const started = performance.now();
    expect(await seedDemoPetitions(api.ctx, 0)).toBe(6);
    console.info(`demo petitions (stories only): 6 written in ${Math.round(performance.now() - started)} ms`);
    expect(await seedDemoPetitions(api.ctx, 0)).toBe(0);
    const rows = await api.ctx.db.select().from(petitions);
    expect(rows.map((r) => r.state).sort()).toEqual(
      ['closed', 'handling', 'not_accepted', 'registered', 'registered', 'reviewed'].sort(),
    );
    expect(rows.filter((r) => r.repeatCount > 0)).toHaveLength(1);
    for (const row of rows) {
      const events = await findPetitionEvents(api.ctx.db, row.id);
      expect(verifyChain(api.ctx.chainKey, row, events as unknown as StoredEvent[]).valid).toBe(true);
    }
    const list = (await api.get('/api/v1/petitions', 'petition')).json();
    expect(list.items.map((p: { light: string | null }) => p.light)).toEqual(
      expect.arrayContaining(['red', 'yellow', 'green', null]),
    );
    const stats = (await api.get('/api/v1/petitions/stats', 'leader')).json();
    expect(stats).toMatchObject({ total: 6, closed: 1, resolved: 1, resolutionRate: 1, repeats: 1 });
  });
});

describe('the demo year of petitions', () => {
  let year: SeededApi;
  beforeAll(async () => {
    year = await createSeededApi({ clock: new ManualClock('2026-10-13T01:00:00.000Z') });
  });
  afterAll(() => year.close());

  it('spreads a few hundred over the agency points, resolved near 99 % with a few repeats, chains intact', async () => {
    const started = performance.now();
    const written = await seedDemoPetitions(year.ctx);
    const ms = Math.round(performance.now() - started);
    console.info(`demo petitions: ${written} written in ${ms} ms`);
    expect(written).toBeGreaterThan(250);
    const rows = await year.ctx.db.select().from(petitions);
    expect(rows).toHaveLength(written);
    expect(new Set(rows.map((r) => r.orgId)).size).toBeGreaterThan(3);
    const firstDay = Math.min(...rows.map((r) => r.createdAt.getTime()));
    expect(Date.parse('2026-10-13T01:00:00.000Z') - firstDay).toBeGreaterThan(300 * 86_400_000);

    const stats = (await year.get('/api/v1/petitions/stats', 'leader')).json();
    expect(stats.total).toBe(written);
    expect(stats.resolutionRate).toBeGreaterThan(0.97);
    expect(stats.resolutionRate).toBeLessThan(1);
    expect(stats.satisfactionRate).toBeGreaterThan(0.9);
    expect(stats.repeats).toBeGreaterThan(3);
    // each repeat links to the first petition of the same person on the same matter
    for (const row of rows.filter((r) => r.repeatOfId !== null)) {
      const first = rows.find((r) => r.id === row.repeatOfId)!;
      expect(first.matterKey).toBe(row.matterKey);
      expect(first.repeatOfId).toBeNull();
      expect(first.createdAt.getTime()).toBeLessThan(row.createdAt.getTime());
    }
    const [petitioners] = await year.ctx.db.select({ n: count() }).from(petitionPetitioners);
    expect(petitioners?.n).toBe(written);
    for (const row of rows.filter((_, i) => i % 25 === 0)) {
      const events = await findPetitionEvents(year.ctx.db, row.id);
      expect(verifyChain(year.ctx.chainKey, row, events as unknown as StoredEvent[]).valid).toBe(true);
      expect(events.length - 1).toBe(row.version);
    }
  });
});
