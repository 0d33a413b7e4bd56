import type {
  CreateKnowledgeEntryInput,
  CreateReplyTemplateInput,
  KnowledgeEntry,
  KnowledgeListQuery,
  Page,
  ReplyTemplate,
  UpdateKnowledgeEntryInput,
  UpdateReplyTemplateInput,
} from '@shanzhi/shared';
import { apiRequest, withQuery } from '../../../platform/api/index.js';
import type { PageRequest } from '../../../platform/lists/use-paged-list.js';

/** The filters of the editors' entry list: every entry (expired and withdrawn too), searched or newest first. */
export type EntryFilters = Partial<Pick<KnowledgeListQuery, 'q' | 'categoryId'>>;

/** One page of knowledge-base entries for the editors. */
export function fetchEntries(
  query: EntryFilters & PageRequest,
  signal?: AbortSignal,
): Promise<Page<KnowledgeEntry>> {
  return apiRequest(withQuery('/api/v1/knowledge', { ...query, valid: 'all' }), signal ? { signal } : {});
}

/** Adds an entry. */
export function createEntry(input: CreateKnowledgeEntryInput): Promise<KnowledgeEntry> {
  return apiRequest('/api/v1/knowledge', { method: 'POST', body: input });
}

/** Changes an entry read at `input.version`. */
export function updateEntry(id: number, input: UpdateKnowledgeEntryInput): Promise<KnowledgeEntry> {
  return apiRequest(`/api/v1/knowledge/${id}`, { method: 'PATCH', body: input });
}

/** Withdraws an entry: intake and the public FAQ stop offering it. */
export function deactivateEntry(entry: KnowledgeEntry): Promise<KnowledgeEntry> {
  return apiRequest(`/api/v1/knowledge/${entry.id}/deactivate`, {
    method: 'POST',
    body: { version: entry.version },
  });
}

/** One page of the reply templates, retired ones included (after the active ones). */
export function fetchTemplates(page: PageRequest, signal?: AbortSignal): Promise<Page<ReplyTemplate>> {
  return apiRequest(
    withQuery('/api/v1/reply-templates', { active: 'all', ...page }),
    signal ? { signal } : {},
  );
}

/** Adds a reply template. */
export function createTemplate(input: CreateReplyTemplateInput): Promise<ReplyTemplate> {
  return apiRequest('/api/v1/reply-templates', { method: 'POST', body: input });
}

/** Changes a template read at `input.version` (retire it with `active: false`). */
export function updateTemplate(id: number, input: UpdateReplyTemplateInput): Promise<ReplyTemplate> {
  return apiRequest(`/api/v1/reply-templates/${id}`, { method: 'PATCH', body: input });
}
