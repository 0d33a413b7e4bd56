import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestContext, type TestContext } from '../../test/setup.js';

let ctx: TestContext;
let app: Awaited<ReturnType<typeof createTestApp>>['app'];
beforeAll(async () => {
  ctx = await createTestContext();
  ({ app } = await createTestApp(ctx));
});
afterAll(async () => {
  await app?.close();
  await ctx?.dispose();
});

describe('security headers (finding 10)', () => {
  it.each(['/healthz', '/api/v1/me', '/api/v1/no-such-route'])('are on every answer: %s', async (url) => {
    const answer = await app.inject({ method: 'GET', url });
    const csp = String(answer.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-eval');
    expect(answer.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    expect(answer.headers['referrer-policy']).toBe('no-referrer');
  });

  it('keep Swagger UI at /docs to the platform’s own scripts, without allowing inline ones', async () => {
    const answer = await app.inject({ method: 'GET', url: '/docs' });
    expect(answer.statusCode).toBe(200);
    const csp = String(answer.headers['content-security-policy']);
    expect(csp).toMatch(/script-src 'self'/);
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  });
});
