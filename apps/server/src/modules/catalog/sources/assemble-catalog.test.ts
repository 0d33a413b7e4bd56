import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { findTimeLimitProfile, TIME_LIMIT_PROFILES } from '@shanzhi/shared';
import { describe, expect, it } from 'vitest';
import { WUHAI_UNITS } from '../../demo/wuhai-units.js';
import { type AssembledCatalog, assembleCatalog, assertCatalogIntegrity } from './assemble-catalog.js';
import type { CatalogNode } from './catalog-node.js';
import { EXTRA_12345_AREAS } from './extra-12345-areas.js';
import { TEDDY_TAXONOMY_FILE } from './teddy-taxonomy.js';
import { TEDDY_DIR } from './test-paths.js';

const unitCodes = new Set(WUHAI_UNITS.map((u) => u.code));
const extraLeaves = EXTRA_12345_AREAS.flatMap((a) => a.subcategories.flatMap((s) => s.leaves)).length;
const extraSubcategories = EXTRA_12345_AREAS.flatMap((a) => a.subcategories).length;

/** What every assembled catalog promises, whatever its source. */
function expectSoundCatalog({ nodes }: AssembledCatalog): void {
  const codes = nodes.map((n) => n.code);
  expect(new Set(codes).size).toBe(codes.length);
  expect(() => assertCatalogIntegrity(nodes)).not.toThrow();
  for (const node of nodes) {
    expect(node.code.split('.')).toHaveLength(node.level);
    expect(node.code).toMatch(/^\d{2}(\.\d{2}(\.\d{3})?)?$/);
    if (!node.leaf) continue;
    expect(unitCodes, `${node.code} ${node.name}`).toContain(node.leaf.defaultUnitCode);
    const profile = findTimeLimitProfile(node.leaf.acceptLimit, node.leaf.resolveLimit);
    expect(profile, `${node.code} ${node.name}`).not.toBeNull();
    expect(node.leaf.priority).toBe(TIME_LIMIT_PROFILES[profile ?? 'normal'].priority);
  }
}

const areaNames = (nodes: CatalogNode[]) =>
  nodes.filter((n) => n.level === 1).map((n) => `${n.code} ${n.name}`);

describe('assembleCatalog without the teddy data', () => {
  it('builds the demo catalog and the extra areas', async () => {
    const catalog = await assembleCatalog({ teddyDir: join(TEDDY_DIR, 'no-such-folder') });
    expect(catalog.summary).toEqual({
      areas: 8 + 3,
      subcategories: 25 + extraSubcategories,
      leaves: 72 + extraLeaves,
      source: 'demo',
    });
    expect(areaNames(catalog.nodes).slice(-3)).toEqual(['09 水电气暖', '10 便民服务', '11 社会治安']);
    expectSoundCatalog(catalog);
  });

  it('builds the same demo catalog when no folder is given', async () => {
    const a = await assembleCatalog();
    const b = await assembleCatalog({ teddyDir: '/nonexistent/teddy' });
    expect(a).toEqual(b);
  });

  it('gives the demo matters their expected units and flags', async () => {
    const { nodes } = await assembleCatalog();
    const leaf = (name: string) => nodes.find((n) => n.leaf && n.name === name)?.leaf;
    expect(leaf('小区物业服务')?.defaultUnitCode).toBe('unit.housing');
    expect(leaf('违章建筑')?.defaultUnitCode).toBe('unit.urban');
    expect(leaf('出租车拒载')?.defaultUnitCode).toBe('unit.transport');
    expect(leaf('医保报销')?.defaultUnitCode).toBe('unit.medical-insurance');
    expect(leaf('电梯故障困人')).toMatchObject({ defaultUnitCode: 'unit.market', priority: 'emergency' });
    expect(leaf('燃气泄漏')).toMatchObject({
      defaultUnitCode: 'unit.gas',
      priority: 'emergency',
      police: false,
    });
    expect(leaf('停水')).toMatchObject({ defaultUnitCode: 'unit.water-supply', priority: 'urgent' });
    expect(leaf('打架斗殴')).toMatchObject({
      defaultUnitCode: 'unit.police',
      priority: 'emergency',
      police: true,
    });
    expect(nodes.filter((n) => n.leaf?.police).every((n) => n.leaf?.defaultUnitCode === 'unit.police')).toBe(
      true,
    );
  });
});

describe.skipIf(!existsSync(join(TEDDY_DIR, TEDDY_TAXONOMY_FILE)))(
  'assembleCatalog with the teddy data',
  () => {
    it('builds the 15 teddy areas with their 517 leaves, then the 3 extra areas', async () => {
      const catalog = await assembleCatalog({ teddyDir: TEDDY_DIR });
      expect(catalog.summary).toEqual({
        areas: 15 + 3,
        subcategories: 118 + extraSubcategories,
        leaves: 517 + extraLeaves,
        source: 'teddy',
      });
      expect(areaNames(catalog.nodes)[0]).toBe('01 城乡建设');
      expect(areaNames(catalog.nodes).slice(-3)).toEqual(['16 水电气暖', '17 便民服务', '18 社会治安']);
      expect(catalog.nodes.find((n) => n.code === '01.01.001')?.name).toBe('事故处理');
      expectSoundCatalog(catalog);
    });

    it('gives the same codes on every run', async () => {
      const a = await assembleCatalog({ teddyDir: TEDDY_DIR });
      const b = await assembleCatalog({ teddyDir: new URL(`file://${TEDDY_DIR}/`) });
      expect(b.nodes).toEqual(a.nodes);
    });
  },
);

describe('assertCatalogIntegrity', () => {
  const area: CatalogNode = { code: '01', name: '民政', level: 1, parentCode: null };
  it.each([
    ['a repeated code', [area, { ...area, name: '政法' }], /duplicate code/],
    ['two siblings of one name', [area, { ...area, code: '02' }], /two siblings/],
    [
      'a missing parent',
      [{ code: '02.01', name: '优抚', level: 2, parentCode: '02' } as CatalogNode],
      /no parent/,
    ],
    [
      'a level-3 node without settings',
      [
        area,
        { code: '01.01', name: 'x', level: 2, parentCode: '01' },
        { code: '01.01.001', name: 'y', level: 3, parentCode: '01.01' },
      ],
      /lacks leaf/,
    ],
  ])('refuses %s', (_, nodes, message) => {
    expect(() => assertCatalogIntegrity(nodes as CatalogNode[])).toThrow(message);
  });
});
