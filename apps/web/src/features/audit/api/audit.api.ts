import type { AuditEntryView, AuditPage } from '@shanzhi/shared';
import { apiRequest, withQuery } from '../../../platform/api/index.js';
import type { KeysetRequest } from '../../../platform/lists/use-keyset-pages.js';

export type { AuditEntryView };

/** A keyset page of the audit trail, newest first, of one action or of all. */
export function fetchAudit(
  action: string | undefined,
  page: KeysetRequest,
  signal?: AbortSignal,
): Promise<AuditPage> {
  return apiRequest(withQuery('/api/v1/audit', { action, ...page }), signal ? { signal } : {});
}
