import { describe, expect, it } from 'vitest';
import {
  computeGridMeasure,
  computeGridMeasures,
  emptyGridCounts,
  GRID_MEASURE_KEYS,
  type GridCounts,
  type GridMeasureKey,
  sumGridCounts,
} from './grid-stats.js';

type Partial2<T> = { [K in keyof T]?: Partial<T[K]> };

function counts(partial: Partial2<GridCounts>): GridCounts {
  const empty = emptyGridCounts();
  return {
    patrols: { ...empty.patrols, ...partial.patrols },
    findings: { ...empty.findings, ...partial.findings },
    tasks: { ...empty.tasks, ...partial.tasks },
  };
}

/** Each measure against its hand-computed value and parts: [numerator, denominator, value]. */
function expectMeasures(
  c: GridCounts,
  expected: Partial<Record<GridMeasureKey, [number, number | null, number | null]>>,
) {
  const measures = computeGridMeasures(c);
  for (const [key, [numerator, denominator, value]] of Object.entries(expected) as [
    GridMeasureKey,
    [number, number | null, number | null],
  ][]) {
    expect(measures[key].numerator, key).toBeCloseTo(numerator, 9);
    expect(measures[key].denominator, key).toBe(denominator);
    if (value === null) expect(measures[key].value, key).toBeNull();
    else expect(measures[key].value, key).toBeCloseTo(value, 9);
  }
}

describe('the closing rate of findings', () => {
  it("reproduces Wuhai's 2022 figure: 195,000 closed of 198,000 found = 98.48 %", () => {
    // 就地解决 160,000 + 随工单办结 35,000 = 195,000 closed; 195,000 / 198,000 = 0.984848…
    const rate = computeGridMeasure(
      'closingRate',
      counts({
        findings: { found: 198_000, solvedOnSpot: 160_000, reportedUp: 38_000, closedWithCase: 35_000 },
      }),
    );
    expect(rate).toMatchObject({ numerator: 195_000, denominator: 198_000, unit: 'rate', better: 'higher' });
    expect(Math.round((rate.value ?? 0) * 10_000) / 100).toBe(98.48);
  });

  it('leaves withdrawn findings out of the denominator, and open and escalated ones in', () => {
    // 100 found, 4 withdrawn: 96 count. Closed: 70 on the spot + 18 of 24 reported up = 88 → 88 / 96
    // 就地解决率 = 70 / 96; the 2 still open and the 6 reported up with a case still running are not closed
    expectMeasures(
      counts({
        findings: { found: 100, dismissed: 4, solvedOnSpot: 70, reportedUp: 24, closedWithCase: 18 },
      }),
      {
        findings: [96, null, 96],
        closedFindings: [88, null, 88],
        closingRate: [88, 96, 88 / 96],
        onSpotRate: [70, 96, 70 / 96],
        reportedUp: [24, null, 24],
      },
    );
  });
});

describe('patrols against their plans', () => {
  it('gives the attainment rate of the plans, the patrols done, the kilometres and the missed grid-days', () => {
    // 2 grids × 30 days × 2 a day = 120 planned; 114 attained on their day; 7 patrols beyond the plan
    // (done = 121) do not lift the rate; 5 grid-days fell short; 363,250 m = 363.25 km
    expectMeasures(
      counts({ patrols: { planned: 120, attained: 114, missedDays: 5, done: 121, meters: 363_250 } }),
      {
        patrolAttainmentRate: [114, 120, 0.95],
        patrols: [121, null, 121],
        patrolKm: [363.25, null, 363.25],
        missedPatrolDays: [5, null, 5],
      },
    );
  });
});

describe('tasks', () => {
  it('counts overdue tasks against the tasks not withdrawn', () => {
    // 40 assigned, 2 withdrawn: 38 count; 3 overdue → 3 / 38
    expectMeasures(counts({ tasks: { assigned: 40, cancelled: 2, done: 33, overdue: 3 } }), {
      tasks: [38, null, 38],
      tasksOverdue: [3, null, 3],
      taskOverdueRate: [3, 38, 3 / 38],
    });
  });
});

describe('zero denominators', () => {
  it('gives null for every rate and 0 for every count over empty counts, never NaN', () => {
    const measures = computeGridMeasures(emptyGridCounts());
    for (const key of GRID_MEASURE_KEYS) {
      const m = measures[key];
      if (m.unit === 'rate') expect(m, key).toMatchObject({ numerator: 0, denominator: 0, value: null });
      else expect(m, key).toMatchObject({ numerator: 0, denominator: null, value: 0 });
    }
  });

  it('gives a rate of findings even when every finding was withdrawn but one', () => {
    expectMeasures(counts({ findings: { found: 3, dismissed: 2, solvedOnSpot: 1 } }), {
      closingRate: [1, 1, 1],
    });
  });
});

describe('sums of subtrees', () => {
  it('adds every count of every block, and the rate of the sum is not the mean of the rates', () => {
    const a = counts({
      patrols: { planned: 10, attained: 9, missedDays: 1, done: 11, meters: 5_000 },
      findings: { found: 10, solvedOnSpot: 10 },
      tasks: { assigned: 2, done: 2 },
    });
    const b = counts({
      patrols: { planned: 30, attained: 30, done: 30, meters: 15_500 },
      findings: { found: 90, dismissed: 2, solvedOnSpot: 70, reportedUp: 18, closedWithCase: 16 },
      tasks: { assigned: 5, cancelled: 1, done: 3, overdue: 1 },
    });
    const sum = sumGridCounts([a, b]);
    expect(sum).toEqual({
      patrols: { planned: 40, attained: 39, missedDays: 1, done: 41, meters: 20_500 },
      findings: { found: 100, dismissed: 2, solvedOnSpot: 80, reportedUp: 18, closedWithCase: 16 },
      tasks: { assigned: 7, cancelled: 1, done: 5, overdue: 1 },
    });
    // (80 + 16) / (100 − 2) = 96 / 98, not (1 + 86/88) / 2
    expect(computeGridMeasure('closingRate', sum).value).toBeCloseTo(96 / 98, 12);
    expect(sumGridCounts([])).toEqual(emptyGridCounts());
  });
});

describe('every measure', () => {
  it('carries its key, a Chinese label, a unit and which way is better', () => {
    const measures = computeGridMeasures(emptyGridCounts());
    expect(Object.keys(measures)).toEqual([...GRID_MEASURE_KEYS]);
    for (const key of GRID_MEASURE_KEYS) {
      expect(measures[key].key).toBe(key);
      expect(measures[key].label).toMatch(/\p{Script=Han}/u);
      expect(['rate', 'count', 'km']).toContain(measures[key].unit);
    }
  });
});
