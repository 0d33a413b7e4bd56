import { z } from 'zod';

/** 查重窗口: how many days back "recent" reaches (open cases count whatever their age). */
export const DEFAULT_WINDOW_DAYS = 30;

/** `POST /intelligence/duplicates`: a request the agent is about to register. */
export const DuplicateDraftInput = z
  .object({
    /** 标题 */
    title: z.string().trim().max(200).default(''),
    /** 诉求内容 */
    description: z.string().trim().min(1).max(5_000),
    /** 事发位置 (GCJ-02), both or neither */
    lng: z.number().min(-180).max(180).optional(),
    lat: z.number().min(-90).max(90).optional(),
    /** 事项 (a leaf of the catalog), if the agent chose one */
    categoryId: z.number().int().positive().max(2_147_483_647).optional(),
    /** 来电号码, any format */
    phone: z.string().trim().max(40).optional(),
    /** days back (default 30) */
    windowDays: z.number().int().min(1).max(365).default(DEFAULT_WINDOW_DAYS),
  })
  .strict()
  .refine((v) => (v.lng === undefined) === (v.lat === undefined), {
    message: '经度和纬度须同时提供',
    path: ['lat'],
  });
export type DuplicateDraftInput = z.infer<typeof DuplicateDraftInput>;
/** The draft as a client sends it (defaults not yet applied). */
export type DuplicateDraftRequest = z.input<typeof DuplicateDraftInput>;

/** `GET /cases/:id/duplicates?windowDays=` */
export const DuplicateCaseQuery = z
  .object({ windowDays: z.coerce.number().int().min(1).max(365).default(DEFAULT_WINDOW_DAYS) })
  .strict();
export type DuplicateCaseQuery = z.infer<typeof DuplicateCaseQuery>;

/**
 * One candidate duplicate, as the agent and the dispatcher see it: no citizen's data, and its title with the
 * personal numbers in it masked for a caller without `personal_data.read`.
 */
export const DuplicateCandidate = z.object({
  caseId: z.number().int(),
  number: z.string(),
  title: z.string(),
  state: z.string(),
  categoryName: z.string().nullable(),
  /** where it happened (grid, community …) */
  areaName: z.string().nullable(),
  createdAt: z.string(),
  /** in [0, 1] */
  score: z.number(),
  textSimilarity: z.number(),
  /** 「同一来电号码」「描述相似度 0.86」「同一社区」「同一事项类别」 */
  reasons: z.array(z.string()),
  /** score at or above the threshold: very likely the same matter (merge it) */
  likely: z.boolean(),
});
export type DuplicateCandidate = z.infer<typeof DuplicateCandidate>;

/** The answer of both duplicate routes, best first. */
export const DuplicateAnswer = z.object({
  /** from this score on a candidate is a likely duplicate (`likely`) */
  threshold: z.number(),
  /** candidates scoring below this are not answered: an empty list means none reached it */
  shownFrom: z.number(),
  windowDays: z.number().int(),
  candidates: z.array(DuplicateCandidate),
});
export type DuplicateAnswer = z.infer<typeof DuplicateAnswer>;
