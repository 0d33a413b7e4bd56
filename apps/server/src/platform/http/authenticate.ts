import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from '../auth/actor.js';
import { AppError } from '../errors/app-error.js';

/** Name of the HTTP-only cookie that carries the session token for the web app. */
export const SESSION_COOKIE = 'shanzhi_session';

/** The session token of a request: `Authorization: Bearer …` first, then the cookie. */
export function sessionTokenOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim() || undefined;
  return request.cookies[SESSION_COOKIE] || undefined;
}

/**
 * Authenticates and authorises every non-public API route before anything else runs (so an unauthorised
 * caller learns nothing from validation errors): 401 without a live session, 403 without the route's
 * permission. Data scope is checked later, by each service, against the rows concerned.
 */
export function installAuthentication(
  app: FastifyInstance,
  resolveActor: (token: string, ip: string) => Promise<Actor>,
): void {
  app.addHook('onRequest', async (request) => {
    const config = request.routeOptions.config;
    // Keyed on the matched route, not the request's path: an unknown /api/ path falls through to the 404.
    if (!request.routeOptions.url?.startsWith('/api/') || config.public) return;
    const token = sessionTokenOf(request);
    if (!token) throw new AppError('UNAUTHENTICATED', '请先登录');
    const actor = await resolveActor(token, request.ip);
    if (config.permission && !actor.permissions.has(config.permission)) {
      throw new AppError('FORBIDDEN', `缺少权限 ${config.permission}`);
    }
    request.actor = actor;
  });
}

/** The actor of a route that required sign-in (set by the authentication hook). */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('UNAUTHENTICATED', '请先登录');
  return request.actor;
}
