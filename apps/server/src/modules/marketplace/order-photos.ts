import fs from 'node:fs';
import type { Readable } from 'node:stream';
import {
  type CompleteMarketOrderInput,
  MAX_GRID_PHOTO_BYTES,
  type MarketOrderActionOnOrder,
} from '@shanzhi/shared';
import type { FastifyReply } from 'fastify';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors/app-error.js';
import { attachmentPath, type StoredFile } from '../cases/attachments/attachment-store.js';
import { decodeInlineUpload, PHOTO_UPLOAD, storePhotos } from '../grid/grid-photos.js';
import { ORDER_DEFINITION, orderSceneOf } from './order-lifecycle.js';
import { findOrder } from './orders.repository.js';

/** The largest body of a completion: the photo's base64 and a little JSON around it. */
export const COMPLETION_BODY_LIMIT = Math.ceil(MAX_GRID_PHOTO_BYTES * 1.4) + 65_536;

/**
 * The 完工照片 a completion carries, checked by its first bytes and size (400 on `photo`: `not_base64`,
 * `too_large`, `not_an_image`) and put in the content-addressed store before the action's transaction.
 */
export async function completionPhotoOf(
  ctx: AppContext,
  action: MarketOrderActionOnOrder,
  input: { version: number },
): Promise<StoredFile | undefined> {
  const { photo } = input as CompleteMarketOrderInput;
  if (action !== 'complete' || !photo) return undefined;
  const [stored] = await storePhotos(ctx, [decodeInlineUpload(photo, 'photo', PHOTO_UPLOAD)]);
  return stored;
}

/** The URL the viewer fetches an order's 完工照片 from: the portal's for the citizen, the console's otherwise. */
export function completionPhotoUrl(id: number, actor: Actor): string {
  return actor.roles.includes('citizen')
    ? `/api/v1/portal/market/orders/${id}/photo`
    : `/api/v1/market/orders/${id}/photo`;
}

/**
 * An order's 完工照片 for `actor`: staff whose scope reaches the order (403 otherwise), the merchant who served
 * it, the citizen who proved it his; 404 for anyone else, and when the order has no photo.
 */
export async function openCompletionPhoto(
  ctx: AppContext,
  actor: Actor,
  id: number,
): Promise<{ mime: string; size: number; stream: Readable }> {
  const row = await findOrder(ctx.db, id);
  if (!row) throw ORDER_DEFINITION.notFound(id);
  const scene = await ctx.db.transaction((tx) => orderSceneOf(tx, actor, row, ctx.clock.now()));
  // a merchant once offered the order reaches its view, not its photo
  if (scene.merchantId !== null && row.merchantId !== scene.merchantId) throw ORDER_DEFINITION.notFound(id);
  const file =
    row.completionPhotoSha256 && attachmentPath(ctx.config.SHANZHI_DATA_DIR, row.completionPhotoSha256);
  if (!file || !row.completionPhotoMime || !fs.existsSync(file))
    throw new AppError('PHOTO_NOT_FOUND', `服务订单 ${id} 没有完工照片`);
  return {
    mime: row.completionPhotoMime,
    size: row.completionPhotoSize ?? 0,
    stream: fs.createReadStream(file),
  };
}

/** Answers a photo with its type and size, kept privately by the browser for a day. */
export function sendPhoto(
  reply: FastifyReply,
  photo: { mime: string; size: number; stream: Readable },
): FastifyReply {
  return reply
    .header('content-type', photo.mime)
    .header('content-length', String(photo.size))
    .header('cache-control', 'private, max-age=86400')
    .send(photo.stream);
}
