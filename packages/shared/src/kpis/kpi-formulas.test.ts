import { describe, expect, it } from 'vitest';
import { DEFAULT_KPI_CONFIG, KpiConfig } from './kpi-config.js';
import {
  computeKpi,
  computeKpis,
  EMPTY_KPI_COUNTS,
  KPI_KEYS,
  type KpiCounts,
  type KpiKey,
} from './kpi-formulas.js';

function counts(partial: Partial<KpiCounts>): KpiCounts {
  return { ...EMPTY_KPI_COUNTS, ...partial };
}

/** Each value against the hand-computed one, and the parts it came from. */
function expectRates(
  actual: ReturnType<typeof computeKpis>,
  expected: Partial<Record<KpiKey, [number, number, number]>>,
) {
  for (const [key, [numerator, denominator, value]] of Object.entries(expected) as [
    KpiKey,
    [number, number, number],
  ][]) {
    expect(actual[key].numerator, key).toBeCloseTo(numerator, 9);
    expect(actual[key].denominator, key).toBe(denominator);
    expect(actual[key].value, key).toBeCloseTo(value, 9);
  }
}

describe('the three rates of 接诉即办 and the composite score', () => {
  it('fixture 1: 200 valid callbacks with the default k = 0.9 and weights 0.1 / 0.5 / 0.4', () => {
    // 响应率 = 190 / 200 = 0.95
    // 解决率 = 180 / 200 = 0.90
    // 满意率 = (170 + 0.9 × 20) / 200 = (170 + 18) / 200 = 188 / 200 = 0.94
    // 综合得分 = 0.1 × 0.95 + 0.5 × 0.90 + 0.4 × 0.94 = 0.095 + 0.45 + 0.376 = 0.921
    //         = (0.1 × 190 + 0.5 × 180 + 0.4 × 188) / 200 = (19 + 90 + 75.2) / 200 = 184.2 / 200
    const kpis = computeKpis(
      counts({ validCallbacks: 200, contacted: 190, solved: 180, satisfied: 170, basicallySatisfied: 20 }),
    );
    expectRates(kpis, {
      responseRate: [190, 200, 0.95],
      solvingRate: [180, 200, 0.9],
      satisfactionRate: [188, 200, 0.94],
      compositeScore: [184.2, 200, 0.921],
    });
  });

  it('fixture 2: a city of its own, k = 0.8 and weights 0.2 / 0.4 / 0.4', () => {
    // 响应率 = 980 / 1000 = 0.98
    // 解决率 = 950 / 1000 = 0.95
    // 满意率 = (900 + 0.8 × 80) / 1000 = (900 + 64) / 1000 = 0.964
    // 综合得分 = 0.2 × 0.98 + 0.4 × 0.95 + 0.4 × 0.964 = 0.196 + 0.38 + 0.3856 = 0.9616
    const config = KpiConfig.parse({
      basicSatisfactionFactor: 0.8,
      weights: { response: 0.2, solving: 0.4, satisfaction: 0.4 },
    });
    const kpis = computeKpis(
      counts({ validCallbacks: 1000, contacted: 980, solved: 950, satisfied: 900, basicallySatisfied: 80 }),
      config,
    );
    expectRates(kpis, {
      responseRate: [980, 1000, 0.98],
      solvingRate: [950, 1000, 0.95],
      satisfactionRate: [964, 1000, 0.964],
      compositeScore: [961.6, 1000, 0.9616],
    });
  });
});

