import type { Readable } from 'node:stream';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors/app-error.js';
import { openStoredFile } from '../cases/attachments/attachment-store.js';
import { entrustmentDocx } from './entrustment-document.js';
import { findEntrustment, findPetitionersOf } from './petitions.repository.js';
import { loadPetitionInScope } from './petitions.service.js';

/** The 委托代办书 of an entrusted petition as .docx, to print and have signed (404 for other modes). */
export async function entrustmentDocument(
  ctx: AppContext,
  actor: Actor,
  id: number,
): Promise<{ fileName: string; bytes: Buffer }> {
  const row = await loadPetitionInScope(ctx, actor, id);
  const [entrustment, petitioners] = await Promise.all([
    findEntrustment(ctx.db, id),
    findPetitionersOf(ctx.db, [id]),
  ]);
  if (!entrustment)
    throw new AppError('PETITION_NOT_ENTRUSTED', `信访事项 ${id} 不是委托代办，没有委托代办书`);
  const bytes = await entrustmentDocx({
    petitionId: id,
    petitioners: (petitioners.get(id) ?? []).map((p) => p.name),
    agentName: entrustment.agentName,
    orgName: row.orgName,
    matter: row.matter,
    scope: entrustment.scope,
    at: entrustment.createdAt,
  });
  return { fileName: `委托代办书-XF${id}.docx`, bytes };
}

/** The scan of an entrusted petition's signed 委托代办书, in the actor's scope (404 while unsigned). */
export async function openSignedEntrustment(
  ctx: AppContext,
  actor: Actor,
  id: number,
): Promise<{ fileName: string; mime: string; size: number; stream: Readable }> {
  await loadPetitionInScope(ctx, actor, id);
  const entrustment = await findEntrustment(ctx.db, id);
  const stream =
    entrustment?.signedSha256 && openStoredFile(ctx.config.SHANZHI_DATA_DIR, entrustment.signedSha256);
  if (!entrustment?.signedMime || !stream) {
    throw new AppError('PETITION_ENTRUSTMENT_NOT_SIGNED', `信访事项 ${id} 尚未上传签署后的委托代办书`);
  }
  return {
    // application/pdf → .pdf, image/png → .png …
    fileName: `委托代办书-已签署-XF${id}.${entrustment.signedMime.split('/')[1]}`,
    mime: entrustment.signedMime,
    size: entrustment.signedSize ?? 0,
    stream,
  };
}
