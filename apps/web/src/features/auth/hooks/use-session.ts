import { ApiError } from '../../../platform/api/index.js';
import { fetchMe } from '../api/auth.api.js';
import { getSession, setSessionState } from './session-store.js';

export { clearSession, getSession, type SessionState, setSessionUser, useSession } from './session-store.js';

let inFlight: Promise<void> | null = null;

/** Loads `/me` unless it is loaded or loading. A 401 is handled by the API client (redirect to login). */
export function loadSession(): Promise<void> {
  if (getSession().status === 'ready') return Promise.resolve();
  if (inFlight) return inFlight;
  setSessionState({ status: 'loading' });
  inFlight = fetchMe()
    .then((me) => setSessionState({ status: 'ready', me }))
    .catch((error: unknown) => {
      // A 401 has already cleared the session and left for the login page.
      if (error instanceof ApiError && error.status === 401) return;
      setSessionState({
        status: 'error',
        error: error instanceof ApiError ? error : new ApiError(0, 'NETWORK_ERROR', String(error)),
      });
    })
    .finally(() => {
      inFlight = null;
    });
  return inFlight;
}
