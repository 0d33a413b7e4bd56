import {
  type BoundaryGeometry,
  type GeoPoint,
  GRID_STAFF_ROLES,
  type GridStaffRole,
  type OrgKind,
} from '@shanzhi/shared';
import { type DemoCityConfig, type DemoDistrictConfig, WUHAI_DEMO_CITY_CONFIG } from './demo-city.config.js';
import {
  type DistrictOutline,
  loadWuhaiDistricts,
  loadWuhaiTowns,
  type TownRecord,
} from './demo-city.data.js';
import {
  joinDetachedParts,
  medoidIndex,
  partitionBySize,
  projectPoint,
  sampleSeedPoints,
  tileByVoronoi,
  unionBoundaries,
} from './demo-city.geometry.js';
import { drawCommunityStems, drawMobileNumber, drawPersonName } from './demo-city.names.js';
import { createDemoRandom, type DemoRandom, deriveSeed } from './demo-random.js';

/** The seed the demo city is built from unless another is given. */
export const DEFAULT_DEMO_CITY_SEED = 150300;

/** One org of the territorial tree (市 → 区 → 镇/街道 → 村/社区 → 网格). */
export interface DemoOrgNode {
  /** 行政区划代码 down to the town; below it the Beijing-style 12-digit community and 15-digit grid codes */
  code: string;
  name: string;
  kind: Extract<OrgKind, 'city' | 'district' | 'town' | 'community' | 'grid'>;
  /** code of the parent org; null for the city */
  parentCode: string | null;
  /** outline on the map, GCJ-02 */
  boundary: BoundaryGeometry;
  /** a point inside the boundary for a label or a pin: the seat of a city or district, else a grid's seed */
  center: GeoPoint;
}

/** One member of a grid's staff (一格一长一警一专多兼). Synthetic. */
export interface DemoGridStaff {
  role: GridStaffRole;
  name: string;
  /** 11-digit mobile number */
  phone: string;
}

/** A grid (网格) with its staff. */
export interface DemoGrid extends DemoOrgNode {
  kind: 'grid';
  parentCode: string;
  staff: DemoGridStaff[];
}

/** The demo city as plain data: each level in tree order, parents before children. */
export interface DemoCity {
  /** the seed it was built from */
  seed: number;
  city: DemoOrgNode;
  districts: DemoOrgNode[];
  towns: DemoOrgNode[];
  communities: DemoOrgNode[];
  grids: DemoGrid[];
}

/** Options of `buildDemoCity`. */
export interface BuildDemoCityOptions {
  /** random seed; the same seed and config always give the same city, byte for byte */
  seed?: number;
  /** counts and spreads; Wuhai's published figures by default */
  config?: DemoCityConfig;
}

/**
 * Builds the demo city (no database): the real city, districts and towns of Wuhai with synthetic villages/
 * communities and grids. Grids are Voronoi cells of seed points clipped to their district, so they tile it;
 * towns and communities are compact groups of grids (recursive bisection of the seeds) of the configured sizes.
 */
export function buildDemoCity(options: BuildDemoCityOptions = {}): DemoCity {
  const seed = options.seed ?? DEFAULT_DEMO_CITY_SEED;
  const config = options.config ?? WUHAI_DEMO_CITY_CONFIG;
  const outlines = loadWuhaiDistricts();
  const allTowns = loadWuhaiTowns();
  const usedPhones = new Set<string>();
  const built = config.districts.map((districtConfig) => {
    const outline = outlines.find((candidate) => candidate.code === districtConfig.code);
    if (!outline) throw new Error(`no outline for district ${districtConfig.code}`);
    const towns = allTowns.filter((town) => town.areaCode === districtConfig.code);
    const random = createDemoRandom(deriveSeed(seed, districtConfig.code));
    return buildDistrict({ config, districtConfig, outline, towns, random, usedPhones });
  });
  const districts = built.map((district) => district.district);
  const city: DemoOrgNode = {
    code: config.code,
    name: config.name,
    kind: 'city',
    parentCode: null,
    boundary: unionBoundaries(districts.map((district) => district.boundary)),
    center: config.center,
  };
  return {
    seed,
    city,
    districts,
    towns: built.flatMap((district) => district.towns),
    communities: built.flatMap((district) => district.communities),
    grids: built.flatMap((district) => district.grids),
  };
}

