import type { AttachmentView } from '@shanzhi/shared';
import type { FreeTextMasking } from '../../../platform/auth/free-text-masking.js';
import { ATTACHMENT_FALLBACK_NAME, cleanFileName } from './attachment-name.js';
import type { AttachmentRow } from './attachments.repository.js';

/** Row → API shape; the file name, typed by whoever uploaded it, through the caller's masking of free text. */
export function presentAttachment(row: AttachmentRow, masking: FreeTextMasking): AttachmentView {
  return {
    id: row.id,
    caseId: row.caseId,
    // names stored before uploads were cleaned are shown by the same rule
    name: masking.text(cleanFileName(row.name, ATTACHMENT_FALLBACK_NAME)),
    mime: row.mime,
    size: row.size,
    sha256: row.sha256,
    uploadedBy: { userId: row.uploadedByUserId, name: row.uploadedByName, orgId: row.uploadedByOrgId },
    uploadedAt: row.uploadedAt.toISOString(),
    url: `/api/v1/attachments/${row.id}`,
  };
}
