import { describe, expect, it } from 'vitest';
import { type BuiltChunk, precacheList, precacheVersion } from './precache-list.js';

const chunk = (fileName: string, rest: Partial<BuiltChunk> = {}): BuiltChunk => ({
  fileName,
  isEntry: false,
  imports: [],
  dynamicImports: [],
  moduleIds: [],
  assets: [],
  ...rest,
});

// A build as Vite makes it: the entry loads React and the router, and each page on demand.
const BUILD = [
  chunk('assets/index-a1.js', {
    isEntry: true,
    imports: ['assets/react-vendor-b2.js'],
    dynamicImports: ['assets/DispatchPage-c3.js', 'assets/PhoneShell-d4.js'],
    moduleIds: ['/src/main.tsx'],
    assets: ['assets/index-a1.css'],
  }),
  chunk('assets/react-vendor-b2.js', { moduleIds: ['/node_modules/react/index.js'] }),
  chunk('assets/DispatchPage-c3.js', {
    imports: ['assets/EChart-e5.js'],
    moduleIds: ['/src/features/dispatch/pages/DispatchPage.tsx'],
  }),
  chunk('assets/PhoneShell-d4.js', {
    imports: ['assets/EChart-e5.js'],
    dynamicImports: ['assets/PatrolPage-f6.js'],
    moduleIds: ['/src/features/grid-phone/pages/PhoneShell.tsx'],
    assets: ['assets/PhoneShell-d4.css'],
  }),
  chunk('assets/PatrolPage-f6.js', { moduleIds: ['/src/features/grid-phone/pages/PatrolPage.tsx'] }),
  chunk('assets/EChart-e5.js', {
    moduleIds: ['/src/components/EChart.tsx'],
    dynamicImports: ['assets/echarts-setup-g7.js'],
  }),
  chunk('assets/echarts-setup-g7.js', { moduleIds: ['/node_modules/echarts/core.js'] }),
];

const isPhoneModule = (id: string) => id.includes('/features/grid-phone/');

describe('the phone app’s shell', () => {
  it('keeps the entry, the phone’s pages and what they load, on demand too, with their CSS', () => {
    expect(precacheList(BUILD, isPhoneModule, ['phone.webmanifest'])).toEqual([
      '/assets/EChart-e5.js',
      '/assets/PatrolPage-f6.js',
      '/assets/PhoneShell-d4.css',
      '/assets/PhoneShell-d4.js',
      '/assets/echarts-setup-g7.js',
      '/assets/index-a1.css',
      '/assets/index-a1.js',
      '/assets/react-vendor-b2.js',
      '/index.html',
      '/phone.webmanifest',
    ]);
  });

  it('leaves the console’s other pages out', () => {
    expect(precacheList(BUILD, isPhoneModule)).not.toContain('/assets/DispatchPage-c3.js');
  });

  it('leaves them out when the entry holds the phone’s routes too', () => {
    const entryWithRoutes = BUILD.map((c) =>
      c.isEntry ? { ...c, moduleIds: [...c.moduleIds, '/src/features/grid-phone/phone-routes.tsx'] } : c,
    );
    const list = precacheList(entryWithRoutes, isPhoneModule);
    expect(list).not.toContain('/assets/DispatchPage-c3.js');
    expect(list).toContain('/assets/PatrolPage-f6.js');
  });

  it('renews the shell when a file changes name, and only then', () => {
    const list = precacheList(BUILD, isPhoneModule);
    expect(precacheVersion(list)).toBe(precacheVersion([...list]));
    const rebuilt = list.map((f) => f.replace('PatrolPage-f6', 'PatrolPage-h8'));
    expect(precacheVersion(rebuilt)).not.toBe(precacheVersion(list));
  });
});
