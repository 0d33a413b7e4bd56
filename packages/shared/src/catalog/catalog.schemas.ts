import { z } from 'zod';
import { TIME_LIMIT_UNITS, TimeLimit } from '../calendar/time-limit.js';
import { PRIORITIES } from './priority.js';

/** Deepest level of the catalog: 1 area (大类) → 2 subcategory (中类) → 3 matter (小类). */
export const CATALOG_MAX_LEVEL = 3;
/** Longest category name, in characters. */
export const CATALOG_NAME_MAX = 50;

/** A catalog level: 1 area, 2 subcategory, 3 matter. */
export const CatalogLevel = z
  .number('层级须为数字')
  .int('层级须为整数')
  .min(1, '层级须为 1–3')
  .max(CATALOG_MAX_LEVEL, '层级须为 1–3');
export type CatalogLevel = z.infer<typeof CatalogLevel>;

/**
 * A category's code (类别编码): dot-separated numbers, one segment per level, stable once given
 * (e.g. `01`, `01.02`, `01.02.003`). Cases keep the code, so it never changes after creation.
 */
export const CatalogCode = z
  .string('请输入类别编码')
  .trim()
  .regex(/^\d{1,4}(\.\d{1,4}){0,2}$/, '编码须为以点分隔的数字，如 01.02.003')
  .max(14, '编码过长');
export type CatalogCode = z.infer<typeof CatalogCode>;

/** A category's name (类别名称), unique among its siblings. */
export const CatalogName = z
  .string('请输入类别名称')
  .trim()
  .min(1, '请输入类别名称')
  .max(CATALOG_NAME_MAX, `类别名称不能超过 ${CATALOG_NAME_MAX} 个字`);

/** Code of a handling unit (承办单位编码), e.g. `unit.housing`; whether it exists is the server's check. */
export const UnitCode = z
  .string('请选择默认承办单位')
  .trim()
  .min(1, '请选择默认承办单位')
  .max(64, '单位编码过长')
  .regex(/^[a-z0-9]+([.-][a-z0-9]+)*$/, '单位编码格式不正确');

const CatalogPriority = z.enum(PRIORITIES, '优先级无效');

/**
 * A time limit as an admin types it: Chinese messages for each mistake, then piped through the shared
 * `TimeLimit` so its bounds stay the only ones.
 */
export const CatalogTimeLimitInput = z
  .object({
    /** how many units */
    value: z.number('时限须为数字').int('时限须为整数').positive('时限须大于 0').max(10_000, '时限过长'),
    /** working or calendar minutes, hours or days */
    unit: z.enum(TIME_LIMIT_UNITS, '时限单位无效'),
  })
  .strict()
  .pipe(TimeLimit);

/** Count of a code's segments: the level it denotes. */
export function levelOfCatalogCode(code: string): number {
  return code.split('.').length;
}

/** The code of the parent category (`01.02.003` → `01.02`), or null for an area. */
export function parentOfCatalogCode(code: string): string | null {
  const cut = code.lastIndexOf('.');
  return cut < 0 ? null : code.slice(0, cut);
}

/** Chinese messages for the body as a whole: not an object, or fields nobody knows. */
function objectError(issue: { code?: string; keys?: readonly string[] }): string {
  if (issue.code === 'unrecognized_keys') return `有无法识别的字段：${(issue.keys ?? []).join('、')}`;
  return '请求内容须为对象';
}

const LEAF_FIELDS = ['defaultUnitCode', 'priority', 'acceptLimit', 'resolveLimit'] as const;

