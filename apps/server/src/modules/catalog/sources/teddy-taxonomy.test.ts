import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTeddyAreas, readTeddyTaxonomy, TEDDY_TAXONOMY_FILE } from './teddy-taxonomy.js';
import { TEDDY_DIR } from './test-paths.js';

const row = (l1: string, l2: string, l3: string) => JSON.stringify({ l1, l2, l3 });

describe('buildTeddyAreas', () => {
  it('keeps a repeated row once and the same leaf name under different parents twice', () => {
    const text = [
      row('城乡建设', '国有土地上房屋征收与补偿', '安置补偿'),
      row('城乡建设', '集体土地上房屋拆迁与补偿', '安置补偿'),
      row('城乡建设', '国有土地上房屋征收与补偿', '安置补偿'),
      '',
    ].join('\n');
    const [area] = buildTeddyAreas(text);
    expect(area?.subcategories.map((s) => s.leaves.map((l) => l.name))).toEqual([['安置补偿'], ['安置补偿']]);
  });

  it('keeps an l3 named like its l2 as a leaf under it', () => {
    const [area] = buildTeddyAreas(
      [row('教育文体', '文物管理', '文物管理'), row('教育文体', '其他', '其他')].join('\n'),
    );
    expect(area?.subcategories).toMatchObject([
      { name: '文物管理', leaves: [{ name: '文物管理' }] },
      { name: '其他', leaves: [{ name: '其他' }] },
    ]);
  });

  it('refuses a line that is not a row, naming it', () => {
    expect(() => buildTeddyAreas(`${row('a', 'b', 'c')}\n{"l1": "a"}`)).toThrow(/line 2/);
    expect(() => buildTeddyAreas('not json')).toThrow(/line 1/);
  });
});

describe('readTeddyTaxonomy', () => {
  let empty: string;
  beforeAll(async () => {
    empty = await mkdtemp(join(tmpdir(), 'shanzhi-teddy-'));
  });
  afterAll(async () => {
    await rm(empty, { recursive: true, force: true });
  });

  it('answers null when the folder or the file is absent', async () => {
    expect(await readTeddyTaxonomy(join(empty, 'no-such-folder'))).toBeNull();
    expect(await readTeddyTaxonomy(empty)).toBeNull();
  });

  it('numbers a small file in its order', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'shanzhi-teddy-'));
    await writeFile(
      join(dir, TEDDY_TAXONOMY_FILE),
      [
        row('民政', '社会救助', '城镇低保'),
        row('民政', '社会救助', '农村低保'),
        row('政法', '交通管理', '交通事故'),
      ].join('\n'),
    );
    const nodes = await readTeddyTaxonomy(dir);
    await rm(dir, { recursive: true, force: true });
    expect(nodes?.map((n) => `${n.code} ${n.name}`)).toEqual([
      '01 民政',
      '01.01 社会救助',
      '01.01.001 城镇低保',
      '01.01.002 农村低保',
      '02 政法',
      '02.01 交通管理',
      '02.01.001 交通事故',
    ]);
    expect(nodes?.at(-1)?.leaf).toMatchObject({
      defaultUnitCode: 'unit.police',
      police: true,
      priority: 'emergency',
    });
  });

  it.skipIf(!existsSync(join(TEDDY_DIR, TEDDY_TAXONOMY_FILE)))(
    'reads the competition tree: 15 areas, 118 subcategories, 517 leaves',
    async () => {
      const nodes = (await readTeddyTaxonomy(TEDDY_DIR)) ?? [];
      expect(nodes.filter((n) => n.level === 1)).toHaveLength(15);
      expect(nodes.filter((n) => n.level === 2)).toHaveLength(118);
      expect(nodes.filter((n) => n.leaf)).toHaveLength(517);
      const child = (parentCode: string | null | undefined, name: string) =>
        nodes.find((n) => n.parentCode === (parentCode ?? null) && n.name === name);
      // 文物管理/文物管理 and 其他/其他: the leaf sits under the level-2 node of the same name.
      const relics = child(child(null, '教育文体')?.code, '文物管理');
      expect(relics?.level).toBe(2);
      expect(child(relics?.code, '文物管理')?.level).toBe(3);
      // 安置补偿 under three parents: three distinct matters with distinct codes.
      const resettlement = nodes.filter((n) => n.name === '安置补偿');
      expect(new Set(resettlement.map((n) => n.code)).size).toBe(3);
    },
  );
});
