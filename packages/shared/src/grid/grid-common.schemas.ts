import { z } from 'zod';

/** A place on the platform's maps (GCJ-02), as a phone reports it. */
export const PlacePoint = z.strictObject({
  longitude: z.number({ error: '请提供经度' }).min(-180, '经度无效').max(180, '经度无效'),
  latitude: z.number({ error: '请提供纬度' }).min(-90, '纬度无效').max(90, '纬度无效'),
});
export type PlacePoint = z.infer<typeof PlacePoint>;

/** An instant with its offset, as the phone took it (ISO 8601). */
export const Instant = z.iso.datetime({ offset: true, error: '时间须为带时区的 ISO 8601 格式' });

/** Photos one record may carry. */
export const MAX_GRID_PHOTOS = 4;
/** The largest photo accepted, in bytes once decoded (the phone compresses before sending). */
export const MAX_GRID_PHOTO_BYTES = 3 * 1024 * 1024;

/**
 * A photo sent inline, as base64 or a `data:image/…;base64,` URL, so that a phone can queue a whole record
 * offline and send it in one request. The server checks what it is by its first bytes, not by its name.
 */
export const PhotoUpload = z
  .string({ error: '照片须为 base64 编码' })
  .min(16, '照片内容为空')
  .max(
    Math.ceil((MAX_GRID_PHOTO_BYTES * 4) / 3) + 64,
    `照片不能超过 ${MAX_GRID_PHOTO_BYTES / 1024 / 1024} MB`,
  );

/** Up to `MAX_GRID_PHOTOS` photos. */
export const PhotoUploads = z.array(PhotoUpload).max(MAX_GRID_PHOTOS, `照片最多 ${MAX_GRID_PHOTOS} 张`);

/** What a photo is of, on a finding or a visit. */
export const GRID_PHOTO_ROLES = ['report', 'before', 'after', 'visit'] as const;
export const GridPhotoRole = z.enum(GRID_PHOTO_ROLES);
export type GridPhotoRole = z.infer<typeof GridPhotoRole>;

/** A stored photo as the API shows it: fetch it from `url` (scope-checked). */
export const GridPhotoView = z.object({ id: z.number().int(), role: GridPhotoRole, url: z.string() });
export type GridPhotoView = z.infer<typeof GridPhotoView>;

/**
 * The `Idempotency-Key` header of a phone's upload: a key the phone drew once per record (a UUID), so that a
 * retry after a lost answer is recognised (409 `ALREADY_RECEIVED`, with `Location` of the record) and never
 * creates a second record.
 */
export const IdempotencyKey = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{8,80}$/, 'Idempotency-Key 须为 8–80 位字母、数字、- 或 _');
