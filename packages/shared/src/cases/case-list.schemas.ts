import { z } from 'zod';
import { KeysetQuery } from '../lists/list.schemas.js';
import { CaseSource, SlaLight } from './case-enums.js';
import { CaseState } from './case-states.js';

/** Orders of the case list: newest first (intake queues), or nearest resolve deadline first (work queues). */
export const CASE_LIST_SORTS = ['created_desc', 'deadline_asc'] as const;
export const CaseListSort = z.enum(CASE_LIST_SORTS);
export type CaseListSort = z.infer<typeof CaseListSort>;

const oneOrMany = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v), z.array(item).max(20));

/**
 * `GET /api/v1/cases`: filters of the case list. Every filter narrows the caller's data scope, never widens
 * it; `within` must itself lie in the scope. Pages are keyset pages: pass the `nextCursor` of one answer as
 * the `cursor` of the next, with the same filters and sort.
 */
export const CaseListQuery = z
  .object({
    /** 状态: one or several, comma-separated */
    state: oneOrMany(CaseState).optional(),
    /** 亮灯: one or several */
    light: oneOrMany(SlaLight).optional(),
    /** 事项: a catalog category (a leaf, or a branch: its whole subtree) */
    categoryId: z.coerce.number().int().positive().optional(),
    /** 区域/单位: an org whose subtree the case lies in or is handled in */
    within: z.coerce.number().int().positive().optional(),
    /** 来源 */
    source: oneOrMany(CaseSource).optional(),
    /** 渠道 code */
    channel: z.string().trim().min(1).max(32).optional(),
    /** 登记时间 from (inclusive), ISO 8601 */
    createdFrom: z.iso.datetime({ offset: true }).optional(),
    /** 登记时间 to (exclusive), ISO 8601 */
    createdTo: z.iso.datetime({ offset: true }).optional(),
    /** 关键词 in the title or the content, or a case number (exact) */
    q: z.string().trim().min(1).max(100).optional(),
    /** 延期申请: `pending` lists only the cases whose extension request awaits the dispatcher's decision */
    extension: z.enum(['pending']).optional(),
    /** 诉求人电话 (exact); needs `personal_data.read` */
    citizenPhone: z.string().trim().min(5).max(20).optional(),
    sort: CaseListSort.default('created_desc'),
  })
  .extend(KeysetQuery.shape)
  .strict();
export type CaseListQuery = z.infer<typeof CaseListQuery>;

/** `GET /api/v1/cases/export`: the case list's filters and sort, without its page (the whole list, streamed). */
export const CaseExportQuery = CaseListQuery.omit({ cursor: true, limit: true });
export type CaseExportQuery = z.infer<typeof CaseExportQuery>;

/** `GET /api/v1/cases/by-phone`: a caller's earlier cases, newest first, for the agent on the call (keyset pages). */
export const CasesByPhoneQuery = z
  .object({
    phone: z
      .string()
      .trim()
      .regex(/^[0-9+\-() ]{5,20}$/, '联系电话格式不正确'),
  })
  .extend(KeysetQuery.shape)
  .extend({ limit: KeysetQuery.shape.limit.unwrap().default(10) })
  .strict();
export type CasesByPhoneQuery = z.infer<typeof CasesByPhoneQuery>;
