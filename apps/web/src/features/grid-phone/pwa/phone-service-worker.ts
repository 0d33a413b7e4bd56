/**
 * The phone app's service worker (`/phone-sw.js`, scope `/m/`), built by `phone-pwa-plugin.ts`: keeps the app
 * shell so the phone app opens with no network, and the last answers of what the worker reads (his grid, the
 * admission list, his findings and tasks) so its screens are not empty offline. Writes never pass through it:
 * they wait in the upload queue (IndexedDB) and go out when the network returns.
 */

// a module to the type checker (its names stay its own); the build emits it as a plain script
export {};

// filled in by the build: the shell's files, and their fingerprint
declare const __PHONE_PRECACHE__: string[];
declare const __PHONE_SHELL_VERSION__: string;

interface ExtendableEventLike extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEventLike extends ExtendableEventLike {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
interface ServiceWorkerScopeLike {
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEventLike) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEventLike) => void): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  skipWaiting(): Promise<void>;
  readonly clients: { claim(): Promise<void> };
  readonly location: Location;
}

const sw = self as unknown as ServiceWorkerScopeLike;

const SHELL_PREFIX = 'shanzhi-phone-shell-';
const SHELL = `${SHELL_PREFIX}${__PHONE_SHELL_VERSION__}`;
/** hashed assets fetched later (a lazy chunk not in the shell): immutable, kept until the next version */
const ASSETS = 'shanzhi-phone-assets';
/** the last answers of the worker's reads; dropped when he signs out (`forget-personal-data`) */
const READS = 'shanzhi-phone-reads';
const PRECACHE = new Set(__PHONE_PRECACHE__);

/** Reads whose last answer serves when the network does not: his session, his grid, the lists he works from. */
const CACHED_READS = ['/api/v1/me', '/api/v1/orgs/', '/api/v1/catalog/', '/api/v1/grid/'];

sw.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(SHELL)
      .then((cache) => cache.addAll([...PRECACHE]))
      .then(() => sw.skipWaiting()),
  );
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names
            .filter((name) => (name.startsWith(SHELL_PREFIX) && name !== SHELL) || name === ASSETS)
            .map((name) => caches.delete(name)),
        ),
      )
      .then(() => sw.clients.claim()),
  );
});

sw.addEventListener('message', (event) => {
  if (event.data === 'forget-personal-data') void caches.delete(READS);
});

/** The network's page, or the shell's `index.html` when there is no network: the app routes itself. */
async function page(request: Request): Promise<Response> {
  try {
    return await fetch(request);
  } catch (error) {
    const shell = await caches.match('/index.html', { cacheName: SHELL });
    if (shell) return shell;
    throw error;
  }
}

/** A file that never changes under its name: from the cache, else fetched once and kept. */
async function cacheFirst(request: Request, cacheName: string): Promise<Response> {
  const cached = await caches.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await (await caches.open(cacheName)).put(request, response.clone());
  return response;
}

/** A read: the network's answer (kept), or the last kept one when there is no network. */
async function networkFirst(request: Request): Promise<Response> {
  try {
    const response = await fetch(request);
    if (response.ok) await (await caches.open(READS)).put(request, response.clone());
    return response;
  } catch (error) {
    const cached = await caches.match(request, { cacheName: READS });
    if (cached) return cached;
    throw error;
  }
}

sw.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== sw.location.origin) return;
  if (request.mode === 'navigate') return event.respondWith(page(request));
  if (url.pathname.startsWith('/assets/') || PRECACHE.has(url.pathname)) {
    return event.respondWith(cacheFirst(request, ASSETS));
  }
  // a photo's bytes never change under its id
  if (url.pathname.startsWith('/api/v1/grid/photos/')) return event.respondWith(cacheFirst(request, READS));
  if (CACHED_READS.some((prefix) => url.pathname.startsWith(prefix))) {
    return event.respondWith(networkFirst(request));
  }
});
