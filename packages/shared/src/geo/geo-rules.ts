import type { BoundaryGeometry, BoundingBox, GeoPoint, Position } from './geo.schemas.js';

/** The polygons of a boundary, each as its rings (outer ring first, then holes). */
export function polygonsOfGeometry(geometry: BoundaryGeometry): Position[][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/** Whether a ray cast east from `point` crosses `ring` an odd number of times. */
function ringContains(point: GeoPoint, ring: readonly Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > point.lat !== yj > point.lat) {
      const crossLng = xi + ((point.lat - yi) / (yj - yi)) * (xj - xi);
      if (point.lng < crossLng) inside = !inside;
    }
  }
  return inside;
}

/**
 * Whether a point lies inside a boundary (e.g. which grid a patrol report was made in). Ray casting with the
 * even–odd rule: a point in a hole is outside, a point in any part of a MultiPolygon is inside. Points exactly
 * on an edge may go either way, so two grids sharing an edge can both claim a point on it.
 */
export function pointInGeometry(point: GeoPoint, geometry: BoundaryGeometry): boolean {
  for (const rings of polygonsOfGeometry(geometry)) {
    let inside = false;
    for (const ring of rings) if (ringContains(point, ring)) inside = !inside;
    if (inside) return true;
  }
  return false;
}

/** The smallest lng/lat box around a boundary, e.g. to zoom the map onto a grid. */
export function bboxOfGeometry(geometry: BoundaryGeometry): BoundingBox {
  const box: BoundingBox = { minLng: Infinity, minLat: Infinity, maxLng: -Infinity, maxLat: -Infinity };
  for (const rings of polygonsOfGeometry(geometry)) {
    for (const ring of rings) {
      for (const [lng, lat] of ring) {
        if (lng < box.minLng) box.minLng = lng;
        if (lng > box.maxLng) box.maxLng = lng;
        if (lat < box.minLat) box.minLat = lat;
        if (lat > box.maxLat) box.maxLat = lat;
      }
    }
  }
  return box;
}

/** Signed shoelace area of one ring in square degrees (positive when counter-clockwise). */
export function signedRingArea(ring: readonly Position[]): number {
  let twice = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    twice += xj * yi - xi * yj;
  }
  return twice / 2;
}

/**
 * Planar area of a boundary in square degrees: outer rings minus holes. Only good for comparing areas of
 * nearby shapes (share of a district covered by its grids), not for reporting km².
 */
export function areaOfGeometry(geometry: BoundaryGeometry): number {
  let area = 0;
  for (const rings of polygonsOfGeometry(geometry)) {
    rings.forEach((ring, index) => {
      const ringArea = Math.abs(signedRingArea(ring));
      area += index === 0 ? ringArea : -ringArea;
    });
  }
  return area;
}
