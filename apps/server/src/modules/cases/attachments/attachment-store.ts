import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../../platform/errors/app-error.js';
import { dataDirPart } from '../../../platform/files/data-dir.js';
import { makePrivateDir, PRIVATE_FILE_MODE } from '../../../platform/files/private-files.js';
import { type AttachmentType, detectAttachmentType, MAGIC_BYTES_NEEDED } from './attachment-types.js';

/** A file taken into the store: its content hash, proven type and size. */
export interface StoredFile {
  sha256: string;
  mime: AttachmentType;
  size: number;
}

/** Where the content with this hash lives: `<data dir>/attachments/<first 2 hex>/<sha256>`. */
export function attachmentPath(dataDir: string, sha256: string): string {
  return path.join(dataDirPart(dataDir, 'attachments'), sha256.slice(0, 2), sha256);
}

/** A stream of the stored content with this hash, or null when the store no longer holds it. */
export function openStoredFile(dataDir: string, sha256: string): fs.ReadStream | null {
  const file = attachmentPath(dataDir, sha256);
  return fs.existsSync(file) ? fs.createReadStream(file) : null;
}

function tooLarge(maxBytes: number): AppError {
  return new AppError('PAYLOAD_TOO_LARGE', `附件不能超过 ${Math.floor(maxBytes / 1024 / 1024) || 1} MB`);
}

/**
 * Streams an upload into the content-addressed store: hashed and measured on the way to a temporary file,
 * refused past `maxBytes` (413) or when its first bytes are not an accepted type (415), then renamed to its
 * hash — content already there is kept once (dedup). Nothing half-written is ever left under its hash.
 * Folders and files are the owner's alone (0700, 0600), whatever the process umask.
 */
export async function storeAttachment(
  dataDir: string,
  source: Readable,
  maxBytes: number,
  isTruncated: () => boolean,
): Promise<StoredFile> {
  const dir = path.join(dataDirPart(dataDir, 'attachments'), 'tmp');
  await makePrivateDir(dir);
  const tmp = path.join(dir, `${Date.now()}-${randomBytes(6).toString('hex')}`);
  const hash = createHash('sha256');
  let size = 0;
  let head = Buffer.alloc(0);
  try {
    await pipeline(
      source,
      async function* (chunks: AsyncIterable<Buffer>) {
        for await (const chunk of chunks) {
          size += chunk.length;
          if (size > maxBytes) throw tooLarge(maxBytes);
          if (head.length < MAGIC_BYTES_NEEDED)
            head = Buffer.concat([head, chunk]).subarray(0, MAGIC_BYTES_NEEDED);
          hash.update(chunk);
          yield chunk;
        }
      },
      // owner-only from its first byte; the rename into the store keeps the mode
      fs.createWriteStream(tmp, { mode: PRIVATE_FILE_MODE }),
    );
    if (isTruncated()) throw tooLarge(maxBytes);
    if (size === 0)
      throw new AppError('VALIDATION_FAILED', '附件不能为空文件', [
        { field: 'file', code: 'empty', message: '附件不能为空文件' },
      ]);
    const mime = detectAttachmentType(head);
    if (!mime)
      throw new AppError(
        'UNSUPPORTED_MEDIA_TYPE',
        '只能上传 JPEG、PNG、WebP 图片，PDF 文档或 MP3、MP4 音视频',
      );
    const sha256 = hash.digest('hex');
    const target = attachmentPath(dataDir, sha256);
    await makePrivateDir(path.dirname(target));
    if (fs.existsSync(target)) await fs.promises.rm(tmp, { force: true });
    else await fs.promises.rename(tmp, target);
    return { sha256, mime, size };
  } catch (error) {
    await fs.promises.rm(tmp, { force: true });
    throw error;
  }
}
