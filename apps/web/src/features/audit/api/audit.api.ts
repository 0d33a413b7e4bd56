import { apiRequest, withQuery } from '../../../platform/api/index.js';

/** One entry of the audit trail. */
export interface AuditEntry {
  id: number;
  at: string;
  actorUserId: number | null;
  actorUsername: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  detail: unknown;
}

/** A page of the audit trail, newest first; `nextBeforeId` continues it (null at the end). */
export function fetchAudit(
  query: { action?: string | undefined; beforeId?: number | undefined; limit?: number },
  signal?: AbortSignal,
): Promise<{ items: AuditEntry[]; nextBeforeId: number | null }> {
  return apiRequest(withQuery('/api/v1/audit', query), signal ? { signal } : {});
}
