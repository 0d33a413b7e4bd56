import { describe, expect, it } from 'vitest';
import { GridAdmissionList } from './grid-admission.schemas.js';

const list = {
  source: 'test',
  categories: [
    {
      code: 'GA01',
      name: '基础信息采集',
      items: [
        { code: 'GA01.001', name: '实有人口信息采集', directPush: true },
        { code: 'GA01.002', name: '出租房屋信息核查', directPush: true },
      ],
    },
  ],
};

describe('GridAdmissionList', () => {
  it('accepts a well-formed list', () => {
    expect(GridAdmissionList.safeParse(list).success).toBe(true);
  });

  it('refuses a repeated item name, a code outside its category and an unknown field', () => {
    const [category] = list.categories;
    const repeated = {
      ...list,
      categories: [
        {
          ...category,
          items: [
            ...(category?.items ?? []),
            { code: 'GA01.003', name: '实有人口信息采集', directPush: true },
          ],
        },
      ],
    };
    const misplaced = {
      ...list,
      categories: [{ ...category, items: [{ code: 'GA02.001', name: '独居老人走访', directPush: true }] }],
    };
    const extra = {
      ...list,
      categories: [{ ...category, items: [{ code: 'GA01.001', name: 'x', directPush: true, y: 1 }] }],
    };
    expect(GridAdmissionList.safeParse(repeated).error?.issues[0]?.path).toEqual([
      'categories',
      0,
      'items',
      2,
      'name',
    ]);
    expect(GridAdmissionList.safeParse(misplaced).error?.issues[0]?.path).toEqual([
      'categories',
      0,
      'items',
      0,
      'code',
    ]);
    expect(GridAdmissionList.safeParse(extra).success).toBe(false);
  });
});
