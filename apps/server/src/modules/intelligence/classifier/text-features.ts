import { getJieba } from '../../../platform/text/jieba.js';
import { STOP_WORDS } from './stop-words.js';

/** How a text becomes features. Stored with the model, so that prediction featurises exactly as training did. */
export interface FeatureConfig {
  /** smallest and largest word n-gram (1 = unigrams, 2 = adds bigrams of adjacent kept words) */
  wordNgrams: [number, number];
  /** smallest and largest character n-gram, taken over the kept words joined without spaces (0 = none) */
  charNgrams: [number, number];
  /** weight of the character block against the word block (each block is L2-normalised on its own) */
  charWeight: number;
  /** features seen in fewer training messages than this are dropped */
  minDf: number;
  /** drop the stop-words that the pre-segmented form never contains */
  dropStopWords: boolean;
  /**
   * the first this many kept words (the title, mostly) also count as features of their own; 0 = none (the
   * models trained before this option existed)
   */
  headWords: number;
}

/** The feature configuration chosen by cross-validation on the 2020 TipDM messages. */
export const DEFAULT_FEATURE_CONFIG: FeatureConfig = {
  wordNgrams: [1, 2],
  charNgrams: [1, 3],
  charWeight: 1.5,
  minDf: 5,
  dropStopWords: true,
  headWords: 15,
};

const HAS_WORD_CHAR = /[\p{L}\p{N}]/u;
const DIGITS = /\d+/g;
const HAS_DIGIT = /\d/;

function isCjk(code: number): boolean {
  return (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff);
}
// Excel exports of the message board leave carriage returns as the literal `_x000D_`.
const EXCEL_CR = /_x000d_/g;
const SINGLE_DIGIT_OR_LETTER = /^[0-9a-z]$/;

/** Full-width → half-width (NFKC), lower case, Excel artefacts removed. Digits are collapsed later, per word. */
export function normaliseText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(EXCEL_CR, ' ');
}

/**
 * Whether a text is already segmented (words separated by spaces, as in the `tokens` form): at least 15% of its
 * CJK characters are followed by a space and another CJK character. Raw Chinese sentences almost never are.
 */
export function isPreSegmented(text: string): boolean {
  let cjk = 0;
  let gaps = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isCjk(code)) cjk++;
    else if (code === 32 && i > 0 && isCjk(text.charCodeAt(i - 1)) && isCjk(text.charCodeAt(i + 1))) gaps++;
  }
  return cjk > 0 && gaps / cjk >= 0.15;
}

/**
 * The words of a message as the model sees them: a raw sentence is segmented with jieba, a pre-segmented one is
 * split on spaces; then punctuation and (optionally) stop-words are dropped and digit runs become `0`, so that
 * a raw sentence and its segmented form give the same words.
 */
export function extractWords(text: string, dropStopWords = true): string[] {
  const normalised = normaliseText(text);
  const pieces = isPreSegmented(normalised) ? normalised.split(/\s+/) : getJieba().cut(normalised, true);
  const words: string[] = [];
  for (const piece of pieces) {
    // Nearly every kept word starts with a CJK character; only the others need the slower checks.
    const plain = isCjk(piece.charCodeAt(0));
    if (!plain && !HAS_WORD_CHAR.test(piece)) continue;
    if (
      dropStopWords &&
      (STOP_WORDS.has(piece) || (piece.length === 1 && SINGLE_DIGIT_OR_LETTER.test(piece)))
    ) {
      continue;
    }
    words.push(HAS_DIGIT.test(piece) ? piece.replace(DIGITS, '0') : piece);
  }
  return words;
}
