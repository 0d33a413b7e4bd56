import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { createTestContext, type TestContext } from '../../test/setup.js';

let ctx: TestContext;
let dist: string;
let built: Awaited<ReturnType<typeof buildApp>>;

// a build as Vite writes it: index.html naming a hashed bundle (large enough to be worth compressing)
const BUNDLE = `export const greeting = ${JSON.stringify('善治 '.repeat(2_000))};\n`;
const INDEX = `<!doctype html><html lang="zh-CN"><head><script type="module" src="/assets/index-3f2a1c9d.js"></script></head><body><div id="root"></div>${'<!-- padding -->'.repeat(100)}</body></html>`;

beforeAll(async () => {
  dist = fs.mkdtempSync(path.join(os.tmpdir(), 'shanzhi-dist-'));
  fs.mkdirSync(path.join(dist, 'assets'));
  fs.writeFileSync(path.join(dist, 'index.html'), INDEX);
  fs.writeFileSync(path.join(dist, 'assets', 'index-3f2a1c9d.js'), BUNDLE);
  ctx = await createTestContext();
  built = await buildApp({ ...ctx, config: { ...ctx.config, SHANZHI_WEB_DIST: dist } });
});
afterAll(async () => {
  await built?.app.close();
  await ctx?.dispose();
  fs.rmSync(dist, { recursive: true, force: true });
});

describe('the web app as the server sends it', () => {
  it('sends a hashed asset compressed, to be kept for a year', async () => {
    const response = await built.app.inject({
      method: 'GET',
      url: '/assets/index-3f2a1c9d.js',
      headers: { 'accept-encoding': 'br, gzip' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const body = zlib.brotliDecompressSync(response.rawPayload).toString();
    expect(body).toBe(BUNDLE);
    expect(response.rawPayload.length).toBeLessThan(Buffer.byteLength(BUNDLE) / 10);
  });

  it('sends gzip to a browser that takes only gzip', async () => {
    const response = await built.app.inject({
      method: 'GET',
      url: '/assets/index-3f2a1c9d.js',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(response.rawPayload).toString()).toBe(BUNDLE);
  });

  it('sends index.html, also for a deep link, to be checked again every time', async () => {
    for (const url of ['/', '/index.html', '/dispatch?queue=returned']) {
      const response = await built.app.inject({
        method: 'GET',
        url,
        headers: { 'accept-encoding': 'gzip' },
      });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['cache-control'], url).toBe('no-cache');
      expect(response.headers['content-encoding'], url).toBe('gzip');
      expect(zlib.gunzipSync(response.rawPayload).toString(), url).toBe(INDEX);
    }
  });
});
