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

/**
 * 不确定: below this calibrated probability of its top category the suggestion says it is unsure. A calibrated
 * 60 % is wrong two times in five: the agent should choose the matter himself.
 */
export const SUGGESTION_CONFIDENCE_FLOOR = 0.6;

/** Whether a suggestion whose top category has `probability` should say it is unsure. */
export function isUncertainSuggestion(probability: number | undefined): boolean {
  return probability !== undefined && probability < SUGGESTION_CONFIDENCE_FLOOR;
}

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
  /** 不确定: the top category's probability is below `confidenceFloor` (false without categories) */
  uncertain: z.boolean(),
  /** the floor (SUGGESTION_CONFIDENCE_FLOOR) */
  confidenceFloor: z.number(),
});
export type ClassifyResult = z.infer<typeof ClassifyResult>;
