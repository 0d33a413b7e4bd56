import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSeededApi, expectError, expectOk, orgIdOf, type SeededApi } from '../../test/api.js';
import { WUHAI_DEMO_CITY_CONFIG } from '../demo/demo-city.config.js';

let api: SeededApi;
const ids: Record<string, number> = {};

const DISTRICTS = [
  { code: '150302', name: '海勃湾区', center: { lng: 106.817762, lat: 39.673527 } },
  { code: '150303', name: '海南区', center: { lng: 106.884789, lat: 39.44153 } },
  { code: '150304', name: '乌达区', center: { lng: 106.722711, lat: 39.502288 } },
] as const;

beforeAll(async () => {
  api = await createSeededApi();
  for (const code of ['150300', '150302', '150303', '150304']) ids[code] = await orgIdOf(api.ctx, code);
});
afterAll(async () => {
  await api?.close();
});

async function totalOf(url: string, user = 'admin'): Promise<number> {
  return (await expectOk(api.get(url, user))).total;
}

/** A square polygon of `size` degrees with its south-west corner at lng/lat. */
function square(lng: number, lat: number, size = 0.01) {
  return {
    type: 'Polygon' as const,
    coordinates: [
      [
        [lng, lat],
        [lng + size, lat],
        [lng + size, lat + size],
        [lng, lat + size],
        [lng, lat],
      ],
    ],
  };
}

async function childrenOf(parentId: number, kind: string) {
  return (await expectOk(api.get(`/api/v1/orgs?parentId=${parentId}&kind=${kind}&pageSize=200`))).items as {
    id: number;
    code: string;
    name: string;
    version: number;
    childCount: number;
  }[];
}

