import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { AppContext } from '../../platform/context.js';
import { type PeriodicJob, startPeriodicJob } from '../../platform/jobs/periodic-job.js';
import { readLabelledJsonl } from './classifier/jsonl.js';
import { deserializeModel } from './classifier/model-artefact.js';
import { loadedModels, MODEL_REFRESH_INTERVAL_MS, refreshModels } from './model-registry.js';
import { newVersion, storeModel, type Trainer, trainWithHeldOut } from './model-training.service.js';
import { retrainFromHistory } from './retrain-from-history.js';

/** Trains in a worker thread, so that a server keeps serving while a model trains. */
export const trainInWorker: Trainer = (examples, version) =>
  new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./training.worker.mjs', import.meta.url), {
      workerData: { examples, version },
    });
    worker.once('message', (bytes: Uint8Array) => resolve(deserializeModel(Buffer.from(bytes))));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`training worker exited with code ${code}`));
    });
  });

/** Hours between scheduled retrains from history (`SHANZHI_RETRAIN_HOURS`, default 24; 0 = never). */
export function retrainIntervalMs(env: NodeJS.ProcessEnv = process.env): number {
  const hours = Number(env.SHANZHI_RETRAIN_HOURS ?? 24);
  return Number.isFinite(hours) && hours > 0 ? hours * 3_600_000 : 0;
}

/**
 * The classifier's jobs in a server process: look for a newly activated model every minute (another process
 * may have trained one) and retrain from history on schedule (daily by default).
 */
export function startModelJobs(ctx: AppContext): PeriodicJob[] {
  const jobs = [
    startPeriodicJob(ctx.logger, 'model-refresh', MODEL_REFRESH_INTERVAL_MS, () => refreshModels(ctx)),
  ];
  const every = retrainIntervalMs();
  if (every > 0) {
    jobs.push(
      startPeriodicJob(ctx.logger, 'model-retrain', every, () =>
        retrainFromHistory(ctx, { trainer: trainInWorker }),
      ),
    );
  }
  return jobs;
}

/**
 * On a platform without a category model it can use (none yet, or one stored in a format this version no
 * longer reads): trains one in the background — from the competition's labelled messages when
 * `../shared/data` has them, else from history once there is enough — and activates it. Logs its progress;
 * the caller does not wait for it.
 */
export async function trainInitialModel(ctx: AppContext): Promise<void> {
  await refreshModels(ctx);
  if (!ctx.config.SHANZHI_TRAIN_INITIAL_MODEL || loadedModels(ctx).category) return;
  const file = path.join(ctx.config.SHANZHI_SHARED_DATA_DIR, 'teddy_cup_2020_c', 'train_8290.jsonl');
  if (!existsSync(file)) {
    ctx.logger.info('no category model and no labelled file: training from history when there is enough');
    await retrainFromHistory(ctx, { trainer: trainInWorker });
    return;
  }
  const examples = await readLabelledJsonl(file);
  ctx.logger.info(
    { n: examples.length, file },
    'no category model yet: training the first one in the background',
  );
  const started = Date.now();
  const { model, metrics } = await trainWithHeldOut(
    examples,
    newVersion('category', ctx.clock.now()),
    trainInWorker,
  );
  await storeModel(ctx, model, 'category', { source: 'file', metrics, activate: true });
  ctx.logger.info(
    {
      version: model.version,
      accuracy: metrics.accuracy,
      macro_f1: metrics.macro_f1,
      ms: Date.now() - started,
    },
    'first category model trained and activated',
  );
}
