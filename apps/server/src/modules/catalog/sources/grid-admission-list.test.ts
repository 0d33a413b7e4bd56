import { describe, expect, it } from 'vitest';
import { findGridAdmissionItem, loadGridAdmissionList } from './grid-admission-list.js';

describe('grid admission list (网格事项准入)', () => {
  const list = loadGridAdmissionList();
  const items = list.categories.flatMap((c) => c.items);

  it('has 8 categories and 141 items with unique codes and names', () => {
    expect(list.categories).toHaveLength(8);
    expect(items).toHaveLength(141);
    expect(new Set(items.map((i) => i.code)).size).toBe(141);
    expect(new Set(items.map((i) => i.name)).size).toBe(141);
  });

  it('names the categories the sources name', () => {
    expect(list.categories.map((c) => c.name)).toEqual(
      expect.arrayContaining(['基础信息采集', '社情民意收集', '矛盾纠纷化解']),
    );
  });

  it('lets most items be pushed directly and keeps the rest for the community first', () => {
    const direct = items.filter((i) => i.directPush).length;
    expect(direct).toBeGreaterThan(100);
    expect(direct).toBeLessThan(141);
  });

  it('finds a listed item and nothing for an unlisted code', () => {
    expect(findGridAdmissionItem(list, 'GA01.001')?.name).toBe('实有人口信息采集');
    expect(findGridAdmissionItem(list, 'GA09.001')).toBeNull();
  });
});
