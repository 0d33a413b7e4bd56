import { getJieba } from '../../platform/text/jieba.js';

/**
 * Words that say nothing about what is asked: question words and particles. Dropped on both sides, so that
 * 「公积金怎么提取」 and 「住房公积金提取需要哪些材料？」 meet on 公积金 and 提取 alone.
 */
const STOP_WORDS = new Set(
  (
    '的 地 得 了 着 过 吗 呢 吧 啊 呀 嘛 哦 是 在 和 与 及 或 并 也 都 就 还 又 把 被 给 对 从 向 到 让 ' +
    '我 我们 我家 你 你们 您 他 她 它 他们 自己 有人 请问 请 麻烦 一下 这个 那个 这 那 这样 那样 ' +
    '怎么 怎么办 怎样 怎么样 如何 哪些 哪里 哪儿 哪个 哪 什么 啥 为什么 为啥 多少 多久 几 谁 ' +
    '能 能否 能不能 可以 可不可以 需要 要 想 应该 有 有没有 没有 没 找 去 该 会 弄 怎么弄 咋 咋办 咋弄 怎么整'
  ).split(' '),
);

/**
 * Everyday words callers use → the words the answers are written in. Applied to the query only; entries carry
 * their own colloquial names in their tags.
 */
const QUERY_SYNONYMS: Readonly<Record<string, string>> = {
  暖气: '供暖 供热',
  社保: '社会保险',
  医保: '医疗保险',
  个税: '个人所得税',
  驾照: '驾驶证',
  户口: '户籍',
  上学: '入学',
  退休金: '养老金',
  房产证: '不动产权证书 不动产登记',
  罚单: '违法 违章',
  没电: '停电',
  没水: '停水',
  煤气: '燃气',
  地摊: '占道经营',
  吵: '噪音 扰民',
  上户口: '落户',
};

const WORD = /^[\p{L}\p{N}]+$/u;

/** Full-width → half-width (NFKC) and lower case, as both the entries and the queries are read. */
function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/**
 * The words of a text for full-text search: jieba's search mode (a long word and the shorter words inside it:
 * 公积金 → 公积 积金 公积金), without punctuation and stop-words. Repeated words are kept: they count.
 */
export function searchWordsOf(text: string): string[] {
  const words: string[] = [];
  for (const piece of getJieba().cutForSearch(normalise(text), true)) {
    if (WORD.test(piece) && !STOP_WORDS.has(piece)) words.push(piece);
  }
  return words;
}

/**
 * The words of a tag: the tag whole as well as segmented, because jieba cuts a short word on its own
 * differently than inside a sentence (没电 alone → 没 电, but 「我家突然没电了」 → 没电).
 */
function tagWordsOf(tag: string): string[] {
  const whole = normalise(tag);
  const words = searchWordsOf(tag);
  return WORD.test(whole) && !words.includes(whole) ? [whole, ...words] : words;
}

/** The token columns of a knowledge entry: words joined by spaces, ready for `to_tsvector('simple', …)`. */
export function entryTokensOf(entry: { question: string; answer: string; tags: readonly string[] }) {
  return {
    questionTokens: searchWordsOf(entry.question).join(' '),
    tagTokens: entry.tags.flatMap(tagWordsOf).join(' '),
    answerTokens: searchWordsOf(entry.answer).join(' '),
  };
}

/** Most words a query is searched by; a pasted paragraph is cut here rather than sent whole. */
export const MAX_QUERY_WORDS = 24;

/** How much a word found through a synonym counts against one the caller said. */
export const SYNONYM_WEIGHT = 0.5;

/** A word a query is searched by, and how much it counts. */
export interface QueryWord {
  word: string;
  weight: number;
}

/**
 * The distinct words a query is searched by: its own words (weight 1), then the synonyms of the everyday words
 * it contains (weight ½). A synonym is looked up in the text itself, since jieba may cut a colloquial word
 * apart (个税 → 个 税), and is segmented whole (医疗保险, not also 医疗 and 保险), so that it adds one idea
 * rather than three.
 */
export function queryWordsOf(query: string): QueryWord[] {
  const words = new Map<string, number>();
  for (const word of searchWordsOf(query)) words.set(word, 1);
  const text = normalise(query);
  for (const [everyday, formal] of Object.entries(QUERY_SYNONYMS)) {
    if (!text.includes(everyday)) continue;
    for (const word of getJieba().cut(formal, true)) {
      if (WORD.test(word) && !words.has(word)) words.set(word, SYNONYM_WEIGHT);
    }
  }
  return [...words].slice(0, MAX_QUERY_WORDS).map(([word, weight]) => ({ word, weight }));
}