describe('reading the org tree', () => {
  it.each([
    ['city', 1],
    ['district', 3],
    ['town', 22],
    ['community', 83],
    ['grid', 786],
  ])('counts the %s orgs of the demo city: %i', async (kind, total) => {
    const body = await expectOk(api.get(`/api/v1/orgs?kind=${kind}&pageSize=1`));
    expect(body.total).toBe(total);
    expect(body.items).toHaveLength(1);
    expect(body.items[0].kind).toBe(kind);
  });

  it('pages through a list without repeating an org', async () => {
    const first = await expectOk(api.get('/api/v1/orgs?kind=town&pageSize=10&page=1'));
    const third = await expectOk(api.get('/api/v1/orgs?kind=town&pageSize=10&page=3'));
    expect(first.items).toHaveLength(10);
    expect(third.items).toHaveLength(2);
    const codes = [...first.items, ...third.items].map((o: { code: string }) => o.code);
    expect(new Set(codes).size).toBe(12);
  });

  it('finds an org by part of its name', async () => {
    const body = await expectOk(api.get(`/api/v1/orgs?q=${encodeURIComponent('乌达')}&kind=district`));
    expect(body.items.map((o: { code: string }) => o.code)).toEqual(['150304']);
  });

  it('starts the lazy tree at the city and loads its children on demand', async () => {
    const root = await expectOk(api.get('/api/v1/orgs/tree'));
    expect(root.items).toHaveLength(1);
    expect(root.items[0]).toMatchObject({ code: '150300', kind: 'city', parentId: null, depth: 0 });
    expect(root.items[0].childCount).toBeGreaterThanOrEqual(3);

    const children = await expectOk(api.get(`/api/v1/orgs/tree?parentId=${ids['150300']}`));
    const districts = children.items.filter((o: { kind: string }) => o.kind === 'district');
    expect(districts.map((o: { code: string }) => o.code).sort()).toEqual(['150302', '150303', '150304']);
    for (const child of children.items) expect(child.parentId).toBe(ids['150300']);
    expect(children.items.some((o: { kind: string }) => o.kind === 'unit')).toBe(true);
    expect(children.items.some((o: { kind: string }) => o.kind === 'center')).toBe(true);

    const towns = await expectOk(api.get(`/api/v1/orgs/tree?parentId=${ids['150302']}`));
    const townItems = towns.items.filter((o: { kind: string }) => o.kind === 'town');
    expect(townItems.length).toBeGreaterThan(0);
    for (const town of townItems) {
      expect(town.depth).toBe(2);
      expect(town.childCount).toBeGreaterThan(0);
      expect(town.hasBoundary).toBe(true);
    }
  });

  it.each(WUHAI_DEMO_CITY_CONFIG.districts.map((d) => [d.code, d.grids, d.communities] as const))(
    'holds in the subtree of district %s exactly its %i grids and %i communities',
    async (code, grids, communities) => {
      expect(await totalOf(`/api/v1/orgs/${ids[code]}/subtree?kind=grid&pageSize=1`)).toBe(grids);
      expect(await totalOf(`/api/v1/orgs/${ids[code]}/subtree?kind=community&pageSize=1`)).toBe(communities);
      expect(await totalOf(`/api/v1/orgs?within=${ids[code]}&kind=grid&pageSize=1`)).toBe(grids);
    },
  );

  it('shows a grid with its ancestors and its 4–6 staff, phones masked for a role without personal_data.read', async () => {
    const [grid] = (await expectOk(api.get(`/api/v1/orgs/${ids['150303']}/subtree?kind=grid&pageSize=1`)))
      .items;
    const detail = await expectOk(api.get(`/api/v1/orgs/${grid.id}`, 'leader'));
    expect(detail.kind).toBe('grid');
    expect(detail.ancestors.map((a: { kind: string }) => a.kind)).toEqual([
      'city',
      'district',
      'town',
      'community',
    ]);
    expect(detail.ancestors[1].code).toBe('150303');
    expect(detail.ancestors[3].id).toBe(detail.parentId);
    expect(detail.boundary.type).toMatch(/^(Multi)?Polygon$/);
    expect(detail.staff.length).toBeGreaterThanOrEqual(4);
    expect(detail.staff.length).toBeLessThanOrEqual(6);
    const roles = detail.staff.map((s: { role: string }) => s.role);
    for (const role of ['leader', 'police', 'full_time'])
      expect(roles.filter((r: string) => r === role)).toHaveLength(1);
    for (const member of detail.staff) expect(member.phone).toMatch(/^1\d{2}\*{4}\d{4}$/);

    const forAdmin = await expectOk(api.get(`/api/v1/orgs/${grid.id}`));
    for (const member of forAdmin.staff) expect(member.phone).toMatch(/^1\d{10}$/);
    expect(forAdmin.staff.map((s: { name: string }) => s.name)).toEqual(
      detail.staff.map((s: { name: string }) => s.name),
    );
  });

  it('answers 404 ORG_NOT_FOUND for an org that does not exist', async () => {
    expectError(await api.get('/api/v1/orgs/999999'), 404, 'ORG_NOT_FOUND');
    expectError(await api.get('/api/v1/orgs/999999/subtree'), 404, 'ORG_NOT_FOUND');
  });

  it('refuses an id that is not a positive integer with 400 on params.id', async () => {
    expectError(await api.get('/api/v1/orgs/abc'), 400, 'VALIDATION_FAILED', /id/);
    expectError(await api.get('/api/v1/orgs/-1'), 400, 'VALIDATION_FAILED', /id/);
  });
});

describe('locating a point', () => {
  it.each(DISTRICTS.map((d) => [d.name, d] as const))(
    'finds a grid of %s at its centre',
    async (_name, district) => {
      const body = await expectOk(
        api.get(`/api/v1/orgs/locate?lng=${district.center.lng}&lat=${district.center.lat}`),
      );
      expect(body.district.code).toBe(district.code);
      expect(body.city.code).toBe('150300');
      expect(body.grid.kind).toBe('grid');
      expect(body.grid.code.startsWith(district.code)).toBe(true);
      expect(body.community.kind).toBe('community');
      expect(body.town.kind).toBe('town');
      const grid = await expectOk(api.get(`/api/v1/orgs/${body.grid.id}`));
      expect(grid.ancestors.map((a: { id: number }) => a.id)).toEqual([
        body.city.id,
        body.district.id,
        body.town.id,
        body.community.id,
      ]);
    },
  );

  it('answers 404 POINT_OUTSIDE_CITY for a point outside the city', async () => {
    expectError(await api.get('/api/v1/orgs/locate?lng=116.397428&lat=39.90923'), 404, 'POINT_OUTSIDE_CITY');
  });

  it('refuses a latitude of 200 with 400 on query.lat', async () => {
    expectError(
      await api.get('/api/v1/orgs/locate?lng=106.8&lat=200'),
      400,
      'VALIDATION_FAILED',
      'query.lat',
    );
  });

  it('refuses a missing or non-numeric coordinate with 400', async () => {
    expectError(await api.get('/api/v1/orgs/locate?lng=106.8'), 400, 'VALIDATION_FAILED', 'query.lat');
    expectError(
      await api.get('/api/v1/orgs/locate?lng=east&lat=39.6'),
      400,
      'VALIDATION_FAILED',
      'query.lng',
    );
  });
});

