import {
  type BoundaryGeometry,
  bboxOfGeometry,
  type GeoPoint,
  type Position,
  pointInGeometry,
  polygonsOfGeometry,
} from '@shanzhi/shared';
import { Delaunay } from 'd3-delaunay';
import polygonClipping, { type MultiPolygon, type Polygon } from 'polygon-clipping';
import type { DemoRandom } from './demo-random.js';

/** Kilometres per degree of latitude (good enough for placing demo points). */
const KM_PER_DEGREE = 111.2;
/** Positions are kept to 6 decimals (≈ 0.1 m), as the published outlines are. */
const DECIMALS = 1e6;
/** Tries before giving up on drawing a point inside a boundary. */
const MAX_DRAWS = 100_000;

const round = (value: number): number => Math.round(value * DECIMALS) / DECIMALS;

/** A boundary as polygon-clipping takes it. */
export function toClipGeometry(geometry: BoundaryGeometry): Polygon | MultiPolygon {
  return geometry.coordinates;
}

/** Planar coordinates in which a degree of longitude and one of latitude are as long as on the ground. */
export function projectPoint(point: GeoPoint, originLat: number): [number, number] {
  return [point.lng * Math.cos((originLat * Math.PI) / 180), point.lat];
}

/**
 * A polygon-clipping result as a boundary: rounded to 6 decimals, degenerate rings dropped, a single part as a
 * Polygon, several as a MultiPolygon. Null when nothing is left.
 */
export function fromClipResult(result: MultiPolygon): BoundaryGeometry | null {
  const polygons: Position[][][] = [];
  for (const [outerRing, ...holeRings] of result) {
    const outer = outerRing && cleanRing(outerRing);
    if (!outer) continue;
    const holes = holeRings.map(cleanRing).filter((hole): hole is Position[] => hole !== null);
    polygons.push([outer, ...holes]);
  }
  if (polygons.length === 0) return null;
  return polygons.length === 1
    ? { type: 'Polygon', coordinates: polygons[0]! }
    : { type: 'MultiPolygon', coordinates: polygons };
}

