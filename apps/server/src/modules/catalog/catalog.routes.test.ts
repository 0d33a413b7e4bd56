import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries, createSeededApi, expectError, type SeededApi } from '../../test/api.js';
import { type AssembledCatalog, assembleCatalog } from './sources/assemble-catalog.js';

let api: SeededApi;
let catalog: AssembledCatalog;

interface Category {
  id: number;
  code: string;
  name: string;
  level: number;
  parentId: number | null;
  defaultUnitCode: string | null;
  defaultUnitName: string | null;
  priority: string | null;
  acceptLimit: { value: number; unit: string } | null;
  resolveLimit: { value: number; unit: string } | null;
  police: boolean;
  active: boolean;
}

beforeAll(async () => {
  api = await createSeededApi();
  catalog = await assembleCatalog({
    teddyDir: path.join(api.ctx.config.SHANZHI_SHARED_DATA_DIR, 'teddy_cup_2020_c'),
  });
});
afterAll(async () => {
  await api?.close();
});

async function list(query = ''): Promise<Category[]> {
  const response = await api.get(`/api/v1/catalog/categories${query}`);
  expect(response.statusCode, response.body.slice(0, 500)).toBe(200);
  const body = response.json();
  expect(body.total).toBe(body.items.length);
  return body.items;
}

const LEAF = {
  defaultUnitCode: 'unit.housing',
  priority: 'normal',
  acceptLimit: { value: 2, unit: 'working_hours' },
  resolveLimit: { value: 5, unit: 'working_days' },
};

describe('reading the catalog', () => {
  it('lists the areas of the assembled catalog (at least the 11 of the demo tree)', async () => {
    const areas = await list('?level=1');
    expect(areas.length).toBe(catalog.summary.areas);
    expect(areas.length).toBeGreaterThanOrEqual(11);
    if (catalog.summary.source === 'teddy') expect(areas.length).toBe(18);
    expect(areas.map((a) => a.code)).toEqual(catalog.nodes.filter((n) => n.level === 1).map((n) => n.code));
    for (const area of areas) expect(area).toMatchObject({ level: 1, parentId: null, defaultUnitCode: null });
  });

  it('lists every category of the catalog, each leaf with its unit, priority and limits', async () => {
    const all = await list('?active=all');
    expect(all.length).toBe(catalog.nodes.length);
    const leaves = all.filter((c) => c.level === 3);
    expect(leaves.length).toBe(catalog.summary.leaves);
    for (const leaf of leaves) {
      expect(leaf.defaultUnitCode, leaf.code).not.toBeNull();
      expect(leaf.defaultUnitName, leaf.code).not.toBeNull();
      expect(leaf.priority, leaf.code).not.toBeNull();
      expect(leaf.acceptLimit, leaf.code).not.toBeNull();
      expect(leaf.resolveLimit, leaf.code).not.toBeNull();
    }
  });

  it('filters by parent and by name', async () => {
    const [area] = await list('?level=1');
    const children = await list(`?parentId=${area!.id}`);
    expect(children.length).toBeGreaterThan(0);
    for (const child of children) expect(child).toMatchObject({ parentId: area!.id, level: 2 });
    const named = await list(`?q=${encodeURIComponent(children[0]!.name)}`);
    expect(named.map((c) => c.id)).toContain(children[0]!.id);
  });

  it('reads one category and answers 404 CATEGORY_NOT_FOUND for one that does not exist', async () => {
    const [leaf] = await list('?level=3');
    const response = await api.get(`/api/v1/catalog/categories/${leaf!.id}`, 'citizen');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual(leaf);
    expectError(await api.get('/api/v1/catalog/categories/999999'), 404, 'CATEGORY_NOT_FOUND');
  });

  it('lists the grid item admission list: 8 categories and 141 items', async () => {
    const response = await api.get('/api/v1/catalog/grid-items', 'grid');
    expect(response.statusCode).toBe(200);
    const { categories } = response.json();
    expect(categories).toHaveLength(8);
    expect(categories.flatMap((c: { items: unknown[] }) => c.items)).toHaveLength(141);
  });

  it('lists the default time-limit profiles', async () => {
    const response = await api.get('/api/v1/catalog/time-limit-profiles');
    expect(response.statusCode).toBe(200);
    expect(response.json().profiles.length).toBeGreaterThan(0);
  });
});

