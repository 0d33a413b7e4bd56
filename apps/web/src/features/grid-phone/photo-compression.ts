import { MAX_GRID_PHOTO_BYTES } from '@shanzhi/shared';

/**
 * Photos are made small on the phone before they are queued and sent: a camera's 4,000-pixel, 5 MB picture
 * becomes a 1,600-pixel JPEG of a few hundred kilobytes — enough to see a broken manhole cover, and light
 * enough for a poor connection and for the phone's storage while it waits.
 */

/** The longest edge of a photo as sent, in pixels. */
export const PHOTO_MAX_EDGE = 1600;
/** JPEG qualities tried in turn until the photo fits under the server's limit. */
const QUALITIES = [0.8, 0.65, 0.5, 0.35];

/** The size to draw a `width` × `height` picture at so that its longer edge is at most `maxEdge`. */
export function scaledSize(width: number, height: number, maxEdge = PHOTO_MAX_EDGE) {
  const scale = Math.min(1, maxEdge / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** The bytes a `data:…;base64,` URL decodes to. */
export function dataUrlBytes(dataUrl: string): number {
  const base64 = dataUrl.slice(dataUrl.indexOf(',') + 1);
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return Math.floor((base64.length * 3) / 4) - padding;
}

/** Why a photo could not be made ready. */
export class PhotoError extends Error {
  constructor(readonly reason: 'unreadable' | 'too_large') {
    super(reason);
  }
}

/**
 * A picture the worker took or picked, as a compressed JPEG `data:` URL (what the server's photo fields
 * take): scaled to `PHOTO_MAX_EDGE`, drawn on a canvas (which also drops the camera's EXIF, location
 * included), and encoded at the best quality that fits `MAX_GRID_PHOTO_BYTES`.
 */
export async function compressPhoto(file: Blob): Promise<string> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    throw new PhotoError('unreadable');
  }
  const { width, height } = scaledSize(bitmap.width, bitmap.height);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) throw new PhotoError('unreadable');
  // a transparent PNG would turn black as a JPEG
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);
  context.drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  for (const quality of QUALITIES) {
    const dataUrl = canvas.toDataURL('image/jpeg', quality);
    if (dataUrlBytes(dataUrl) <= MAX_GRID_PHOTO_BYTES) return dataUrl;
  }
  throw new PhotoError('too_large');
}
