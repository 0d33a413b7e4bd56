import { z } from 'zod';
import { PageQuery, pageOf } from '../lists/list.schemas.js';

/**
 * `GET /api/v1/warnings`: pages, not keyset — a warning moves up the list each time it is seen again, which
 * a cursor on its order would skip or repeat, and how many are open is what a leader asks first.
 */
export const WarningListQuery = z
  .object({
    /** `open` (待处置) or `acknowledged` (已知悉) */
    status: z.enum(['open', 'acknowledged']).optional(),
    kind: z.enum(['surge', 'emerging_topic']).optional(),
    /** seen at or after (ISO 8601) */
    from: z.iso.datetime({ offset: true }).optional(),
    /** seen before (ISO 8601) */
    to: z.iso.datetime({ offset: true }).optional(),
    /** an org inside the caller's scope: its subtree only */
    org: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  })
  .extend(PageQuery.shape)
  .strict()
  .refine((q) => !q.from || !q.to || q.from < q.to, { message: '开始时间须早于结束时间', path: ['to'] });
export type WarningListQuery = z.infer<typeof WarningListQuery>;

/** One warning as the API answers it. */
export const WarningItem = z.object({
  id: z.number().int(),
  /** `surge` 激增 or `emerging_topic` 新苗头 */
  kind: z.enum(['surge', 'emerging_topic']),
  kindLabel: z.string(),
  status: z.enum(['open', 'acknowledged']),
  title: z.string(),
  orgId: z.number().int(),
  orgName: z.string().nullable(),
  categoryId: z.number().int().nullable(),
  day: z.string(),
  caseIds: z.array(z.number().int()),
  observed: z.number().int(),
  baseline: z.number(),
  pValue: z.number(),
  /** −log10 p */
  score: z.number(),
  terms: z.array(z.string()),
  details: z.record(z.string(), z.unknown()),
  firstSeenAt: z.string(),
  lastSeenAt: z.string(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedByUserId: z.number().int().nullable(),
});
export type WarningItem = z.infer<typeof WarningItem>;

/** A page of warnings, the most recently seen first. */
export const WarningPage = pageOf(WarningItem);
export type WarningPage = z.output<typeof WarningPage>;

/** `POST /warnings/run`: what the run found. */
export const WarningsRunAnswer = z.object({
  ran: z.boolean(),
  fingerprinted: z.number().int(),
  surges: z.number().int(),
  topics: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  createdIds: z.array(z.number().int()),
});
export type WarningsRunAnswer = z.output<typeof WarningsRunAnswer>;
