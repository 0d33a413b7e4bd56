import type { FieldError, RegisterImportEvent, RegisterKind } from '@shanzhi/shared';
import { ApiError, isErrorBody } from '../../../platform/api/index.js';

/** Where an import stands, as the dialog draws its progress bar. */
export type ImportProgress =
  | { phase: 'uploading'; percent: number }
  | { phase: 'checking' }
  | { phase: 'writing'; done: number; total: number };

/**
 * Reads the complete lines of an NDJSON text received so far, from `offset` on: the events in them and where
 * the next unread line starts (a line still arriving is left for the next call).
 */
export function readEventLines(
  text: string,
  offset: number,
): { events: RegisterImportEvent[]; offset: number } {
  const events: RegisterImportEvent[] = [];
  let start = offset;
  for (let end = text.indexOf('\n', start); end >= 0; end = text.indexOf('\n', start)) {
    const line = text.slice(start, end).trim();
    if (line) events.push(JSON.parse(line) as RegisterImportEvent);
    start = end + 1;
  }
  return { events, offset: start };
}

/** The row errors of a refused import, by spreadsheet row: `rows.12.idNumber` → row 12, column idNumber. */
export function rowErrorsOf(
  fields: readonly FieldError[],
): { row: number; column: string; message: string }[] {
  return fields.flatMap((f) => {
    const match = /^rows\.(\d+)\.(\w+)$/.exec(f.field);
    return match ? [{ row: Number(match[1]), column: match[2]!, message: f.message }] : [];
  });
}

/**
 * Uploads a filled template with XMLHttpRequest (the one browser API that reports upload progress), then
 * follows the server's streamed answer line by line: the rows checked, the progress of the write, and how it
 * ended. A refusal before the write (bad rows, a wrong file) rejects with an {@link ApiError} whose fields
 * name the rows; a write that failed ends with a `failed` event, and then nothing was imported.
 */
export function importRegister(
  kind: RegisterKind,
  file: File,
  onProgress: (progress: ImportProgress) => void,
): Promise<RegisterImportEvent> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    let offset = 0;
    let last: RegisterImportEvent | null = null;
    const readSoFar = () => {
      if (xhr.status !== 200) return;
      const read = readEventLines(xhr.responseText, offset);
      offset = read.offset;
      for (const event of read.events) {
        last = event;
        if (event.phase === 'writing') onProgress(event);
      }
    };
    xhr.open('POST', `/api/v1/grid/register-imports/${kind}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/x-ndjson, application/json');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable)
        onProgress({ phase: 'uploading', percent: (event.loaded / event.total) * 100 });
    };
    xhr.upload.onload = () => onProgress({ phase: 'checking' });
    xhr.onprogress = readSoFar;
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK_ERROR', 'import: no answer from the server'));
    xhr.onload = () => {
      if (xhr.status === 200) {
        readSoFar();
        if (last && last.phase !== 'writing') resolve(last);
        else reject(new ApiError(0, 'BAD_RESPONSE', 'import: the answer ended before the import did'));
        return;
      }
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // not the API's error body
      }
      reject(
        isErrorBody(body)
          ? new ApiError(xhr.status, body.error.code, body.error.message, body.error.fields ?? [])
          : new ApiError(xhr.status, 'BAD_RESPONSE', `import: HTTP ${xhr.status}`),
      );
    };
    const form = new FormData();
    form.append('file', file);
    xhr.send(form);
  });
}
