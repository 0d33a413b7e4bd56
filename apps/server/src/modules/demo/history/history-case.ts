import {
  type CaseSource,
  type CaseState,
  type CaseType,
  isCaseOpen,
  pointInGeometry,
  type TimeLimit,
  toBeijingDate,
} from '@shanzhi/shared';
import type { NewEvent } from '../../../platform/lifecycle/event-chain.js';
import { limitsForIntake } from '../../cases/case-clock.js';
import type { NewCaseRow } from '../../cases/cases.repository.js';
import { drawPersonName } from '../demo-city.names.js';
import type { DemoRandom } from '../demo-random.js';
import { CaseStory } from './case-story.js';
import { playLifecycle } from './history-lifecycle.js';
import {
  areaWeightOn,
  CHANNEL_MIX,
  DISTRICT_MIX,
  drawWeighted,
  inHeatingSeason,
  LIFECYCLE_ODDS,
  SOURCE_MIX,
  TYPE_MIX,
} from './history-mix.js';
import { type CaseText, type MessagePool, writeCaseText } from './history-texts.js';
import type { HistoryCategory, HistoryGrid, HistoryWorld } from './history-world.js';

/** One generated case: its row, its timeline (unhashed) and its handling units. */
export interface GeneratedCase {
  /** Beijing day of intake (`YYYYMMDD`): the day its number is taken from */
  day: string;
  row: Omit<NewCaseRow, 'number'>;
  events: NewEvent[];
  handlers: { orgId: number; role: 'lead' | 'co' }[];
  /** index in the batch of the master case a merged duplicate joined */
  masterIndex: number | null;
}

/** What the generator works with, the same for every case of a run. */
export interface HistoryScene {
  world: HistoryWorld;
  pool: MessagePool;
  endAt: Date;
  reworkLimit: TimeLimit;
  /** categories by 大类 name */
  areas: Map<string, HistoryCategory[]>;
}

/** Groups the catalog's leaves by 大类. */
export function groupByArea(categories: readonly HistoryCategory[]): Map<string, HistoryCategory[]> {
  const areas = new Map<string, HistoryCategory[]>();
  for (const c of categories) areas.set(c.area, [...(areas.get(c.area) ?? []), c]);
  return areas;
}

function drawCategory(random: DemoRandom, scene: HistoryScene, date: string): HistoryCategory {
  const area = drawWeighted(
    random,
    [...scene.areas.keys()].map((name) => [name, areaWeightOn(name, date)] as const),
  );
  let leaves = scene.areas.get(area)!;
  if (area === '水电气暖' && inHeatingSeason(date) && random.next() < 0.6) {
    const heating = leaves.filter((c) => /供热|暖/.test(c.subcategory + c.name));
    if (heating.length > 0) leaves = heating;
  }
  // emergencies and police matters are a small share of real traffic
  return drawWeighted(
    random,
    leaves.map((c) => [c, c.priority === 'emergency' || c.police ? 0.3 : 1] as const),
  );
}

function drawPoint(random: DemoRandom, grid: HistoryGrid): { lng: number; lat: number } {
  const { box } = grid;
  for (let i = 0; i < 20; i++) {
    const lng = box.minLng + random.next() * (box.maxLng - box.minLng);
    const lat = box.minLat + random.next() * (box.maxLat - box.minLat);
    if (pointInGeometry({ lng, lat }, grid.boundary)) return { lng, lat };
  }
  return grid.center;
}

function drawPhone(random: DemoRandom): string {
  // one call in eight comes from a regular caller: a small pool of numbers that recur through the year
  const regular = random.next() < 0.125;
  const body = regular ? 1_000_000 + random.int(0, 1_499) * 37 : random.int(0, 99_999_999);
  return `1${random.pick(['3', '5', '8'])}${random.int(0, 9)}${String(body).padStart(8, '0')}`;
}

function drawType(random: DemoRandom, category: HistoryCategory): CaseType {
  return /咨询|政策|办理/.test(category.name) && random.next() < 0.7
    ? 'consultation'
    : drawWeighted(random, TYPE_MIX);
}

/** An earlier case of the batch in the same district, still open at `at`: the master of a duplicate. */
function findMaster(batch: readonly GeneratedCase[], districtId: number, at: Date): number | null {
  for (let i = batch.length - 1; i >= Math.max(0, batch.length - 60); i--) {
    const other = batch[i]!;
    if (other.row.districtId !== districtId) continue;
    const before = other.events.filter((e) => e.at.getTime() <= at.getTime() && e.action !== 'sla').at(-1);
    if (before && isCaseOpen(before.toState as CaseState) && before.toState !== 'registered') return i;
  }
  return null;
}