describe('admin writes', () => {
  let town: { id: number; code: string };
  let otherTown: { id: number; code: string };
  let community: { id: number; version: number };
  let grid: { id: number; version: number; center: { lng: number; lat: number } };

  beforeAll(async () => {
    const towns = await childrenOf(ids['150302']!, 'town');
    town = towns[0]!;
    otherTown = towns[1]!;
  });

  it('creates a community under a town and a grid with a polygon under it', async () => {
    community = await expectOk(
      api.send('POST', '/api/v1/orgs', {
        parentId: town.id,
        code: 'T-COMM-1',
        name: '测试社区',
        kind: 'community',
      }),
      201,
    );
    expect(community).toMatchObject({ parentId: town.id, kind: 'community', active: true, version: 0 });
    grid = await expectOk(
      api.send('POST', '/api/v1/orgs', {
        parentId: community.id,
        code: 'T-GRID-1',
        name: '测试网格',
        kind: 'grid',
        boundary: square(100, 30),
      }),
      201,
    );
    expect(grid).toMatchObject({ kind: 'grid', hasBoundary: true });
    expect(grid.center.lng).toBeCloseTo(100.005, 9);
    expect(grid.center.lat).toBeCloseTo(30.005, 9);
    const detail = await expectOk(api.get(`/api/v1/orgs/${grid.id}`));
    expect(detail.ancestors.map((a: { id: number }) => a.id)).toEqual([
      ids['150300'],
      ids['150302'],
      town.id,
      community.id,
    ]);
    expect(detail.staff).toEqual([]);
    const located = await expectOk(api.get('/api/v1/orgs/locate?lng=100.005&lat=30.005'));
    expect(located.grid.id).toBe(grid.id);
    expect(located.district.code).toBe('150302');
    const created = await api.app.inject({
      method: 'GET',
      url: '/api/v1/audit?action=org.created',
      headers: await api.as('admin'),
    });
    expect(created.json().items.map((e: { targetId: string }) => e.targetId)).toContain(String(grid.id));
  });

  it('refuses a duplicate code with 409 DUPLICATE_CODE on the field code', async () => {
    const before = await totalOf('/api/v1/orgs?kind=community&pageSize=1');
    expectError(
      await api.send('POST', '/api/v1/orgs', {
        parentId: town.id,
        code: 'T-COMM-1',
        name: '另一个社区',
        kind: 'community',
      }),
      409,
      'DUPLICATE_CODE',
      'code',
    );
    expectError(
      await api.send('POST', '/api/v1/orgs', {
        parentId: town.id,
        code: '150302',
        name: '重复',
        kind: 'community',
      }),
      409,
      'DUPLICATE_CODE',
      'code',
    );
    expect(await totalOf('/api/v1/orgs?kind=community&pageSize=1')).toBe(before);
  });

  it('refuses a grid directly under a district with 400 ORG_KIND_NOT_ALLOWED', async () => {
    expectError(
      await api.send('POST', '/api/v1/orgs', {
        parentId: ids['150302'],
        code: 'T-GRID-BAD',
        name: '错层网格',
        kind: 'grid',
        boundary: square(100, 31),
      }),
      400,
      'ORG_KIND_NOT_ALLOWED',
    );
    expect(await totalOf('/api/v1/orgs?q=T-GRID-BAD&active=all')).toBe(0);
  });

  it('refuses a second city and a parent that does not exist', async () => {
    expectError(
      await api.send('POST', '/api/v1/orgs', {
        parentId: null,
        code: 'T-CITY',
        name: '另一城',
        kind: 'district',
      }),
      400,
      'VALIDATION_FAILED',
      'parentId',
    );
    expectError(
      await api.send('POST', '/api/v1/orgs', { parentId: 999999, code: 'T-X', name: '无上级', kind: 'unit' }),
      400,
      'VALIDATION_FAILED',
      'parentId',
    );
  });

  const closedRing = [
    [100, 32],
    [100.01, 32],
    [100.01, 32.01],
    [100, 32],
  ];
  it.each([
    ['an unclosed ring', { type: 'Polygon', coordinates: [closedRing.slice(0, 3).concat([[100, 32.01]])] }],
    [
      'a ring of 3 positions',
      {
        type: 'Polygon',
        coordinates: [
          [
            [100, 32],
            [100.01, 32],
            [100, 32],
          ],
        ],
      },
    ],
    [
      'numbers given as strings',
      {
        type: 'Polygon',
        coordinates: [
          [
            ['NaN', '32'],
            [100.01, 32],
            [100.01, 32.01],
            ['NaN', '32'],
          ],
        ],
      },
    ],
    [
      'a longitude out of range',
      {
        type: 'Polygon',
        coordinates: [
          [
            [500, 32],
            [100.01, 32],
            [100.01, 32.01],
            [500, 32],
          ],
        ],
      },
    ],
    ['a point instead of a polygon', { type: 'Point', coordinates: [100, 32] }],
    ['a polygon without rings', { type: 'Polygon', coordinates: [] }],
    ['coordinates that are not arrays', { type: 'MultiPolygon', coordinates: 'here' }],
    ['an altitude', { type: 'Polygon', coordinates: [closedRing.map(([x, y]) => [x, y, 10])] }],
  ])('refuses a boundary with %s: 400 on a boundary field, nothing created', async (_what, boundary) => {
    const response = await api.send('POST', '/api/v1/orgs', {
      parentId: community.id,
      code: 'T-GRID-GEO',
      name: '坏边界网格',
      kind: 'grid',
      boundary,
    });
    expectError(response, 400, 'VALIDATION_FAILED', /^boundary/);
    expect(await totalOf('/api/v1/orgs?q=T-GRID-GEO&active=all')).toBe(0);
  });

  it('refuses an invalid boundary on a change too, and keeps the old one', async () => {
    const response = await api.send('PATCH', `/api/v1/orgs/${grid.id}`, {
      version: grid.version,
      boundary: { type: 'Polygon', coordinates: [closedRing.slice(0, 3)] },
    });
    expectError(response, 400, 'VALIDATION_FAILED', /^boundary/);
    const detail = await expectOk(api.get(`/api/v1/orgs/${grid.id}`));
    expect(detail.boundary).toEqual(square(100, 30));
    expect(detail.version).toBe(grid.version);
  });

  it('refuses an unknown field with 400 naming it', async () => {
    expectError(
      await api.send('POST', '/api/v1/orgs', {
        parentId: town.id,
        code: 'T-COMM-X',
        name: '多余字段',
        kind: 'community',
        colour: 'red',
      }),
      400,
      'VALIDATION_FAILED',
      'colour',
    );
    expectError(
      await api.send('PATCH', `/api/v1/orgs/${community.id}`, { version: community.version, colour: 'red' }),
      400,
      'VALIDATION_FAILED',
      'colour',
    );
    expect(await totalOf('/api/v1/orgs?q=T-COMM-X&active=all')).toBe(0);
  });

  it('refuses to move an org under its own descendant with 409 ORG_CYCLE, changing nothing', async () => {
    const a = await expectOk(
      api.send('POST', '/api/v1/orgs', {
        parentId: ids['150300'],
        code: 'T-UNIT-A',
        name: '测试局',
        kind: 'unit',
      }),
      201,
    );
    const b = await expectOk(
      api.send('POST', '/api/v1/orgs', { parentId: a.id, code: 'T-UNIT-B', name: '测试科', kind: 'unit' }),
      201,
    );
    const c = await expectOk(
      api.send('POST', '/api/v1/orgs', { parentId: b.id, code: 'T-UNIT-C', name: '测试股', kind: 'unit' }),
      201,
    );
    expectError(
      await api.send('PATCH', `/api/v1/orgs/${a.id}`, { version: a.version, parentId: c.id }),
      409,
      'ORG_CYCLE',
    );
    expectError(
      await api.send('PATCH', `/api/v1/orgs/${a.id}`, { version: a.version, parentId: b.id }),
      409,
      'ORG_CYCLE',
    );
    expectError(
      await api.send('PATCH', `/api/v1/orgs/${a.id}`, { version: a.version, parentId: a.id }),
      409,
      'ORG_CYCLE',
    );
    const after = await expectOk(api.get(`/api/v1/orgs/${a.id}`));
    expect(after).toMatchObject({ parentId: ids['150300'], version: a.version, depth: 1 });
    const cAfter = await expectOk(api.get(`/api/v1/orgs/${c.id}`));
    expect(cAfter.ancestors.map((x: { id: number }) => x.id)).toEqual([ids['150300'], a.id, b.id]);
  });

  it('moves a community to another town with all its grids', async () => {
    const communities = await childrenOf(town.id, 'community');
    const moving = communities.find((c) => c.childCount > 0 && c.id !== community.id)!;
    const movingGrids = await totalOf(`/api/v1/orgs/${moving.id}/subtree?kind=grid&pageSize=1`);
    expect(movingGrids).toBeGreaterThan(0);
    const gridsOfOtherBefore = await totalOf(`/api/v1/orgs/${otherTown.id}/subtree?kind=grid&pageSize=1`);
    const gridsOfTownBefore = await totalOf(`/api/v1/orgs/${town.id}/subtree?kind=grid&pageSize=1`);
    const [aGrid] = (await expectOk(api.get(`/api/v1/orgs/${moving.id}/subtree?kind=grid&pageSize=1`))).items;

    const moved = await expectOk(
      api.send('PATCH', `/api/v1/orgs/${moving.id}`, { version: moving.version, parentId: otherTown.id }),
    );
    expect(moved).toMatchObject({ parentId: otherTown.id, version: moving.version + 1, depth: 3 });

    const gridAfter = await expectOk(api.get(`/api/v1/orgs/${aGrid.id}`));
    expect(gridAfter.ancestors.map((a: { id: number }) => a.id)).toEqual([
      ids['150300'],
      ids['150302'],
      otherTown.id,
      moving.id,
    ]);
    expect(gridAfter.depth).toBe(4);
    expect(await totalOf(`/api/v1/orgs/${otherTown.id}/subtree?kind=grid&pageSize=1`)).toBe(
      gridsOfOtherBefore + movingGrids,
    );
    expect(await totalOf(`/api/v1/orgs/${town.id}/subtree?kind=grid&pageSize=1`)).toBe(
      gridsOfTownBefore - movingGrids,
    );
    expect(await totalOf('/api/v1/orgs?kind=grid&pageSize=1')).toBe(786 + 1);
  });

  it('refuses a change made on a stale version with 409 VERSION_CONFLICT, changing nothing', async () => {
    const current = await expectOk(api.get(`/api/v1/orgs/${community.id}`));
    const renamed = await expectOk(
      api.send('PATCH', `/api/v1/orgs/${community.id}`, { version: current.version, name: '测试社区（改）' }),
    );
    expect(renamed.version).toBe(current.version + 1);
    expectError(
      await api.send('PATCH', `/api/v1/orgs/${community.id}`, { version: current.version, name: '又改了' }),
      409,
      'VERSION_CONFLICT',
    );
    const after = await expectOk(api.get(`/api/v1/orgs/${community.id}`));
    expect(after).toMatchObject({ name: '测试社区（改）', version: current.version + 1 });
    community = after;
  });

  it('refuses to change a code to one already in use', async () => {
    expectError(
      await api.send('PATCH', `/api/v1/orgs/${community.id}`, { version: community.version, code: '150303' }),
      409,
      'DUPLICATE_CODE',
      'code',
    );
    expect((await expectOk(api.get(`/api/v1/orgs/${community.id}`))).code).toBe('T-COMM-1');
  });

  it('refuses to deactivate an org with active children, and deactivates it once they are', async () => {
    expectError(
      await api.send('POST', `/api/v1/orgs/${community.id}/deactivate`, { version: community.version }),
      409,
      'ORG_HAS_ACTIVE_CHILDREN',
    );
    expect((await expectOk(api.get(`/api/v1/orgs/${community.id}`))).active).toBe(true);
    const townNow = await expectOk(api.get(`/api/v1/orgs/${town.id}`));
    expectError(
      await api.send('POST', `/api/v1/orgs/${town.id}/deactivate`, { version: townNow.version }),
      409,
      'ORG_HAS_ACTIVE_CHILDREN',
    );

    const g = await expectOk(api.get(`/api/v1/orgs/${grid.id}`));
    expectError(
      await api.send('POST', `/api/v1/orgs/${grid.id}/deactivate`, { version: g.version + 5 }),
      409,
      'VERSION_CONFLICT',
    );
    const off = await expectOk(
      api.send('POST', `/api/v1/orgs/${grid.id}/deactivate`, { version: g.version }),
    );
    expect(off.active).toBe(false);
    expectError(await api.get('/api/v1/orgs/locate?lng=100.005&lat=30.005'), 404, 'POINT_OUTSIDE_CITY');
    const c = await expectOk(api.get(`/api/v1/orgs/${community.id}`));
    expect(c.childCount).toBe(0);
    const cOff = await expectOk(
      api.send('POST', `/api/v1/orgs/${community.id}/deactivate`, { version: c.version }),
    );
    expect(cOff.active).toBe(false);
    expect(await totalOf(`/api/v1/orgs?q=T-COMM-1`)).toBe(0);
    expect(await totalOf(`/api/v1/orgs?q=T-COMM-1&active=false`)).toBe(1);

    expectError(
      await api.send('POST', '/api/v1/orgs', {
        parentId: community.id,
        code: 'T-GRID-2',
        name: '停用社区下的网格',
        kind: 'grid',
      }),
      400,
      'VALIDATION_FAILED',
      'parentId',
    );
    const cOn = await expectOk(
      api.send('POST', `/api/v1/orgs/${community.id}/activate`, { version: cOff.version }),
    );
    expect(cOn.active).toBe(true);
  });

  it('sets the staff of a grid and refuses two grid leaders or staff on a non-grid', async () => {
    const staff = [
      { role: 'leader', name: '格长甲', phone: '13900000001' },
      { role: 'police', name: '民警乙', phone: '13900000002' },
      { role: 'full_time', name: '专职丙', phone: null },
      { role: 'part_time', name: '兼职丁' },
    ];
    const body = await expectOk(api.send('PUT', `/api/v1/orgs/${grid.id}/staff`, { staff }));
    expect(body.staff).toHaveLength(4);
    const detail = await expectOk(api.get(`/api/v1/orgs/${grid.id}`, 'leader'));
    expect(detail.staff.map((s: { phone: string | null }) => s.phone)).toEqual([
      '139****0001',
      '139****0002',
      null,
      null,
    ]);
    expectError(
      await api.send('PUT', `/api/v1/orgs/${grid.id}/staff`, {
        staff: [staff[0], { ...staff[0], name: '格长戊' }],
      }),
      400,
      'VALIDATION_FAILED',
      'staff',
    );
    expectError(
      await api.send('PUT', `/api/v1/orgs/${community.id}/staff`, { staff }),
      400,
      'ORG_KIND_NOT_ALLOWED',
    );
    expect((await expectOk(api.get(`/api/v1/orgs/${grid.id}`))).staff).toHaveLength(4);
  });
});

