import { describe, expect, it } from 'vitest';
import { DEFAULT_DUPLICATE_SCORING, distanceMetres, scoreDuplicate } from './duplicate-score.js';
import { phoneKey } from './phone-key.js';
import { fingerprintText, textSimilarity } from './text-fingerprint.js';

describe('phoneKey', () => {
  it('reads the same mobile number however it was typed', () => {
    for (const typed of [
      '13912345678',
      '139 1234 5678',
      '+86-139-1234-5678',
      '8613912345678',
      '０１３９１２３４５６７８',
    ]) {
      expect(phoneKey(typed)).toBe('13912345678');
    }
    expect(phoneKey('0473-3981234')).toBe('04733981234');
    expect(phoneKey('123')).toBeNull();
    expect(phoneKey(null)).toBeNull();
  });
});

describe('text fingerprints', () => {
  it('scores a reworded complaint close and a different problem far', () => {
    const a = fingerprintText('楼道堆放杂物', '小区楼道内堆放杂物，存在消防隐患，物业不予处理');
    const b = fingerprintText('', '我再反映一下，小区楼道里堆放杂物，有消防隐患，物业一直不管');
    const c = fingerprintText('', '小区电梯经常故障停运，老人上下楼困难，物业不予处理');
    const same = {
      phone: null,
      gridId: 5,
      communityId: 4,
      townId: 3,
      lng: null,
      lat: null,
      categoryId: 9,
      areaCode: '01',
    };
    const score = (x: typeof a, y: typeof a) =>
      scoreDuplicate(
        { ...same, features: x.features },
        { ...same, features: y.features },
        textSimilarity(x.features, y.features),
      ).score;
    // a second caller's wording is a duplicate; another problem in the same grid and category is not
    expect(score(a, b)).toBeGreaterThanOrEqual(DEFAULT_DUPLICATE_SCORING.threshold);
    expect(score(a, c)).toBeLessThan(DEFAULT_DUPLICATE_SCORING.threshold);
    expect(textSimilarity(a.features, a.features)).toBeCloseTo(1, 10);
    expect(a.bands).toHaveLength(32);
  });

  it('measures distances in metres', () => {
    expect(distanceMetres({ lng: 106.8, lat: 39.6 }, { lng: 106.8, lat: 39.6027 })).toBeCloseTo(300, -1);
  });

  it('gives the reasons in words', () => {
    const facts = {
      features: [1, 2, 3],
      phone: '13912345678',
      gridId: 5,
      communityId: 4,
      townId: 3,
      lng: null,
      lat: null,
      categoryId: 9,
      areaCode: '01',
    };
    const scored = scoreDuplicate(facts, { ...facts, gridId: 6 }, 0.86, DEFAULT_DUPLICATE_SCORING);
    expect(scored.reasons).toEqual(['同一来电号码', '描述相似度 0.86', '同一社区', '同一事项类别']);
    expect(scored.score).toBe(1);
  });
});
