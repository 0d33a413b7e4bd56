import { AuditListQuery, AuditPage } from '@shanzhi/shared';
import type { AppContext } from '../../platform/context.js';
import { STANDARD_ERRORS } from '../../platform/http/common.schemas.js';
import { decodeCursor, keysetPage } from '../../platform/http/lists.js';
import type { ApiInstance } from '../../platform/http/types.js';
import { listAudit } from './audit.repository.js';

const isAuditPosition = (value: unknown[]): value is [number] =>
  value.length === 1 && Number.isSafeInteger(value[0]);

/** The security audit trail, newest first. */
export function registerAuditRoutes(app: ApiInstance, ctx: AppContext): void {
  app.get(
    '/api/v1/audit',
    {
      config: { permission: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary:
          '审计日志 The audit trail (logins, failed logins, permission changes …), newest first (keyset pages)',
        querystring: AuditListQuery,
        response: { 200: AuditPage, ...STANDARD_ERRORS },
      },
    },
    async (request) => {
      const { cursor, ...query } = request.query;
      const beforeId = cursor ? decodeCursor(cursor, isAuditPosition)[0] : undefined;
      const rows = await listAudit(ctx.db, { ...query, beforeId });
      return keysetPage(
        rows,
        query.limit,
        (row) => [row.id],
        (page) => page.map((r) => ({ ...r, at: new Date(r.at).toISOString() })),
      );
    },
  );
}
