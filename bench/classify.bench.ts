/**
 * Speed of the complaint classifier: training time, model size, single-message classifications per second on
 * one core with p50/p99 latency, against the cost of jieba segmentation alone on the same texts. Measured on
 * the whole corpus (a third raw sentences, two thirds already segmented) and on its raw sentences alone, which
 * is what the server receives from citizens.
 * Trains on the 2020 TipDM messages when present (read in place), otherwise on a generated corpus.
 * Prints numbers; asserts nothing. Run: npm run bench:classify
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadModel, saveModel } from '../apps/server/src/modules/intelligence/classifier/model-artefact.js';
import { TINY_CORPUS } from '../apps/server/src/modules/intelligence/classifier/test-fixtures.js';
import {
  extractWords,
  isPreSegmented,
  normaliseText,
} from '../apps/server/src/modules/intelligence/classifier/text-features.js';
import {
  predict,
  type TextClassifier,
  type TrainingExample,
  trainClassifier,
} from '../apps/server/src/modules/intelligence/classifier/train.js';
import { getJieba } from '../apps/server/src/platform/text/jieba.js';

const DATA = new URL('../../shared/data/teddy_cup_2020_c/train_8290.jsonl', import.meta.url);
const CALLS = 20_000;

function loadCorpus(): { source: string; examples: TrainingExample[] } {
  if (existsSync(DATA)) {
    const examples = readFileSync(DATA, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as TrainingExample)
      .map((r) => ({ text: r.text, label: r.label }));
    return { source: 'train_8290.jsonl', examples };
  }
  // Generated stand-in: the tiny corpus recombined into 3,000 longer messages.
  const examples: TrainingExample[] = [];
  for (let i = 0; i < 3000; i++) {
    const a = TINY_CORPUS[(i * 7) % TINY_CORPUS.length]!;
    const same = TINY_CORPUS.filter((e) => e.label === a.label);
    const b = same[(i * 13) % same.length]!;
    examples.push({ label: a.label, text: `${a.text}${b.text}${i % 97}号` });
  }
  return { source: 'generated corpus (train_8290.jsonl absent)', examples };
}

// CPU time as well as wall-clock: on a shared machine the wall clock also counts time spent preempted.
function cpuSeconds(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
}

function percentile(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

/** Calls per second of `call` over the texts, one after another, by the wall clock and per CPU-second. */
function throughput(texts: readonly string[], call: (text: string) => unknown) {
  const cpuStarted = process.cpuUsage();
  const started = performance.now();
  for (const text of texts) call(text);
  return {
    wall: texts.length / ((performance.now() - started) / 1000),
    cpu: texts.length / cpuSeconds(cpuStarted),
  };
}

/** `predict` throughput and latency percentiles, then segmentation alone on the same texts for comparison. */
function measurePredict(name: string, model: TextClassifier, texts: readonly string[]): void {
  for (let i = 0; i < 500; i++) predict(model, texts[i % texts.length]!, 3);
  const latency = new Float64Array(texts.length);
  let call = 0;
  const classified = throughput(texts, (text) => {
    const s = performance.now();
    predict(model, text, 3);
    latency[call++] = performance.now() - s;
  });
  latency.sort();
  const segmented = throughput(texts, (text) => extractWords(text));
  console.log(
    `${name}: predict (top-3, one call per message, one core) ${Math.round(classified.wall)} /s wall-clock, ` +
      `${Math.round(classified.cpu)} /s per CPU-second; p50 ${(percentile(latency, 0.5) * 1000).toFixed(0)} µs, ` +
      `p99 ${(percentile(latency, 0.99) * 1000).toFixed(0)} µs`,
  );
  console.log(
    `${name}: baseline, segmentation only (jieba for raw text, split for segmented text) ` +
      `${Math.round(segmented.wall)} /s wall-clock, ${Math.round(segmented.cpu)} /s per CPU-second; ` +
      `predict / segmentation-only throughput ${(classified.wall / segmented.wall).toFixed(2)} wall-clock, ` +
      `${(classified.cpu / segmented.cpu).toFixed(2)} CPU`,
  );
}

async function main(): Promise<void> {
  const { source, examples } = loadCorpus();
  console.log(`corpus: ${source}, ${examples.length} messages`);
  getJieba();

  const t0 = performance.now();
  const trainCpuStarted = process.cpuUsage();
  const model = trainClassifier(examples);
  const trainSeconds = (performance.now() - t0) / 1000;
  console.log(
    `training: ${trainSeconds.toFixed(1)} s wall-clock, ${cpuSeconds(trainCpuStarted).toFixed(1)} s CPU (${model.training.featureCount} features, T=${model.temperature.toFixed(3)})`,
  );

  const dir = await mkdtemp(join(tmpdir(), 'shanzhi-bench-'));
  await saveModel(model, dir);
  const bytes = (await stat(join(dir, 'model.json'))).size + (await stat(join(dir, 'weights.bin'))).size;
  console.log(`model size on disk: ${(bytes / 1024 / 1024).toFixed(1)} MB`);
  const loaded = await loadModel(dir);
  await rm(dir, { recursive: true, force: true });

  const sample = (pool: readonly TrainingExample[]) =>
    Array.from({ length: CALLS }, (_, i) => pool[(i * 7919) % pool.length]!.text);
  measurePredict('all messages', loaded, sample(examples));
  const raw = examples.filter((e) => !isPreSegmented(normaliseText(e.text)));
  if (raw.length > 0) measurePredict(`raw sentences (${raw.length})`, loaded, sample(raw));
}

await main();