/** Every org of the demo city in one list, parents before children (the order to insert them in). */
export function listDemoCityOrgs(city: DemoCity): DemoOrgNode[] {
  return [city.city, ...city.districts, ...city.towns, ...city.communities, ...city.grids];
}

interface DistrictInput {
  config: DemoCityConfig;
  districtConfig: DemoDistrictConfig;
  outline: DistrictOutline;
  towns: readonly TownRecord[];
  random: DemoRandom;
  usedPhones: Set<string>;
}

interface BuiltDistrict {
  district: DemoOrgNode;
  towns: DemoOrgNode[];
  communities: DemoOrgNode[];
  grids: DemoGrid[];
}

function buildDistrict(input: DistrictInput): BuiltDistrict {
  const { districtConfig, outline, random } = input;
  const towns = [...input.towns].sort((a, b) => urbanRank(a) - urbanRank(b) || a.code.localeCompare(b.code));
  if (towns.length === 0) throw new Error(`district ${outline.code} has no towns`);
  if (districtConfig.communities < towns.length || districtConfig.grids < districtConfig.communities) {
    throw new Error(`district ${outline.code} needs towns ≤ communities ≤ grids`);
  }
  const seat: GeoPoint = { lng: outline.center[0], lat: outline.center[1] };
  const communitiesPerTown = apportion(
    districtConfig.communities,
    towns.map((town) => districtConfig.townWeights?.[town.code] ?? 1),
    towns.map(() => 1),
  );
  const gridsPerTown = apportion(districtConfig.grids, communitiesPerTown, communitiesPerTown);

  const spread = {
    center: seat,
    urbanShare: districtConfig.urbanShare,
    urbanSpreadKm: districtConfig.urbanSpreadKm,
  };
  const seeds = sampleSeedPoints(outline.boundary, districtConfig.grids, spread, random);
  const tiling = tileByVoronoi(outline.boundary, seeds);
  const projected = seeds.map((point) => projectPoint(point, seat.lat));
  const layout: DistrictLayout = { seeds, projected, ...tiling };
  const allGrids = seeds.map((_, index) => index);
  const townGroups = joinDetachedParts(
    matchGroupsToTowns(
      partitionBySize(projected, allGrids, gridsPerTown),
      projected,
      projectPoint(seat, seat.lat),
    ),
    tiling.neighbours,
  );
  const stems = drawCommunityStems(districtConfig.communities, random);
  for (const [position, stem] of Object.entries(districtConfig.namedStems ?? {}))
    stems[Number(position)] = stem;

  const result: BuiltDistrict = {
    district: {
      code: outline.code,
      name: outline.name,
      kind: 'district',
      parentCode: input.config.code,
      boundary: outline.boundary,
      center: seat,
    },
    towns: [],
    communities: [],
    grids: [],
  };
  towns.forEach((town, townIndex) => {
    const communityCount = communitiesPerTown[townIndex]!;
    const built = buildTown(input, layout, town, townGroups[townIndex]!, stems.splice(0, communityCount));
    result.towns.push(built.town);
    result.communities.push(...built.communities);
    result.grids.push(...built.grids);
  });
  return result;
}

/** The seeds of a district's grids and the cells they make. */
interface DistrictLayout {
  /** seed of grid i, inside the district */
  seeds: GeoPoint[];
  /** the seeds in ground-true planar coordinates */
  projected: [number, number][];
  /** boundary of grid i */
  cells: BoundaryGeometry[];
  /** grids sharing an edge with grid i */
  neighbours: number[][];
}

