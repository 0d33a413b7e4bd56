import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sendRouteNotFound } from './error-handler.js';

/** Whether a request is for a page of the single-page app (a GET outside the API and the docs, no file name). */
function isPageRequest(request: FastifyRequest): boolean {
  const pathname = request.url.split('?')[0] ?? '/';
  if (request.method !== 'GET' || pathname.startsWith('/api/') || pathname.startsWith('/docs')) return false;
  return path.extname(pathname) === '';
}

/** Hashed build output (`assets/index-3f2a1c.js`): its name changes with its content. */
const HASHED_ASSET = /[\\/]assets[\\/][^\\/]+$/;

/**
 * How long a browser may keep a file of the build: hashed assets for a year without asking again, anything
 * else (index.html, which names the current assets) only after checking it is still current.
 */
export function cacheControlOf(filePath: string): string {
  return HASHED_ASSET.test(filePath) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/**
 * Serves the built web app (when its build folder exists) with the single-page fallback: a page path that is
 * not a file answers `index.html`, so deep links work; a missing file (`/assets/x.js`) and an unknown API route
 * get a coded 404. Files are looked up on each request, so a rebuild is served without a restart; their
 * caching follows `cacheControlOf`.
 */
export async function registerWebApp(app: FastifyInstance, distDir: string): Promise<boolean> {
  const built = fs.existsSync(path.join(distDir, 'index.html'));
  if (built) {
    await app.register(fastifyStatic, {
      root: distDir,
      prefix: '/',
      wildcard: true,
      index: ['index.html'],
      setHeaders: (reply, filePath) => reply.header('cache-control', cacheControlOf(filePath)),
    });
  }
  app.setNotFoundHandler((request, reply) => {
    if (built && isPageRequest(request)) return reply.type('text/html').sendFile('index.html');
    return sendRouteNotFound(request, reply);
  });
  return built;
}
