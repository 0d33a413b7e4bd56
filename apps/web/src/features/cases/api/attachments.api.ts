import { apiRequest } from '../../../platform/api/index.js';

/** An attachment of a case as the API shows it (`AttachmentView`). */
export interface CaseAttachment {
  id: number;
  caseId: number;
  /** the file name as uploaded */
  name: string;
  /** the type its content proved (magic bytes), e.g. `image/jpeg` */
  mime: string;
  size: number;
  uploadedBy: { userId: number | null; name: string; orgId: number | null };
  uploadedAt: string;
  /** where the browser downloads or previews it */
  url: string;
}

/** The attachments of a case, oldest first. */
export async function fetchCaseAttachments(caseId: number, signal?: AbortSignal): Promise<CaseAttachment[]> {
  const answer = await apiRequest<{ items: CaseAttachment[] }>(
    `/api/v1/cases/${caseId}/attachments`,
    signal ? { signal } : {},
  );
  return answer.items;
}

/** Uploads one file to a case (multipart, field `file`); answers the stored attachment. */
export function uploadCaseAttachment(caseId: number, file: File): Promise<CaseAttachment> {
  const form = new FormData();
  form.append('file', file, file.name);
  return apiRequest(`/api/v1/cases/${caseId}/attachments`, { method: 'POST', body: form });
}
