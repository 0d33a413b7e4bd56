import type { AttachmentList, AttachmentView } from '@shanzhi/shared';
import { apiRequest } from '../../../platform/api/index.js';

export type { AttachmentView as CaseAttachment };

/** The attachments of a case, oldest first. */
export async function fetchCaseAttachments(caseId: number, signal?: AbortSignal): Promise<AttachmentView[]> {
  const answer = await apiRequest<AttachmentList>(
    `/api/v1/cases/${caseId}/attachments`,
    signal ? { signal } : {},
  );
  return answer.items;
}

/** Uploads one file to a case (multipart, field `file`); answers the stored attachment. */
export function uploadCaseAttachment(caseId: number, file: File): Promise<AttachmentView> {
  const form = new FormData();
  form.append('file', file, file.name);
  return apiRequest(`/api/v1/cases/${caseId}/attachments`, { method: 'POST', body: form });
}
