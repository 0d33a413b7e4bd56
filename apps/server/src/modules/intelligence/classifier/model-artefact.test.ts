import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  deserializeModel,
  loadModel,
  ModelFormatError,
  saveModel,
  serializeModel,
} from './model-artefact.js';
import { TINY_CORPUS, TINY_UNSEEN } from './test-fixtures.js';
import { predict, trainClassifier } from './train.js';

describe('model artefact', () => {
  const model = trainClassifier(TINY_CORPUS, { features: { minDf: 1 }, svm: { c: 10 } });
  const texts = [...TINY_CORPUS, ...TINY_UNSEEN].map((e) => e.text);
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it('gives identical predictions after serialise → deserialise', () => {
    const copy = deserializeModel(serializeModel(model));
    expect(copy.version).toBe(model.version);
    expect(copy.labels).toEqual(model.labels);
    for (const text of texts) expect(predict(copy, text, 3)).toEqual(predict(model, text, 3));
  });

  it('saves model.json and weights.bin and loads them back', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'shanzhi-model-'));
    dirs.push(dir);
    await saveModel(model, dir);
    const meta = JSON.parse(await readFile(join(dir, 'model.json'), 'utf8'));
    expect(meta).toMatchObject({
      version: model.version,
      labels: model.labels,
      training: { n: TINY_CORPUS.length },
    });
    expect((await stat(join(dir, 'weights.bin'))).size).toBeGreaterThan(0);
    const loaded = await loadModel(dir);
    for (const text of texts) expect(predict(loaded, text, 3)).toEqual(predict(model, text, 3));
  });

  it('keeps the calibration, and reads an artefact written before head words as counting none', () => {
    const copy = deserializeModel(serializeModel(model));
    expect(copy.calibration).toEqual(model.calibration);
    const older = trainClassifier(TINY_CORPUS, { features: { minDf: 1, headWords: 0 }, svm: { c: 10 } });
    const buf = serializeModel(older);
    const jsonLength = buf.readUInt32LE(4);
    const meta = JSON.parse(buf.subarray(8, 8 + jsonLength).toString('utf8'));
    delete meta.features.headWords;
    const json = Buffer.from(JSON.stringify(meta), 'utf8');
    const header = Buffer.alloc(8);
    buf.copy(header, 0, 0, 4);
    header.writeUInt32LE(json.byteLength, 4);
    const loaded = deserializeModel(Buffer.concat([header, json, buf.subarray(8 + jsonLength)]));
    expect(loaded.features.headWords).toBe(0);
    for (const text of texts) expect(predict(loaded, text, 3)).toEqual(predict(older, text, 3));
  });

  it('refuses a corrupted buffer', () => {
    const buf = serializeModel(model);
    buf[buf.length - 1]! ^= 0xff;
    expect(() => deserializeModel(buf)).toThrow(ModelFormatError);
    expect(() => deserializeModel(Buffer.from('nope'))).toThrow(ModelFormatError);
  });
});
