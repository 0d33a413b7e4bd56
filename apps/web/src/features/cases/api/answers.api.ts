import type { KnowledgeEntry, Page, ReplyTemplate } from '@shanzhi/shared';
import { apiRequest, withQuery } from '../../../platform/api/index.js';

/** Knowledge-base entries valid today matching `q` (best first), for intake and 直接办结. */
export async function searchKnowledge(q: string, signal?: AbortSignal): Promise<KnowledgeEntry[]> {
  const answer = await apiRequest<Page<KnowledgeEntry>>(
    withQuery('/api/v1/knowledge', { q: q.trim() || undefined, pageSize: 8 }),
    signal ? { signal } : {},
  );
  return answer.items;
}

/**
 * The reply templates for a category (its own, its parents', the general ones), or all active ones: the first
 * page, as many as a page holds (a category has a handful).
 */
export async function fetchReplyTemplates(
  categoryId?: number,
  signal?: AbortSignal,
): Promise<ReplyTemplate[]> {
  const answer = await apiRequest<Page<ReplyTemplate>>(
    withQuery('/api/v1/reply-templates', { categoryId, pageSize: 200 }),
    signal ? { signal } : {},
  );
  return answer.items;
}
