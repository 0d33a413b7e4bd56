import { z } from 'zod';

/**
 * Most positions one boundary may hold, counted over all its rings. A district outline needs a few hundred and
 * a hand-drawn grid a few dozen; the cap keeps a client from sending a huge blob for us to store and test.
 */
export const MAX_GEOMETRY_VERTICES = 10_000;

/** Longitude in degrees (GCJ-02 in this platform, as the map tiles use it). */
export const Longitude = z.number().min(-180).max(180);
/** Latitude in degrees. */
export const Latitude = z.number().min(-90).max(90);

/** A place on the map, e.g. where a grid worker stood when he reported a problem. */
export const GeoPoint = z.object({
  /** longitude in degrees, −180..180 */
  lng: Longitude,
  /** latitude in degrees, −90..90 */
  lat: Latitude,
});
export type GeoPoint = z.infer<typeof GeoPoint>;

/** A GeoJSON position, `[lng, lat]`; an altitude is not accepted. */
export const Position = z.tuple([Longitude, Latitude]);
export type Position = z.infer<typeof Position>;

/** A closed GeoJSON linear ring: at least 4 positions, the last one equal to the first. */
export const LinearRing = z
  .array(Position)
  .min(4)
  .max(MAX_GEOMETRY_VERTICES)
  .refine(
    (ring) => {
      const first = ring[0];
      const last = ring[ring.length - 1];
      return first !== undefined && last !== undefined && first[0] === last[0] && first[1] === last[1];
    },
    { message: 'ring is not closed: its last position must equal its first' },
  );
export type LinearRing = z.infer<typeof LinearRing>;

/** Rings of one polygon: the outer ring first, then its holes. */
const PolygonRings = z.array(LinearRing).min(1);

function countPositions(polygons: readonly (readonly LinearRing[])[]): number {
  let count = 0;
  for (const rings of polygons) for (const ring of rings) count += ring.length;
  return count;
}

function refuseTooManyVertices(polygons: readonly (readonly LinearRing[])[], ctx: z.RefinementCtx): void {
  const count = countPositions(polygons);
  if (count > MAX_GEOMETRY_VERTICES) {
    ctx.addIssue({
      code: 'custom',
      message: `geometry has ${count} positions, at most ${MAX_GEOMETRY_VERTICES} are allowed`,
      path: ['coordinates'],
    });
  }
}

/** A GeoJSON Polygon (outer ring + holes), e.g. one grid's boundary. */
export const PolygonGeometry = z
  .object({ type: z.literal('Polygon'), coordinates: PolygonRings })
  .superRefine((geometry, ctx) => refuseTooManyVertices([geometry.coordinates], ctx));
export type PolygonGeometry = z.infer<typeof PolygonGeometry>;

/** A GeoJSON MultiPolygon, e.g. a district with an exclave or a grid cut in two by its district's outline. */
export const MultiPolygonGeometry = z
  .object({ type: z.literal('MultiPolygon'), coordinates: z.array(PolygonRings).min(1) })
  .superRefine((geometry, ctx) => refuseTooManyVertices(geometry.coordinates, ctx));
export type MultiPolygonGeometry = z.infer<typeof MultiPolygonGeometry>;

/** The boundary of an org on the map (city, district, town, community, grid): a Polygon or a MultiPolygon. */
export const BoundaryGeometry = z.discriminatedUnion('type', [PolygonGeometry, MultiPolygonGeometry]);
export type BoundaryGeometry = z.infer<typeof BoundaryGeometry>;

/** A bounding box in degrees. */
export interface BoundingBox {
  minLng: number;
  minLat: number;
  maxLng: number;
  maxLat: number;
}
