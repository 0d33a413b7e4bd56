import { z } from 'zod';
import { KeysetQuery, keysetPageOf } from '../lists/list.schemas.js';

/** `GET /api/v1/audit` query: the audit trail, newest first, in keyset pages. */
export const AuditListQuery = z
  .object({
    /** one event, e.g. `auth.login_failed` */
    action: z.string().max(60).optional(),
    actorUserId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
    /** at or after */
    from: z.coerce.date().optional(),
    /** before */
    to: z.coerce.date().optional(),
  })
  .extend(KeysetQuery.shape)
  .strict();
export type AuditListQuery = z.output<typeof AuditListQuery>;

/** One entry of the audit trail. */
export const AuditEntryView = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actorUserId: z.number().int().nullable(),
    actorUsername: z.string().nullable(),
    /** past-tense event name, e.g. `auth.logged_in` */
    action: z.string(),
    targetType: z.string().nullable(),
    targetId: z.string().nullable(),
    ip: z.string().nullable(),
    detail: z.unknown(),
  })
  .meta({ id: 'AuditEntryView' });
export type AuditEntryView = z.output<typeof AuditEntryView>;

/** A keyset page of the audit trail, newest first. */
export const AuditPage = keysetPageOf(AuditEntryView);
export type AuditPage = z.output<typeof AuditPage>;
