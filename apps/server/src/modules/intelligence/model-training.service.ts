import type { AppContext } from '../../platform/context.js';
import { evaluate } from './classifier/evaluate.js';
import { assignStratifiedFolds } from './classifier/folds.js';
import { serializeModel } from './classifier/model-artefact.js';
import { type TextClassifier, type TrainingExample, trainClassifier } from './classifier/train.js';
import { refreshModels } from './model-registry.js';
import { activateModel, insertModel, type ModelKind } from './model-store.repository.js';

/** Trains a classifier; in process by default, in a worker thread on the server (training takes seconds). */
export type Trainer = (examples: TrainingExample[], version: string) => Promise<TextClassifier>;

/** The in-process trainer (CLI, tests). */
export const trainInProcess: Trainer = async (examples, version) => trainClassifier(examples, { version });

/** A fresh version string: kind, UTC time to the second, and a random suffix. */
export function newVersion(kind: ModelKind, now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '');
  return `${kind}-${stamp}-${Math.random().toString(16).slice(2, 8)}`;
}

/** Accuracy, macro-F1 and per-label figures of a model on labelled messages. */
export function figuresOf(model: TextClassifier, examples: readonly TrainingExample[]) {
  const report = evaluate(model, examples);
  return { n: report.n, accuracy: report.accuracy, macro_f1: report.macro_f1, per_label: report.per_label };
}

/**
 * Stores a trained model with its training summary and metrics, activates it when asked (in one transaction,
 * so that there is never a moment with two active models or none), and reloads this process's models.
 */
export async function storeModel(
  ctx: AppContext,
  model: TextClassifier,
  kind: ModelKind,
  info: { source: 'file' | 'history'; metrics: Record<string, unknown>; activate: boolean },
): Promise<number> {
  const now = ctx.clock.now();
  const id = await ctx.db.transaction(async (tx) => {
    const stored = await insertModel(tx, {
      version: model.version,
      kind,
      createdAt: now,
      training: {
        source: info.source,
        n: model.training.n,
        labelCounts: model.training.labelCounts,
        featureCount: model.training.featureCount,
        seconds: model.training.seconds,
      },
      metrics: info.metrics,
      artefact: serializeModel(model),
    });
    if (info.activate) await activateModel(tx, stored, kind, now);
    return stored;
  });
  if (info.activate) await refreshModels(ctx);
  return id;
}

/**
 * Splits messages into a training part and a stratified held-out tenth (file data has no dates), trains on
 * the first and measures on the second.
 */
export async function trainWithHeldOut(
  examples: TrainingExample[],
  version: string,
  trainer: Trainer = trainInProcess,
): Promise<{ model: TextClassifier; metrics: Record<string, unknown> }> {
  const labelIds = new Map<string, number>();
  const y = examples.map((e) => {
    if (!labelIds.has(e.label)) labelIds.set(e.label, labelIds.size);
    return labelIds.get(e.label)!;
  });
  const fold = assignStratifiedFolds(y, 10, 11);
  const train = examples.filter((_, i) => fold[i] !== 0);
  const test = examples.filter((_, i) => fold[i] === 0);
  const model = await trainer(train, version);
  return { model, metrics: { slice: 'stratified 10% held out', ...figuresOf(model, test) } };
}