describe('changing the catalog', () => {
  let subcategory: Category;
  let leaf: Category;

  beforeAll(async () => {
    subcategory = (await list('?level=2'))[0]!;
  });

  it('creates a leaf with its unit, priority and limits under a subcategory, with the next free code', async () => {
    const siblings = await list(`?parentId=${subcategory.id}&active=all`);
    const response = await api.send('POST', '/api/v1/catalog/categories', {
      parentId: subcategory.id,
      name: '测试事项：楼道堆物',
      ...LEAF,
      police: false,
    });
    expect(response.statusCode, response.body).toBe(201);
    leaf = response.json();
    const highest = Math.max(...siblings.map((s) => Number(s.code.split('.').at(-1))));
    expect(leaf).toMatchObject({
      level: 3,
      parentId: subcategory.id,
      code: `${subcategory.code}.${String(highest + 1).padStart(3, '0')}`,
      defaultUnitCode: 'unit.housing',
      defaultUnitName: '乌海市住房和城乡建设局',
      priority: 'normal',
      acceptLimit: LEAF.acceptLimit,
      resolveLimit: LEAF.resolveLimit,
      police: false,
      active: true,
    });
    expect((await auditEntries(api, 'catalog.category_created')).map((e) => e.targetId)).toContain(
      String(leaf.id),
    );
  });

  it('creates a new area with the next area code', async () => {
    const areas = await list('?level=1&active=all');
    const response = await api.send('POST', '/api/v1/catalog/categories', {
      parentId: null,
      name: '测试大类',
    });
    expect(response.statusCode, response.body).toBe(201);
    const highest = Math.max(...areas.map((a) => Number(a.code)));
    expect(response.json()).toMatchObject({
      level: 1,
      code: String(highest + 1).padStart(2, '0'),
      parentId: null,
    });
  });

  it('refuses a leaf without its unit with 400 on defaultUnitCode, creating nothing', async () => {
    const before = (await list('?active=all')).length;
    expectError(
      await api.send('POST', '/api/v1/catalog/categories', { parentId: subcategory.id, name: '无单位事项' }),
      400,
      'VALIDATION_FAILED',
      'defaultUnitCode',
    );
    const { defaultUnitCode: _unit, ...withoutUnit } = LEAF;
    expectError(
      await api.send('POST', '/api/v1/catalog/categories', {
        parentId: subcategory.id,
        name: '半个事项',
        ...withoutUnit,
      }),
      400,
      'VALIDATION_FAILED',
      'defaultUnitCode',
    );
    expectError(
      await api.send('POST', '/api/v1/catalog/categories', {
        parentId: subcategory.id,
        name: '未知单位事项',
        ...LEAF,
        defaultUnitCode: 'unit.nowhere',
      }),
      400,
      'VALIDATION_FAILED',
      'defaultUnitCode',
    );
    expect((await list('?active=all')).length).toBe(before);
  });

  it('refuses a 4th level with 400 on parentId', async () => {
    expectError(
      await api.send('POST', '/api/v1/catalog/categories', { parentId: leaf.id, name: '第四级', ...LEAF }),
      400,
      'VALIDATION_FAILED',
      'parentId',
    );
    expect(await list(`?parentId=${leaf.id}&active=all`)).toEqual([]);
  });

  it('refuses a parent that does not exist and a code outside the parent with 400', async () => {
    expectError(
      await api.send('POST', '/api/v1/catalog/categories', { parentId: 999999, name: '孤儿', ...LEAF }),
      400,
      'VALIDATION_FAILED',
      'parentId',
    );
    expectError(
      await api.send('POST', '/api/v1/catalog/categories', {
        parentId: subcategory.id,
        code: '99.99.999',
        name: '错编码',
        ...LEAF,
      }),
      400,
      'VALIDATION_FAILED',
      'code',
    );
  });

  it('refuses a duplicate sibling name or code with 409 DUPLICATE_CODE', async () => {
    expectError(
      await api.send('POST', '/api/v1/catalog/categories', {
        parentId: subcategory.id,
        name: '测试事项：楼道堆物',
        ...LEAF,
      }),
      409,
      'DUPLICATE_CODE',
      'name',
    );
    expectError(
      await api.send('POST', '/api/v1/catalog/categories', {
        parentId: subcategory.id,
        code: leaf.code,
        name: '同编码事项',
        ...LEAF,
      }),
      409,
      'DUPLICATE_CODE',
      'code',
    );
    const [other] = (await list(`?parentId=${subcategory.id}&active=all`)).filter((c) => c.id !== leaf.id);
    expectError(
      await api.send('PATCH', `/api/v1/catalog/categories/${leaf.id}`, { name: other!.name }),
      409,
      'DUPLICATE_CODE',
      'name',
    );
  });

  it('changes the limits and priority of a leaf', async () => {
    const response = await api.send('PATCH', `/api/v1/catalog/categories/${leaf.id}`, {
      priority: 'urgent',
      acceptLimit: { value: 30, unit: 'calendar_minutes' },
      resolveLimit: { value: 24, unit: 'calendar_hours' },
      defaultUnitCode: 'unit.urban',
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      code: leaf.code,
      priority: 'urgent',
      acceptLimit: { value: 30, unit: 'calendar_minutes' },
      resolveLimit: { value: 24, unit: 'calendar_hours' },
      defaultUnitCode: 'unit.urban',
    });
    expect((await api.get(`/api/v1/catalog/categories/${leaf.id}`)).json()).toEqual(response.json());
  });

  it('deactivates a leaf: it leaves the default list and stays in the full one', async () => {
    const off = await api.send('PATCH', `/api/v1/catalog/categories/${leaf.id}`, { active: false });
    expect(off.statusCode, off.body).toBe(200);
    expect((await list(`?parentId=${subcategory.id}`)).map((c) => c.id)).not.toContain(leaf.id);
    expect((await list(`?parentId=${subcategory.id}&active=false`)).map((c) => c.id)).toContain(leaf.id);
  });

  it.each([
    ['an empty change', {}, '(root)'],
    ['a limit of 0', { resolveLimit: { value: 0, unit: 'working_days' } }, 'resolveLimit.value'],
    ['an unknown unit of time', { acceptLimit: { value: 1, unit: 'weeks' } }, 'acceptLimit.unit'],
    ['an unknown priority', { priority: 'whenever' }, 'priority'],
    ['a new code', { code: '01.01.999' }, 'code'],
  ])('refuses %s with 400, changing nothing', async (_what, patch, field) => {
    const before = (await api.get(`/api/v1/catalog/categories/${leaf.id}`)).json();
    expectError(
      await api.send('PATCH', `/api/v1/catalog/categories/${leaf.id}`, patch),
      400,
      'VALIDATION_FAILED',
      field,
    );
    expect((await api.get(`/api/v1/catalog/categories/${leaf.id}`)).json()).toEqual(before);
  });

  it('refuses leaf settings on a subcategory with 400', async () => {
    expectError(
      await api.send('PATCH', `/api/v1/catalog/categories/${subcategory.id}`, { priority: 'urgent' }),
      400,
      'VALIDATION_FAILED',
      'defaultUnitCode',
    );
    expect((await api.get(`/api/v1/catalog/categories/${subcategory.id}`)).json().priority).toBeNull();
  });

  it('refuses catalog writes to a role without catalog.write', async () => {
    expectError(
      await api.send(
        'POST',
        '/api/v1/catalog/categories',
        { parentId: null, name: '越权大类' },
        'dispatcher',
      ),
      403,
      'FORBIDDEN',
    );
    expectError(
      await api.send('PATCH', `/api/v1/catalog/categories/${leaf.id}`, { active: true }, 'citizen'),
      403,
      'FORBIDDEN',
    );
  });
});
