import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import { STANDARD_ERRORS } from '../../platform/http/common.schemas.js';
import type { ApiInstance } from '../../platform/http/types.js';
import { listAudit } from './audit.repository.js';

const AuditQuery = z
  .object({
    action: z.string().max(60).optional(),
    actorUserId: z.coerce.number().int().positive().optional(),
    from: z.coerce.date().optional(),
    to: z.coerce.date().optional(),
    /** keyset cursor: entries older than this id */
    beforeId: z.coerce.number().int().positive().optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
  })
  .strict();

const AuditEntry = z.object({
  id: z.number(),
  at: z.string(),
  actorUserId: z.number().nullable(),
  actorUsername: z.string().nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  ip: z.string().nullable(),
  detail: z.unknown(),
});

/** The security audit trail, newest first. */
export function registerAuditRoutes(app: ApiInstance, ctx: AppContext): void {
  app.get(
    '/api/v1/audit',
    {
      config: { permission: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary: '审计日志 The audit trail (logins, failed logins, permission changes …)',
        querystring: AuditQuery,
        response: {
          200: z.object({ items: z.array(AuditEntry), nextBeforeId: z.number().nullable() }),
          ...STANDARD_ERRORS,
        },
      },
    },
    async (request) => {
      const rows = await listAudit(ctx.db, request.query);
      const items = rows.map((r) => ({ ...r, at: new Date(r.at).toISOString() }));
      const last = items.at(-1);
      return { items, nextBeforeId: items.length === request.query.limit && last ? last.id : null };
    },
  );
}
