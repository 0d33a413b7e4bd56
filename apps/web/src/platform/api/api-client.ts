import { ApiError, isErrorBody } from './api-error.js';

/** Options of one API call. */
export interface ApiRequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** the body: `FormData` is sent as multipart (files), anything else serialised as JSON */
  body?: unknown;
  signal?: AbortSignal;
  /** headers of the call's own (a portal party's room token …); the JSON ones are set by the client */
  headers?: Record<string, string>;
  /**
   * Do not treat a 401 as an expired session. Set on the login call, where a 401 means a wrong password, and on
   * logout, where it means the session is already gone.
   */
  skipAuthRedirect?: boolean;
}

/** Called when the server answers 401 to an authenticated call. */
export type UnauthorizedHandler = (error: ApiError) => void;

let unauthorizedHandler: UnauthorizedHandler | null = null;

/** Registers what the app does on a 401 (the app sends the user to the login page). */
export function setUnauthorizedHandler(handler: UnauthorizedHandler | null): void {
  unauthorizedHandler = handler;
}

/**
 * Calls the platform API. The session travels in the HTTP-only `shanzhi_session` cookie, so every call sends
 * credentials and the app never handles the token. Resolves to the parsed JSON body (undefined for 204);
 * rejects with an {@link ApiError}.
 */
export async function apiRequest<T>(path: string, options: ApiRequestOptions = {}): Promise<T> {
  const { method = 'GET', body, signal, skipAuthRedirect = false } = options;
  const headers: Record<string, string> = { ...options.headers, Accept: 'application/json' };
  const multipart = body instanceof FormData;
  // the browser writes a multipart body's Content-Type itself, with its boundary
  if (body !== undefined && !multipart) headers['Content-Type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'include',
      body: body === undefined ? null : multipart ? body : JSON.stringify(body),
      signal: signal ?? null,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'NETWORK_ERROR', `${method} ${path}: no answer from the server`);
  }

  if (response.status === 204) return undefined as T;

  const parsed = await readJson(response);

  if (response.ok) {
    if (parsed === NOT_JSON) {
      throw new ApiError(response.status, 'BAD_RESPONSE', `${method} ${path}: answer is not JSON`);
    }
    return parsed as T;
  }

  const error = isErrorBody(parsed)
    ? new ApiError(
        response.status,
        parsed.error.code,
        parsed.error.message,
        parsed.error.fields ?? [],
        retryAfterOf(response),
      )
    : new ApiError(
        response.status,
        // A gateway's own page (the dev proxy, nginx) means the API server itself could not be reached.
        GATEWAY_STATUSES.has(response.status) ? 'NETWORK_ERROR' : 'BAD_RESPONSE',
        `${method} ${path}: HTTP ${response.status} without an error body`,
      );

  if (response.status === 401 && !skipAuthRedirect) unauthorizedHandler?.(error);
  throw error;
}

const NOT_JSON = Symbol('not JSON');

/** The seconds of a `Retry-After` header (the server sends seconds, never a date); null without one. */
function retryAfterOf(response: Response): number | null {
  const value = response.headers.get('Retry-After');
  const seconds = value === null ? Number.NaN : Number(value);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : null;
}
const GATEWAY_STATUSES = new Set([502, 503, 504]);

async function readJson(response: Response): Promise<unknown> {
  if (!response.headers.get('Content-Type')?.includes('json')) return NOT_JSON;
  try {
    return await response.json();
  } catch {
    return NOT_JSON;
  }
}
