/** The kinds of file a case may carry, by the MIME type their content proves. */
export const ATTACHMENT_TYPES = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'application/pdf',
  'audio/mpeg',
  'video/mp4',
] as const;
/** One accepted attachment type. */
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

/** How many leading bytes `detectAttachmentType` needs. */
export const MAGIC_BYTES_NEEDED = 16;

const startsWith = (head: Uint8Array, bytes: readonly number[], at = 0) =>
  bytes.every((b, i) => head[at + i] === b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/**
 * The type of a file from its first bytes (magic numbers), or null when it is none of the accepted ones.
 * The name and the declared Content-Type are never trusted: a text file named `photo.png` is refused.
 */
export function detectAttachmentType(head: Uint8Array): AttachmentType | null {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WEBP'), 8)) return 'image/webp';
  if (startsWith(head, ascii('%PDF-'))) return 'application/pdf';
  // MP3: an ID3v2 tag, or an MPEG audio frame sync (11 bits set) of layer III
  if (startsWith(head, ascii('ID3'))) return 'audio/mpeg';
  if (head[0] === 0xff && head[1] !== undefined && (head[1] & 0xe6) === 0xe2) return 'audio/mpeg';
  if (startsWith(head, ascii('ftyp'), 4)) return 'video/mp4';
  return null;
}
