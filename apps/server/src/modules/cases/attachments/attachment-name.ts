/** The longest file name kept, in characters. */
const MAX_NAME_LENGTH = 200;

/**
 * Characters a file name never keeps: control characters (they would break the Content-Disposition header
 * of the download) and the bidirectional formatting characters — embeddings and overrides U+202A–U+202E,
 * isolates U+2066–U+2069, the marks U+200E, U+200F and U+061C — with which `photo\u202Egpj.exe` shows as
 * `photoexe.jpg` (finding 10 of the security review).
 */
const UNSAFE_IN_NAME = /[\p{Cc}\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/gu;

/**
 * The name an uploaded file is kept and shown under: the client's name without its folders, without control
 * and bidirectional formatting characters, trimmed and cut to 200 characters; `fallback` when nothing is
 * left. One rule for case attachments and the portal's photos.
 */
export function cleanFileName(filename: string, fallback: string): string {
  const base = filename.split(/[\\/]/).pop() ?? '';
  const cleaned = [...base.replace(UNSAFE_IN_NAME, '').trim()].slice(0, MAX_NAME_LENGTH).join('').trim();
  return cleaned || fallback;
}

/** The name of a case attachment whose own name has nothing left. */
export const ATTACHMENT_FALLBACK_NAME = '附件';
