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
import type { ZodType } from 'zod';
import type { AppContext } from '../../platform/context.js';
import { AppError, fieldError } from '../../platform/errors/app-error.js';
import { cleanFileName } from '../cases/attachments/attachment-name.js';
import { storeAttachment } from '../cases/attachments/attachment-store.js';
import { detectAttachmentType, MAGIC_BYTES_NEEDED } from '../cases/attachments/attachment-types.js';
import type { IntakeFile } from '../cases/register-case.js';
import type { TokenBuckets } from './portal-rate-limit.js';

/** A citizen's photo (or evidence file) taken into the attachment store, waiting for its case or dispute. */
export type PortalPhoto = IntakeFile;

/**
 * The files a portal form takes beside its JSON `data` part, and how refusals name them: a request's photos,
 * an application's evidence.
 */
export interface PortalFileKind {
  /** the name of the files' parts, also the field a refusal names */
  field: string;
  /** the schema of the `data` part: while it fails, the files are read past, not stored */
  data: ZodType;
  /** the most files taken */
  max: number;
  /** the largest file, in bytes, before the platform's attachment limit */
  maxBytes: number;
  /** whether a type proven by the content's first bytes is taken */
  accepts(type: string | null): boolean;
  /** what one file is called in refusals (照片, 材料) and its counter (张, 份) */
  noun: string;
  counter: string;
  /** what is taken, for the refusal of another type: 「x」不是… */
  expected: string;
}

/** A request's photos on the portal (`POST /api/v1/portal/cases`). */
export const PORTAL_PHOTOS: PortalFileKind = {
  field: 'photos',
  data: PortalSubmitInput,
  max: PORTAL_MAX_PHOTOS,
  maxBytes: PORTAL_PHOTO_MAX_BYTES,
  accepts: isPortalPhotoType,
  noun: '照片',
  counter: '张',
  expected: '照片：只能上传 JPEG、PNG 或 WebP 格式的图片',
};

/** The largest file this server takes for `kind`: its own limit, or the platform's attachment limit if lower. */
function portalFileMaxBytes(ctx: AppContext, kind: PortalFileKind): number {
  return Math.min(kind.maxBytes, ctx.config.SHANZHI_ATTACHMENT_MAX_BYTES);
}

/**
 * The multipart parser's options for a portal form of `kind`: the data part, the files and one part more (so
 * a stray field is refused by name rather than by the parser's count); a file past the limit is cut, not
 * thrown, and refused on its field.
 */
export function portalMultipartOptions(ctx: AppContext, kind: PortalFileKind) {
  return {
    limits: { fileSize: portalFileMaxBytes(ctx, kind), files: kind.max, fields: 2, parts: kind.max + 2 },
    throwFileSizeLimit: false,
  };
}

const megabytes = (bytes: number) => Math.max(1, Math.floor(bytes / 1024 / 1024));

/**
 * Passes a file's bytes through once its first bytes prove a type `kind` takes. Anything else is read to its
 * end without being kept (so the multipart stream moves on to the next part), then refused.
 */
async function* acceptedBytesOnly(
  chunks: AsyncIterable<Buffer>,
  name: string,
  kind: PortalFileKind,
): AsyncGenerator<Buffer> {
  let head = Buffer.alloc(0);
  let verdict: 'pending' | 'accepted' | 'refused' = 'pending';
  for await (const chunk of chunks) {
    if (verdict === 'accepted') {
      yield chunk;
      continue;
    }
    if (verdict === 'refused') continue;
    head = Buffer.concat([head, chunk]);
    if (head.length < MAGIC_BYTES_NEEDED) continue;
    verdict = kind.accepts(detectAttachmentType(head)) ? 'accepted' : 'refused';
    if (verdict === 'accepted') yield head;
  }
  // a file shorter than the magic bytes: judged on what there is (an empty one is refused by the store)
  if (verdict === 'pending' && head.length > 0) {
    verdict = kind.accepts(detectAttachmentType(head)) ? 'accepted' : 'refused';
    if (verdict === 'accepted') yield head;
  }
  if (verdict === 'refused') {
    throw fieldError(kind.field, 'unsupported_type', `「${name}」不是${kind.expected}`);
  }
}

