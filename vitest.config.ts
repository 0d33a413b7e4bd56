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
    // The server's tests wait on a database as much as they compute: two files at a time keep both cores busy
    // (Vitest's default on two cores is one worker, and the whole run then goes file by file).
    maxWorkers: 2,
    // Each test file opens a database of its own and builds its own app, so the files of a worker can share the
    // loaded modules: loading the app's graph anew for every file took more than half the server tests' time.
    // A file that mocks a module the app imports loads the app anew itself (vi.resetModules).
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
          isolate: false,
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
                isolate: false,
              },
            },
          ]
        : []),
      // The web app's pure logic (URL filters, labels, menus …) in Node: no browser, no server.
      {
        resolve: { alias },
        test: {
          name: 'web',
          include: ['apps/web/src/**/*.test.ts'],
          environment: 'node',
          // the console works in Beijing time, as its users do
          env: { TZ: 'Asia/Shanghai' },
        },
      },
      // The web console in a real browser (Debian's Chromium) against the real server; see apps/web/e2e.
      {
        test: {
          name: 'e2e',
          include: ['apps/web/e2e/**/*.e2e.test.ts'],
          // one file at a time, after the other projects (projects run side by side unless ordered): the files
          // share one server and its data, and a browser test's timings must not compete with the database
          // tests for the cores
          maxWorkers: 1,
          sequence: { groupOrder: 1 },
          globalSetup: ['apps/web/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // a page re-renders in well under a second, but not always on a loaded CI machine
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
