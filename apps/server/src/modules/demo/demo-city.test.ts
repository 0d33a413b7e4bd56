import {
  areaOfGeometry,
  BoundaryGeometry,
  bboxOfGeometry,
  type GeoPoint,
  isParentKindAllowed,
  type OrgKind,
  pointInGeometry,
} from '@shanzhi/shared';
import polygonClipping from 'polygon-clipping';
import { beforeAll, describe, expect, it } from 'vitest';
import { type DemoCityConfig, WUHAI_DEMO_CITY_CONFIG } from './demo-city.config.js';
import { loadWuhaiDistricts, loadWuhaiTowns } from './demo-city.data.js';
import { connectedParts, neighboursOfCells, toClipGeometry } from './demo-city.geometry.js';
import { apportion, buildDemoCity, type DemoCity, listDemoCityOrgs } from './demo-city.js';
import { createDemoRandom } from './demo-random.js';

let city: DemoCity;
beforeAll(() => {
  city = buildDemoCity();
});

const clipArea = (geometry: BoundaryGeometry): number =>
  areaOfGeometry({ type: 'MultiPolygon', coordinates: polygonClipping.union(toClipGeometry(geometry)) });

/** `count` seeded random points inside a boundary. */
function pointsInside(boundary: BoundaryGeometry, count: number, seed: number): GeoPoint[] {
  const random = createDemoRandom(seed);
  const box = bboxOfGeometry(boundary);
  const points: GeoPoint[] = [];
  while (points.length < count) {
    const point = {
      lng: box.minLng + random.next() * (box.maxLng - box.minLng),
      lat: box.minLat + random.next() * (box.maxLat - box.minLat),
    };
    if (pointInGeometry(point, boundary)) points.push(point);
  }
  return points;
}

describe('the committed district outlines', () => {
  const districts = loadWuhaiDistricts();

  it('are the three districts of Wuhai with their seats', () => {
    expect(districts.map((district) => [district.code, district.name, district.center])).toEqual([
      ['150302', '海勃湾区', [106.817762, 39.673527]],
      ['150303', '海南区', [106.884789, 39.44153]],
      ['150304', '乌达区', [106.722711, 39.502288]],
    ]);
  });

  it.each(districts.map((district) => [district.name, district] as const))(
    '%s is a valid polygon: its union with itself keeps its area within 1 %',
    (_name, district) => {
      const area = areaOfGeometry(district.boundary);
      expect(Math.abs(clipArea(district.boundary) - area) / area).toBeLessThan(0.01);
    },
  );

  it('do not overlap and leave no gap between neighbours', () => {
    const total = districts.reduce((sum, district) => sum + areaOfGeometry(district.boundary), 0);
    for (const [i, a] of districts.entries()) {
      for (const b of districts.slice(i + 1)) {
        const overlap = polygonClipping.intersection(toClipGeometry(a.boundary), toClipGeometry(b.boundary));
        expect(areaOfGeometry({ type: 'MultiPolygon', coordinates: overlap }) / total).toBeLessThan(1e-9);
      }
    }
    const [first, ...rest] = districts.map((district) => toClipGeometry(district.boundary));
    const union = polygonClipping.union(first!, ...rest);
    expect(union).toHaveLength(1);
    expect(union[0]).toHaveLength(1);
  });

  it('go with the 22 towns and streets', () => {
    const towns = loadWuhaiTowns();
    expect(towns).toHaveLength(22);
    expect(towns.filter((town) => town.areaCode === '150302')).toHaveLength(8);
    expect(towns.filter((town) => town.areaCode === '150303')).toHaveLength(5);
    expect(towns.filter((town) => town.areaCode === '150304')).toHaveLength(9);
  });
});

