import {
  PETITION_SCAN_MAX_BYTES,
  type PetitionActionInput,
  type PetitionActionOnPetition,
} from '@shanzhi/shared';
import type { AppContext } from '../../platform/context.js';
import type { StoredFile } from '../cases/attachments/attachment-store.js';
import { decodeInlineUpload, type InlineUploadKind, storePhotos } from '../grid/grid-photos.js';

/** What the scan of a signed 委托代办书 may be: a PDF or a picture, proven by its first bytes. */
const SIGNED_ENTRUSTMENT_SCAN: InlineUploadKind = {
  types: new Set(['application/pdf', 'image/jpeg', 'image/png', 'image/webp']),
  maxBytes: PETITION_SCAN_MAX_BYTES,
  noun: '扫描件',
  expected: '签署后的委托代办书只能上传 PDF 或 JPEG、PNG、WebP 图片',
};

/** The largest body of an upload of the scan: its base64 and a little JSON around it. */
export const SCAN_BODY_LIMIT = Math.ceil(PETITION_SCAN_MAX_BYTES * 1.4) + 65_536;

/**
 * The scan an action carries (`attach_signed_entrustment` only), checked (400 on `scan`: `too_large`,
 * `not_an_image`) and put in the attachment store before the action's transaction.
 */
export async function scanOf<A extends PetitionActionOnPetition>(
  ctx: AppContext,
  action: A,
  input: PetitionActionInput<A>,
): Promise<StoredFile | undefined> {
  if (action !== 'attach_signed_entrustment') return undefined;
  const { scan } = input as PetitionActionInput<'attach_signed_entrustment'>;
  const [stored] = await storePhotos(
    ctx,
    [decodeInlineUpload(scan, 'scan', SIGNED_ENTRUSTMENT_SCAN)],
    PETITION_SCAN_MAX_BYTES,
  );
  return stored;
}
