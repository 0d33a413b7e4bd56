import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

let jieba: Jieba | undefined;

/**
 * The process-wide jieba segmenter with its bundled dictionary, loaded on first use (≈ 0.3 s and tens of MB),
 * shared by the knowledge base's search and the classifier.
 */
export function getJieba(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}