/** One town: its grids cut into one community per stem, the grids numbered north to south. */
function buildTown(
  input: DistrictInput,
  layout: DistrictLayout,
  town: TownRecord,
  gridIndices: readonly number[],
  stems: readonly string[],
): { town: DemoOrgNode; communities: DemoOrgNode[]; grids: DemoGrid[] } {
  const { seeds, projected } = layout;
  const ones = stems.map(() => 1);
  const communityGroups = joinDetachedParts(
    partitionBySize(projected, gridIndices, apportion(gridIndices.length, ones, ones)),
    layout.neighbours,
  );
  const communities: DemoOrgNode[] = [];
  const grids: DemoGrid[] = [];
  communityGroups.forEach((members, communityIndex) => {
    const code = `${town.code}${pad3(communityIndex + 1)}`;
    const name = `${stems[communityIndex]!}${communitySuffix(town, communityIndex)}`;
    const communityGrids = [...members]
      .sort((a, b) => seeds[b]!.lat - seeds[a]!.lat || seeds[a]!.lng - seeds[b]!.lng)
      .map(
        (gridIndex, n): DemoGrid => ({
          code: `${code}${pad3(n + 1)}`,
          name: `${name}第${n + 1}网格`,
          kind: 'grid',
          parentCode: code,
          boundary: layout.cells[gridIndex]!,
          center: seeds[gridIndex]!,
          staff: drawGridStaff(input),
        }),
      );
    communities.push({
      code,
      name,
      kind: 'community',
      parentCode: town.code,
      boundary: unionBoundaries(communityGrids.map((grid) => grid.boundary)),
      center: seeds[medoidIndex(projected, members)]!,
    });
    grids.push(...communityGrids);
  });
  return {
    town: {
      code: town.code,
      name: town.name,
      kind: 'town',
      parentCode: input.outline.code,
      boundary: unionBoundaries(communities.map((community) => community.boundary)),
      center: seeds[medoidIndex(projected, gridIndices)]!,
    },
    communities,
    grids,
  };
}

/** Streets (街道) first, then towns (镇), then development zones: urban towns get the central groups. */
function urbanRank(town: TownRecord): number {
  if (town.name.endsWith('街道')) return 0;
  if (town.name.endsWith('镇')) return 1;
  return 2;
}

/** 街道 and zones have 社区; a 镇 has a 社区 at its seat and 村 around it. */
function communitySuffix(town: TownRecord, index: number): string {
  return town.name.endsWith('镇') && index > 0 ? '村' : '社区';
}

/**
 * Hands out groups to towns (sizes already match the towns, in order). Among groups of the same size, the
 * ones nearest the district's seat go to the most urban towns.
 */
function matchGroupsToTowns(
  groups: number[][],
  projected: readonly [number, number][],
  seat: [number, number],
): number[][] {
  const distance = (group: number[]): number => {
    const [x, y] = projected[medoidIndex(projected, group)]!;
    return (x - seat[0]) ** 2 + (y - seat[1]) ** 2;
  };
  const bySize = new Map<number, number[][]>();
  for (const group of groups) bySize.set(group.length, [...(bySize.get(group.length) ?? []), group]);
  for (const sameSize of bySize.values()) sameSize.sort((a, b) => distance(a) - distance(b));
  return groups.map((group) => bySize.get(group.length)!.shift()!);
}

/**
 * Shares `total` out in proportion to `weights` (largest remainder, ties to the earlier item), each item
 * getting at least its minimum.
 */
export function apportion(total: number, weights: readonly number[], minimums: readonly number[]): number[] {
  const floor = minimums.reduce((sum, minimum) => sum + minimum, 0);
  const weightSum = weights.reduce((sum, weight) => sum + weight, 0);
  if (total < floor || weightSum <= 0)
    throw new Error(`cannot share ${total} out over ${weights.length} items`);
  const rest = total - floor;
  const exact = weights.map((weight) => (rest * weight) / weightSum);
  const shares = exact.map((value, index) => minimums[index]! + Math.floor(value));
  let left = total - shares.reduce((sum, share) => sum + share, 0);
  const byRemainder = exact
    .map((value, index) => ({ index, remainder: value - Math.floor(value) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of byRemainder) {
    if (left-- <= 0) break;
    shares[index]! += 1;
  }
  return shares;
}

/** Staff of one grid: 格长, 网格警, 专职网格员 and 1–3 兼职网格员 (一格一长一警一专多兼). */
function drawGridStaff(input: DistrictInput): DemoGridStaff[] {
  const { random, usedPhones } = input;
  const { min, max } = input.config.partTimersPerGrid;
  const [leader, police, fullTime, partTime] = GRID_STAFF_ROLES;
  const roles: GridStaffRole[] = [leader, police, fullTime];
  const partTimers = random.int(min, max);
  for (let i = 0; i < partTimers; i++) roles.push(partTime);
  return roles.map((role) => ({
    role,
    name: drawPersonName(random),
    phone: drawMobileNumber(random, usedPhones),
  }));
}

const pad3 = (value: number): string => String(value).padStart(3, '0');
