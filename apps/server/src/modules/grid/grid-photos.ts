import { Readable } from 'node:stream';
import { type GridPhotoRole, MAX_GRID_PHOTO_BYTES } from '@shanzhi/shared';
import type { AppContext } from '../../platform/context.js';
import type { DbOrTx } from '../../platform/db/database.js';
import { fieldError } from '../../platform/errors/app-error.js';
import { type StoredFile, storeAttachment } from '../cases/attachments/attachment-store.js';
import { detectAttachmentType, MAGIC_BYTES_NEEDED } from '../cases/attachments/attachment-types.js';
import { gridPhotos } from './grid.tables.js';

/** What a grid photo may be: images only, proven by their first bytes. */
const IMAGE_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp']);

/** A photo decoded from its upload and checked to be an image. */
export interface DecodedPhoto {
  bytes: Buffer;
}

/**
 * Decodes inline photos (base64, or a `data:image/…;base64,` URL) and checks each is a JPEG, PNG or WebP image
 * by its magic bytes and no larger than the limit: 400 on `field.<index>` otherwise, before anything is written.
 */
export function decodePhotos(uploads: readonly string[] | undefined, field: string): DecodedPhoto[] {
  return (uploads ?? []).map((upload, index) => {
    const base64 = upload.replace(/^data:[\w/+.-]+;base64,/, '');
    const bytes = /^[A-Za-z0-9+/]+={0,2}$/.test(base64) ? Buffer.from(base64, 'base64') : null;
    const at = `${field}.${index}`;
    if (!bytes || bytes.length === 0) throw fieldError(at, 'not_base64', '照片须为 base64 编码的图片');
    if (bytes.length > MAX_GRID_PHOTO_BYTES) {
      throw fieldError(at, 'too_large', `照片不能超过 ${MAX_GRID_PHOTO_BYTES / 1024 / 1024} MB`);
    }
    const type = detectAttachmentType(bytes.subarray(0, MAGIC_BYTES_NEEDED));
    if (!type || !IMAGE_TYPES.has(type))
      throw fieldError(at, 'not_an_image', '只能上传 JPEG、PNG、WebP 图片');
    return { bytes };
  });
}

/** Writes decoded photos into the content-addressed attachment store (a photo sent twice is kept once). */
export function storePhotos(ctx: AppContext, photos: readonly DecodedPhoto[]): Promise<StoredFile[]> {
  return Promise.all(
    photos.map((photo) =>
      storeAttachment(
        ctx.config.SHANZHI_DATA_DIR,
        Readable.from([photo.bytes]),
        MAX_GRID_PHOTO_BYTES,
        () => false,
      ),
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
