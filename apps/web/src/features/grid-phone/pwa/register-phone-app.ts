/**
 * Makes the phone app installable while it is open: its manifest and theme colour in the page's head (the
 * console's pages stay an ordinary website) and its service worker registered for `/m/`. The worker is
 * registered only in a build; the dev server has none.
 */
export function installPhoneApp(): void {
  addHeadLink('manifest', '/phone.webmanifest');
  addHeadLink('apple-touch-icon', '/phone-icon-192.png');
  if (!document.querySelector('meta[name="theme-color"]')) {
    const meta = document.createElement('meta');
    meta.name = 'theme-color';
    meta.content = '#1456f0';
    document.head.append(meta);
  }
  if (import.meta.env.PROD && 'serviceWorker' in navigator) {
    // a browser that refuses (private mode, an old one) still runs the app; it only cannot open offline
    navigator.serviceWorker.register('/phone-sw.js', { scope: '/m/' }).catch(() => undefined);
  }
}

/**
 * Reads `paths` again once the service worker takes over this page (its first visit: the page loaded before
 * the worker existed), so that their answers are kept for the next time the app opens without a network.
 */
export function keepReadsForOffline(paths: readonly string[]): void {
  const container = navigator.serviceWorker;
  if (!container || container.controller) return;
  const warm = () => {
    for (const path of paths) void fetch(path, { credentials: 'include' }).catch(() => undefined);
  };
  container.addEventListener('controllerchange', warm, { once: true });
}

function addHeadLink(rel: string, href: string): void {
  if (document.querySelector(`link[rel="${rel}"]`)) return;
  const link = document.createElement('link');
  link.rel = rel;
  link.href = href;
  document.head.append(link);
}

/**
 * Drops what the service worker kept of the worker's reads (his grid's findings, tasks, his session's answer)
 * when he signs out: the next person on this phone must not read them offline. His waiting uploads stay: they
 * are his, and go out when he signs in again.
 */
export async function forgetPhoneReads(): Promise<void> {
  navigator.serviceWorker?.controller?.postMessage('forget-personal-data');
  if ('caches' in window) await caches.delete('shanzhi-phone-reads').catch(() => false);
}
