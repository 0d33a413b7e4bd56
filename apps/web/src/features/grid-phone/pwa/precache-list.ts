/**
 * Which files of a build the phone app's service worker keeps (the app shell): what the phone app needs to
 * start and run with no network, and nothing of the console's other pages — a grid worker's phone on a poor
 * connection should not fetch the dispatch desk to patrol.
 */

/** A chunk of the build as the list needs it (from Rollup's/Rolldown's output bundle). */
export interface BuiltChunk {
  fileName: string;
  /** the app's entry (the one `index.html` loads) */
  isEntry: boolean;
  /** chunks it imports statically: loaded with it */
  imports: readonly string[];
  /** chunks it imports on demand (a lazy page, ECharts) */
  dynamicImports: readonly string[];
  /** the source modules it holds */
  moduleIds: readonly string[];
  /** the CSS and other assets it brings */
  assets: readonly string[];
}

/**
 * The URLs to keep: `index.html`, the entry with what it imports statically, every chunk holding a module of
 * the phone app (`isPhoneModule`) with everything it imports, statically or on demand, their CSS and assets,
 * and `extra` (the manifest, the icons). The console's pages, loaded on demand by the entry, stay out.
 */
export function precacheList(
  chunks: readonly BuiltChunk[],
  isPhoneModule: (moduleId: string) => boolean,
  extra: readonly string[] = [],
): string[] {
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const kept = new Set<string>();
  const visit = (fileName: string, followDynamic: boolean) => {
    const chunk = byName.get(fileName);
    if (!chunk || kept.has(fileName)) return;
    kept.add(fileName);
    for (const next of chunk.imports) visit(next, followDynamic);
    if (followDynamic) for (const next of chunk.dynamicImports) visit(next, true);
  };
  for (const chunk of chunks) if (chunk.isEntry) visit(chunk.fileName, false);
  // the entry may hold the phone's routes, but what it loads on demand is every page of the console
  for (const chunk of chunks) {
    if (!chunk.isEntry && chunk.moduleIds.some(isPhoneModule)) visit(chunk.fileName, true);
  }
  const assets = [...kept].flatMap((name) => byName.get(name)?.assets ?? []);
  const files = new Set(['index.html', ...kept, ...assets, ...extra]);
  return [...files].map((file) => `/${file}`).sort();
}

/** A short fingerprint of the list: the shell's cache is renewed whenever a file in it changes name. */
export function precacheVersion(files: readonly string[]): string {
  let hash = 0x811c9dc5;
  for (const char of files.join('\n')) {
    hash ^= char.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}