/** A category as the API returns it. Leaves carry the rules for cases filed under them; branches carry null. */
export const CatalogCategory = z
  .object({
    id: z.number().int().positive(),
    /** 类别编码 */
    code: CatalogCode,
    /** 类别名称 */
    name: CatalogName,
    /** 1 大类, 2 中类, 3 小类 */
    level: CatalogLevel,
    /** id of the parent category, null for an area */
    parentId: z.number().int().positive().nullable(),
    /** 默认承办单位: code of the unit a case of this matter is dispatched to by default */
    defaultUnitCode: UnitCode.nullable(),
    /** default priority of a case of this matter */
    priority: CatalogPriority.nullable(),
    /** 签收时限: time the unit has to accept before the case turns overdue for acceptance */
    acceptLimit: TimeLimit.nullable(),
    /** 办理时限: time the unit has to resolve the case */
    resolveLimit: TimeLimit.nullable(),
    /** 110 matter: belongs to the police line and is passed to 110 at intake */
    police: z.boolean(),
    /** inactive categories stay on old cases but are no longer offered at intake */
    active: z.boolean(),
  })
  .superRefine((category, ctx) => {
    if (levelOfCatalogCode(category.code) !== category.level) {
      ctx.addIssue({ code: 'custom', path: ['code'], message: '编码的段数须与层级一致' });
    }
    if ((category.level === 1) !== (category.parentId === null)) {
      ctx.addIssue({ code: 'custom', path: ['parentId'], message: '只有一级类别没有上级类别' });
    }
    const given = LEAF_FIELDS.filter((field) => category[field] !== null);
    const needed = category.level === CATALOG_MAX_LEVEL || given.length > 0;
    if (needed) {
      for (const field of LEAF_FIELDS) {
        if (category[field] === null) {
          ctx.addIssue({ code: 'custom', path: [field], message: '末级类别须设置承办单位、优先级和时限' });
        }
      }
    }
  });
export type CatalogCategory = z.infer<typeof CatalogCategory>;

/** What a category sets beyond its place and name, when created or changed; only leaves take the first four. */
const CATEGORY_SETTINGS = {
  /** 默认承办单位 */
  defaultUnitCode: UnitCode.optional(),
  /** 优先级 */
  priority: CatalogPriority.optional(),
  /** 签收时限 */
  acceptLimit: CatalogTimeLimitInput.optional(),
  /** 办理时限 */
  resolveLimit: CatalogTimeLimitInput.optional(),
  /** 属于 110 的事项 */
  police: z.boolean('请选择是否属于 110 事项').optional(),
  /** 启用 / 停用; a new category is active when left out */
  active: z.boolean('请选择是否启用').optional(),
};

/** `POST /api/v1/catalog/categories` body: a new category; a leaf gives its unit, priority and limits. */
export const CreateCatalogCategoryInput = z
  .object(
    {
      /** 上级类别: id of the parent category, null for a new area */
      parentId: z.number('上级类别无效').int('上级类别无效').positive('上级类别无效').nullable(),
      /** 类别编码: left out, the server gives the next free code under the parent */
      code: CatalogCode.optional(),
      /** 类别名称 */
      name: CatalogName,
      ...CATEGORY_SETTINGS,
    },
    { error: objectError },
  )
  .strict()
  .superRefine((input, ctx) => {
    // A leaf's settings come together: a case filed under it needs a unit, a priority and both limits.
    const given = LEAF_FIELDS.filter((field) => input[field] !== undefined);
    if (given.length > 0 && given.length < LEAF_FIELDS.length) {
      for (const field of LEAF_FIELDS) {
        if (input[field] === undefined) {
          ctx.addIssue({
            code: 'custom',
            path: [field],
            message: '末级类别须同时设置承办单位、优先级和两个时限',
          });
        }
      }
    }
    if (input.code !== undefined && input.parentId === null && levelOfCatalogCode(input.code) !== 1) {
      ctx.addIssue({ code: 'custom', path: ['code'], message: '一级类别的编码只有一段' });
    }
  });
export type CreateCatalogCategoryInput = z.infer<typeof CreateCatalogCategoryInput>;

/** `PATCH /api/v1/catalog/categories/:id` body: what changes. The code and the parent never change. */
export const UpdateCatalogCategoryInput = z
  .object(
    {
      /** 类别名称 */
      name: CatalogName.optional(),
      ...CATEGORY_SETTINGS,
    },
    { error: objectError },
  )
  .strict()
  .refine((input) => Object.keys(input).length > 0, { message: '没有要修改的内容' });
export type UpdateCatalogCategoryInput = z.infer<typeof UpdateCatalogCategoryInput>;
