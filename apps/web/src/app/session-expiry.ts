import { clearSession, getSession } from '../features/auth/hooks/session-store.js';
import { type LoginLocationState, loginPathFor } from '../features/auth/redirect.js';
import { setUnauthorizedHandler } from '../platform/api/index.js';

type Navigate = (to: string, options: { replace: boolean; state: LoginLocationState }) => unknown;

/**
 * Sends the user to `/login?redirect=<where they were>` whenever the server answers 401 to a call made with a
 * session. The login page says the session expired when there was one to expire: the user had been signed in
 * in this tab, or the server says so (`SESSION_EXPIRED`). A first visit without any session goes to the login
 * page without that warning.
 */
export function redirectToLoginOnUnauthorized(navigate: Navigate): void {
  setUnauthorizedHandler((error) => {
    const hadSession = getSession().status === 'ready';
    clearSession();
    const { pathname, search } = window.location;
    if (pathname === '/login') return;
    navigate(loginPathFor(pathname + search), {
      replace: true,
      state: { sessionExpired: hadSession || error.code === 'SESSION_EXPIRED' },
    });
  });
}
