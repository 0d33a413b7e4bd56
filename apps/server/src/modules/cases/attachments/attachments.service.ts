import type fs from 'node:fs';
import type { Readable } from 'node:stream';
import type { Actor } from '../../../platform/auth/actor.js';
import type { AppContext } from '../../../platform/context.js';
import type { DbOrTx } from '../../../platform/db/database.js';
import { AppError, fieldError } from '../../../platform/errors/app-error.js';
import { assertCaseInScope } from '../case-access.js';
import { caseNotFound } from '../case-lifecycle.js';
import { findCase } from '../cases.repository.js';
import { ATTACHMENT_FALLBACK_NAME, cleanFileName } from './attachment-name.js';
import { openStoredFile, storeAttachment } from './attachment-store.js';
import {
  type AttachmentRow,
  findAttachment,
  findAttachmentIdsOfCase,
  insertAttachment,
  listCaseAttachments,
} from './attachments.repository.js';

/** An upload as the route hands it over. */
export interface Upload {
  /** the file name the client gave */
  filename: string;
  stream: Readable;
  /** whether the multipart parser cut the file at the size limit */
  truncated: () => boolean;
}

/** The case, after refusing one that does not exist (404) or lies outside the actor's scope (403). */
async function loadReadableCase(ctx: AppContext, actor: Actor, caseId: number) {
  const row = await findCase(ctx.db, caseId);
  if (!row) throw caseNotFound(caseId);
  await assertCaseInScope(ctx.db, actor, row.id);
  return row;
}

/**
 * 上传附件: stores the file by its content hash (type proven by its magic bytes, size limited) and records
 * it on the case. The case must exist and lie in the actor's scope.
 */
export async function uploadAttachment(
  ctx: AppContext,
  actor: Actor,
  caseId: number,
  upload: Upload,
): Promise<AttachmentRow> {
  await loadReadableCase(ctx, actor, caseId);
  const stored = await storeAttachment(
    ctx.config.SHANZHI_DATA_DIR,
    upload.stream,
    ctx.config.SHANZHI_ATTACHMENT_MAX_BYTES,
    upload.truncated,
  );
  return insertAttachment(ctx.db, {
    caseId,
    sha256: stored.sha256,
    name: cleanFileName(upload.filename, ATTACHMENT_FALLBACK_NAME),
    mime: stored.mime,
    size: stored.size,
    uploadedByUserId: actor.userId,
    uploadedByName: actor.displayName,
    uploadedByOrgId: actor.orgId,
    uploadedAt: ctx.clock.now(),
  });
}

/** The attachments of a case in the actor's scope. */
export async function listAttachmentsForActor(
  ctx: AppContext,
  actor: Actor,
  caseId: number,
): Promise<AttachmentRow[]> {
  await loadReadableCase(ctx, actor, caseId);
  return listCaseAttachments(ctx.db, caseId);
}

/** An attachment and a stream of its content, scope-checked through its case. */
export async function openAttachment(
  ctx: AppContext,
  actor: Actor,
  id: number,
): Promise<{ row: AttachmentRow; stream: fs.ReadStream }> {
  const row = await findAttachment(ctx.db, id);
  if (!row) throw new AppError('ATTACHMENT_NOT_FOUND', `附件 ${id} 不存在`);
  await loadReadableCase(ctx, actor, row.caseId);
  const stream = openStoredFile(ctx.config.SHANZHI_DATA_DIR, row.sha256);
  if (!stream) throw new AppError('ATTACHMENT_NOT_FOUND', `附件 ${id} 的文件已不在存储中`);
  return { row, stream };
}

/**
 * Refuses attachment ids of an action (`progress`, `reply`) that are not attachments of this case (400),
 * so that no event can point at another case's files.
 */
export async function assertAttachmentsOfCase(
  db: DbOrTx,
  caseId: number,
  ids: readonly number[] | undefined,
): Promise<number[]> {
  if (!ids || ids.length === 0) return [];
  const own = await findAttachmentIdsOfCase(db, caseId, ids);
  const foreign = ids.filter((id) => !own.has(id));
  if (foreign.length > 0) {
    throw fieldError('attachmentIds', 'not_of_case', `附件 ${foreign.join('、')} 不属于该工单`);
  }
  return [...ids];
}
