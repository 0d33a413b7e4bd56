import { FeatureCounter } from './feature-hashes.js';
import { extractWords, type FeatureConfig } from './text-features.js';

// Prediction is synchronous: one counter serves every call of the process.
const counter = new FeatureCounter();
let countedText: string | null = null;
let countedWith: FeatureConfig | null = null;

/**
 * The feature counts of a message to classify, in buffers valid until the next call. The server classifies
 * each message with the category model and then the unit model: when the text and the way of counting are
 * those of the previous call, the counts are reused instead of segmenting the text again.
 */
export function countMessageFeatures(text: string, config: FeatureConfig): FeatureCounter {
  if (text !== countedText || countedWith === null || !countsAlike(config, countedWith)) {
    countedText = null; // no stale match should segmentation throw
    counter.count(extractWords(text, config.dropStopWords), config);
    countedText = text;
    countedWith = config;
  }
  return counter;
}

// charWeight and minDf act after counting, so models that differ only in them share the counts.
function countsAlike(a: FeatureConfig, b: FeatureConfig): boolean {
  return (
    a.dropStopWords === b.dropStopWords &&
    a.headWords === b.headWords &&
    a.wordNgrams[0] === b.wordNgrams[0] &&
    a.wordNgrams[1] === b.wordNgrams[1] &&
    a.charNgrams[0] === b.charNgrams[0] &&
    a.charNgrams[1] === b.charNgrams[1]
  );
}