/**
 * A case whose origin is known rather than drawn: a grid worker's finding reported up (网格上报) is
 * registered where it was found, under the category and in the words of the finding.
 */
export interface GivenCase {
  source: CaseSource;
  grid: HistoryGrid;
  point: { lng: number; lat: number };
  category: HistoryCategory;
  text: CaseText;
  /** 外部编号: the finding's reference (`GF<id>`) */
  externalRef: string;
}

/**
 * Draws one case registered at `createdAt` (or takes what `given` says of it) and plays its life up to the
 * end of the history.
 */
export function generateCase(
  random: DemoRandom,
  scene: HistoryScene,
  createdAt: Date,
  batch: readonly GeneratedCase[],
  given?: GivenCase,
): GeneratedCase {
  const { world } = scene;
  const date = toBeijingDate(createdAt);
  const grid =
    given?.grid ?? random.pick(world.gridsByDistrict.get(drawWeighted(random, DISTRICT_MIX)) ?? world.grids);
  const point = given?.point ?? drawPoint(random, grid);
  const source: CaseSource = given?.source ?? drawWeighted(random, SOURCE_MIX);
  const duplicateOf =
    !given && random.next() < LIFECYCLE_ODDS.duplicate ? findMaster(batch, grid.districtId, createdAt) : null;
  const master = duplicateOf === null ? null : batch[duplicateOf]!;
  const category =
    given?.category ??
    ((master && world.categories.find((c) => c.id === master.row.categoryId)) ||
      drawCategory(random, scene, date));
  // a grid worker's report is a 举报 without a citizen, as the finding's report up registers it
  const type: CaseType = given ? 'report' : drawType(random, category);
  const limits = limitsForIntake(
    {
      acceptLimitValue: category.acceptLimit?.value ?? null,
      acceptLimitUnit: category.acceptLimit?.unit ?? null,
      resolveLimitValue: category.resolveLimit?.value ?? null,
      resolveLimitUnit: category.resolveLimit?.unit ?? null,
    },
    category.priority,
    type,
  );
  const place = { district: grid.districtName, town: grid.townName, community: grid.communityName };
  const text =
    given?.text ??
    (master
      ? { title: master.row.title, description: `再次反映：${master.row.description}` }
      : writeCaseText(random, category.area, category.name, place, scene.pool));
  const story = new CaseStory(world.calendar, scene.endAt);
  const anonymous = !given && random.next() < 0.03;
  const row: Omit<NewCaseRow, 'number'> = {
    source,
    channel: source === 'online' ? drawWeighted(random, CHANNEL_MIX) : null,
    type,
    categoryId: category.id,
    priority: category.priority,
    policeMatter: category.police,
    title: text.title,
    description: text.description,
    citizenName: given ? null : drawPersonName(random),
    citizenPhone: given ? null : drawPhone(random),
    citizenIdNumber: null,
    anonymous,
    keepPrivate: anonymous || (!given && random.next() < 0.02),
    address: `${place.district}${place.town}${place.community}`,
    lng: point.lng,
    lat: point.lat,
    gridId: grid.id,
    communityId: grid.communityId,
    townId: grid.townId,
    districtId: grid.districtId,
    areaPath: grid.path,
    state: 'registered',
    currentOrgId: world.cityCentreId,
    acceptLimitValue: limits.acceptLimit.value,
    acceptLimitUnit: limits.acceptLimit.unit,
    resolveLimitValue: limits.resolveLimit.value,
    resolveLimitUnit: limits.resolveLimit.unit,
    externalRef:
      given?.externalRef ??
      (source === 'transfer_110' ? `110-${date.replaceAll('-', '')}-${random.int(1000, 9999)}` : null),
    createdAt,
    updatedAt: createdAt,
  };
  const handlers = playLifecycle(random, scene, story, {
    row,
    category,
    grid,
    limits,
    duplicate: master !== null,
  });
  return {
    day: date.replaceAll('-', ''),
    row: { ...row, ...story.row, version: story.version },
    events: story.events,
    // a case cut off before its dispatch, or sent back, has no handling units
    handlers: story.row.leadUnitId ? handlers : [],
    masterIndex: duplicateOf,
  };
}
