import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { phonePwa } from './src/features/grid-phone/pwa/phone-pwa-plugin.js';

/** The API server the dev server forwards to (`shanzhi serve`). */
const API_ORIGIN = 'http://localhost:3000';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  plugins: [
    react(),
    // the grid worker's phone app as an installable PWA: its service worker, built with the app
    phonePwa({
      serviceWorker: fileURLToPath(
        new URL('./src/features/grid-phone/pwa/phone-service-worker.ts', import.meta.url),
      ),
    }),
  ],
  resolve: {
    alias: [
      // The shared package ships TypeScript source (zod schemas, labels), compiled here with the app. Exact
      // match only, so that subpath imports (`@shanzhi/shared/auth/roles.js`) still go through its `exports`.
      {
        find: /^@shanzhi\/shared$/,
        replacement: fileURLToPath(new URL('../../packages/shared/src/index.ts', import.meta.url)),
      },
    ],
  },
  server: {
    proxy: {
      '/api': { target: API_ORIGIN, changeOrigin: true },
      '/docs': { target: API_ORIGIN, changeOrigin: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Every page is its own chunk (React.lazy); the entry keeps React, the router and the antd core.
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // Changes with React upgrades only, so browsers keep it cached across our releases.
            {
              name: 'react-vendor',
              test: /[\\/]node_modules[\\/](react|react-dom|react-router|react-router-dom|scheduler)[\\/]/,
            },
          ],
        },
      },
    },
  },
});
