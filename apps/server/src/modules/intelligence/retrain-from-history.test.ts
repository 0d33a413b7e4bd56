import { eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSeededApi, orgIdOf, type SeededApi } from '../../test/api.js';
import { insertCaseWith } from '../cases/cases.repository.js';
import { catalogCategories } from '../catalog/catalog.tables.js';
import { TINY_CORPUS } from './classifier/test-fixtures.js';
import { classifierModels } from './intelligence.tables.js';
import { loadedModels } from './model-registry.js';
import { retrainFromHistory } from './retrain-from-history.js';

let api: SeededApi;

/** Closed cases built straight in the database: the texts of the tiny corpus, under leaves of their areas. */
async function plantClosedCases(count: number) {
  const ctx = api.ctx;
  const areas = await ctx.db
    .select({ id: catalogCategories.id, name: catalogCategories.name, code: catalogCategories.code })
    .from(catalogCategories)
    .where(eq(catalogCategories.level, 1));
  const leafOf = async (areaName: string) => {
    const area = areas.find((a) => a.name === areaName)!;
    const leaves = await ctx.db
      .select({ id: catalogCategories.id, code: catalogCategories.code })
      .from(catalogCategories)
      .where(isNotNull(catalogCategories.resolveLimitValue))
      .orderBy(catalogCategories.code);
    return leaves.find((r) => r.code.startsWith(`${area.code}.`))!.id;
  };
  const units: Record<string, number> = {
    城乡建设: await orgIdOf(ctx, 'unit.housing'),
    教育文体: await orgIdOf(ctx, 'unit.urban'),
    卫生计生: await orgIdOf(ctx, 'unit.urban'),
  };
  const leaves: Record<string, number> = {};
  for (const name of Object.keys(units)) leaves[name] = await leafOf(name);
  const centre = await orgIdOf(ctx, 'center.city');
  const start = Date.parse('2026-01-05T02:00:00Z');
  for (let i = 0; i < count; i++) {
    const example = TINY_CORPUS[i % TINY_CORPUS.length]!;
    const at = new Date(start + i * 3_600_000);
    await insertCaseWith(
      ctx.db,
      {
        number: `WH20260105${String(900000 + i)}`,
        source: 'hotline_12345',
        type: 'complaint',
        priority: 'normal',
        title: example.text.slice(0, 20),
        description: `${example.text} 第${i}次来电`,
        state: 'closed',
        categoryId: leaves[example.label]!,
        leadUnitId: units[example.label]!,
        currentOrgId: centre,
        acceptLimitValue: 2,
        acceptLimitUnit: 'working_hours',
        resolveLimitValue: 5,
        resolveLimitUnit: 'working_days',
        closedAt: at,
        createdAt: at,
        updatedAt: at,
      },
      [],
    );
  }
}

beforeAll(async () => {
  api = await createSeededApi();
});
afterAll(async () => {
  await api.close();
});

describe('retrainFromHistory', () => {
  it('does nothing with too little history', async () => {
    const result = await retrainFromHistory(api.ctx, { log: () => {} });
    expect(result.skipped).toContain('closed cases');
    expect(result.outcomes).toEqual([]);
  });

  it('activates a first model, then keeps the active one when the new one is no better', async () => {
    await plantClosedCases(90);
    const lines: string[] = [];
    const first = await retrainFromHistory(api.ctx, { log: (l) => lines.push(l) });
    expect(first.heldBack).toBe(9);
    expect(first.outcomes.map((o) => [o.kind, o.activated])).toEqual([
      ['category', true],
      ['unit', true],
    ]);
    expect(loadedModels(api.ctx).unit?.version).toBe(first.outcomes[1]!.version);

    const second = await retrainFromHistory(api.ctx, { log: (l) => lines.push(l) });
    for (const outcome of second.outcomes) {
      // same history, same figures: not better, so the first model stays active
      expect(outcome.active).not.toBeNull();
      expect(outcome.activated).toBe(false);
    }
    expect(lines.some((l) => l.includes('vs active') && l.includes('kept the active one'))).toBe(true);
    const active = await api.ctx.db
      .select({ version: classifierModels.version, kind: classifierModels.kind })
      .from(classifierModels)
      .where(eq(classifierModels.active, true));
    expect(active.map((r) => r.version).sort()).toEqual(first.outcomes.map((o) => o.version).sort());
    expect(await api.ctx.db.select({ id: classifierModels.id }).from(classifierModels)).toHaveLength(4);
  });

  it('enforces one active model per kind in the database', async () => {
    const [row] = await api.ctx.db.select().from(classifierModels).where(eq(classifierModels.active, false));
    await expect(
      api.ctx.db.update(classifierModels).set({ active: true }).where(eq(classifierModels.id, row!.id)),
    ).rejects.toThrow();
  });
});
