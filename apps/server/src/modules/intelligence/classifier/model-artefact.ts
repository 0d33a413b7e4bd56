import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { endianness } from 'node:os';
import { join } from 'node:path';
import { restoreVocabulary } from './tfidf.js';
import type { TextClassifier } from './train.js';

/** File names inside a model directory. */
export const MODEL_JSON = 'model.json';
export const WEIGHTS_BIN = 'weights.bin';

const FORMAT = 'shanzhi-text-classifier';
const FORMAT_VERSION = 1;
const MAGIC = Buffer.from('SZTC', 'ascii');

/** The `model.json` of an artefact: everything except the arrays, readable by people. */
export interface ModelMetadata {
  format: typeof FORMAT;
  formatVersion: number;
  version: TextClassifier['version'];
  createdAt: TextClassifier['createdAt'];
  labels: TextClassifier['labels'];
  features: TextClassifier['features'];
  temperature: TextClassifier['temperature'];
  calibration?: TextClassifier['calibration'];
  training: TextClassifier['training'];
  metrics?: TextClassifier['metrics'];
  /** number of feature columns in the weights */
  featureCount: number;
  /** layout of the weights: little-endian arrays one after another */
  weightsLayout: string;
  /** sha256 of the weights bytes, checked on load */
  weightsSha256: string;
}

/** Custom error for a model directory or buffer that cannot be read as a classifier. */
export class ModelFormatError extends Error {
  override readonly name = 'ModelFormatError';
  readonly code = 'VALIDATION_FAILED';
}

function assertLittleEndian(): void {
  // The arrays are written as the host lays them out; every platform Node supports in practice is little-endian.
  if (endianness() !== 'LE')
    throw new ModelFormatError('model artefacts are little-endian; this host is not');
}

function weightsBytes(model: TextClassifier): Buffer {
  const parts = [model.vocabulary.keys, model.vocabulary.idf, model.weights.weights, model.weights.bias];
  return Buffer.concat(parts.map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength)));
}

function metadataOf(model: TextClassifier, weights: Buffer): ModelMetadata {
  return {
    format: FORMAT,
    formatVersion: FORMAT_VERSION,
    version: model.version,
    createdAt: model.createdAt,
    labels: model.labels,
    features: model.features,
    temperature: model.temperature,
    ...(model.calibration ? { calibration: model.calibration } : {}),
    training: model.training,
    ...(model.metrics ? { metrics: model.metrics } : {}),
    featureCount: model.vocabulary.keys.length,
    weightsLayout: 'uint32 keys[F], float32 idf[F], float32 weights[F][labels], float32 bias[labels]',
    weightsSha256: createHash('sha256').update(weights).digest('hex'),
  };
}

function modelFrom(meta: ModelMetadata, weights: Buffer): TextClassifier {
  if (meta.format !== FORMAT) throw new ModelFormatError(`not a ${FORMAT} artefact`);
  if (meta.formatVersion !== FORMAT_VERSION) {
    throw new ModelFormatError(
      `artefact format v${meta.formatVersion}, this version reads v${FORMAT_VERSION}: retrain the model`,
    );
  }
  const f = meta.featureCount;
  const l = meta.labels.length;
  if (weights.byteLength !== 4 * (2 * f + f * l + l))
    throw new ModelFormatError('weights size does not match the metadata');
  if (createHash('sha256').update(weights).digest('hex') !== meta.weightsSha256) {
    throw new ModelFormatError('weights checksum mismatch');
  }
  // Copy into a fresh, aligned buffer: the source may be a slice at any offset.
  const aligned = new Uint8Array(weights.byteLength);
  aligned.set(weights);
  const { buffer } = aligned;
  const keys = new Uint32Array(buffer, 0, f);
  const idf = new Float32Array(buffer, 4 * f, f);
  const w = new Float32Array(buffer, 8 * f, f * l);
  const bias = new Float32Array(buffer, 4 * (2 * f + f * l), l);
  return {
    version: meta.version,
    createdAt: meta.createdAt,
    labels: meta.labels,
    // artefacts written before head words existed count none
    features: { ...meta.features, headWords: meta.features.headWords ?? 0 },
    vocabulary: restoreVocabulary(keys, idf),
    weights: { labelCount: l, weights: w, bias },
    temperature: meta.temperature,
    ...(meta.calibration ? { calibration: meta.calibration } : {}),
    training: meta.training,
    ...(meta.metrics ? { metrics: meta.metrics } : {}),
  };
}

/** Writes `model.json` and `weights.bin` into `dir` (created if needed). */
export async function saveModel(model: TextClassifier, dir: string): Promise<void> {
  assertLittleEndian();
  const weights = weightsBytes(model);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, WEIGHTS_BIN), weights);
  await writeFile(join(dir, MODEL_JSON), `${JSON.stringify(metadataOf(model, weights), null, 2)}\n`);
}

/** Reads a model directory written by `saveModel`. */
export async function loadModel(dir: string): Promise<TextClassifier> {
  assertLittleEndian();
  const meta = JSON.parse(await readFile(join(dir, MODEL_JSON), 'utf8')) as ModelMetadata;
  return modelFrom(meta, await readFile(join(dir, WEIGHTS_BIN)));
}

/** The whole artefact as one buffer (for a database column): `SZTC`, uint32 JSON length, JSON, weights. */
export function serializeModel(model: TextClassifier): Buffer {
  assertLittleEndian();
  const weights = weightsBytes(model);
  const json = Buffer.from(JSON.stringify(metadataOf(model, weights)), 'utf8');
  const header = Buffer.alloc(8);
  MAGIC.copy(header, 0);
  header.writeUInt32LE(json.byteLength, 4);
  return Buffer.concat([header, json, weights]);
}

/** Reads a buffer written by `serializeModel`. */
export function deserializeModel(buf: Buffer): TextClassifier {
  assertLittleEndian();
  if (buf.byteLength < 8 || !buf.subarray(0, 4).equals(MAGIC))
    throw new ModelFormatError('not a serialised model');
  const jsonLength = buf.readUInt32LE(4);
  if (8 + jsonLength > buf.byteLength) throw new ModelFormatError('truncated model buffer');
  const meta = JSON.parse(buf.subarray(8, 8 + jsonLength).toString('utf8')) as ModelMetadata;
  return modelFrom(meta, buf.subarray(8 + jsonLength));
}
