/**
 * Speed of the complaint classifier: training time, model size, single-message classifications per second on
 * one core with p50/p99 latency, against the cost of jieba segmentation alone on the same texts.
 * Trains on the 2020 TipDM messages when present (read in place), otherwise on a generated corpus.
 * Prints numbers; asserts nothing. Run: npm run bench:classify
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadModel, saveModel } from '../apps/server/src/modules/intelligence/classifier/model-artefact.js';
import { TINY_CORPUS } from '../apps/server/src/modules/intelligence/classifier/test-fixtures.js';
import { extractWords } from '../apps/server/src/modules/intelligence/classifier/text-features.js';
import {
  predict,
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

  const texts = Array.from({ length: CALLS }, (_, i) => examples[(i * 7919) % examples.length]!.text);
  for (let i = 0; i < 500; i++) predict(loaded, texts[i]!, 3);

  const latency = new Float64Array(CALLS);
  const cpuStarted = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < CALLS; i++) {
    const s = performance.now();
    predict(loaded, texts[i]!, 3);
    latency[i] = performance.now() - s;
  }
  const predictSeconds = (performance.now() - started) / 1000;
  const predictCpu = cpuSeconds(cpuStarted);
  latency.sort();
  const perSecond = CALLS / predictSeconds;
  console.log(
    `predict (top-3, one call per message, one core): ${Math.round(perSecond)} /s wall-clock, ` +
      `${Math.round(CALLS / predictCpu)} /s per CPU-second; ` +
      `p50 ${(percentile(latency, 0.5) * 1000).toFixed(0)} µs, p99 ${(percentile(latency, 0.99) * 1000).toFixed(0)} µs`,
  );

  const segCpuStarted = process.cpuUsage();
  const segStarted = performance.now();
  for (let i = 0; i < CALLS; i++) extractWords(texts[i]!);
  const segPerSecond = CALLS / ((performance.now() - segStarted) / 1000);
  const segCpu = cpuSeconds(segCpuStarted);
  console.log(
    `baseline, segmentation only (jieba for raw text, split for segmented text): ${Math.round(segPerSecond)} /s ` +
      `wall-clock, ${Math.round(CALLS / segCpu)} /s per CPU-second`,
  );
  console.log(
    `predict / segmentation-only throughput: ${(perSecond / segPerSecond).toFixed(2)} wall-clock, ` +
      `${(segCpu / predictCpu).toFixed(2)} CPU`,
  );
}

await main();
