import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * The pages' Content-Security-Policy: everything from the platform itself. Ant Design writes its styles
 * into inline `<style>` elements (hence `'unsafe-inline'` for styles only, never scripts); photos are
 * previewed from `blob:` URLs and icons come as `data:`; the portal's map and ECharts draw from the
 * platform's own data. No page may be framed (click-jacking).
 */
export const PAGE_CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  baseUri: ["'self'"],
  connectSrc: ["'self'"],
  fontSrc: ["'self'", 'data:'],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  objectSrc: ["'none'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  workerSrc: ["'self'", 'blob:'],
};

/**
 * Security headers on every answer (@fastify/helmet): the CSP above, `X-Content-Type-Options: nosniff`,
 * `Referrer-Policy: no-referrer`, `X-Frame-Options` and the cross-origin isolation headers. No
 * `upgrade-insecure-requests`: a city may serve the platform over plain HTTP on its own network.
 */
export async function installSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: { useDefaults: false, directives: PAGE_CSP_DIRECTIVES },
    referrerPolicy: { policy: 'no-referrer' },
  });
}

/**
 * Options for @fastify/swagger-ui: Swagger UI at `/docs` gets its own policy (`staticCSP`: its scripts and
 * styles from the platform, any inline script admitted only by its hash), replacing the pages' one on the
 * docs' routes only, without `upgrade-insecure-requests` for the same reason as above.
 */
export const relaxedDocsCsp = {
  staticCSP: true,
  // Swagger UI sets inline styles as it renders (as Ant Design does on the pages): styles only, never scripts
  transformStaticCSP: (policy: string) =>
    policy
      .replace(/\s*upgrade-insecure-requests;?/, '')
      .replace(/style-src 'self'/, "style-src 'self' 'unsafe-inline'"),
};
