import { describe, expect, it } from 'vitest';
import {
  autoDispatchCurve,
  autoDispatchFigures,
  CURVE_THRESHOLDS,
  expectedCalibrationError,
  type TopAnswer,
} from './calibration.js';

/** `n` answers at `confidence`, `right` of them correct. */
function answers(n: number, confidence: number, right: number): TopAnswer[] {
  return Array.from({ length: n }, (_, i) => ({ confidence, correct: i < right }));
}

describe('expectedCalibrationError', () => {
  it('is zero when each bin is right as often as it says', () => {
    expect(expectedCalibrationError([...answers(10, 0.9, 9), ...answers(4, 0.5, 2)])).toBeCloseTo(0, 12);
  });

  it('weighs each bin’s gap by its share of the answers', () => {
    // 10 at 0.95 all right (gap 0.05), 10 at 0.75 half right (gap 0.25): (10·0.05 + 10·0.25) / 20
    expect(expectedCalibrationError([...answers(10, 0.95, 10), ...answers(10, 0.75, 5)])).toBeCloseTo(
      0.15,
      12,
    );
  });

  it('pools answers of one bin before comparing, and puts a certainty of 1 in the top bin', () => {
    // 0.91 and 0.99 share the bin [0.9, 1]: mean confidence 0.95, one right of two
    expect(
      expectedCalibrationError([
        { confidence: 0.91, correct: true },
        { confidence: 0.99, correct: false },
      ]),
    ).toBeCloseTo(0.45, 12);
    expect(expectedCalibrationError([{ confidence: 1, correct: true }])).toBe(0);
  });

  it('is zero for no answers', () => {
    expect(expectedCalibrationError([])).toBe(0);
  });
});

describe('autoDispatchFigures', () => {
  const mixed = [...answers(6, 0.97, 5), ...answers(4, 0.6, 2)];

  it('counts the answers at or above the threshold, and how many of those are right', () => {
    expect(autoDispatchFigures(mixed, 0.97)).toEqual({ threshold: 0.97, coverage: 0.6, accuracy: 5 / 6 });
    expect(autoDispatchFigures(mixed, 0.5)).toEqual({ threshold: 0.5, coverage: 1, accuracy: 0.7 });
  });

  it('answers zero coverage and accuracy when nothing reaches the threshold', () => {
    expect(autoDispatchFigures(mixed, 0.99)).toEqual({ threshold: 0.99, coverage: 0, accuracy: 0 });
    expect(autoDispatchFigures([], 0.9)).toEqual({ threshold: 0.9, coverage: 0, accuracy: 0 });
  });

  it('gives a curve whose coverage never grows with the threshold', () => {
    const curve = autoDispatchCurve(mixed);
    expect(curve.map((f) => f.threshold)).toEqual(CURVE_THRESHOLDS);
    for (let i = 1; i < curve.length; i++)
      expect(curve[i]!.coverage).toBeLessThanOrEqual(curve[i - 1]!.coverage);
  });
});
