import { z } from 'zod';
import { isRealIsoDate } from '../calendar/beijing-time.js';
import { PageQuery } from '../lists/list.schemas.js';

/** Longest question of a knowledge entry, in characters. */
export const KNOWLEDGE_QUESTION_MAX = 200;
/** Longest answer of a knowledge entry, in characters: what an agent can read out on one call. */
export const KNOWLEDGE_ANSWER_MAX = 5_000;
/** Most tags on one entry, and the longest tag. */
export const KNOWLEDGE_TAGS_MAX = 10;
export const KNOWLEDGE_TAG_MAX = 20;
/** Longest search text. */
export const KNOWLEDGE_QUERY_MAX = 100;
/** Most entries the public FAQ answers with. */
export const PUBLIC_FAQ_LIMIT_MAX = 20;

/** A calendar day `YYYY-MM-DD` (Beijing time). */
export const KnowledgeDate = z
  .string('日期须为 YYYY-MM-DD')
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期须为 YYYY-MM-DD')
  .refine(isRealIsoDate, '不存在的日期');

const question = z
  .string('请输入问题')
  .trim()
  .min(1, '请输入问题')
  .max(KNOWLEDGE_QUESTION_MAX, `问题不能超过 ${KNOWLEDGE_QUESTION_MAX} 个字`);
const answer = z
  .string('请输入答案')
  .trim()
  .min(1, '请输入答案')
  .max(KNOWLEDGE_ANSWER_MAX, `答案不能超过 ${KNOWLEDGE_ANSWER_MAX} 个字`);
const tag = z
  .string('标签须为文字')
  .trim()
  .min(1, '标签不能为空')
  .max(KNOWLEDGE_TAG_MAX, `标签不能超过 ${KNOWLEDGE_TAG_MAX} 个字`)
  .regex(/^[^\s,，;；]+$/, '标签不能含空格或分隔符');
const tags = z
  .array(tag, '标签须为列表')
  .max(KNOWLEDGE_TAGS_MAX, `标签最多 ${KNOWLEDGE_TAGS_MAX} 个`)
  .transform((list) => [...new Set(list)]);
const categoryId = z.number('事项类别无效').int('事项类别无效').positive('事项类别无效');

/** Whether a validity window is in order: it may be open at either end, and a one-day window is fine. */
export function isValidityOrdered(validFrom: string | null, validTo: string | null): boolean {
  return validFrom === null || validTo === null || validFrom <= validTo;
}

/**
 * Whether an entry may be offered on `today` (a Beijing `YYYY-MM-DD`): active and inside its validity window,
 * both ends included. Expired or not-yet-valid entries stay readable for administrators.
 */
export function isKnowledgeEntryValidOn(
  entry: { active: boolean; validFrom: string | null; validTo: string | null },
  today: string,
): boolean {
  return (
    entry.active &&
    (entry.validFrom === null || entry.validFrom <= today) &&
    (entry.validTo === null || entry.validTo >= today)
  );
}

const orderedValidity = (input: { validFrom?: string | null; validTo?: string | null }) =>
  isValidityOrdered(input.validFrom ?? null, input.validTo ?? null);
const VALIDITY_ISSUE = { message: '失效日期不能早于生效日期', path: ['validTo'] };

/** `POST /api/v1/knowledge` body: a new knowledge-base entry (知识库条目). */
export const CreateKnowledgeEntryInput = z
  .object({
    /** 问题: how a caller would ask it */
    question,
    /** 答案: what the agent reads out, concise */
    answer,
    /** 事项类别: the catalog category the entry belongs to; null for a general entry */
    categoryId: categoryId.nullable().optional(),
    /** 标签: extra words the entry should be found by (synonyms, colloquial names) */
    tags: tags.optional(),
    /** 生效日期: first day the entry may be offered; null = at once */
    validFrom: KnowledgeDate.nullable().optional(),
    /** 失效日期: last day the entry may be offered; null = until withdrawn */
    validTo: KnowledgeDate.nullable().optional(),
    /** 启用; true when left out */
    active: z.boolean('请选择是否启用').optional(),
  })
  .strict()
  .refine(orderedValidity, VALIDITY_ISSUE);
