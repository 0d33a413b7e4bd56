import type { ErrorBody } from '@shanzhi/shared';

export { ApiError } from '../../../platform/api/index.js';

/** Whether a parsed body has the API's error shape `{ error: { code, message } }`. */
export function isErrorBodyLike(body: unknown): body is ErrorBody {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const error = (body as { error: { code?: unknown; message?: unknown } }).error;
  return typeof error?.code === 'string' && typeof error?.message === 'string';
}
