import { DEFAULT_AUTO_DISPATCH_THRESHOLD } from '@shanzhi/shared';
import type { Command } from 'commander';
import type { AppContext } from '../../platform/context.js';
import { readCaseSettings } from '../cases/case-settings.js';
import { crossValidate } from './classifier/cross-validate.js';
import { evaluate } from './classifier/evaluate.js';
import { DatasetError, readLabelledJsonl } from './classifier/jsonl.js';
import { loadModel, ModelFormatError, saveModel } from './classifier/model-artefact.js';
import { trainClassifier } from './classifier/train.js';
import { retrainFromHistory } from './retrain-from-history.js';

/** Runs an action with an open, migrated database (the CLI's `withContext`). */
export type ContextRunner = <T>(action: (ctx: AppContext) => Promise<T>) => Promise<T>;

/** Where the model commands write; the real process by default, a recorder in tests. */
export interface CliIo {
  /** one result line (JSON) */
  out: (line: string) => void;
  /** progress and error messages */
  err: (line: string) => void;
  /** the process exit code to leave behind */
  setExitCode: (code: number) => void;
}

const processIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  setExitCode: (code) => {
    process.exitCode = code;
  },
};

/** Exit code for input the user must fix (missing file, bad JSON line, missing field, unreadable model). */
export const EXIT_BAD_INPUT = 2;

interface DataOptions {
  input: string;
  textField: string;
  labelField: string;
}

function withInputErrors(io: CliIo, run: () => Promise<void>): Promise<void> {
  return run().catch((error: unknown) => {
    if (error instanceof DatasetError || error instanceof ModelFormatError) {
      io.err(`error: ${error.message}`);
      io.setExitCode(EXIT_BAD_INPUT);
      return;
    }
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      io.err(`error: ${(error as Error).message}`);
      io.setExitCode(EXIT_BAD_INPUT);
      return;
    }
    throw error;
  });
}

function addDataOptions(command: Command): Command {
  return command
    .requiredOption('--input <file>', 'labelled messages, one JSON object per line')
    .option('--text-field <name>', 'field holding the message text', 'text')
    .option('--label-field <name>', 'field holding the category', 'label');
}

function readData(options: DataOptions) {
  return readLabelledJsonl(options.input, { textField: options.textField, labelField: options.labelField });
}

/**
 * Adds `model train`, `model eval` and `model cv` to the shanzhi CLI. Results go to stdout as one JSON line,
 * progress to stderr; bad input ends with a message naming the file and line, and exit code 2.
 */
