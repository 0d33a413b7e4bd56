import { describe, expect, it } from 'vitest';
import {
  BoundaryGeometry,
  GeoPoint,
  MAX_GEOMETRY_VERTICES,
  type MultiPolygonGeometry,
  PolygonGeometry,
  type Position,
} from './geo.schemas.js';
import { areaOfGeometry, bboxOfGeometry, pointInGeometry } from './geo-rules.js';

const square = (x0: number, y0: number, x1: number, y1: number): Position[] => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
  [x0, y0],
];

/** A 10 × 10 square with a 4 × 4 hole in its middle. */
const squareWithHole: PolygonGeometry = {
  type: 'Polygon',
  coordinates: [square(0, 0, 10, 10), square(3, 3, 7, 7)],
};

/** Two squares far apart, the second one with a hole. */
const twoIslands: MultiPolygonGeometry = {
  type: 'MultiPolygon',
  coordinates: [[square(100, 30, 101, 31)], [square(110, 30, 112, 32), square(110.5, 30.5, 111.5, 31.5)]],
};

/** A concave "U": the notch between its arms is outside. */
const uShape: PolygonGeometry = {
  type: 'Polygon',
  coordinates: [
    [
      [0, 0],
      [6, 0],
      [6, 6],
      [4, 6],
      [4, 2],
      [2, 2],
      [2, 6],
      [0, 6],
      [0, 0],
    ],
  ],
};

describe('pointInGeometry', () => {
  it.each([
    ['inside the ring, outside the hole', squareWithHole, 1, 1, true],
    ['inside the hole', squareWithHole, 5, 5, false],
    ['between hole and outer ring', squareWithHole, 8, 5, true],
    ['outside the outer ring', squareWithHole, 11, 5, false],
    ['left of the outer ring, on the same latitude as the hole', squareWithHole, -1, 5, false],
    ['in the first island', twoIslands, 100.5, 30.5, true],
    ['in the second island, outside its hole', twoIslands, 110.2, 31, true],
    ['in the hole of the second island', twoIslands, 111, 31, false],
    ['between the islands', twoIslands, 105, 30.5, false],
    ['in the left arm of a U', uShape, 1, 5, true],
    ['in the notch of a U', uShape, 3, 5, false],
    ['in the base of a U', uShape, 3, 1, true],
  ])('%s', (_label, geometry, lng, lat, expected) => {
    expect(pointInGeometry({ lng, lat }, geometry)).toBe(expected);
  });

  it('works whichever way the ring is wound', () => {
    const clockwise: PolygonGeometry = { type: 'Polygon', coordinates: [square(0, 0, 2, 2).reverse()] };
    expect(pointInGeometry({ lng: 1, lat: 1 }, clockwise)).toBe(true);
    expect(pointInGeometry({ lng: 3, lat: 1 }, clockwise)).toBe(false);
  });
});

describe('bboxOfGeometry', () => {
  it.each([
    ['a polygon', squareWithHole, { minLng: 0, minLat: 0, maxLng: 10, maxLat: 10 }],
    ['a multipolygon', twoIslands, { minLng: 100, minLat: 30, maxLng: 112, maxLat: 32 }],
    ['a concave polygon', uShape, { minLng: 0, minLat: 0, maxLng: 6, maxLat: 6 }],
  ])('spans %s', (_label, geometry, expected) => {
    expect(bboxOfGeometry(geometry)).toEqual(expected);
  });
});

describe('areaOfGeometry', () => {
  it.each([
    ['subtracts holes', squareWithHole, 100 - 16],
    ['adds the parts of a multipolygon', twoIslands, 1 + 4 - 1],
    ['measures a concave polygon', uShape, 36 - 8],
  ])('%s', (_label, geometry, expected) => {
    expect(areaOfGeometry(geometry)).toBeCloseTo(expected, 9);
  });
});

describe('GeoPoint', () => {
  it.each([
    [{ lng: 106.8, lat: 39.6 }, true],
    [{ lng: -180, lat: -90 }, true],
    [{ lng: 180.1, lat: 0 }, false],
    [{ lng: 0, lat: 90.5 }, false],
    [{ lng: Number.NaN, lat: 0 }, false],
    [{ lng: Number.POSITIVE_INFINITY, lat: 0 }, false],
    [{ lng: '106.8', lat: 39.6 }, false],
    [{ lng: 106.8 }, false],
  ])('%j is valid: %s', (input, valid) => {
    expect(GeoPoint.safeParse(input).success).toBe(valid);
  });
});

describe('BoundaryGeometry', () => {
  const ring = square(106, 39, 107, 40);
  const hugeRing: Position[] = Array.from({ length: MAX_GEOMETRY_VERTICES }, (_, i) => {
    const angle = (2 * Math.PI * i) / MAX_GEOMETRY_VERTICES;
    return [106 + Math.cos(angle), 39 + Math.sin(angle)];
  });
  hugeRing.push(hugeRing[0]!);

  it.each([
    ['a polygon', { type: 'Polygon', coordinates: [ring] }, true],
    ['a polygon with a hole', squareWithHole, true],
    ['a multipolygon', twoIslands, true],
    ['an unclosed ring', { type: 'Polygon', coordinates: [ring.slice(0, 4)] }, false],
    [
      'a ring of 3 positions',
      {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 0],
            [0, 0],
          ],
        ],
      },
      false,
    ],
    ['a NaN coordinate', { type: 'Polygon', coordinates: [[[Number.NaN, 0], ...ring.slice(1)]] }, false],
    [
      'an infinite coordinate',
      { type: 'Polygon', coordinates: [[[0, Number.POSITIVE_INFINITY], ...ring]] },
      false,
    ],
    ['a longitude out of range', { type: 'Polygon', coordinates: [square(179, 0, 181, 1)] }, false],
    ['a latitude out of range', { type: 'Polygon', coordinates: [square(0, 89, 1, 91)] }, false],
    ['a position with altitude', { type: 'Polygon', coordinates: [ring.map(([x, y]) => [x, y, 0])] }, false],
    ['a polygon without rings', { type: 'Polygon', coordinates: [] }, false],
    ['a multipolygon without polygons', { type: 'MultiPolygon', coordinates: [] }, false],
    ['a multipolygon given polygon coordinates', { type: 'MultiPolygon', coordinates: [ring] }, false],
    ['a point', { type: 'Point', coordinates: [106, 39] }, false],
    [
      'a multipolygon over the maximum size in total',
      {
        type: 'MultiPolygon',
        coordinates: [
          [hugeRing.slice(0, 6000).concat([hugeRing[0]!])],
          [hugeRing.slice(0, 5000).concat([hugeRing[0]!])],
        ],
      },
      false,
    ],
    ['a ring over the maximum size', { type: 'Polygon', coordinates: [hugeRing] }, false],
  ])('%s is valid: %s', (_label, input, valid) => {
    expect(BoundaryGeometry.safeParse(input).success).toBe(valid);
  });

  it('accepts a ring of exactly the maximum number of positions', () => {
    const atMost = [...hugeRing.slice(0, MAX_GEOMETRY_VERTICES - 1), hugeRing[0]!];
    expect(PolygonGeometry.safeParse({ type: 'Polygon', coordinates: [atMost] }).success).toBe(true);
  });

  it('explains why an unclosed ring is refused', () => {
    const result = BoundaryGeometry.safeParse({ type: 'Polygon', coordinates: [ring.slice(0, 4)] });
    expect(result.error?.issues.map((issue) => issue.message)).toContain(
      'ring is not closed: its last position must equal its first',
    );
  });
});
