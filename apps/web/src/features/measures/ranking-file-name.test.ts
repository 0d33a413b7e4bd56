import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/messages.en.js';
import { type MessageKey, zhCN } from '../../i18n/messages.zh-CN.js';
import { rankingFileName } from './ranking-file-name.js';

const translator =
  (messages: Record<MessageKey, string>) =>
  (key: MessageKey, values: Record<string, string | number> = {}) =>
    messages[key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name]));

const HALF_YEAR = { from: '2026-01-01', to: '2026-06-30' };

describe('the ranking’s file name', () => {
  it.each([
    ['unit', '考核排名_承办单位_2026-01-01_2026-06-30.csv'],
    ['district', '考核排名_区县_2026-01-01_2026-06-30.csv'],
    ['town', '考核排名_镇（街道）_2026-01-01_2026-06-30.csv'],
  ] as const)('names the %s level in words', (level, name) => {
    expect(rankingFileName(level, HALF_YEAR, translator(zhCN))).toBe(name);
  });

  it('keeps no slash or space of the English words', () => {
    expect(rankingFileName('town', HALF_YEAR, translator(en))).toBe(
      'ranking_Towns_streets_2026-01-01_2026-06-30.csv',
    );
  });
});
