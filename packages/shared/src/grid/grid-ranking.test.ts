import { describe, expect, it } from 'vitest';
import { rankByMeasure } from './grid-ranking.js';
import { computeGridMeasures, emptyGridCounts, type GridCounts } from './grid-stats.js';

function grid(name: string, change: (c: GridCounts) => void) {
  const counts = emptyGridCounts();
  change(counts);
  return { name, measures: computeGridMeasures(counts) };
}

const grids = [
  grid('第1网格', (c) => {
    c.findings = { found: 20, dismissed: 0, solvedOnSpot: 19, reportedUp: 1, closedWithCase: 1 };
    c.tasks = { assigned: 4, cancelled: 0, done: 4, overdue: 1 };
  }),
  grid('第2网格', (c) => {
    c.findings = { found: 10, dismissed: 0, solvedOnSpot: 9, reportedUp: 1, closedWithCase: 0 };
    c.tasks = { assigned: 4, cancelled: 0, done: 3, overdue: 3 };
  }),
  grid('第3网格', () => undefined),
  grid('第4网格', (c) => {
    c.findings = { found: 40, dismissed: 0, solvedOnSpot: 36, reportedUp: 4, closedWithCase: 0 };
    c.tasks = { assigned: 2, cancelled: 0, done: 2, overdue: 0 };
  }),
  grid('第5网格', (c) => {
    c.findings = { found: 50, dismissed: 0, solvedOnSpot: 45, reportedUp: 5, closedWithCase: 0 };
  }),
];

describe('rankByMeasure', () => {
  it('ranks a rate highest first; equal values share a rank and the next is skipped; no value comes last', () => {
    // closing rates: 1.0, 0.9, none, 0.9, 0.9
    expect(rankByMeasure(grids, 'closingRate').map((g) => [g.name, g.rank])).toEqual([
      ['第1网格', 1],
      ['第2网格', 2],
      ['第4网格', 2],
      ['第5网格', 2],
      ['第3网格', null],
    ]);
  });

  it('ranks a measure where lower is better lowest first', () => {
    // overdue tasks: 1, 3, 0, 0, 0 — every grid has a count, so every grid has a rank
    expect(rankByMeasure(grids, 'tasksOverdue').map((g) => [g.name, g.rank])).toEqual([
      ['第3网格', 1],
      ['第4网格', 1],
      ['第5网格', 1],
      ['第1网格', 4],
      ['第2网格', 5],
    ]);
    // overdue rate: 1/4, 3/4, none, 0/2, none
    expect(rankByMeasure(grids, 'taskOverdueRate').map((g) => [g.name, g.rank])).toEqual([
      ['第4网格', 1],
      ['第1网格', 2],
      ['第2网格', 3],
      ['第3网格', null],
      ['第5网格', null],
    ]);
  });

  it('ranks a plain volume largest first', () => {
    expect(rankByMeasure(grids, 'findings').map((g) => g.name)).toEqual([
      '第5网格',
      '第4网格',
      '第1网格',
      '第2网格',
      '第3网格',
    ]);
  });

  it('keeps the fields of the entries and leaves the input alone', () => {
    const ranked = rankByMeasure(grids, 'closingRate');
    expect(ranked[0]).toMatchObject({ name: '第1网格', rank: 1, measures: grids[0]!.measures });
    expect(grids[0]).not.toHaveProperty('rank');
    expect(rankByMeasure([], 'closingRate')).toEqual([]);
  });
});
