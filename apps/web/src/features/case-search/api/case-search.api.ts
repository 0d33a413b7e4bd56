import { ApiError, isErrorBody } from '../../../platform/api/index.js';

/** Progress of a download: bytes received so far, and the row count the server announced. */
export interface DownloadProgress {
  bytes: number;
  rows: number | null;
}

/**
 * Streams a file from the API with `fetch`, reporting bytes as they arrive, and answers it as a blob with
 * its file name. A refusal (4xx with the API's error body) rejects with an {@link ApiError}. `headers` go
 * with the request (a party's room token …).
 */
export async function downloadFile(
  path: string,
  onProgress: (progress: DownloadProgress) => void,
  signal?: AbortSignal,
  headers?: Record<string, string>,
): Promise<{ blob: Blob; fileName: string | null }> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'include', signal: signal ?? null, headers: headers ?? {} });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'NETWORK_ERROR', `GET ${path}: no answer from the server`);
  }
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => null);
    if (isErrorBody(body)) {
      throw new ApiError(response.status, body.error.code, body.error.message, body.error.fields ?? []);
    }
    throw new ApiError(response.status, 'BAD_RESPONSE', `GET ${path}: HTTP ${response.status}`);
  }
  const total = Number(response.headers.get('x-total-count'));
  const rows = Number.isFinite(total) && response.headers.has('x-total-count') ? total : null;
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  const reader = response.body?.getReader();
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      bytes += value.byteLength;
      onProgress({ bytes, rows });
    }
  }
  const type = response.headers.get('content-type') ?? 'application/octet-stream';
  return { blob: new Blob(chunks as BlobPart[], { type }), fileName: fileNameOf(response) };
}

/** The file name of a `Content-Disposition` header (RFC 5987 `filename*` first). */
function fileNameOf(response: Response): string | null {
  const header = response.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star?.[1]) return decodeURIComponent(star[1]);
  const plain = /filename="?([^";]+)"?/i.exec(header);
  return plain?.[1] ?? null;
}

/** Saves a blob as a file through a temporary link. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
