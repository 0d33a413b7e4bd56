/**
 * The complaint classifier beside fastText, and its speed. First 5-fold cross-validation of ours and of
 * fastText (WebAssembly, one thread; its `supervised` defaults and its tutorial's settings) on the same folds
 * and the same segmentation: accuracy, macro-F1, ECE, training time and classifications per second on raw
 * sentences, side by side. Then ours alone: training time on all messages, model size, single-message
 * classifications per second on one core with p50/p99 latency, against the cost of jieba segmentation alone
 * on the same texts, over the whole corpus (a third raw sentences, two thirds already segmented) and over its
 * raw sentences, which is what the server receives from citizens.
 * Trains on the 2020 TipDM messages when present (read in place), otherwise on a generated corpus.
 * Prints numbers; asserts nothing. Run: npm run bench:classify (BENCH_FASTTEXT=0 skips fastText)
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectedCalibrationError } from '../apps/server/src/modules/intelligence/classifier/calibration.js';
import {
  crossValidate,
  crossValidationFolds,
} from '../apps/server/src/modules/intelligence/classifier/cross-validate.js';
import { scorePredictions } from '../apps/server/src/modules/intelligence/classifier/evaluate.js';
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
import { DEFAULT_AUTO_DISPATCH_THRESHOLD } from '../packages/shared/src/cases/case-settings.schemas.js';
import {
  FASTTEXT_SUPERVISED_DEFAULTS,
  FASTTEXT_TUTORIAL,
  type SegmentedExample,
  trainFastText,
} from './fasttext-anchor.js';

const DATA = new URL('../../shared/data/teddy_cup_2020_c/train_8290.jsonl', import.meta.url);
const CALLS = 20_000;
const FOLDS = 5;
/** Raw sentences each model classifies, one call after another, for the side-by-side speed. */
const SIDE_BY_SIDE_CALLS = 20_000;

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

/** One row of the side-by-side table. */
interface AnchorRow {
  name: string;
  accuracy: number;
  macroF1: number;
  ece: number;
  /** mean CPU seconds to train a fold's model (on a shared machine the wall clock counts others' work too) */
  trainSeconds: number;
  /** raw sentences classified per CPU-second (segmentation included), one core */
  perSecond: number;
}

function rawSentences(examples: readonly TrainingExample[]): string[] {
  const raw = examples.filter((e) => !isPreSegmented(normaliseText(e.text)));
  const pool = raw.length > 0 ? raw : examples;
  return Array.from({ length: SIDE_BY_SIDE_CALLS }, (_, i) => pool[(i * 7919) % pool.length]!.text);
}

/** Ours in 5-fold cross-validation (calibrated as in production), and its speed on raw sentences. */
function measureOurs(examples: readonly TrainingExample[], model: TextClassifier): AnchorRow {
  const cpuStarted = process.cpuUsage();
  const cv = crossValidate(examples, FOLDS, { threshold: DEFAULT_AUTO_DISPATCH_THRESHOLD });
  const cvCpuSeconds = cpuSeconds(cpuStarted);
  console.error(
    `ours: ECE ${cv.ece}, auto-dispatch at ${DEFAULT_AUTO_DISPATCH_THRESHOLD}: ${JSON.stringify(cv.auto_dispatch)}`,
  );
  const texts = rawSentences(examples);
  for (let i = 0; i < 500; i++) predict(model, texts[i]!, 3);
  const speed = throughput(texts, (text) => predict(model, text, 3));
  return {
    name: 'ours (SVM + NB-SVM, calibrated)',
    accuracy: cv.pooled.accuracy,
    macroF1: cv.pooled.macro_f1,
    ece: cv.ece ?? Number.NaN,
    // segmenting once and scoring the held-out messages are a small part of the whole
    trainSeconds: cvCpuSeconds / FOLDS,
    perSecond: speed.cpu,
  };
}