describe('data scope', () => {
  it('shows the district dispatcher only the orgs of 海勃湾区', async () => {
    const grids = await totalOf('/api/v1/orgs?kind=grid&pageSize=1', 'dispatcher_hbw');
    const ofDistrict = await totalOf(`/api/v1/orgs/${ids['150302']}/subtree?kind=grid&pageSize=1`);
    expect(grids).toBe(ofDistrict);
    expect(await totalOf('/api/v1/orgs?kind=district', 'dispatcher_hbw')).toBe(1);
    expect(await totalOf('/api/v1/orgs?kind=city', 'dispatcher_hbw')).toBe(0);
    const root = await expectOk(api.get('/api/v1/orgs/tree', 'dispatcher_hbw'));
    expect(root.items.map((o: { code: string }) => o.code)).toEqual(['150302']);
  });

  it.each(['150303', '150304'])(
    'refuses the district dispatcher any read of district %s with 403 OUT_OF_SCOPE',
    async (code) => {
      const districtId = ids[code]!;
      const [grid] = (await expectOk(api.get(`/api/v1/orgs/${districtId}/subtree?kind=grid&pageSize=1`)))
        .items;
      for (const url of [
        `/api/v1/orgs/${districtId}`,
        `/api/v1/orgs/${grid.id}`,
        `/api/v1/orgs/${districtId}/subtree`,
        `/api/v1/orgs?within=${districtId}`,
        `/api/v1/orgs?parentId=${districtId}`,
        `/api/v1/orgs/tree?parentId=${districtId}`,
        `/api/v1/orgs/${ids['150300']}`,
      ]) {
        expectError(await api.get(url, 'dispatcher_hbw'), 403, 'OUT_OF_SCOPE');
      }
      const centre = DISTRICTS.find((d) => d.code === code)!.center;
      expectError(
        await api.get(`/api/v1/orgs/locate?lng=${centre.lng}&lat=${centre.lat}`, 'dispatcher_hbw'),
        403,
        'OUT_OF_SCOPE',
      );
    },
  );

  it('lets the district dispatcher read and locate inside his district', async () => {
    const c = DISTRICTS[0].center;
    const located = await expectOk(
      api.get(`/api/v1/orgs/locate?lng=${c.lng}&lat=${c.lat}`, 'dispatcher_hbw'),
    );
    expect(located.district.code).toBe('150302');
    const detail = await expectOk(api.get(`/api/v1/orgs/${located.grid.id}`, 'dispatcher_hbw'));
    expect(detail.staff.length).toBeGreaterThanOrEqual(4);
    for (const member of detail.staff) expect(member.phone).toMatch(/^1\d{10}$/);
  });

  it('shows the city dispatcher, at a centre under the city, the whole city', async () => {
    expect(await totalOf('/api/v1/orgs?kind=grid&pageSize=1', 'dispatcher')).toBe(
      await totalOf('/api/v1/orgs?kind=grid&pageSize=1'),
    );
    expect(await totalOf('/api/v1/orgs?kind=district', 'dispatcher')).toBe(3);
    const root = await expectOk(api.get('/api/v1/orgs/tree', 'dispatcher'));
    expect(root.items.map((o: { code: string }) => o.code)).toEqual(['150300']);
    for (const d of DISTRICTS)
      expect((await expectOk(api.get(`/api/v1/orgs/${ids[d.code]}`, 'dispatcher'))).code).toBe(d.code);
  });

  it('confines a grid worker to his grid', async () => {
    const grids = await expectOk(api.get('/api/v1/orgs?kind=grid', 'grid'));
    expect(grids.total).toBe(1);
    expectError(await api.get(`/api/v1/orgs/${ids['150302']}`, 'grid'), 403, 'OUT_OF_SCOPE');
  });

  it.each(['leader', 'dispatcher', 'dispatcher_hbw', 'agent'])(
    'refuses writes to %s, who lacks org.write, with 403 FORBIDDEN and changes nothing',
    async (user) => {
      const before = await expectOk(api.get(`/api/v1/orgs/${ids['150302']}`));
      const attempts = [
        api.send(
          'POST',
          '/api/v1/orgs',
          { parentId: ids['150302'], code: 'T-F', name: '越权', kind: 'town' },
          user,
        ),
        api.send('PATCH', `/api/v1/orgs/${ids['150302']}`, { version: before.version, name: '改名' }, user),
        api.send('POST', `/api/v1/orgs/${ids['150302']}/deactivate`, { version: before.version }, user),
        api.send('PUT', `/api/v1/orgs/${ids['150302']}/staff`, { staff: [] }, user),
      ];
      for (const response of await Promise.all(attempts)) expectError(response, 403, 'FORBIDDEN');
      expect(await expectOk(api.get(`/api/v1/orgs/${ids['150302']}`))).toEqual(before);
      expect(await totalOf('/api/v1/orgs?q=T-F&active=all')).toBe(0);
    },
  );

  it('refuses org reads to citizens and merchants, who lack org.read', async () => {
    expectError(await api.get('/api/v1/orgs', 'citizen'), 403, 'FORBIDDEN');
    expectError(await api.get(`/api/v1/orgs/${ids['150300']}`, 'merchant'), 403, 'FORBIDDEN');
  });
});
