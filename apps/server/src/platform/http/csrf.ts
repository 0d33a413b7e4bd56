import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors/app-error.js';
import { SESSION_COOKIE } from './authenticate.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** `Sec-Fetch-Site` values of a request the platform's own pages made, or the user typed. */
const OWN_FETCH_SITES = new Set(['same-origin', 'none']);

/** What the CSRF decision looks at in a request. */
export interface CsrfEvidence {
  /** the `Origin` header, when the browser sent one */
  origin: string | undefined;
  /** the `Sec-Fetch-Site` header, when the browser sent one */
  fetchSite: string | undefined;
  /** scheme://host[:port] of the request itself (undefined when its Host header makes none) */
  ownOrigin: string | undefined;
  /** further origins the web app is served from (`PUBLIC_ORIGIN`) */
  allowedOrigins: readonly string[];
}

/**
 * Whether a cookie-authenticated write came from the platform's own pages. An `Origin` must be the request's
 * own or a configured one (that also admits a configured sibling site the browser calls `same-site`);
 * without one, `Sec-Fetch-Site` must say same-origin or none. A client that sends neither is no browser
 * acting on a foreign page's behalf (every current browser sends `Origin` on a cross-site POST).
 */
export function isOwnOriginWrite(evidence: CsrfEvidence): boolean {
  const { origin, fetchSite, ownOrigin, allowedOrigins } = evidence;
  if (origin !== undefined) return origin === ownOrigin || allowedOrigins.includes(origin);
  return fetchSite === undefined || OWN_FETCH_SITES.has(fetchSite);
}

/** The request's own origin as a browser writes it (no default port), from its scheme and Host. */
function ownOriginOf(request: FastifyRequest): string | undefined {
  const url = `${request.protocol}://${request.host}`;
  return URL.canParse(url) ? new URL(url).origin : undefined;
}

const header = (request: FastifyRequest, name: string) => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/** Whether the request's ambient credential is the session cookie (a bearer token is never ambient). */
function isCookieAuthenticated(request: FastifyRequest): boolean {
  if (request.headers.authorization?.startsWith('Bearer ')) return false;
  return Boolean(request.cookies[SESSION_COOKIE]);
}

/**
 * Refuses with 403 `CSRF_REJECTED` every state-changing request (POST, PUT, PATCH, DELETE …) that carries the
 * session cookie and comes from another site's page. Runs before authentication and body parsing, so a
 * forged request changes nothing and learns nothing. Requests with a bearer token, and the portal's
 * cookie-less public writes, are not concerned: a foreign page cannot make the browser add those.
 */
export function installCsrfCheck(app: FastifyInstance, allowedOrigins: readonly string[]): void {
  app.addHook('onRequest', async (request) => {
    if (SAFE_METHODS.has(request.method) || !isCookieAuthenticated(request)) return;
    const evidence: CsrfEvidence = {
      origin: header(request, 'origin'),
      fetchSite: header(request, 'sec-fetch-site'),
      ownOrigin: ownOriginOf(request),
      allowedOrigins,
    };
    if (!isOwnOriginWrite(evidence)) {
      throw new AppError('CSRF_REJECTED', '请求来源不是本平台页面，已拒绝（跨站请求）');
    }
  });
}
