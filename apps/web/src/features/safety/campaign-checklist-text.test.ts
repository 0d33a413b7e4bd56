import { campaignChecklistTemplate } from '@shanzhi/shared';
import { describe, expect, it } from 'vitest';
import { formatChecklistText, parseChecklistText } from './campaign-checklist-text.js';

describe('a campaign checklist as text', () => {
  it('reads back what it wrote, for every template', () => {
    const items = campaignChecklistTemplate('construction');
    expect(parseChecklistText(formatChecklistText(items))).toEqual({ items });
  });

  it('takes a half-width bar, trims, and skips blank lines', () => {
    expect(parseChecklistText('  深基坑支护 | 判定标准第六条 \n\n临边防护｜JGJ 80\n')).toEqual({
      items: [
        { text: '深基坑支护', basis: '判定标准第六条' },
        { text: '临边防护', basis: 'JGJ 80' },
      ],
    });
  });

  it('names the lines without a text or a basis', () => {
    expect(parseChecklistText('深基坑支护\n｜只有依据\n临边防护｜JGJ 80\n模板｜ ')).toEqual({
      badLines: [1, 2, 4],
    });
  });

  it('gives an empty checklist for an empty text', () => {
    expect(parseChecklistText(' \n')).toEqual({ items: [] });
  });
});
