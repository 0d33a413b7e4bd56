import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../platform/clock.js';
import { createSeededApi, orgIdOf, type SeededApi } from '../../test/api.js';
import { buildCase } from '../../test/factories.js';
import { caseFingerprints } from '../intelligence/duplicates/case-fingerprints.tables.js';
import { bj } from '../kpis/kpis.test-support.js';
import { findHotWords } from './dashboard.repository.js';

let api: SeededApi;
const now = bj('12-05 10:00');

/** A case registered at `at` whose fingerprint carries `words`. */
async function caseWith(centre: number, at: Date, words: string[]): Promise<void> {
  const row = await buildCase(api.ctx.db, { currentOrgId: centre, createdAt: at });
  await api.ctx.db
    .insert(caseFingerprints)
    .values({ caseId: row.id, createdAt: at, words, features: [], bands: [] });
}

beforeAll(async () => {
  api = await createSeededApi({ clock: new ManualClock(now) });
  const centre = await orgIdOf(api.ctx, 'center.city');
  // 小区 is in every case of the month before; 供暖 is new
  for (let day = 0; day < 28; day++) {
    await caseWith(centre, new Date(bj('11-06 10:00').getTime() + day * 86_400_000), ['小区', '物业']);
  }
  await caseWith(centre, bj('12-05 08:00'), ['小区', '供暖', '3号楼']);
  await caseWith(centre, bj('12-05 09:00'), ['小区', '供暖']);
  await caseWith(centre, bj('12-04 15:00'), ['小区']);
});

afterAll(() => api?.close());

describe('the wall’s hot words', () => {
  it('rank what is new above what every case carries, leave out words with digits and count the window only', async () => {
    const words = await findHotWords(api.ctx.db, '/', bj('12-04 10:00'), now, 10);
    expect(words).toEqual([
      { word: '供暖', count: 2 },
      { word: '小区', count: 3 },
    ]);
  });
});
