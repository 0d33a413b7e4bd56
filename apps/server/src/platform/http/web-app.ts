import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { sendRouteNotFound } from './error-handler.js';

/**
 * Serves the built web app (when its build folder exists) with the single-page fallback: any GET outside
 * `/api/` and `/docs` that is not a file answers `index.html`, so deep links work. API misses get a coded 404.
 */
export async function registerWebApp(app: FastifyInstance, distDir: string): Promise<boolean> {
  const index = path.join(distDir, 'index.html');
  const built = fs.existsSync(index);
  if (built) {
    await app.register(fastifyStatic, { root: distDir, prefix: '/', wildcard: false, index: ['index.html'] });
  }
  app.setNotFoundHandler((request, reply) => {
    const isPage =
      request.method === 'GET' && !request.url.startsWith('/api/') && !request.url.startsWith('/docs');
    if (built && isPage) return reply.type('text/html').sendFile('index.html');
    return sendRouteNotFound(request, reply);
  });
  return built;
}
