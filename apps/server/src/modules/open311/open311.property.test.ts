import fc from 'fast-check';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSeededApi, type SeededApi } from '../../test/api.js';
import { encodeForm } from './open311.test-support.js';

/**
 * Throws generated bad calls at every Open311 route — odd formats and path values, nasty dates, lists and
 * numbers, forms with and without a key — and checks that the server never answers 5xx and always refuses in
 * GeoReport v2's error shape, in the format the call asked for.
 */

let api: SeededApi;
let key: string;
let routes: { method: string; url: string }[];
let calls = 0;

beforeAll(async () => {
  api = await createSeededApi();
  const issued = await api.send('POST', '/api/v1/open311/keys', {
    name: '压力测试',
    rateLimitPerHour: 100_000,
  });
  key = issued.json().key;
  routes = api.routes.filter((r) => r.url.startsWith('/open311/'));
});
afterAll(() => api?.close());

const nasty = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '0',
    '-1',
    '1e309',
    'NaN',
    '2026-13-45T25:61:00Z',
    '2026-09-30T10:00:00',
    '2026-09-30',
    '1970-01-01T00:00:00Z',
    '9999-12-31T23:59:59Z',
    'open,closed,pending',
    ',,,',
    '01.01.001',
    'WH20260930000001',
    '%00',
    '<errors/>',
    '\u0000\u0007',
    '\uD800',
    '😀',
    'x'.repeat(5_000),
  ),
  fc.string({ maxLength: 40 }),
  fc.double().map(String),
);

const fieldNames = fc.constantFrom(
  'service_code',
  'service_request_id',
  'start_date',
  'end_date',
  'status',
  'lat',
  'long',
  'address_string',
  'description',
  'media_url',
  'email',
  'phone',
  'first_name',
  'update_id',
  'updated_datetime',
  'attribute[plate]',
  'attribute[plate][]',
  'jurisdiction_id',
);

const fields = fc.dictionary(fieldNames, fc.oneof(nasty, fc.array(nasty, { maxLength: 3 })), { maxKeys: 6 });

const call = fc.record({
  routeIndex: fc.nat(),
  format: fc.constantFrom('xml', 'json', 'csv', 'json.xml', ''),
  param: nasty,
  keyKind: fc.constantFrom('valid', 'none', 'wrong'),
  fields,
});

const xml = new XMLParser({ parseTagValue: false });

/** A path segment as a client would escape it; a lone surrogate goes out as the broken bytes it would be. */
function escaped(segment: string): string {
  try {
    return encodeURIComponent(segment);
  } catch {
    return '%ED%A0%80';
  }
}

async function expectStandardRefusal(c: typeof call extends fc.Arbitrary<infer T> ? T : never) {
  const route = routes[c.routeIndex % routes.length]!;
  const path = route.url
    .replace(/:(\w+)\.:format$/, (_m) => `${escaped(c.param)}.${c.format}`)
    .replace('.:format', `.${c.format}`);
  const form: Record<string, string | string[]> = Object.fromEntries(
    Object.entries(c.fields).map(([k, v]) => [k, v as string | string[]]),
  );
  if (c.keyKind === 'valid') form.api_key = key;
  if (c.keyKind === 'wrong') form.api_key = 'o311_wrong';
  const body = encodeForm(form);
  const response = await api.app.inject({
    method: route.method as 'GET' | 'POST',
    url: route.method === 'GET' ? `${path}?${body}` : path,
    remoteAddress: `10.77.${(calls >> 8) % 250}.${calls++ % 250}`,
    ...(route.method === 'POST'
      ? { headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: body }
      : {}),
  });
  const where = `${route.method} ${path} ${body.slice(0, 200)} → ${response.statusCode} ${response.body.slice(0, 300)}`;
  expect(response.statusCode, where).toBeLessThan(500);
  if (response.statusCode < 400) return;
  const asksJson = path.endsWith('.json');
  if (asksJson) {
    const errors = response.json() as { code: number; description: string }[];
    expect(Array.isArray(errors) && errors.length > 0, where).toBe(true);
    for (const e of errors) {
      expect(e.code, where).toBe(response.statusCode);
      expect(typeof e.description, where).toBe('string');
    }
  } else {
    expect(response.headers['content-type'], where).toBe('text/xml; charset=utf-8');
    const parsed = xml.parse(response.body) as { errors?: { error?: unknown } };
    expect(parsed.errors?.error, where).toBeDefined();
  }
}

describe('bad Open311 calls', () => {
  it('never answer 5xx and always refuse in the standard’s error shape and the format asked for', async () => {
    await fc.assert(fc.asyncProperty(call, expectStandardRefusal), { numRuns: 400 });
  });
});