export type CreateKnowledgeEntryInput = z.infer<typeof CreateKnowledgeEntryInput>;

/** `PATCH /api/v1/knowledge/:id` body: the version read, and what changes. */
export const UpdateKnowledgeEntryInput = z
  .object({
    /** the version the editor read; a stale one answers 409 */
    version: z.number('缺少版本号').int().min(0),
    question: question.optional(),
    answer: answer.optional(),
    categoryId: categoryId.nullable().optional(),
    tags: tags.optional(),
    validFrom: KnowledgeDate.nullable().optional(),
    validTo: KnowledgeDate.nullable().optional(),
    active: z.boolean('请选择是否启用').optional(),
  })
  .strict()
  .refine(orderedValidity, VALIDITY_ISSUE)
  .refine((input) => Object.keys(input).length > 1, { message: '没有要修改的内容' });
export type UpdateKnowledgeEntryInput = z.infer<typeof UpdateKnowledgeEntryInput>;

/** `POST /api/v1/knowledge/:id/deactivate` (and other version-checked actions) body. */
export const KnowledgeVersionInput = z.object({ version: z.number('缺少版本号').int().min(0) }).strict();
export type KnowledgeVersionInput = z.infer<typeof KnowledgeVersionInput>;

/** `GET /api/v1/knowledge` query: search when `q` is given, else newest first. */
export const KnowledgeListQuery = z
  .object({
    /** 搜索: free text, segmented like the entries */
    q: z.string().trim().max(KNOWLEDGE_QUERY_MAX, `搜索内容不能超过 ${KNOWLEDGE_QUERY_MAX} 个字`).optional(),
    categoryId: z.coerce.number().int().positive().optional(),
    tag: z.string().trim().min(1).max(KNOWLEDGE_TAG_MAX).optional(),
    /** `true`: only entries valid today (what intake offers); `all`: expired and inactive ones too (editors) */
    valid: z.enum(['true', 'all']).default('true'),
  })
  .extend(PageQuery.shape)
  .strict();
export type KnowledgeListQuery = z.infer<typeof KnowledgeListQuery>;

/** An action the caller may take on an entry now. */
export const KnowledgeEntryAction = z.enum(['update', 'deactivate']);
export type KnowledgeEntryAction = z.infer<typeof KnowledgeEntryAction>;

/** A knowledge-base entry as the API returns it. */
export const KnowledgeEntry = z.object({
  id: z.number().int().positive(),
  question: z.string(),
  answer: z.string(),
  categoryId: z.number().int().nullable(),
  categoryName: z.string().nullable(),
  tags: z.array(z.string()),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  active: z.boolean(),
  /** 当前有效: active and inside the validity window today */
  validNow: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  createdByName: z.string().nullable(),
  updatedByName: z.string().nullable(),
  /** relevance of a search hit (higher is better); null in plain lists */
  score: z.number().nullable(),
  /** what the caller may do with it now */
  actions: z.array(KnowledgeEntryAction),
});
export type KnowledgeEntry = z.infer<typeof KnowledgeEntry>;

/** `GET /api/v1/public/faq` query (the citizen portal, no sign-in). */
export const PublicFaqQuery = z
  .object({
    q: z.string().trim().max(KNOWLEDGE_QUERY_MAX, `搜索内容不能超过 ${KNOWLEDGE_QUERY_MAX} 个字`).optional(),
    limit: z.coerce.number().int().min(1).max(PUBLIC_FAQ_LIMIT_MAX).default(10),
  })
  .strict();
export type PublicFaqQuery = z.infer<typeof PublicFaqQuery>;

/** One answer of the public FAQ: only what a citizen needs. */
export const PublicFaqItem = z.object({ id: z.number().int(), question: z.string(), answer: z.string() });
export type PublicFaqItem = z.infer<typeof PublicFaqItem>;

/** `GET /api/v1/public/faq`: the best matches, at most `limit` (a short answer, not a list walked by pages). */
export const PublicFaqList = z.object({ items: z.array(PublicFaqItem) });
export type PublicFaqList = z.infer<typeof PublicFaqList>;