export function registerModelCommands(
  program: Command,
  io: CliIo = processIo,
  withContext?: ContextRunner,
): Command {
  const model = program
    .command('model')
    .description('the complaint classifier: train, evaluate, cross-validate');
  const log = (message: string) => io.err(message);

  model
    .command('train')
    .description('train a classifier and write its artefact, or (--from-history) retrain the stored models')
    .option('--input <file>', 'labelled messages, one JSON object per line')
    .option('--text-field <name>', 'field holding the message text', 'text')
    .option('--label-field <name>', 'field holding the category', 'label')
    .option('--out <dir>', 'directory for model.json and weights.bin')
    .option('--cv <folds>', 'also cross-validate with this many folds and record the figures in model.json')
    .option(
      '--from-history',
      "train category and unit models from the platform's closed cases; activate them only if they beat the active ones",
    )
    .action((options: Partial<DataOptions> & { out?: string; cv?: string; fromHistory?: boolean }) =>
      withInputErrors(io, async () => {
        if (options.fromHistory) {
          if (!withContext) throw new DatasetError('--from-history needs the database', '');
          const result = await withContext((ctx) => retrainFromHistory(ctx, { log }));
          io.out(JSON.stringify(result));
          return;
        }
        if (!options.input || !options.out) {
          throw new DatasetError('model train needs --input and --out (or --from-history)', '');
        }
        const data = { input: options.input, textField: options.textField!, labelField: options.labelField! };
        const examples = await readData(data);
        const classifier = trainClassifier(examples, { log });
        if (options.cv) {
          const cv = crossValidate(examples, parseFolds(options.cv), { log });
          classifier.metrics = { cv_folds: cv.folds.length, cv_mean: cv.mean, cv_std: cv.std };
        }
        await saveModel(classifier, options.out);
        log(`trained on ${examples.length} messages in ${classifier.training.seconds} s → ${options.out}`);
        io.out(
          JSON.stringify({
            out: options.out,
            version: classifier.version,
            n: classifier.training.n,
            labels: classifier.labels,
            feature_count: classifier.training.featureCount,
            train_seconds: classifier.training.seconds,
            ...(classifier.metrics ? { metrics: classifier.metrics } : {}),
          }),
        );
      }),
    );

  addThresholdOptions(
    addDataOptions(model.command('eval').description('score a trained classifier on labelled messages')),
  )
    .requiredOption('--model <dir>', 'directory written by `model train`')
    .action((options: DataOptions & ThresholdOptions & { model: string }) =>
      withInputErrors(io, async () => {
        const classifier = await loadModel(options.model);
        const examples = await readData(options);
        const threshold = await resolveThreshold(options, withContext);
        log(`evaluating ${classifier.version} on ${examples.length} messages`);
        const report = evaluate(classifier, examples, { threshold });
        io.out(
          JSON.stringify({
            n: report.n,
            accuracy: report.accuracy,
            macro_f1: report.macro_f1,
            ece: report.ece,
            auto_dispatch: report.auto_dispatch,
            per_label: report.per_label,
            ms_per_item: report.ms_per_item,
          }),
        );
      }),
    );

  addThresholdOptions(addDataOptions(model.command('cv').description('stratified k-fold cross-validation')))
    .option('--folds <k>', 'number of folds', '5')
    .action((options: DataOptions & ThresholdOptions & { folds: string }) =>
      withInputErrors(io, async () => {
        const folds = parseFolds(options.folds);
        const examples = await readData(options);
        const threshold = await resolveThreshold(options, withContext);
        log(`${folds}-fold cross-validation on ${examples.length} messages`);
        const { ece, auto_dispatch, ...report } = crossValidate(examples, folds, { log, threshold });
        // the headline figures first: mean accuracy and macro-F1 over the folds, pooled calibration error
        io.out(
          JSON.stringify({
            n: examples.length,
            accuracy: report.mean.accuracy,
            macro_f1: report.mean.macro_f1,
            ece,
            auto_dispatch,
            ...report,
          }),
        );
      }),
    );
  return model;
}

interface ThresholdOptions {
  threshold?: string;
  activeThreshold?: boolean;
}

function addThresholdOptions(command: Command): Command {
  return command
    .option(
      '--threshold <p>',
      `auto-dispatch threshold to report coverage and accuracy at (default ${DEFAULT_AUTO_DISPATCH_THRESHOLD}, the platform's default)`,
    )
    .option('--active-threshold', 'report at the threshold set in 办理设置 (reads the database)');
}

/** The threshold to report at: given, set in 办理设置 (automatic dispatch off: none), or the default. */
async function resolveThreshold(
  options: ThresholdOptions,
  withContext: ContextRunner | undefined,
): Promise<number | undefined> {
  if (options.threshold !== undefined) {
    const value = Number(options.threshold);
    if (!(value > 0 && value <= 1))
      throw new DatasetError(`--threshold must be a probability in (0, 1], not "${options.threshold}"`, '');
    return value;
  }
  if (options.activeThreshold) {
    if (!withContext) throw new DatasetError('--active-threshold needs the database', '');
    const settings = await withContext((ctx) => readCaseSettings(ctx));
    return settings.autoDispatchThreshold ?? undefined;
  }
  return DEFAULT_AUTO_DISPATCH_THRESHOLD;
}

function parseFolds(value: string): number {
  const folds = Number(value);
  if (!Number.isInteger(folds) || folds < 2)
    throw new DatasetError(`--folds must be an integer ≥ 2, not "${value}"`, '');
  return folds;
}
