import type { DisputeEvidenceView } from '@shanzhi/shared';
import type { Actor } from '../../platform/auth/actor.js';
import type { FreeTextMasking } from '../../platform/auth/free-text-masking.js';
import { ATTACHMENT_FALLBACK_NAME, cleanFileName } from '../cases/attachments/attachment-name.js';
import type { IntakeFile } from '../cases/register-case.js';
import type { EvidenceRow } from './dispute-evidence.repository.js';

/**
 * The evidence rows of the files a dispute is registered with, under the ids drawn for them. A citizen on
 * the portal (an actor without a user) is named, not tied to a user.
 */
export function evidenceValues(
  disputeId: number,
  ids: readonly number[],
  files: readonly IntakeFile[],
  actor: Actor,
  at: Date,
) {
  return files.map((file, i) => ({
    id: ids[i]!,
    disputeId,
    sha256: file.sha256,
    name: file.name,
    mime: file.mime,
    size: file.size,
    uploadedByUserId: actor.userId > 0 ? actor.userId : null,
    uploadedByName: actor.displayName,
    uploadedAt: at,
  }));
}

/** Row → API shape; the file name, typed by whoever sent it, through the caller's masking of free text. */
export function presentEvidence(row: EvidenceRow, masking: FreeTextMasking): DisputeEvidenceView {
  return {
    id: row.id,
    name: masking.text(cleanFileName(row.name, ATTACHMENT_FALLBACK_NAME)),
    mime: row.mime,
    size: row.size,
    uploadedByName: row.uploadedByName,
    uploadedAt: row.uploadedAt.toISOString(),
    url: `/api/v1/mediation/evidence/${row.id}`,
  };
}