/** fastText on the same folds and the same words, and its speed on raw sentences (jieba included). */
async function measureFastText(
  name: string,
  settings: Record<string, number | string>,
  examples: readonly TrainingExample[],
  segmented: readonly SegmentedExample[],
): Promise<AnchorRow> {
  const fold = crossValidationFolds(
    examples.map((e) => e.label),
    FOLDS,
  );
  const predicted = new Array<string>(examples.length);
  const answers: { confidence: number; correct: boolean }[] = [];
  let trainSeconds = 0;
  let perSecond = 0;
  for (let f = 0; f < FOLDS; f++) {
    const cpuStarted = process.cpuUsage();
    const model = await trainFastText(
      segmented.filter((_, i) => fold[i] !== f),
      settings,
    );
    trainSeconds += cpuSeconds(cpuStarted) / FOLDS;
    let right = 0;
    let total = 0;
    for (let i = 0; i < segmented.length; i++) {
      if (fold[i] !== f) continue;
      const top = model.predict(segmented[i]!.words);
      predicted[i] = top.label;
      answers.push({ confidence: top.probability, correct: top.label === examples[i]!.label });
      total++;
      if (top.label === examples[i]!.label) right++;
    }
    console.error(`${name}: fold ${f + 1}/${FOLDS} accuracy ${(right / total).toFixed(4)}`);
    if (f === FOLDS - 1) {
      const texts = rawSentences(examples);
      for (let i = 0; i < 500; i++) model.predict(extractWords(texts[i]!));
      perSecond = throughput(texts, (text) => model.predict(extractWords(text))).cpu;
    }
    model.dispose();
  }
  const report = scorePredictions(
    examples.map((e) => e.label),
    predicted,
  );
  return {
    name,
    accuracy: report.accuracy,
    macroF1: report.macro_f1,
    ece: expectedCalibrationError(answers),
    trainSeconds,
    perSecond,
  };
}

function printSideBySide(rows: readonly AnchorRow[]): void {
  console.log(
    `\n${FOLDS}-fold cross-validation, same folds, same segmentation (jieba + stop-words, as our classifier):`,
  );
  console.log(
    `${'model'.padEnd(44)}${'accuracy'.padStart(9)}${'macro-F1'.padStart(10)}${'ECE'.padStart(8)}` +
      `${'train CPU s/fold'.padStart(18)}${'raw /CPU-s'.padStart(12)}`,
  );
  for (const r of rows) {
    console.log(
      `${r.name.padEnd(44)}${r.accuracy.toFixed(4).padStart(9)}${r.macroF1.toFixed(4).padStart(10)}` +
        `${r.ece.toFixed(4).padStart(8)}${r.trainSeconds.toFixed(1).padStart(18)}${Math.round(r.perSecond)
          .toString()
          .padStart(12)}`,
    );
  }
  console.log(
    '(accuracy and macro-F1 pooled over the held-out messages; ECE over 10 bins of the top probability;',
  );
  console.log(
    ' raw /CPU-s: raw sentences classified one after another on one core, jieba included; a fold model',
  );
  console.log(' trains on 80 % of the data, ours with its calibration on 3 held-back folds)\n');
}

async function sideBySide(examples: readonly TrainingExample[], model: TextClassifier): Promise<void> {
  const rows = [measureOurs(examples, model)];
  if (process.env.BENCH_FASTTEXT !== '0') {
    const segmented = examples.map((e) => ({ words: extractWords(e.text), label: e.label }));
    rows.push(
      await measureFastText(
        'fastText, supervised defaults',
        FASTTEXT_SUPERVISED_DEFAULTS,
        examples,
        segmented,
      ),
    );
    rows.push(
      await measureFastText(
        'fastText, tutorial (epoch 25, lr 1, bigrams)',
        FASTTEXT_TUTORIAL,
        examples,
        segmented,
      ),
    );
  }
  printSideBySide(rows);
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
  await sideBySide(examples, loaded);

  const sample = (pool: readonly TrainingExample[]) =>
    Array.from({ length: CALLS }, (_, i) => pool[(i * 7919) % pool.length]!.text);
  measurePredict('all messages', loaded, sample(examples));
  const raw = examples.filter((e) => !isPreSegmented(normaliseText(e.text)));
  if (raw.length > 0) measurePredict(`raw sentences (${raw.length})`, loaded, sample(raw));
}

await main();
