import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../platform/clock.js';
import { type StoredEvent, verifyChain } from '../../../platform/lifecycle/chain-verification.js';
import { createSeededApi, type SeededApi } from '../../../test/api.js';
import { findPetitionEvents } from '../petitions.repository.js';
import { petitions } from '../petitions.tables.js';
import { seedDemoPetitions } from './seed-demo-petitions.js';

let api: SeededApi;
beforeAll(async () => {
  api = await createSeededApi({ clock: new ManualClock('2026-10-13T01:00:00.000Z') });
});
afterAll(() => api.close());

describe('the demo petitions', () => {
  it('tell their stories through the lifecycle once, in every kind of state, with intact timelines', async () => {
    expect(await seedDemoPetitions(api.ctx)).toBe(6);
    expect(await seedDemoPetitions(api.ctx)).toBe(0);
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
