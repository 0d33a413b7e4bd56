import { z } from 'zod';

/** `POST /intelligence/classify`: the message to classify, as the agent types it. */
export const ClassifyInput = z
  .object({
    /** 标题 (optional: many calls have none) */
    title: z.string().trim().max(200).optional(),
    /** 诉求内容 */
    description: z.string().trim().min(1).max(5000),
  })
  .strict();
export type ClassifyInput = z.infer<typeof ClassifyInput>;

/** The classifier's suggestion for a message. */
export const ClassifyResult = z.object({
  /** most likely catalog categories first, with calibrated probabilities */
  categories: z.array(
    z.object({
      categoryId: z.number().int(),
      code: z.string(),
      name: z.string(),
      probability: z.number(),
    }),
  ),
  /** the suggested handling unit (承办单位), or null */
  unit: z
    .object({ orgId: z.number().int(), code: z.string(), name: z.string(), probability: z.number() })
    .nullable(),
  /** 110 识别: flagged, how strongly, and why */
  police: z.object({ flagged: z.boolean(), score: z.number(), reasons: z.array(z.string()) }),
  /** version of the model that answered; null when no model is trained yet */
  modelVersion: z.string().nullable(),
});
export type ClassifyResult = z.infer<typeof ClassifyResult>;
