import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestContext, type TestContext } from '../../test/setup.js';
import { serializeModel } from './classifier/model-artefact.js';
import { TINY_CORPUS } from './classifier/test-fixtures.js';
import { trainClassifier } from './classifier/train.js';
import { loadedModels, refreshModels } from './model-registry.js';
import { activateModel, insertModel } from './model-store.repository.js';

/** The artefact of `version` as an older release of the format would have written it. */
function olderFormatArtefact(version: string): Buffer {
  const current = serializeModel(trainClassifier(TINY_CORPUS, { version }));
  const jsonLength = current.readUInt32LE(4);
  const meta = JSON.parse(current.subarray(8, 8 + jsonLength).toString('utf8'));
  const json = Buffer.from(JSON.stringify({ ...meta, formatVersion: 0 }), 'utf8');
  const header = Buffer.from(current.subarray(0, 8));
  header.writeUInt32LE(json.byteLength, 4);
  return Buffer.concat([header, json, current.subarray(8 + jsonLength)]);
}

async function storeActive(ctx: TestContext, version: string, artefact: Buffer): Promise<void> {
  const now = new Date();
  const id = await insertModel(ctx.db, {
    version,
    kind: 'category',
    training: {},
    metrics: {},
    artefact,
    createdAt: now,
  });
  await activateModel(ctx.db, id, 'category', now);
}

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.dispose();
});

describe('refreshModels', () => {
  it('leaves an active model it cannot read aside, says so once, and loads the next one activated', async () => {
    const warn = vi.spyOn(ctx.logger, 'warn');
    await storeActive(ctx, 'category-old-format', olderFormatArtefact('category-old-format'));
    expect(await refreshModels(ctx)).toEqual(['category']);
    expect(loadedModels(ctx).category).toBeNull();
    expect(loadedModels(ctx).unreadable.category).toBe('category-old-format');
    expect(warn).toHaveBeenCalledTimes(1);
    expect(JSON.stringify(warn.mock.calls[0])).toContain('retrain the model');

    expect(await refreshModels(ctx)).toEqual([]);
    expect(warn).toHaveBeenCalledTimes(1);

    const current = trainClassifier(TINY_CORPUS, { version: 'category-current' });
    await storeActive(ctx, 'category-current', serializeModel(current));
    expect(await refreshModels(ctx)).toEqual(['category']);
    expect(loadedModels(ctx).category?.version).toBe('category-current');
    expect(loadedModels(ctx).unreadable).toEqual({});
  });
});
