import type { Plugin } from 'vite';
import { type BuiltChunk, precacheList, precacheVersion } from './precache-list.js';

/** Where the phone app's service worker is served; its scope is the phone app (`/m/`). */
export const PHONE_SERVICE_WORKER = 'phone-sw.js';
/** Files of `public/` the phone app needs offline too: its manifest and icons. */
export const PHONE_PUBLIC_FILES = [
  'phone.webmanifest',
  'phone-icon-192.png',
  'phone-icon-512.png',
  'phone-icon-maskable-512.png',
];

const isPhoneModule = (id: string) => /[\\/]features[\\/]grid-phone[\\/]/.test(id);

/**
 * Builds the phone app's service worker (`serviceWorker`, a TypeScript source) as `/phone-sw.js` beside the
 * web app, with the list of the shell's files (`precacheList`) and its fingerprint written into it, so that a
 * new build installs a new worker that fetches the new shell. Build only: the dev server registers no worker.
 */
export function phonePwa(options: { serviceWorker: string }): Plugin {
  return {
    name: 'shanzhi-phone-pwa',
    apply: 'build',
    buildStart() {
      this.emitFile({ type: 'chunk', id: options.serviceWorker, fileName: PHONE_SERVICE_WORKER });
    },
    generateBundle(_output, bundle) {
      const worker = bundle[PHONE_SERVICE_WORKER];
      if (worker?.type !== 'chunk') return this.error(`${PHONE_SERVICE_WORKER} was not built`);
      const chunks: BuiltChunk[] = Object.values(bundle).flatMap((file) =>
        file.type === 'chunk' && file.fileName !== PHONE_SERVICE_WORKER
          ? [
              {
                fileName: file.fileName,
                isEntry: file.isEntry,
                imports: file.imports,
                dynamicImports: file.dynamicImports,
                moduleIds: file.moduleIds,
                assets: [
                  ...(file.viteMetadata?.importedCss ?? []),
                  ...(file.viteMetadata?.importedAssets ?? []),
                ],
              },
            ]
          : [],
      );
      const files = precacheList(chunks, isPhoneModule, PHONE_PUBLIC_FILES);
      worker.code = worker.code
        .replaceAll('__PHONE_PRECACHE__', JSON.stringify(files))
        .replaceAll('__PHONE_SHELL_VERSION__', JSON.stringify(precacheVersion(files)));
    },
  };
}
