export * from './use-keyset-pages.js';
export * from './use-paged-list.js';
