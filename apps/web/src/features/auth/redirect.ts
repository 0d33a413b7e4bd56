/** The login page's query parameter naming where to go after signing in. */
export const REDIRECT_PARAM = 'redirect';

/**
 * The in-app path to go to after login. Only same-origin absolute paths are accepted (never `//host` or a full
 * URL, which would make the login page an open redirect), and never the login page itself.
 */
export function safeRedirectTarget(raw: string | null): string {
  if (!raw?.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return '/';
  if (raw === '/login' || raw.startsWith('/login?') || raw.startsWith('/login/')) return '/';
  return raw;
}

/** `/login?redirect=<path>` for the given in-app path. */
export function loginPathFor(currentPath: string): string {
  const target = safeRedirectTarget(currentPath);
  return target === '/' ? '/login' : `/login?${REDIRECT_PARAM}=${encodeURIComponent(target)}`;
}

/** What the login page is told when it is reached because the session ended. */
export interface LoginLocationState {
  sessionExpired?: boolean;
}