/** A ring rounded, without repeated positions and closed; null when fewer than 3 corners are left. */
function cleanRing(ring: readonly [number, number][]): Position[] | null {
  const out: Position[] = [];
  for (const [lng, lat] of ring) {
    const position: Position = [round(lng), round(lat)];
    const last = out[out.length - 1];
    if (!last || last[0] !== position[0] || last[1] !== position[1]) out.push(position);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (first && last && first[0] === last[0] && first[1] === last[1]) out.pop();
  if (out.length < 3) return null;
  out.push([out[0]![0], out[0]![1]]);
  return out;
}

/** The union of several boundaries (a community from its grids, the city from its districts). */
export function unionBoundaries(geometries: readonly BoundaryGeometry[]): BoundaryGeometry {
  const [first, ...rest] = geometries.map(toClipGeometry);
  if (!first) throw new Error('cannot unite an empty list of boundaries');
  const union = fromClipResult(polygonClipping.union(first, ...rest));
  if (!union) throw new Error('the union of the boundaries is empty');
  return union;
}

/** Where to crowd seed points: the urban share around the seat, the rest spread evenly. */
export interface SeedSpread {
  /** the seat that urban points crowd around */
  center: GeoPoint;
  /** share of the points drawn around the seat, 0..1 */
  urbanShare: number;
  /** spread (1 σ) of the urban points, in km */
  urbanSpreadKm: number;
}

/**
 * `count` distinct points inside `boundary` (6-decimal positions): some crowded around the seat (a normal
 * spread), the rest uniform over the boundary. Seeds of grids, so urban grids come out smaller.
 */
export function sampleSeedPoints(
  boundary: BoundaryGeometry,
  count: number,
  spread: SeedSpread,
  random: DemoRandom,
): GeoPoint[] {
  const box = bboxOfGeometry(boundary);
  const lngPerKm = 1 / (KM_PER_DEGREE * Math.cos((spread.center.lat * Math.PI) / 180));
  const latPerKm = 1 / KM_PER_DEGREE;
  const urbanCount = Math.round(count * spread.urbanShare);
  const seen = new Set<string>();
  const points: GeoPoint[] = [];
  let draws = 0;
  while (points.length < count) {
    if (++draws > MAX_DRAWS) throw new Error('could not place the seed points inside the boundary');
    const urban = points.length < urbanCount;
    const point = urban
      ? {
          lng: round(spread.center.lng + random.normal() * spread.urbanSpreadKm * lngPerKm),
          lat: round(spread.center.lat + random.normal() * spread.urbanSpreadKm * latPerKm),
        }
      : {
          lng: round(box.minLng + random.next() * (box.maxLng - box.minLng)),
          lat: round(box.minLat + random.next() * (box.maxLat - box.minLat)),
        };
    const key = `${point.lng},${point.lat}`;
    if (seen.has(key) || !pointInGeometry(point, boundary)) continue;
    seen.add(key);
    points.push(point);
  }
  return points;
}

/** Tiling of a boundary by the Voronoi cells of its seed points, and which seeds are neighbours. */
export interface VoronoiTiling {
  /** cell i: the part of the boundary nearer to seed i than to any other seed */
  cells: BoundaryGeometry[];
  /** cells that share an edge, by index */
  neighbours: number[][];
}

/**
 * Cuts a boundary into the Voronoi cells of seed points inside it (distances measured on the ground, not in
 * degrees), each clipped to the boundary. Every point of the boundary lies in exactly one cell.
 */
export function tileByVoronoi(boundary: BoundaryGeometry, seeds: readonly GeoPoint[]): VoronoiTiling {
  const box = bboxOfGeometry(boundary);
  const originLat = (box.minLat + box.maxLat) / 2;
  const scale = Math.cos((originLat * Math.PI) / 180);
  const delaunay = Delaunay.from(seeds.map((seed) => projectPoint(seed, originLat)));
  const margin = 0.01;
  const voronoi = delaunay.voronoi([
    box.minLng * scale - margin,
    box.minLat - margin,
    box.maxLng * scale + margin,
    box.maxLat + margin,
  ]);
  const district = toClipGeometry(boundary);
  const districtEdges = edgesOf(boundary);
  const cells = seeds.map((seed, index) => {
    const polygon = voronoi.cellPolygon(index);
    if (!polygon) throw new Error(`seed ${seed.lng},${seed.lat} has no Voronoi cell`);
    const ring = polygon.map(([x, y]): [number, number] => [x / scale, y]);
    // Clipping is the slow part; most urban cells lie wholly inside the district and need none.
    const cell = fromClipResult(
      isConvexRingInside(ring, boundary, districtEdges)
        ? [[ring]]
        : polygonClipping.intersection([ring], district),
    );
    if (!cell) throw new Error(`the cell of seed ${seed.lng},${seed.lat} is empty`);
    return cell;
  });
  return { cells, neighbours: neighboursOfCells(cells) };
}

/**
 * Splits points into compact groups of exactly the given sizes by recursive bisection: the half of the sizes
 * list on one side of a cut across the longer extent, the rest on the other. Group i has `sizes[i]` indices.
 */
export function partitionBySize(
  points: readonly [number, number][],
  indices: readonly number[],
  sizes: readonly number[],
): number[][] {
  const total = sizes.reduce((sum, size) => sum + size, 0);
  if (total !== indices.length)
    throw new Error(`sizes add up to ${total}, there are ${indices.length} points`);
  if (sizes.length === 1) return [[...indices]];
  const middle = sizes.length >> 1;
  const leftTotal = sizes.slice(0, middle).reduce((sum, size) => sum + size, 0);
  const xs = indices.map((index) => points[index]![0]);
  const ys = indices.map((index) => points[index]![1]);
  const axis = Math.max(...xs) - Math.min(...xs) >= Math.max(...ys) - Math.min(...ys) ? 0 : 1;
  const sorted = [...indices].sort((a, b) => {
    const pa = points[a]!;
    const pb = points[b]!;
    return pa[axis]! - pb[axis]! || pa[1 - axis]! - pb[1 - axis]! || a - b;
  });
  return [
    ...partitionBySize(points, sorted.slice(0, leftTotal), sizes.slice(0, middle)),
    ...partitionBySize(points, sorted.slice(leftTotal), sizes.slice(middle)),
  ];
}

/** Of a group of points, the one nearest to their mean: a centre that lies inside the group's area. */
export function medoidIndex(points: readonly [number, number][], indices: readonly number[]): number {
  let sumX = 0;
  let sumY = 0;
  for (const index of indices) {
    sumX += points[index]![0];
    sumY += points[index]![1];
  }
  const meanX = sumX / indices.length;
  const meanY = sumY / indices.length;
  let best = indices[0]!;
  let bestDistance = Infinity;
  for (const index of indices) {
    const [x, y] = points[index]!;
    const distance = (x - meanX) ** 2 + (y - meanY) ** 2;
    if (distance < bestDistance) {
      best = index;
      bestDistance = distance;
    }
  }
  return best;
}

type Segment = [Position, Position];

function edgesOf(geometry: BoundaryGeometry): Segment[] {
  const edges: Segment[] = [];
  for (const rings of polygonsOfGeometry(geometry)) {
    for (const ring of rings) for (let i = 0; i + 1 < ring.length; i++) edges.push([ring[i]!, ring[i + 1]!]);
  }
  return edges;
}

/** Whether segments ab and cd cross or touch. */
function segmentsMeet([a, b]: Segment, [c, d]: Segment): boolean {
  const cross = (o: Position, p: Position, q: Position): number =>
    (p[0] - o[0]) * (q[1] - o[1]) - (p[1] - o[1]) * (q[0] - o[0]);
  const d1 = cross(c, d, a);
  const d2 = cross(c, d, b);
  const d3 = cross(a, b, c);
  const d4 = cross(a, b, d);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
  const within = (o: Position, p: Position, q: Position): boolean =>
    Math.min(o[0], p[0]) <= q[0] &&
    q[0] <= Math.max(o[0], p[0]) &&
    Math.min(o[1], p[1]) <= q[1] &&
    q[1] <= Math.max(o[1], p[1]);
  return (
    (d1 === 0 && within(c, d, a)) ||
    (d2 === 0 && within(c, d, b)) ||
    (d3 === 0 && within(a, b, c)) ||
    (d4 === 0 && within(a, b, d))
  );
}

/**
 * Whether a convex ring lies wholly inside a boundary: all its corners are inside and no edge of the boundary
 * meets one of its edges (so the boundary cannot reach into it).
 */
function isConvexRingInside(
  ring: readonly Position[],
  boundary: BoundaryGeometry,
  boundaryEdges: readonly Segment[],
): boolean {
  for (const [lng, lat] of ring) if (!pointInGeometry({ lng, lat }, boundary)) return false;
  for (let i = 0; i + 1 < ring.length; i++) {
    const edge: Segment = [ring[i]!, ring[i + 1]!];
    for (const other of boundaryEdges) if (segmentsMeet(edge, other)) return false;
  }
  return true;
}

/** For each cell, the cells it shares an edge with (cells of one tiling share exact positions). */
export function neighboursOfCells(cells: readonly BoundaryGeometry[]): number[][] {
  const owners = new Map<string, number[]>();
  cells.forEach((cell, index) => {
    for (const rings of polygonsOfGeometry(cell)) {
      for (const ring of rings) {
        for (let i = 0; i + 1 < ring.length; i++) {
          const a = ring[i]!.join(',');
          const b = ring[i + 1]!.join(',');
          const key = a < b ? `${a}|${b}` : `${b}|${a}`;
          const list = owners.get(key);
          if (list) list.push(index);
          else owners.set(key, [index]);
        }
      }
    }
  });
  const neighbours = cells.map(() => new Set<number>());
  for (const list of owners.values()) {
    for (const a of list) for (const b of list) if (a !== b) neighbours[a]!.add(b);
  }
  return neighbours.map((set) => [...set].sort((a, b) => a - b));
}

/**
 * Makes every group connected: a part of a group cut off from its largest part (bisection across a bend of
 * the outline can do that) joins the neighbouring group it shares most edges with. Only the given groups are
 * considered, so communities stay inside their town. Group sizes may change by a few cells.
 */
export function joinDetachedParts(groups: readonly number[][], neighbours: readonly number[][]): number[][] {
  const groupOf = new Map<number, number>();
  groups.forEach((members, group) => {
    for (const member of members) groupOf.set(member, group);
  });
  for (let pass = 0; pass < 50; pass++) {
    let moved = false;
    groups.forEach((_, group) => {
      const parts = connectedParts(
        membersOf(groupOf, group),
        neighbours,
        (cell) => groupOf.get(cell) === group,
      );
      for (const part of parts.slice(1)) {
        const target = mostTouchedGroup(part, neighbours, groupOf, group);
        if (target === undefined) continue;
        for (const cell of part) groupOf.set(cell, target);
        moved = true;
      }
    });
    if (!moved) break;
  }
  return groups.map((_, group) => membersOf(groupOf, group));
}

function membersOf(groupOf: ReadonlyMap<number, number>, group: number): number[] {
  const members: number[] = [];
  for (const [cell, owner] of groupOf) if (owner === group) members.push(cell);
  return members.sort((a, b) => a - b);
}

/** Connected parts of a set of cells, largest first (ties: the one with the lowest cell first). */
export function connectedParts(
  cells: readonly number[],
  neighbours: readonly number[][],
  inSet: (cell: number) => boolean,
): number[][] {
  const seen = new Set<number>();
  const parts: number[][] = [];
  for (const start of cells) {
    if (seen.has(start)) continue;
    const part = [start];
    seen.add(start);
    for (let i = 0; i < part.length; i++) {
      for (const next of neighbours[part[i]!] ?? []) {
        if (!seen.has(next) && inSet(next)) {
          seen.add(next);
          part.push(next);
        }
      }
    }
    parts.push(part.sort((a, b) => a - b));
  }
  return parts.sort((a, b) => b.length - a.length || a[0]! - b[0]!);
}

function mostTouchedGroup(
  part: readonly number[],
  neighbours: readonly number[][],
  groupOf: ReadonlyMap<number, number>,
  own: number,
): number | undefined {
  const touches = new Map<number, number>();
  for (const cell of part) {
    for (const next of neighbours[cell] ?? []) {
      const group = groupOf.get(next);
      if (group !== undefined && group !== own) touches.set(group, (touches.get(group) ?? 0) + 1);
    }
  }
  let best: number | undefined;
  let bestCount = 0;
  for (const [group, count] of touches) {
    if (count > bestCount || (count === bestCount && best !== undefined && group < best)) {
      best = group;
      bestCount = count;
    }
  }
  return best;
}
