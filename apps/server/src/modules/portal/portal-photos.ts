import { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { MultipartFile } from '@fastify/multipart';
import {
  isPortalPhotoType,
  PORTAL_MAX_PHOTOS,
  PORTAL_PHOTO_MAX_BYTES,
  PortalSubmitInput,
} from '@shanzhi/shared';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/context.js';
import { AppError, fieldError } from '../../platform/errors/app-error.js';
import { storeAttachment } from '../cases/attachments/attachment-store.js';
import { detectAttachmentType, MAGIC_BYTES_NEEDED } from '../cases/attachments/attachment-types.js';
import type { IntakeFile } from '../cases/register-case.js';

/** A citizen's photo taken into the attachment store, waiting for its case. */
export type PortalPhoto = IntakeFile;

/** The largest photo this server takes: the portal's limit, or the platform's attachment limit if lower. */
export function portalPhotoMaxBytes(ctx: AppContext): number {
  return Math.min(PORTAL_PHOTO_MAX_BYTES, ctx.config.SHANZHI_ATTACHMENT_MAX_BYTES);
}

const megabytes = (bytes: number) => Math.max(1, Math.floor(bytes / 1024 / 1024));
const photoError = (code: string, message: string) => fieldError('photos', code, message);

function baseName(filename: string): string {
  const base = (filename.split(/[\\/]/).pop() ?? '')
    .replace(/\p{Cc}/gu, '')
    .trim()
    .slice(0, 200);
  return base || '照片';
}

/**
 * Passes a photo's bytes through once its first bytes prove a JPEG, PNG or WebP image. Anything else is
 * read to its end without being kept (so the multipart stream moves on to the next part), then refused.
 */
async function* imageBytesOnly(chunks: AsyncIterable<Buffer>, name: string): AsyncGenerator<Buffer> {
  let head = Buffer.alloc(0);
  let verdict: 'pending' | 'image' | 'refused' = 'pending';
  for await (const chunk of chunks) {
    if (verdict === 'image') {
      yield chunk;
      continue;
    }
    if (verdict === 'refused') continue;
    head = Buffer.concat([head, chunk]);
    if (head.length < MAGIC_BYTES_NEEDED) continue;
    verdict = isPortalPhotoType(detectAttachmentType(head)) ? 'image' : 'refused';
    if (verdict === 'image') yield head;
  }
  // a file shorter than the magic bytes: judged on what there is (an empty one is refused by the store)
  if (verdict === 'pending' && head.length > 0) {
    verdict = isPortalPhotoType(detectAttachmentType(head)) ? 'image' : 'refused';
    if (verdict === 'image') yield head;
  }
  if (verdict === 'refused') {
    throw photoError('unsupported_type', `「${name}」不是照片：只能上传 JPEG、PNG 或 WebP 格式的图片`);
  }
}

/** Stores one photo part; a refusal of the store (empty, too large) becomes a 400 on the `photos` field. */
async function storePhoto(ctx: AppContext, file: MultipartFile): Promise<PortalPhoto> {
  const name = baseName(file.filename);
  const maxBytes = portalPhotoMaxBytes(ctx);
  try {
    const stored = await storeAttachment(
      ctx.config.SHANZHI_DATA_DIR,
      Readable.from(imageBytesOnly(file.file, name)),
      maxBytes,
      () => file.file.truncated,
    );
    return { ...stored, name };
  } catch (error) {
    if (!(error instanceof AppError) || error.fields?.[0]?.field === 'photos') throw error;
    if (error.code === 'PAYLOAD_TOO_LARGE')
      throw photoError('too_large', `照片「${name}」超过 ${megabytes(maxBytes)} MB，请压缩后再上传`);
    if (error.code === 'VALIDATION_FAILED') throw photoError('empty', `照片「${name}」是空文件`);
    throw error;
  }
}

/** The multipart parser's own limits (too many files, fields or parts), as a refusal on a field. */
function limitRefusal(error: unknown): AppError | null {
  const code = (error as { code?: unknown })?.code;
  if (code === 'FST_FILES_LIMIT') return photoError('too_many', `最多上传 ${PORTAL_MAX_PHOTOS} 张照片`);
  if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT')
    return new AppError('VALIDATION_FAILED', '表单中含有不允许的字段', [
      { field: '(root)', code: 'too_many_parts', message: '表单中含有不允许的字段' },
    ]);
  return null;
}

/**
 * Reads a portal submission sent as multipart/form-data: the request as JSON in the `data` part, then up to
 * `PORTAL_MAX_PHOTOS` photos in `photos` parts, each streamed into the attachment store once its first
 * bytes prove an image (type by magic bytes, size limited). When `data` already fails validation the photos
 * are read past, not stored: the route's validation then answers with the request's field errors.
 * A refused photo is a 400 naming the file on the `photos` field.
 */
export async function readPortalSubmission(
  ctx: AppContext,
  request: FastifyRequest,
): Promise<{ data: unknown; photos: PortalPhoto[] }> {
  let data: unknown;
  let dataValid = false;
  const photos: PortalPhoto[] = [];
  let refusal: unknown = null;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        if (part.fieldname !== 'data' || data !== undefined) {
          refusal ??= fieldError(part.fieldname, 'unrecognized_keys', '含有不允许的字段');
          continue;
        }
        try {
          data = JSON.parse(String(part.value));
        } catch {
          refusal ??= new AppError('MALFORMED_JSON', '字段 data 不是有效的 JSON');
          continue;
        }
        dataValid = PortalSubmitInput.safeParse(data).success;
      } else if (part.fieldname !== 'photos' || data === undefined || refusal !== null || !dataValid) {
        if (part.fieldname !== 'photos') {
          refusal ??= fieldError(part.fieldname, 'unrecognized_keys', '含有不允许的字段');
        } else if (data === undefined) {
          refusal ??= fieldError('data', 'order', '请先发送字段 data，再发送照片');
        }
        // read past it without keeping it, so that the parser reaches the parts after it
        await finished(part.file.resume());
      } else {
        try {
          photos.push(await storePhoto(ctx, part));
        } catch (error) {
          refusal = error;
        }
      }
    }
  } catch (error) {
    refusal ??= limitRefusal(error) ?? error;
  }
  if (refusal !== null) throw refusal;
  return { data, photos };
}
