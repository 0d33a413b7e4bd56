import { describe, expect, it } from 'vitest';
import { distanceMeters, findImpossibleStep, trackLengthMeters } from './patrol-track.js';

const at = (lng: number, lat: number, second: number, accuracy = 5) => ({
  longitude: lng,
  latitude: lat,
  accuracy,
  recordedAt: new Date(Date.UTC(2026, 11, 6, 2, 0, second)).toISOString(),
});

describe('patrol tracks', () => {
  it('measures a degree of latitude as about 111 km', () => {
    expect(
      distanceMeters({ longitude: 106.8, latitude: 39.6 }, { longitude: 106.8, latitude: 40.6 }),
    ).toBeCloseTo(111_195, -2);
  });

  it('lets a walk through and stops a jump of a kilometre in ten seconds', () => {
    const walk = [at(106.8, 39.6, 0), at(106.8, 39.6005, 40), at(106.8, 39.601, 80)].map((p, index) => ({
      ...p,
      index,
    }));
    expect(findImpossibleStep(walk, null)).toBeNull();
    const jump = [...walk, { ...at(106.8, 39.61, 90), index: 3 }];
    expect(findImpossibleStep(jump, null)).toMatchObject({ index: 3 });
  });

  it('counts the previous batch’s last point, and never a standing phone’s jitter as speed or length', () => {
    const stand = [at(106.8, 39.6, 0, 20), at(106.80005, 39.60005, 1, 20)];
    expect(
      findImpossibleStep(
        stand.map((p, index) => ({ ...p, index })),
        null,
      ),
    ).toBeNull();
    expect(trackLengthMeters(stand)).toBe(0);
    const previous = at(106.8, 39.6, 0);
    expect(findImpossibleStep([{ ...at(106.8, 39.62, 5), index: 0 }], previous)).toMatchObject({ index: 0 });
  });

  it('sums the steps of a walk', () => {
    const walk = [at(106.8, 39.6, 0), at(106.8, 39.6005, 40), at(106.8, 39.601, 80)];
    expect(trackLengthMeters(walk)).toBeCloseTo(111.2, 0);
  });
});
