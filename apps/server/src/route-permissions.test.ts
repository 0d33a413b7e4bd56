import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestContext, type TestContext } from './test/setup.js';

let ctx: TestContext;
let built: Awaited<ReturnType<typeof createTestApp>>;

beforeAll(async () => {
  ctx = await createTestContext();
  built = await createTestApp(ctx);
});
afterAll(async () => {
  await built.app.close();
  await ctx.dispose();
});

describe('route permissions', () => {
  it('lists every API route with the permission it requires', () => {
    const lines = built.routes
      .map((r) => `${r.method.padEnd(6)} ${r.url.padEnd(42)} ${r.requires}`)
      .sort()
      .join('\n');
    expect(`\n${lines}\n`).toMatchSnapshot();
  });

  it('answers 401 on every non-public route without a session', async () => {
    for (const route of built.routes.filter((r) => r.requires !== 'public')) {
      const url = route.url.replace(/:(\w+)/g, (_m, name: string) =>
        name === 'role' ? 'admin' : name === 'year' ? '2026' : '1',
      );
      const response = await built.app.inject({ method: route.method as 'GET', url });
      expect(response.statusCode, `${route.method} ${url}`).toBe(401);
      expect(response.json().error.code).toBe('UNAUTHENTICATED');
    }
  });
});
