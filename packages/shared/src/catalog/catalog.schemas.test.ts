import { describe, expect, it } from 'vitest';
import {
  CatalogCategory,
  CreateCatalogCategoryInput,
  levelOfCatalogCode,
  parentOfCatalogCode,
  UpdateCatalogCategoryInput,
} from './catalog.schemas.js';

const leaf = {
  parentId: 12,
  name: '小区物业服务',
  defaultUnitCode: 'unit.housing',
  priority: 'normal',
  acceptLimit: { value: 2, unit: 'working_hours' },
  resolveLimit: { value: 5, unit: 'working_days' },
  police: false,
};

/** The paths of the issues a parse fails with, joined by dots. */
function failingPaths(result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }): string[] {
  expect(result.success).toBe(false);
  return (result.error?.issues ?? []).map((issue) => issue.path.map(String).join('.'));
}

describe('CreateCatalogCategoryInput', () => {
  it('accepts a leaf with its unit, priority and limits, and an area without them', () => {
    expect(CreateCatalogCategoryInput.safeParse(leaf).success).toBe(true);
    expect(
      CreateCatalogCategoryInput.safeParse({ parentId: null, name: '城乡建设', code: '01' }).success,
    ).toBe(true);
  });

  it('trims the name', () => {
    expect(CreateCatalogCategoryInput.parse({ ...leaf, name: '  违章建筑 ' }).name).toBe('违章建筑');
  });

  const refused: [string, Record<string, unknown>, string, RegExp][] = [
    ['an empty name', { ...leaf, name: '' }, 'name', /请输入类别名称/],
    ['a blank name', { ...leaf, name: '   ' }, 'name', /请输入类别名称/],
    ['a name of 500 characters', { ...leaf, name: '违'.repeat(500) }, 'name', /不能超过 50 个字/],
    ['an unknown field', { ...leaf, colour: 'red' }, '', /无法识别的字段：colour/],
    [
      'an acceptance limit of 0',
      { ...leaf, acceptLimit: { value: 0, unit: 'working_hours' } },
      'acceptLimit.value',
      /大于 0/,
    ],
    [
      'a fractional limit',
      { ...leaf, resolveLimit: { value: 1.5, unit: 'working_days' } },
      'resolveLimit.value',
      /整数/,
    ],
    [
      'an unknown limit unit',
      { ...leaf, resolveLimit: { value: 1, unit: 'weeks' } },
      'resolveLimit.unit',
      /单位无效/,
    ],
    [
      'a limit with an extra field',
      { ...leaf, resolveLimit: { value: 1, unit: 'working_days', x: 1 } },
      'resolveLimit',
      /.+/,
    ],
    ['an unknown priority', { ...leaf, priority: 'high' }, 'priority', /优先级无效/],
    ['a malformed unit code', { ...leaf, defaultUnitCode: '住建局' }, 'defaultUnitCode', /格式/],
    ['a malformed code', { ...leaf, code: 'A-1' }, 'code', /以点分隔/],
    [
      'a leaf without its limits',
      { parentId: 3, name: '噪音扰民', defaultUnitCode: 'unit.ecology' },
      'priority',
      /同时设置/,
    ],
    ['a parent that is not an id', { ...leaf, parentId: 'x' }, 'parentId', /上级类别无效/],
    ['a two-segment code for an area', { parentId: null, name: '民政', code: '01.02' }, 'code', /只有一段/],
  ];

  it.each(refused)('refuses %s on the failing field', (_, input, path, message) => {
    const result = CreateCatalogCategoryInput.safeParse(input);
    expect(failingPaths(result)).toContain(path);
    const issue = result.error?.issues.find((i) => i.path.map(String).join('.') === path);
    expect(issue?.message).toMatch(message);
  });
});

describe('UpdateCatalogCategoryInput', () => {
  it('accepts a partial change', () => {
    expect(UpdateCatalogCategoryInput.safeParse({ active: false }).success).toBe(true);
    expect(
      UpdateCatalogCategoryInput.safeParse({ resolveLimit: { value: 15, unit: 'working_days' } }).success,
    ).toBe(true);
  });

  it.each([
    ['an empty body', {}, ''],
    ['a change of code', { code: '02' }, ''],
    ['a change of parent', { parentId: 3 }, ''],
    ['an empty name', { name: '' }, 'name'],
    ['a name of 500 characters', { name: 'x'.repeat(500) }, 'name'],
    ['a resolve limit of 0', { resolveLimit: { value: 0, unit: 'working_days' } }, 'resolveLimit.value'],
  ])('refuses %s', (_, input, path) => {
    expect(failingPaths(UpdateCatalogCategoryInput.safeParse(input))).toContain(path);
  });
});

describe('CatalogCategory', () => {
  const row = {
    id: 40,
    code: '01.02.003',
    name: '违章建筑',
    level: 3,
    parentId: 7,
    defaultUnitCode: 'unit.urban',
    priority: 'normal',
    acceptLimit: { value: 2, unit: 'working_hours' },
    resolveLimit: { value: 5, unit: 'working_days' },
    police: false,
    active: true,
  };

  it('accepts a leaf and a branch', () => {
    expect(CatalogCategory.safeParse(row).success).toBe(true);
    const area = { ...row, code: '01', level: 1, parentId: null };
    const branch = { ...area, defaultUnitCode: null, priority: null, acceptLimit: null, resolveLimit: null };
    expect(CatalogCategory.safeParse(branch).success).toBe(true);
  });

  it.each([
    ['a level 4', { level: 4 }, 'level'],
    ['a code that does not match the level', { code: '01.02' }, 'code'],
    ['a level-3 node without a parent', { parentId: null }, 'parentId'],
    ['a level-3 node without limits', { acceptLimit: null }, 'acceptLimit'],
  ])('refuses %s', (_, change, path) => {
    expect(failingPaths(CatalogCategory.safeParse({ ...row, ...change }))).toContain(path);
  });
});

describe('catalog codes', () => {
  it.each([
    ['01', 1, null],
    ['01.02', 2, '01'],
    ['01.02.003', 3, '01.02'],
  ])('reads %s as level %i under %s', (code, level, parent) => {
    expect(levelOfCatalogCode(code)).toBe(level);
    expect(parentOfCatalogCode(code)).toBe(parent);
  });
});