describe('buildDemoCity', () => {
  it('builds 1 city, 3 districts, 22 towns, 83 villages/communities and 786 grids', () => {
    expect(city.city).toMatchObject({ code: '150300', name: '乌海市', kind: 'city', parentCode: null });
    expect(city.districts).toHaveLength(3);
    expect(city.towns).toHaveLength(22);
    expect(city.communities).toHaveLength(83);
    expect(city.grids).toHaveLength(786);
  });

  it.each(WUHAI_DEMO_CITY_CONFIG.districts.map((district) => [district.code, district] as const))(
    'gives district %s the configured numbers of communities and grids',
    (code, config) => {
      expect(city.communities.filter((community) => community.code.startsWith(code))).toHaveLength(
        config.communities,
      );
      expect(city.grids.filter((grid) => grid.code.startsWith(code))).toHaveLength(config.grids);
    },
  );

  it('takes its numbers from the config', () => {
    const config: DemoCityConfig = {
      ...WUHAI_DEMO_CITY_CONFIG,
      districts: [{ code: '150304', communities: 12, grids: 30, urbanShare: 0.5, urbanSpreadKm: 3 }],
      partTimersPerGrid: { min: 2, max: 2 },
    };
    const small = buildDemoCity({ config });
    expect(small.districts.map((district) => district.code)).toEqual(['150304']);
    expect(small.towns).toHaveLength(9);
    expect(small.communities).toHaveLength(12);
    expect(small.grids).toHaveLength(30);
    expect(small.grids.every((grid) => grid.staff.length === 5)).toBe(true);
  });

  it('uses the official codes and names of the districts and towns', () => {
    expect(city.districts.map((district) => `${district.code} ${district.name}`)).toEqual([
      '150302 海勃湾区',
      '150303 海南区',
      '150304 乌达区',
    ]);
    const official = loadWuhaiTowns().map((town) => `${town.code} ${town.name} ${town.areaCode}`);
    const built = city.towns.map((town) => `${town.code} ${town.name} ${town.parentCode}`);
    expect([...built].sort()).toEqual([...official].sort());
  });

  it('codes communities as town + 3 digits and grids as community + 3 digits, all unique', () => {
    for (const community of city.communities) {
      expect(community.code).toMatch(/^\d{12}$/);
      expect(community.code.slice(0, 9)).toBe(community.parentCode);
    }
    for (const grid of city.grids) {
      expect(grid.code).toMatch(/^\d{15}$/);
      expect(grid.code.slice(0, 12)).toBe(grid.parentCode);
      expect(grid.code.slice(12)).not.toBe('000');
    }
    const codes = listDemoCityOrgs(city).map((org) => org.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('hangs every org under an existing parent of the right kind, parents listed first', () => {
    const seen = new Map<string, OrgKind>();
    for (const org of listDemoCityOrgs(city)) {
      const parentKind = org.parentCode === null ? null : seen.get(org.parentCode);
      expect(parentKind).not.toBeUndefined();
      expect(isParentKindAllowed(org.kind, parentKind ?? null)).toBe(true);
      seen.set(org.code, org.kind);
    }
    const kinds = Object.fromEntries(listDemoCityOrgs(city).map((org) => [org.code, org.kind]));
    expect(city.grids.every((grid) => kinds[grid.parentCode] === 'community')).toBe(true);
    expect(city.communities.every((community) => kinds[community.parentCode!] === 'town')).toBe(true);
    expect(city.towns.every((town) => kinds[town.parentCode!] === 'district')).toBe(true);
  });

  it('gives every town at least one community and every community at least one grid', () => {
    for (const town of city.towns) {
      expect(city.communities.some((community) => community.parentCode === town.code)).toBe(true);
    }
    for (const community of city.communities) {
      expect(city.grids.some((grid) => grid.parentCode === community.code)).toBe(true);
    }
  });

  it('names communities without repeats in a town, and grids after their community', () => {
    const townNames = new Map(city.towns.map((town) => [town.code, town.name]));
    for (const town of city.towns) {
      const names = city.communities.filter((c) => c.parentCode === town.code).map((c) => c.name);
      expect(new Set(names).size).toBe(names.length);
    }
    for (const community of city.communities) {
      const townName = townNames.get(community.parentCode!)!;
      expect(community.name).toMatch(
        townName.endsWith('镇') ? /^\p{Script=Han}+(社区|村)$/u : /^\p{Script=Han}+社区$/u,
      );
      const grids = city.grids.filter((grid) => grid.parentCode === community.code);
      grids.forEach((grid, index) => {
        expect(grid.name).toBe(`${community.name}第${index + 1}网格`);
        expect(grid.code.slice(12)).toBe(String(index + 1).padStart(3, '0'));
      });
    }
  });

  it('is deterministic: the same seed gives byte-identical output, another seed another city', () => {
    const again = buildDemoCity();
    expect(again).toEqual(city);
    expect(JSON.stringify(again)).toBe(JSON.stringify(city));
    const other = buildDemoCity({ seed: 7 });
    expect(other.grids).toHaveLength(786);
    expect(JSON.stringify(other.grids.map((grid) => grid.center))).not.toBe(
      JSON.stringify(city.grids.map((grid) => grid.center)),
    );
  });

  it('gives every org a valid boundary that holds its centre', () => {
    for (const org of listDemoCityOrgs(city)) {
      expect(BoundaryGeometry.safeParse(org.boundary).success).toBe(true);
      expect(pointInGeometry(org.center, org.boundary)).toBe(true);
    }
  });

  it('makes the city the union of its districts', () => {
    const sum = city.districts.reduce((total, district) => total + areaOfGeometry(district.boundary), 0);
    expect(areaOfGeometry(city.city.boundary) / sum).toBeCloseTo(1, 6);
  });
});

describe('the grids of the demo city', () => {
  it.each([['150302'], ['150303'], ['150304']])(
    'tile district %s: their areas add up to its area',
    (code) => {
      const district = city.districts.find((d) => d.code === code)!;
      const grids = city.grids.filter((grid) => grid.code.startsWith(code));
      const sum = grids.reduce((total, grid) => total + areaOfGeometry(grid.boundary), 0);
      expect(
        Math.abs(sum - areaOfGeometry(district.boundary)) / areaOfGeometry(district.boundary),
      ).toBeLessThan(0.005);
    },
  );

  it.each([['150302'], ['150303'], ['150304']])(
    'tile district %s: each of 2,000 random points in it lies in exactly one of its grids',
    (code) => {
      const district = city.districts.find((d) => d.code === code)!;
      const grids = city.grids.filter((grid) => grid.code.startsWith(code));
      const misses: GeoPoint[] = [];
      for (const point of pointsInside(district.boundary, 2000, Number(code))) {
        const holders = grids.filter((grid) => pointInGeometry(point, grid.boundary));
        if (holders.length !== 1) misses.push(point);
      }
      expect(misses).toEqual([]);
    },
  );

  it.each([
    ['150302', { lng: 106.817762, lat: 39.673527 }],
    ['150303', { lng: 106.884789, lat: 39.44153 }],
    ['150304', { lng: 106.722711, lat: 39.502288 }],
  ])('cover the seat of district %s', (code, seat) => {
    const holders = city.grids.filter((grid) => pointInGeometry(seat, grid.boundary));
    expect(holders).toHaveLength(1);
    expect(holders[0]!.code.startsWith(code)).toBe(true);
  });

  it('make up connected communities and towns (through shared edges)', () => {
    const neighbours = neighboursOfCells(city.grids.map((grid) => grid.boundary));
    const index = new Map(city.grids.map((grid, i) => [grid.code, i]));
    for (const org of [...city.towns, ...city.communities]) {
      const members = city.grids
        .filter((grid) => grid.code.startsWith(org.code))
        .map((g) => index.get(g.code)!);
      const set = new Set(members);
      expect(
        connectedParts(members, neighbours, (cell) => set.has(cell)),
        org.code,
      ).toHaveLength(1);
    }
  });

  it('are staffed 一格一长一警一专多兼: 1 leader, 1 police officer, 1 full-timer, 1–3 part-timers', () => {
    const phones = new Set<string>();
    for (const grid of city.grids) {
      const count = (role: string) => grid.staff.filter((member) => member.role === role).length;
      expect([count('leader'), count('police'), count('full_time')]).toEqual([1, 1, 1]);
      expect(count('part_time')).toBeGreaterThanOrEqual(1);
      expect(count('part_time')).toBeLessThanOrEqual(3);
      expect(grid.staff).toHaveLength(3 + count('part_time'));
      for (const member of grid.staff) {
        expect(member.name).toMatch(/^\p{Script=Han}{2,3}$/u);
        expect(member.phone).toMatch(/^1[358]\d{9}$/);
        phones.add(member.phone);
      }
    }
    expect(phones.size).toBe(city.grids.reduce((total, grid) => total + grid.staff.length, 0));
  });
});

describe('apportion', () => {
  it.each([
    [40, [1, 1, 1, 1, 1, 1, 1, 1], [1, 1, 1, 1, 1, 1, 1, 1], [5, 5, 5, 5, 5, 5, 5, 5]],
    [18, [1, 1, 1, 1, 1], [1, 1, 1, 1, 1], [4, 4, 4, 3, 3]],
    [170, [4, 4, 4, 3, 3], [4, 4, 4, 3, 3], [38, 38, 38, 28, 28]],
    [10, [1, 3], [0, 0], [3, 7]],
    [5, [0, 1], [2, 0], [2, 3]],
  ])('shares %i out by weights %j with minimums %j as %j', (total, weights, minimums, expected) => {
    const shares = apportion(total, weights, minimums);
    expect(shares).toEqual(expected);
    expect(shares.reduce((sum, share) => sum + share, 0)).toBe(total);
  });

  it('refuses a total below the minimums', () => {
    expect(() => apportion(2, [1, 1, 1], [1, 1, 1])).toThrow();
  });
});
