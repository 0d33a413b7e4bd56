import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CaseWorld, createCaseWorld } from '../../modules/cases/cases.test-support.js';
import { expectError } from '../../test/api.js';
import { SESSION_COOKIE } from './authenticate.js';
import { isOwnOriginWrite } from './csrf.js';

let w: CaseWorld;
let cookie: string;
beforeAll(async () => {
  w = await createCaseWorld();
  const login = await w.api.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: 'agent', password: 'Shanzhi@2026' },
  });
  const set = login.cookies.find((c) => c.name === SESSION_COOKIE);
  if (!set) throw new Error(`no session cookie: ${login.body}`);
  cookie = `${SESSION_COOKIE}=${set.value}`;
});
afterAll(() => w.api.close());

/** `POST /notifications/read-all` as a page would send it: text/plain, the session cookie, and `headers`. */
const readAll = (headers: Record<string, string>) =>
  w.api.app.inject({
    method: 'POST',
    url: '/api/v1/notifications/read-all',
    payload: 'x',
    headers: { 'content-type': 'text/plain', cookie, ...headers },
  });

function multipartUpload(caseId: number, headers: Record<string, string>) {
  const boundary = '----csrf-test';
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  );
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n`,
    ),
    png,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return w.api.app.inject({
    method: 'POST',
    url: `/api/v1/cases/${caseId}/attachments`,
    payload,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie, ...headers },
  });
}

describe('No CSRF check (finding 9): cookie-authenticated writes only from the platform’s own pages', () => {
  it('refuses a text/plain POST and a multipart upload from another site with 403 CSRF_REJECTED', async () => {
    expectError(await readAll({ origin: 'https://evil.example' }), 403, 'CSRF_REJECTED');
    expectError(await readAll({ 'sec-fetch-site': 'cross-site' }), 403, 'CSRF_REJECTED');
    expectError(await readAll({ origin: 'null' }), 403, 'CSRF_REJECTED');
    const { id } = await w.newCase();
    expectError(await multipartUpload(id, { origin: 'https://evil.example' }), 403, 'CSRF_REJECTED');
    const attachments = await w.get('agent', `/api/v1/cases/${id}/attachments`);
    expect(attachments.json().items).toHaveLength(0);
  });

  it('accepts the same requests from the platform’s own origin, or made by the user', async () => {
    expect((await readAll({ origin: 'http://localhost', 'sec-fetch-site': 'same-origin' })).statusCode).toBe(
      200,
    );
    expect((await readAll({ 'sec-fetch-site': 'none' })).statusCode).toBe(200);
    const { id } = await w.newCase();
    const upload = await multipartUpload(id, { origin: 'http://localhost', 'sec-fetch-site': 'same-origin' });
    expect(upload.statusCode, upload.body).toBe(201);
  });

  it('does not concern bearer-token requests, which a foreign page cannot make', async () => {
    const response = await w.api.app.inject({
      method: 'POST',
      url: '/api/v1/notifications/read-all',
      headers: { ...(await w.api.as('agent')), origin: 'https://evil.example' },
    });
    expect(response.statusCode, response.body).toBe(200);
  });

  it('admits a configured public origin and a sibling site only when configured', () => {
    const base = { ownOrigin: 'http://10.0.0.7:3000', allowedOrigins: ['https://12345.wuhai.gov.cn'] };
    expect(isOwnOriginWrite({ ...base, origin: 'https://12345.wuhai.gov.cn', fetchSite: 'cross-site' })).toBe(
      true,
    );
    expect(isOwnOriginWrite({ ...base, origin: 'http://10.0.0.7:3000', fetchSite: 'same-origin' })).toBe(
      true,
    );
    expect(isOwnOriginWrite({ ...base, origin: 'https://x.wuhai.gov.cn', fetchSite: 'same-site' })).toBe(
      false,
    );
    expect(isOwnOriginWrite({ ...base, origin: undefined, fetchSite: 'same-site' })).toBe(false);
    expect(isOwnOriginWrite({ ...base, origin: undefined, fetchSite: undefined })).toBe(true);
  });
});
