import { z } from 'zod';

/**
 * 网格事项准入: the list of what may be asked of grid workers. Only listed items may be pushed onto them
 * (DOMAIN.md §7); the list is data, because each city publishes its own.
 */
export const GridAdmissionItem = z
  .object({
    /** 小项编码, e.g. `GA01.003`: the category's code, a dot and a three-digit number */
    code: z.string().regex(/^GA\d{2}\.\d{3}$/, '小项编码须形如 GA01.003'),
    /** 小项名称 */
    name: z.string().trim().min(1, '请输入小项名称').max(50, '小项名称不能超过 50 个字'),
    /**
     * 可直接推送: true when a case of this kind may be pushed to the grid worker at once; false when the
     * community or town must take it first and only then ask the grid worker to help
     */
    directPush: z.boolean(),
  })
  .strict();
export type GridAdmissionItem = z.infer<typeof GridAdmissionItem>;

/** A category (大项) of the admission list and its items. */
export const GridAdmissionCategory = z
  .object({
    /** 大项编码, e.g. `GA01` */
    code: z.string().regex(/^GA\d{2}$/, '大项编码须形如 GA01'),
    /** 大项名称 */
    name: z.string().trim().min(1, '请输入大项名称').max(30, '大项名称不能超过 30 个字'),
    items: z.array(GridAdmissionItem).min(1, '大项下至少有一个小项'),
  })
  .strict()
  .superRefine((category, ctx) => {
    category.items.forEach((item, index) => {
      if (!item.code.startsWith(`${category.code}.`)) {
        ctx.addIssue({ code: 'custom', path: ['items', index, 'code'], message: '小项编码须以大项编码开头' });
      }
    });
  });
export type GridAdmissionCategory = z.infer<typeof GridAdmissionCategory>;

/** The whole admission list: codes and names unique across it. */
export const GridAdmissionList = z
  .object({
    /** where the list comes from and what it follows */
    source: z.string().max(500),
    categories: z.array(GridAdmissionCategory).min(1),
  })
  .strict()
  .superRefine((list, ctx) => {
    const codes = new Set<string>();
    const names = new Set<string>();
    list.categories.forEach((category, c) => {
      if (codes.has(category.code) || names.has(category.name)) {
        ctx.addIssue({ code: 'custom', path: ['categories', c], message: '大项编码或名称重复' });
      }
      codes.add(category.code);
      names.add(category.name);
      category.items.forEach((item, i) => {
        if (codes.has(item.code)) {
          ctx.addIssue({
            code: 'custom',
            path: ['categories', c, 'items', i, 'code'],
            message: '小项编码重复',
          });
        }
        if (names.has(item.name)) {
          ctx.addIssue({
            code: 'custom',
            path: ['categories', c, 'items', i, 'name'],
            message: '小项名称重复',
          });
        }
        codes.add(item.code);
        names.add(item.name);
      });
    });
  });
export type GridAdmissionList = z.infer<typeof GridAdmissionList>;
