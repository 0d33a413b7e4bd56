import type { GeoPoint } from './geo.schemas.js';

// Krasovsky 1940 ellipsoid, as the GCJ-02 offset is defined on it
const A = 6_378_245.0;
const EE = 0.006_693_421_622_965_943;

function offsetLat(x: number, y: number): number {
  let d = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  d += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  d += ((20 * Math.sin(y * Math.PI) + 40 * Math.sin((y / 3) * Math.PI)) * 2) / 3;
  d += ((160 * Math.sin((y / 12) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30)) * 2) / 3;
  return d;
}

function offsetLng(x: number, y: number): number {
  let d = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  d += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  d += ((20 * Math.sin(x * Math.PI) + 40 * Math.sin((x / 3) * Math.PI)) * 2) / 3;
  d += ((150 * Math.sin((x / 12) * Math.PI) + 300 * Math.sin((x / 30) * Math.PI)) * 2) / 3;
  return d;
}

/** Whether a point lies outside mainland China's box, where GCJ-02 equals WGS-84. */
function outsideChina(p: GeoPoint): boolean {
  return p.lng < 72.004 || p.lng > 137.8347 || p.lat < 0.8293 || p.lat > 55.8271;
}

/**
 * A WGS-84 position (what a phone's GPS and the browser's geolocation give) in GCJ-02, the coordinate
 * system of the platform's maps and boundaries: shifted by the national offset (a few hundred metres,
 * enough to land in the wrong grid). Outside China the two are the same.
 */
export function wgs84ToGcj02(point: GeoPoint): GeoPoint {
  if (outsideChina(point)) return { ...point };
  const radLat = (point.lat / 180) * Math.PI;
  const magic = 1 - EE * Math.sin(radLat) ** 2;
  const sqrtMagic = Math.sqrt(magic);
  const dLat =
    (offsetLat(point.lng - 105, point.lat - 35) * 180) / (((A * (1 - EE)) / (magic * sqrtMagic)) * Math.PI);
  const dLng =
    (offsetLng(point.lng - 105, point.lat - 35) * 180) / ((A / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return { lng: point.lng + dLng, lat: point.lat + dLat };
}

/** How close the inverse gets before it stops: about a millimetre, far below any map's precision. */
const INVERSE_TOLERANCE_DEGREES = 1e-9;

/**
 * A GCJ-02 position (the platform's maps and stored case locations) back in WGS-84, what GPS receivers and
 * open standards such as Open311 speak. The offset has no closed-form inverse: starting from the point
 * itself, each step moves the guess by how far its forward image misses, which converges in a few steps
 * because the offset changes slowly across a few hundred metres. Outside China the two are the same.
 */
export function gcj02ToWgs84(point: GeoPoint): GeoPoint {
  if (outsideChina(point)) return { ...point };
  let guess = { ...point };
  for (let step = 0; step < 30; step++) {
    const image = wgs84ToGcj02(guess);
    const dLng = image.lng - point.lng;
    const dLat = image.lat - point.lat;
    guess = { lng: guess.lng - dLng, lat: guess.lat - dLat };
    if (Math.abs(dLng) < INVERSE_TOLERANCE_DEGREES && Math.abs(dLat) < INVERSE_TOLERANCE_DEGREES) break;
  }
  return guess;
}
