import { describe, expect, it } from 'vitest';
import { colourOf, NO_VALUE, SCALE, scaleOf, VOLUME_SCALE } from './map-colours.js';

describe('the colours of the grid map', () => {
  const rates = scaleOf([0.9, 0.92, 0.95, 0.97, 0.99, 1, null]);

  it('paints the best closing rate green and the worst red, by where each stands among the grids', () => {
    expect(colourOf(1, rates, 'higher')).toBe(SCALE.at(-1));
    expect(colourOf(0.9, rates, 'higher')).toBe(SCALE[0]);
    // the middle of six grids: 2 of 5 below it
    expect(colourOf(0.95, rates, 'higher')).toBe(SCALE[2]);
  });

  it('spreads the colours when a few grids stand far out (quantiles, not a straight line)', () => {
    const km = scaleOf([60, 62, 64, 66, 68, 190]);
    // a straight line from 60 to 190 would paint 68 as red as 60; among the grids it is the second best
    expect(colourOf(68, km, 'higher')).toBe(SCALE[4]);
    expect(colourOf(190, km, 'higher')).toBe(SCALE.at(-1));
  });

  it('turns the scale round where lower is better (overdue tasks)', () => {
    const overdue = scaleOf([0, 1, 2, 6]);
    expect(colourOf(0, overdue, 'lower')).toBe(SCALE.at(-1));
    expect(colourOf(6, overdue, 'lower')).toBe(SCALE[0]);
  });

  it('paints a volume in blues, an area without a value grey, and equal values alike in the best colour', () => {
    expect(colourOf(40, scaleOf([0, 10, 40]), null)).toBe(VOLUME_SCALE.at(-1));
    expect(colourOf(null, rates, 'higher')).toBe(NO_VALUE);
    expect(colourOf(0.95, null, 'higher')).toBe(NO_VALUE);
    expect(colourOf(0, scaleOf([0, 0, 0]), 'lower')).toBe(SCALE.at(-1));
    expect(scaleOf([null, null])).toBeNull();
    expect(scaleOf([null, 0.98, 0.91, 1])).toMatchObject({ min: 0.91, max: 1 });
  });
});
