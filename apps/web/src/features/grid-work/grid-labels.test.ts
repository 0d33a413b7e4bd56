import { GRID_MEASURE_KEYS } from '@shanzhi/shared';
import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { formatMeasure, measureLabel } from './grid-labels.js';
import { statsPresets } from './stats-period.js';

describe('grid measure labels and values', () => {
  it('names every measure in both languages', () => {
    for (const key of GRID_MEASURE_KEYS) {
      expect(measureLabel(key, 'zh-CN')).toMatch(/\p{Script=Han}/u);
      expect(measureLabel(key, 'en')).toMatch(/^[A-Z][a-z -]+/);
    }
  });

  it('shows a rate with two decimals, kilometres with one, counts whole, nothing as a dash', () => {
    expect(formatMeasure(195_000 / 198_000, 'rate')).toBe('98.48%');
    expect(formatMeasure(1, 'rate')).toBe('100.00%');
    expect(formatMeasure(12_345.67, 'km')).toBe('12,345.7');
    expect(formatMeasure(198_000, 'count')).toBe('198,000');
    expect(formatMeasure(null, 'rate')).toBe('—');
  });
});

describe('the periods of the numbers', () => {
  it('offers the year up to today as its last choice: 365 days, today included', () => {
    const today = dayjs('2026-11-20');
    const last = statsPresets(today).at(-1)!;
    expect(last.key).toBe('lastYear');
    expect(last.range.map((d) => d.format('YYYY-MM-DD'))).toEqual(['2025-11-21', '2026-11-20']);
  });
});
