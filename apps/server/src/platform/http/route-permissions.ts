import type { Permission } from '@shanzhi/shared';
import type { FastifyInstance, RouteOptions } from 'fastify';
import type { Actor } from '../auth/actor.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** the permission a caller needs for this route */
    permission?: Permission;
    /** the route needs no sign-in (login, health, the citizen portal's public reads) */
    public?: boolean;
    /** any signed-in user may call the route, whatever his permissions */
    signedIn?: boolean;
  }
  interface FastifyRequest {
    /** the signed-in caller; set on every non-public API route before its handler runs */
    actor?: Actor;
  }
}

/** One API route and what it requires: the list the route-permission snapshot test reads. */
export interface RouteRequirement {
  method: string;
  url: string;
  requires: Permission | 'public' | 'signed-in';
}

/**
 * Where the routes that must declare what they require live: the API, and the open standards it speaks
 * (Open311 GeoReport v2 under `/open311/`, public routes that check their API key themselves).
 */
export const DECLARED_ROUTE_PREFIXES = ['/api/', '/open311/'] as const;

/** Whether a route's URL lies where routes must declare what they require. */
export function mustDeclareRequirement(url: string): boolean {
  return DECLARED_ROUTE_PREFIXES.some((prefix) => url.startsWith(prefix));
}

/** What a route's config says a caller needs, or undefined when it declares nothing. */
export function requirementOf(route: RouteOptions): RouteRequirement['requires'] | undefined {
  const config = route.config;
  if (config?.public) return 'public';
  if (config?.permission) return config.permission;
  if (config?.signedIn) return 'signed-in';
  return undefined;
}

/**
 * Makes every `/api/` and `/open311/` route declare what it requires — a permission, `public: true`, or `signedIn: true` for
 * routes any signed-in user may call (`/me`, logout). A route that declares nothing stops the server at
 * start, so no route is ever left open by accident. Returns the live list of routes and requirements.
 */
export function enforceRouteRequirements(app: FastifyInstance): RouteRequirement[] {
  const routes: RouteRequirement[] = [];
  app.addHook('onRoute', (route) => {
    if (!mustDeclareRequirement(route.url)) return;
    const requires = requirementOf(route);
    if (!requires) {
      throw new Error(
        `Route ${String(route.method)} ${route.url} declares no permission (config.permission)`,
      );
    }
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD') continue;
      routes.push({ method, url: route.url, requires });
    }
  });
  return routes;
}
