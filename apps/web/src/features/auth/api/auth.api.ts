import { type ChangeOwnPasswordInput, type LoginInput, LoginResponse, MeResponse } from '@shanzhi/shared';
import { ApiError, apiRequest } from '../../../platform/api/index.js';

/**
 * Signs in. The server sets the session cookie; the token in the answer is not kept by the web app.
 * A 401 here means wrong credentials, not an expired session, so it does not redirect.
 */
export async function login(input: LoginInput, signal?: AbortSignal): Promise<LoginResponse> {
  const body = await apiRequest<unknown>('/api/v1/auth/login', {
    method: 'POST',
    body: input,
    skipAuthRedirect: true,
    ...(signal ? { signal } : {}),
  });
  return parseAnswer(LoginResponse, body, 'POST /api/v1/auth/login');
}

/** The signed-in user, their organisation, roles and permissions. */
export async function fetchMe(signal?: AbortSignal): Promise<MeResponse> {
  const body = await apiRequest<unknown>('/api/v1/me', signal ? { signal } : {});
  return parseAnswer(MeResponse, body, 'GET /api/v1/me');
}

/** Ends the session. A 401 means it had already ended, which is what was wanted. */
export async function logout(): Promise<void> {
  try {
    await apiRequest<void>('/api/v1/auth/logout', { method: 'POST', skipAuthRedirect: true });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return;
    throw error;
  }
}

/** Changes the signed-in user's own password; his other sessions end. */
export function changeOwnPassword(input: ChangeOwnPasswordInput): Promise<void> {
  return apiRequest<void>('/api/v1/me/password', { method: 'PUT', body: input });
}

// The contract is checked on arrival, so a server change that breaks it fails here, loudly, not deep in a page.
function parseAnswer<T>(
  schema: { safeParse: (value: unknown) => ZodResult<T> },
  body: unknown,
  what: string,
): T {
  const result = schema.safeParse(body);
  if (!result.success) throw new ApiError(200, 'BAD_RESPONSE', `${what}: answer does not match the contract`);
  return result.data;
}

type ZodResult<T> = { success: true; data: T } | { success: false };
