import type fs from 'node:fs';
import type { FastifyReply } from 'fastify';

/** A stored file as a download offers it: the name to save it under, its proven type and its size. */
export interface StoredDownload {
  name: string;
  mime: string;
  size: number;
}

/**
 * Sends a file of the attachment store as a download: its proven type (never sniffed), its length, its
 * name for saving (RFC 5987), kept in the browser's private cache only.
 */
export function sendStoredFile(reply: FastifyReply, file: StoredDownload, stream: fs.ReadStream) {
  return reply
    .header('content-type', file.mime)
    .header('content-length', String(file.size))
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, max-age=3600')
    .send(stream);
}