/** Stores one file part; a refusal of the store (empty, too large) becomes a 400 on the kind's field. */
async function storeFile(ctx: AppContext, file: MultipartFile, kind: PortalFileKind): Promise<PortalPhoto> {
  const name = cleanFileName(file.filename, kind.noun);
  const maxBytes = portalFileMaxBytes(ctx, kind);
  try {
    const stored = await storeAttachment(
      ctx.config.SHANZHI_DATA_DIR,
      Readable.from(acceptedBytesOnly(file.file, name, kind)),
      maxBytes,
      () => file.file.truncated,
    );
    return { ...stored, name };
  } catch (error) {
    if (!(error instanceof AppError) || error.fields?.[0]?.field === kind.field) throw error;
    if (error.code === 'PAYLOAD_TOO_LARGE')
      throw fieldError(
        kind.field,
        'too_large',
        `${kind.noun}「${name}」超过 ${megabytes(maxBytes)} MB，请压缩后再上传`,
      );
    if (error.code === 'VALIDATION_FAILED')
      throw fieldError(kind.field, 'empty', `${kind.noun}「${name}」是空文件`);
    throw error;
  }
}

/** The multipart parser's own limits (too many files, fields or parts), as a refusal on a field. */
function limitRefusal(error: unknown, kind: PortalFileKind): AppError | null {
  const code = (error as { code?: unknown })?.code;
  if (code === 'FST_FILES_LIMIT')
    return fieldError(kind.field, 'too_many', `最多上传 ${kind.max} ${kind.counter}${kind.noun}`);
  if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT')
    return new AppError('VALIDATION_FAILED', '表单中含有不允许的字段', [
      { field: '(root)', code: 'too_many_parts', message: '表单中含有不允许的字段' },
    ]);
  return null;
}

/**
 * Reads a portal form sent as multipart/form-data: the form as JSON in the `data` part, then up to
 * `kind.max` files in `kind.field` parts, each streamed into the attachment store once its first bytes prove
 * a type the kind takes (type by magic bytes, size limited). When `data` already fails validation the files
 * are read past, not stored: the route's validation then answers with the form's field errors. A refused
 * file is a 400 naming it on the kind's field.
 */
async function readPortalSubmission(
  ctx: AppContext,
  request: FastifyRequest,
  kind: PortalFileKind,
): Promise<{ data: unknown; files: PortalPhoto[] }> {
  let data: unknown;
  let dataValid = false;
  const files: PortalPhoto[] = [];
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
        dataValid = kind.data.safeParse(data).success;
      } else if (part.fieldname !== kind.field || data === undefined || refusal !== null || !dataValid) {
        if (part.fieldname !== kind.field) {
          refusal ??= fieldError(part.fieldname, 'unrecognized_keys', '含有不允许的字段');
        } else if (data === undefined) {
          refusal ??= fieldError('data', 'order', `请先发送字段 data，再发送${kind.noun}`);
        }
        // read past it without keeping it, so that the parser reaches the parts after it
        await finished(part.file.resume());
      } else {
        try {
          files.push(await storeFile(ctx, part, kind));
        } catch (error) {
          refusal = error;
        }
      }
    }
  } catch (error) {
    refusal ??= limitRefusal(error, kind) ?? error;
  }
  if (refusal !== null) throw refusal;
  return { data, files };
}

/**
 * The intake of a public portal form with files, for its route: `preValidation` spends the client address's
 * budget before any byte is stored, then turns a multipart body into the object the schema validates, its
 * files kept aside; `filesOf` hands the files to the handler (none for a JSON body).
 */
export function portalFormIntake(ctx: AppContext, budget: TokenBuckets, kind: PortalFileKind) {
  const kept = new WeakMap<object, PortalPhoto[]>();
  return {
    preValidation: async (request: FastifyRequest) => {
      budget.consume(request.ip);
      if (!request.isMultipart()) return;
      const { data, files } = await readPortalSubmission(ctx, request, kind);
      request.body = data;
      kept.set(request, files);
    },
    filesOf: (request: FastifyRequest): PortalPhoto[] => kept.get(request) ?? [],
  };
}
