import { readFileSync } from 'node:fs';
import { BoundaryGeometry } from '@shanzhi/shared';
import { z } from 'zod';

const DistrictFeature = z.object({
  type: z.literal('Feature'),
  properties: z.object({
    adcode: z.number().int(),
    name: z.string().min(1),
    center: z.tuple([z.number(), z.number()]),
  }),
  geometry: BoundaryGeometry,
});
const DistrictCollection = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(DistrictFeature),
});

const TownRecord = z.object({
  code: z.string().regex(/^\d{9}$/),
  name: z.string().min(1),
  areaCode: z.string().regex(/^\d{6}$/),
  areaName: z.string().min(1),
});

/** One district as committed in `data/wuhai-districts.geojson` (simplified outline, GCJ-02). */
export interface DistrictOutline {
  code: string;
  name: string;
  /** the district government's seat, [lng, lat] */
  center: [number, number];
  boundary: BoundaryGeometry;
}

/** One town or street (乡镇/街道) as committed in `data/wuhai-towns.json`. */
export type TownRecord = z.infer<typeof TownRecord>;

function readDataFile(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`./data/${name}`, import.meta.url), 'utf8'));
}

let districts: readonly DistrictOutline[] | undefined;
let towns: readonly TownRecord[] | undefined;

/** The three Wuhai district outlines, read and validated once. */
export function loadWuhaiDistricts(): readonly DistrictOutline[] {
  districts ??= DistrictCollection.parse(readDataFile('wuhai-districts.geojson')).features.map((feature) => ({
    code: String(feature.properties.adcode),
    name: feature.properties.name,
    center: feature.properties.center,
    boundary: feature.geometry,
  }));
  return districts;
}

/** Wuhai's 22 towns and streets with their official 9-digit codes, read and validated once. */
export function loadWuhaiTowns(): readonly TownRecord[] {
  towns ??= z.array(TownRecord).parse(readDataFile('wuhai-towns.json'));
  return towns;
}
