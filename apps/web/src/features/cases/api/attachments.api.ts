import { ApiError, apiRequest } from '../../../platform/api/index.js';

/** An uploaded file as the attachments API answers it (fields read defensively: the API is young). */
export interface AttachmentView {
  id: number;
  fileName: string;
  contentType: string | null;
  size: number | null;
}

/** The address the browser downloads or previews an attachment from. */
export function attachmentUrl(id: number): string {
  return `/api/v1/attachments/${id}`;
}

/** An attachment reference as a timeline event or an upload answer carries it: an id, or an object. */
export function toAttachmentView(raw: unknown): AttachmentView | null {
  if (typeof raw === 'number' && Number.isInteger(raw)) {
    return { id: raw, fileName: `#${raw}`, contentType: null, size: null };
  }
  if (typeof raw !== 'object' || raw === null) return null;
  const o = raw as Record<string, unknown>;
  const id = typeof o.id === 'number' ? o.id : typeof o.attachmentId === 'number' ? o.attachmentId : null;
  if (id === null) return null;
  const name = [o.fileName, o.filename, o.name, o.originalName].find((v) => typeof v === 'string');
  const type = [o.contentType, o.mimeType, o.mime, o.type].find((v) => typeof v === 'string');
  return {
    id,
    fileName: (name as string | undefined) ?? `#${id}`,
    contentType: (type as string | undefined) ?? null,
    size: typeof o.size === 'number' ? o.size : null,
  };
}

let available: Promise<boolean> | null = null;

/**
 * Whether the server has the attachments API: a route that does not exist answers `ROUTE_NOT_FOUND`, any
 * other answer (a 404 for a missing file, a 400) means the route is there. Asked once per page load.
 */
export function attachmentsAvailable(): Promise<boolean> {
  available ??= apiRequest('/api/v1/attachments/0').then(
    () => true,
    (error: unknown) =>
      !(error instanceof ApiError && (error.code === 'ROUTE_NOT_FOUND' || error.status === 0)),
  );
  return available;
}

/** Uploads one file to a case (multipart); answers the stored attachment. */
export async function uploadCaseAttachment(caseId: number, file: File): Promise<AttachmentView> {
  const form = new FormData();
  form.append('file', file, file.name);
  const response = await fetch(`/api/v1/cases/${caseId}/attachments`, {
    method: 'POST',
    body: form,
    credentials: 'include',
    headers: { Accept: 'application/json' },
  });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (body as { error?: { code?: string; message?: string } } | null)?.error;
    throw new ApiError(
      response.status,
      (error?.code as ApiError['code']) ?? 'BAD_RESPONSE',
      error?.message ?? `HTTP ${response.status}`,
    );
  }
  // the attachment itself, or wrapped as `{ attachment }` / `{ items: [..] }`
  const candidate =
    (body as { attachment?: unknown })?.attachment ?? (body as { items?: unknown[] })?.items?.[0] ?? body;
  const view = toAttachmentView(candidate);
  if (!view) throw new ApiError(response.status, 'BAD_RESPONSE', 'upload answer without an id');
  return { ...view, fileName: view.fileName.startsWith('#') ? file.name : view.fileName };
}
