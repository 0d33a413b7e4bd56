import { z } from 'zod';
import { PageQuery } from '../lists/list.schemas.js';
import { REPLY_TEMPLATE_PLACEHOLDERS, unknownPlaceholdersOf } from './reply-template-fill.js';

/** Longest template name and body, in characters. */
export const REPLY_TEMPLATE_NAME_MAX = 60;
export const REPLY_TEMPLATE_BODY_MAX = 4_000;

const name = z
  .string('请输入样板名称')
  .trim()
  .min(1, '请输入样板名称')
  .max(REPLY_TEMPLATE_NAME_MAX, `样板名称不能超过 ${REPLY_TEMPLATE_NAME_MAX} 个字`);
const known = Object.keys(REPLY_TEMPLATE_PLACEHOLDERS)
  .map((p) => `{${p}}`)
  .join(' ');
// A misspelt placeholder would reach a citizen's letter unfilled; refuse it where it is typed.
const body = z
  .string('请输入样板内容')
  .trim()
  .min(1, '请输入样板内容')
  .max(REPLY_TEMPLATE_BODY_MAX, `样板内容不能超过 ${REPLY_TEMPLATE_BODY_MAX} 个字`)
  .superRefine((text, ctx) => {
    const unknown = unknownPlaceholdersOf(text);
    if (unknown.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: `未知的占位符 ${unknown.map((u) => `{${u}}`).join('、')}；可用：${known}`,
      });
    }
  });
const categoryId = z.number('事项类别无效').int('事项类别无效').positive('事项类别无效');

/** `POST /api/v1/reply-templates` body: a standard reply template (标准回复样板). */
export const CreateReplyTemplateInput = z
  .object({
    /** 样板名称 */
    name,
    /** 事项类别: the templates of a category apply to it and to everything below it; null = general (通用) */
    categoryId: categoryId.nullable().optional(),
    /** 样板内容, with placeholders such as `{citizenName}` */
    body,
    /** 启用; true when left out */
    active: z.boolean('请选择是否启用').optional(),
  })
  .strict();
export type CreateReplyTemplateInput = z.infer<typeof CreateReplyTemplateInput>;

/** `PATCH /api/v1/reply-templates/:id` body. */
export const UpdateReplyTemplateInput = z
  .object({
    /** the version the editor read; a stale one answers 409 */
    version: z.number('缺少版本号').int().min(0),
    name: name.optional(),
    categoryId: categoryId.nullable().optional(),
    body: body.optional(),
    active: z.boolean('请选择是否启用').optional(),
  })
  .strict()
  .refine((input) => Object.keys(input).length > 1, { message: '没有要修改的内容' });
export type UpdateReplyTemplateInput = z.infer<typeof UpdateReplyTemplateInput>;

/** `GET /api/v1/reply-templates` query. */
export const ReplyTemplateListQuery = z
  .object({
    /** the templates for this category: its own, its parents' and the general ones; left out: all */
    categoryId: z.coerce.number().int().positive().optional(),
    /** `true`: active only; `all`: retired ones too (editors) */
    active: z.enum(['true', 'all']).default('true'),
  })
  .extend(PageQuery.shape)
  .strict();
export type ReplyTemplateListQuery = z.infer<typeof ReplyTemplateListQuery>;

/** A reply template as the API returns it. */
export const ReplyTemplate = z.object({
  id: z.number().int().positive(),
  name: z.string(),
  categoryId: z.number().int().nullable(),
  categoryName: z.string().nullable(),
  body: z.string(),
  /** the placeholders the body uses */
  placeholders: z.array(z.string()),
  active: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string(),
  /** what the caller may do with it now */
  actions: z.array(z.enum(['update'])),
});
export type ReplyTemplate = z.infer<typeof ReplyTemplate>;
