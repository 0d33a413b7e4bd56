import { z } from 'zod';
import type { AttachmentRow } from './attachments.repository.js';

/** An attachment as the API shows it. */
export const AttachmentView = z.object({
  id: z.number().int(),
  caseId: z.number().int(),
  name: z.string(),
  mime: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  uploadedBy: z.object({
    userId: z.number().int().nullable(),
    name: z.string(),
    orgId: z.number().int().nullable(),
  }),
  uploadedAt: z.string(),
  /** where to download it */
  url: z.string(),
});
/** An attachment as the API shows it. */
export type AttachmentView = z.infer<typeof AttachmentView>;

/** Row → API shape. */
export function presentAttachment(row: AttachmentRow): AttachmentView {
  return {
    id: row.id,
    caseId: row.caseId,
    name: row.name,
    mime: row.mime,
    size: row.size,
    sha256: row.sha256,
    uploadedBy: { userId: row.uploadedByUserId, name: row.uploadedByName, orgId: row.uploadedByOrgId },
    uploadedAt: row.uploadedAt.toISOString(),
    url: `/api/v1/attachments/${row.id}`,
  };
}
