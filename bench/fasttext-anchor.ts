/**
 * fastText as the anchor of the classifier benchmark: Facebook's fastText compiled to WebAssembly
 * (`fasttext.wasm.js`, a devDependency of the bench only), trained and evaluated on the same folds and the same
 * segmentation as our classifier.
 */
import { getFastTextClass, getFastTextModule } from 'fasttext.wasm.js';

/** Settings of `fasttext supervised` (its command-line defaults, which the WebAssembly build does not apply). */
export const FASTTEXT_SUPERVISED_DEFAULTS = {
  lr: 0.1,
  dim: 100,
  ws: 5,
  epoch: 5,
  minCount: 1,
  minCountLabel: 0,
  neg: 5,
  wordNgrams: 1,
  loss: 'softmax',
  bucket: 2_000_000,
  minn: 0,
  maxn: 0,
  t: 0.0001,
  lrUpdateRate: 100,
  verbose: 0,
  seed: 0,
};

/**
 * The settings fastText's text-classification tutorial ends with (epoch 25, lr 1.0, word bigrams); the
 * bigram table has 200,000 buckets instead of 2,000,000, which would take 800 MB of WebAssembly memory.
 */
export const FASTTEXT_TUTORIAL = {
  ...FASTTEXT_SUPERVISED_DEFAULTS,
  epoch: 25,
  lr: 1.0,
  wordNgrams: 2,
  bucket: 200_000,
};

/** One labelled message, already segmented: its words, as our classifier sees them. */
export interface SegmentedExample {
  words: string[];
  label: string;
}

/** A trained fastText model: the top label and its probability for segmented words. */
export interface FastTextClassifier {
  predict(words: readonly string[]): { label: string; probability: number };
  /** frees the WebAssembly instance */
  dispose(): void;
}

const LABEL_PREFIX = '__label__';

/**
 * Trains fastText (one thread) on segmented messages. Each model gets a WebAssembly instance of its own:
 * models trained one after another in one instance were seen to score far above what a fresh instance scores on
 * the same fold, as if later folds learnt from earlier ones.
 */
export async function trainFastText(
  examples: readonly SegmentedExample[],
  settings: Record<string, number | string>,
): Promise<FastTextClassifier> {
  const FastText = await getFastTextClass({ getFastTextModule: () => getFastTextModule() });
  const fastText = new FastText();
  const lines = examples.map((e) => `${LABEL_PREFIX}${e.label} ${e.words.join(' ')}\n`).join('');
  // The package reads its training file with fetch(); a data: URL hands it the lines without a server.
  const url = `data:text/plain;base64,${Buffer.from(lines, 'utf8').toString('base64')}`;
  // biome-ignore lint/suspicious/noExplicitAny: the package types its models as unknown
  const model: any = await withQuietStdout(() => fastText.trainSupervised(url, settings, () => undefined));
  return {
    predict(words) {
      const answer = model.predict(words.join(' '), 1, 0);
      const [probability, label] = answer.get(0) as [number, string];
      answer.delete();
      return { label: label.slice(LABEL_PREFIX.length), probability };
    },
    dispose() {
      fastText.ft.delete();
    },
  };
}

// fastText prints "Read 0M words …" and its progress to stdout even with verbose 0; the bench's table is there.
async function withQuietStdout<T>(run: () => Promise<T>): Promise<T> {
  const write = process.stdout.write;
  process.stdout.write = (() => true) as typeof process.stdout.write;
  try {
    return await run();
  } finally {
    process.stdout.write = write;
  }
}
