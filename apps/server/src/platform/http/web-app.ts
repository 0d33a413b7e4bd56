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

/**
 * Serves the built web app (when its build folder exists) with the single-page fallback: a page path that is
 * not a file answers `index.html`, so deep links work; a missing file (`/assets/x.js`) and an unknown API route
 * get a coded 404. Files are looked up on each request, so a rebuild is served without a restart.
 */
export async function registerWebApp(app: FastifyInstance, distDir: string): Promise<boolean> {
  const built = fs.existsSync(path.join(distDir, 'index.html'));
  if (built) {
    await app.register(fastifyStatic, { root: distDir, prefix: '/', wildcard: true, index: ['index.html'] });
  }
  app.setNotFoundHandler((request, reply) => {
    if (built && isPageRequest(request)) return reply.type('text/html').sendFile('index.html');
    return sendRouteNotFound(request, reply);
  });
  return built;
}
