import { describe, expect, it } from 'vitest';
import {
  entryTokensOf,
  MAX_QUERY_WORDS,
  queryWordsOf,
  SYNONYM_WEIGHT,
  searchWordsOf,
} from './knowledge-text.js';

describe('searchWordsOf', () => {
  it('cuts in search mode and drops punctuation and question words', () => {
    expect(searchWordsOf('住房公积金提取需要哪些材料？')).toEqual([
      '住房',
      '公积',
      '积金',
      '公积金',
      '提取',
      '材料',
    ]);
    expect(searchWordsOf('公积金怎么提取')).toEqual(['公积', '积金', '公积金', '提取']);
  });

  it('reads full-width letters and digits as half-width, lower case', () => {
    expect(searchWordsOf('ＡＰＰ　１２３４５')).toEqual(['app', '12345']);
  });
});

describe('entryTokensOf', () => {
  it('indexes a tag whole as well as cut, since jieba cuts a short word alone differently', () => {
    const tokens = entryTokensOf({ question: '停电', answer: '报修', tags: ['没电'] });
    expect(tokens.tagTokens.split(' ')).toContain('没电');
    expect(tokens.questionTokens).toBe('停电');
  });
});

describe('queryWordsOf', () => {
  it('adds the formal word of an everyday one at half weight, found even when jieba cuts it apart', () => {
    const words = queryWordsOf('个税退税怎么弄');
    expect(words).toContainEqual({ word: '退税', weight: 1 });
    expect(words).toContainEqual({ word: '个人所得税', weight: SYNONYM_WEIGHT });
    expect(words.map((w) => w.word)).not.toContain('怎么弄');
  });

  it('keeps each word once and at most MAX_QUERY_WORDS of them', () => {
    const words = queryWordsOf('公积金 公积金 公积金');
    expect(words.map((w) => w.word)).toEqual(['公积', '积金', '公积金']);
    expect(
      queryWordsOf('供暖 医保 社保 户口 驾照 '.repeat(4) + '一二三四五六七八九十'.repeat(5)).length,
    ).toBeLessThanOrEqual(MAX_QUERY_WORDS);
  });

  it('gives nothing for a query of question words only', () => {
    expect(queryWordsOf('怎么办？')).toEqual([]);
  });
});
