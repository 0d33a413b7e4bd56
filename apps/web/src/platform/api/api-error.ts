import type { ErrorBody, ErrorCode, FieldError } from '@shanzhi/shared';

/**
 * Codes the client itself gives to failures that never reached (or were not understood from) the server:
 * `NETWORK_ERROR` when the request could not be sent or the API server could not be reached (no answer, or a
 * gateway's 502/503/504 page), `BAD_RESPONSE` when the answer was not the JSON the contract promises.
 */
export type ClientErrorCode = 'NETWORK_ERROR' | 'BAD_RESPONSE';

/** A failed API call: the server's error body, or a client-side failure. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    /** HTTP status; 0 when no answer was received */
    readonly status: number,
    /** the server's stable error code, or a client code */
    readonly code: ErrorCode | ClientErrorCode,
    message: string,
    /** per-field validation failures (`VALIDATION_FAILED`) */
    readonly fields: FieldError[] = [],
    /** seconds the server asks to wait before trying again (its `Retry-After`), when it says */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
  }

  /** Whether the failure came from the server's own error body (its message is written for people). */
  get fromServer(): boolean {
    return this.code !== 'NETWORK_ERROR' && this.code !== 'BAD_RESPONSE';
  }
}

/** Whether a parsed JSON body has the shape `{ error: { code, message } }`. */
export function isErrorBody(body: unknown): body is ErrorBody {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const error = (body as { error: unknown }).error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}
