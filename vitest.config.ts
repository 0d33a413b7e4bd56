import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * Every test runs on the embedded database (PGlite). When TEST_DATABASE_URL names a PostgreSQL server,
 * the server's tests run a second time against it, each test file in a database of its own.
 */
const shared = fileURLToPath(new URL('./packages/shared/src/index.ts', import.meta.url));
const alias = { '@shanzhi/shared': shared };
const postgresUrl = process.env.TEST_DATABASE_URL;

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'pglite',
          include: ['packages/*/src/**/*.test.ts', 'apps/server/src/**/*.test.ts'],
          env: { SHANZHI_TEST_DB: 'pglite' },
          globalSetup: ['apps/server/src/test/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      ...(postgresUrl
        ? [
            {
              resolve: { alias },
              test: {
                name: 'postgres',
                include: ['apps/server/src/**/*.test.ts'],
                env: { SHANZHI_TEST_DB: 'postgres' },
                globalSetup: ['apps/server/src/test/global-setup.ts'],
                testTimeout: 60_000,
                hookTimeout: 120_000,
              },
            },
          ]
        : []),
      // The web console in a real browser (Debian's Chromium) against the real server; see apps/web/e2e.
      {
        test: {
          name: 'e2e',
          include: ['apps/web/e2e/**/*.e2e.test.ts'],
          globalSetup: ['apps/web/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
