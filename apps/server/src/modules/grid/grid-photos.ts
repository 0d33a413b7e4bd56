import { Readable } from 'node:stream';
import { type GridPhotoRole, MAX_GRID_PHOTO_BYTES } from '@shanzhi/shared';
import type { AppContext } from '../../platform/context.js';
import type { DbOrTx } from '../../platform/db/database.js';
import { fieldError } from '../../platform/errors/app-error.js';
import { type StoredFile, storeAttachment } from '../cases/attachments/attachment-store.js';
import {
  type AttachmentType,
  detectAttachmentType,
  MAGIC_BYTES_NEEDED,
} from '../cases/attachments/attachment-types.js';
import { gridPhotos } from './grid.tables.js';

/** What an inline upload may be: the types its first bytes may prove, its largest size, how refusals name it. */
export interface InlineUploadKind {
  types: ReadonlySet<AttachmentType>;
  maxBytes: number;
  /** what it is, in refusals: 照片, 扫描件 */
  noun: string;
  /** what the refusal of another type says */
  expected: string;
}

/** What a photo may be (grid, hazards, a market order's 完工照片): images only, proven by their first bytes. */
export const PHOTO_UPLOAD: InlineUploadKind = {
  types: new Set(['image/jpeg', 'image/png', 'image/webp']),
  maxBytes: MAX_GRID_PHOTO_BYTES,
  noun: '照片',
  expected: '只能上传 JPEG、PNG、WebP 图片',
};

/** A photo decoded from its upload and checked to be an image. */
export interface DecodedPhoto {
  bytes: Buffer;
}

/**
 * Decodes one inline upload (base64, or a `data:…;base64,` URL) and checks its type by its magic bytes and its
 * size against `kind`: 400 on `at` otherwise (`not_base64`, `too_large`, `not_an_image`), before anything is
 * written.
 */
export function decodeInlineUpload(upload: string, at: string, kind: InlineUploadKind): DecodedPhoto {
  const base64 = upload.replace(/^data:[\w/+.-]+;base64,/, '');
  const bytes = /^[A-Za-z0-9+/]+={0,2}$/.test(base64) ? Buffer.from(base64, 'base64') : null;
  if (!bytes || bytes.length === 0) throw fieldError(at, 'not_base64', `${kind.noun}须为 base64 编码的文件`);
  if (bytes.length > kind.maxBytes) {
    throw fieldError(at, 'too_large', `${kind.noun}不能超过 ${kind.maxBytes / 1024 / 1024} MB`);
  }
  const type = detectAttachmentType(bytes.subarray(0, MAGIC_BYTES_NEEDED));
  if (!type || !kind.types.has(type)) throw fieldError(at, 'not_an_image', kind.expected);
  return { bytes };
}

/** Decodes inline photos, each a JPEG, PNG or WebP image within the limit (400 on `field.<index>` otherwise). */
export function decodePhotos(uploads: readonly string[] | undefined, field: string): DecodedPhoto[] {
  return (uploads ?? []).map((upload, index) =>
    decodeInlineUpload(upload, `${field}.${index}`, PHOTO_UPLOAD),
  );
}

/** Writes decoded uploads into the content-addressed attachment store (content sent twice is kept once). */
export function storePhotos(
  ctx: AppContext,
  photos: readonly DecodedPhoto[],
  maxBytes = MAX_GRID_PHOTO_BYTES,
): Promise<StoredFile[]> {
  return Promise.all(
    photos.map((photo) =>
      storeAttachment(ctx.config.SHANZHI_DATA_DIR, Readable.from([photo.bytes]), maxBytes, () => false),
    ),
  );
}

/** Who a set of photos belongs to, and who took them. */
export interface PhotoOwner {
  ownerType: 'finding' | 'visit';
  ownerId: number;
  gridPath: string;
  userId: number;
  at: Date;
}

/** Records stored photos of `role` against their owner (one statement, or none when there are no photos). */
export async function recordPhotos(
  db: DbOrTx,
  owner: PhotoOwner,
  role: GridPhotoRole,
  stored: readonly StoredFile[],
): Promise<void> {
  if (stored.length === 0) return;
  await db.insert(gridPhotos).values(
    stored.map((file) => ({
      ownerType: owner.ownerType,
      ownerId: owner.ownerId,
      role,
      sha256: file.sha256,
      mime: file.mime,
      size: file.size,
      gridPath: owner.gridPath,
      uploadedByUserId: owner.userId,
      uploadedAt: owner.at,
    })),
  );
}

/** The URL a stored grid photo is fetched from. */
export function gridPhotoUrl(id: number): string {
  return `/api/v1/grid/photos/${id}`;
}