describe('the process rates', () => {
  it('fixture 3: a district in a month', () => {
    // 签收率 = 980 / 1000 = 0.98;  按时签收率 = 950 / 1000 = 0.95;  退单率 = 20 / 1000 = 0.02
    // 延期率 = 49 / 980 (of the accepted) = 0.05
    // 办结率 = 780 / 800 = 0.975;  按期办结率 = 760 / 800 = 0.95;  超期率 = 40 / 800 = 0.05
    // 返工率 = 79 / 790 = 0.1;  重复件率 = 50 / 1250 = 0.04;  回访率 = 686 / 700 = 0.98
    const kpis = computeKpis(
      counts({
        total: 1250,
        duplicates: 50,
        dispatched: 1000,
        accepted: 980,
        acceptedOnTime: 950,
        returned: 20,
        extended: 49,
        dueToClose: 800,
        closed: 780,
        closedOnTime: 760,
        overdue: 40,
        replied: 790,
        reworked: 79,
        dueForCallback: 700,
        callbacks: 686,
      }),
    );
    expectRates(kpis, {
      acceptanceRate: [980, 1000, 0.98],
      onTimeAcceptanceRate: [950, 1000, 0.95],
      returnRate: [20, 1000, 0.02],
      extensionRate: [49, 980, 0.05],
      closingRate: [780, 800, 0.975],
      onTimeClosingRate: [760, 800, 0.95],
      overdueRate: [40, 800, 0.05],
      reworkRate: [79, 790, 0.1],
      duplicateRate: [50, 1250, 0.04],
      callbackRate: [686, 700, 0.98],
    });
  });

  it("fixture 4: reproduces Wuhai's 2022 hotline closing rate, 641,200 of 649,600 = 98.71 %", () => {
    // 641 200 / 649 600 = 0.987068…, published as 98.71 %
    const rate = computeKpi('closingRate', counts({ dueToClose: 649_600, closed: 641_200 }));
    expect(rate).toMatchObject({
      key: 'closingRate',
      label: '办结率',
      numerator: 641_200,
      denominator: 649_600,
    });
    expect(Math.round((rate.value ?? 0) * 10_000) / 100).toBe(98.71);
  });
});

describe('zero denominators', () => {
  it('gives null, never NaN, for every measure over empty counts', () => {
    const kpis = computeKpis(EMPTY_KPI_COUNTS);
    for (const key of KPI_KEYS)
      expect(kpis[key]).toMatchObject({ key, numerator: 0, denominator: 0, value: null });
  });

  it('gives null for the callback rates alone when there were cases but no valid callback', () => {
    const kpis = computeKpis(counts({ dispatched: 10, accepted: 10, callbacks: 3, dueForCallback: 3 }));
    expect(kpis.acceptanceRate.value).toBe(1);
    expect(kpis.callbackRate.value).toBe(1);
    expect(kpis.responseRate.value).toBeNull();
    expect(kpis.compositeScore.value).toBeNull();
  });
});

describe('every measure', () => {
  it('carries its key and a Chinese label', () => {
    const kpis = computeKpis(EMPTY_KPI_COUNTS);
    expect(Object.keys(kpis)).toEqual([...KPI_KEYS]);
    for (const key of KPI_KEYS) expect(kpis[key].label).toMatch(/\p{Script=Han}/u);
  });
});

describe('KpiConfig', () => {
  it('defaults to k = 0.9 and weights 0.1 / 0.5 / 0.4', () => {
    expect(DEFAULT_KPI_CONFIG).toEqual({
      basicSatisfactionFactor: 0.9,
      weights: { response: 0.1, solving: 0.5, satisfaction: 0.4 },
    });
    expect(KpiConfig.parse({ basicSatisfactionFactor: 0.8 }).weights).toEqual(DEFAULT_KPI_CONFIG.weights);
  });

  it('takes weights that add up to 1 only up to floating-point noise', () => {
    expect(KpiConfig.safeParse({ weights: { response: 0.1, solving: 0.2, satisfaction: 0.7 } }).success).toBe(
      true,
    );
  });

  it('refuses weights that do not add up to 1', () => {
    const result = KpiConfig.safeParse({ weights: { response: 0.1, solving: 0.5, satisfaction: 0.3 } });
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['weights', '三率权重之和必须等于 1'],
    ]);
  });

  it('refuses a negative weight, a factor above 1 and unknown fields', () => {
    expect(
      KpiConfig.safeParse({ weights: { response: -0.1, solving: 0.7, satisfaction: 0.4 } }).success,
    ).toBe(false);
    expect(KpiConfig.safeParse({ basicSatisfactionFactor: 1.2 }).success).toBe(false);
    expect(KpiConfig.safeParse({ threshold: 0.9 }).success).toBe(false);
  });
});
