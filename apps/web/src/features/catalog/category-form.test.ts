import { describe, expect, it } from 'vitest';
import type { CategoryView } from './api/catalog.api.js';
import { changesOf, createInputOf, initialValuesOf, isLeafTarget } from './category-form.js';

const AREA = { id: 1, parentId: null, level: 1, code: '01', name: '城乡建设' } as CategoryView;
const BRANCH = { id: 2, parentId: 1, level: 2, code: '01.01', name: '住房保障' } as CategoryView;
const LEAF = {
  id: 3,
  parentId: 2,
  level: 3,
  code: '01.01.01',
  name: '物业服务',
  defaultUnitCode: 'unit.housing',
  defaultUnitName: '乌海市住房和城乡建设局',
  priority: 'normal',
  acceptLimit: { value: 2, unit: 'working_hours' },
  resolveLimit: { value: 5, unit: 'working_days' },
  police: false,
  active: true,
} as CategoryView;

describe('the category editor’s form', () => {
  it('knows a leaf by its level, also for a new one under a branch', () => {
    expect(isLeafTarget({ kind: 'edit', category: LEAF })).toBe(true);
    expect(isLeafTarget({ kind: 'create', parent: BRANCH })).toBe(true);
    expect(isLeafTarget({ kind: 'create', parent: AREA })).toBe(false);
    expect(isLeafTarget({ kind: 'create', parent: null })).toBe(false);
  });

  it('starts a new leaf with the usual limits and a new branch without them', () => {
    expect(initialValuesOf({ kind: 'create', parent: BRANCH })).toEqual({
      name: '',
      police: false,
      active: true,
      priority: 'normal',
      acceptLimit: { value: 2, unit: 'working_hours' },
      resolveLimit: { value: 5, unit: 'working_days' },
    });
    expect(initialValuesOf({ kind: 'create', parent: AREA })).toEqual({
      name: '',
      police: false,
      active: true,
    });
  });

  it('sends a new category’s code only when one was typed', () => {
    const values = { ...initialValuesOf({ kind: 'create', parent: AREA }), name: ' 物业 ', code: '  ' };
    expect(createInputOf(AREA, values, false)).toEqual({
      parentId: 1,
      name: '物业',
      police: false,
      active: true,
    });
    expect(createInputOf(AREA, { ...values, code: '01.09' }, false)).toMatchObject({ code: '01.09' });
  });

  it('sends only what changed, nothing when nothing did', () => {
    const same = initialValuesOf({ kind: 'edit', category: LEAF });
    expect(changesOf(LEAF, same, true)).toEqual({});
    expect(
      changesOf(
        LEAF,
        { ...same, defaultUnitCode: 'unit.urban', resolveLimit: { value: 10, unit: 'working_days' } },
        true,
      ),
    ).toEqual({ defaultUnitCode: 'unit.urban', resolveLimit: { value: 10, unit: 'working_days' } });
  });
});
