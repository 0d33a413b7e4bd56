import { ERROR_CODES } from '@shanzhi/shared';
import { count } from 'drizzle-orm';
import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgs } from '../../modules/orgs/orgs.tables.js';
import { users } from '../../modules/users/users.tables.js';
import { createSeededApi, type SeededApi } from '../../test/api.js';
import type { RouteRequirement } from './route-permissions.js';

/**
 * Throws generated bad requests at every API route, signed in as admin so that permission checks pass and
 * the validators and services are reached, and checks that the server never answers 5xx and always answers
 * a 4xx in the one error shape with a known code.
 */

let api: SeededApi;
let admin: { authorization: string };
let routes: RouteRequirement[];
const statuses = new Map<number, number>();

beforeAll(async () => {
  api = await createSeededApi();
  admin = await api.as('admin');
  // Logging out would end the admin session the whole property runs on. The open standards' routes
  // (`/open311/`) answer in their standard's own error shape: `open311.property.test.ts` holds them to it.
  routes = api.routes.filter((r) => r.url.startsWith('/api/') && r.url !== '/api/v1/auth/logout');
});
afterAll(async () => {
  await api?.close();
});

// ---------------------------------------------------------------------------------------------------------
// Generators

const INT4_MAX = 2_147_483_647;

/** Numbers as text that break naive parsing: huge, negative, fractional, exponent, not-a-number. */
const nastyNumberText = fc.oneof(
  fc.constantFrom(
    '0',
    '-1',
    '-0',
    '1.5',
    '1e3',
    '1e309',
    '-1e309',
    'NaN',
    'Infinity',
    '0x10',
    ' 1',
    '1 ',
    '',
    String(INT4_MAX + 1),
    '99999999999999999999999',
    String(Number.MAX_SAFE_INTEGER + 2),
  ),
  fc.integer().map(String),
  fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map(String),
  fc.double({ noNaN: false }).map(String),
);

/** Any text: ASCII, full unicode (lone surrogates included), control characters and NUL. */
const anyText = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom('\u0000', 'a\u0000b', '\u202e', '🧨', '../..', "' or 1=1 --", '%', '\\', '<script>'),
);

/** A value for a path parameter, URL-encoded (or one of a few raw, broken percent-escapes). */
const pathValue = fc.oneof(
  { weight: 4, arbitrary: fc.oneof(nastyNumberText, anyText).map((v) => encodeURIComponent(v)) },
  { weight: 1, arbitrary: fc.constantFrom('%', '%zz', '%00', '%C0%AF', '%E4%B8', '1%2F2', '999999') },
);

/** Keys the API's query strings know, and a few they do not. */
const queryKey = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      'within',
      'parentId',
      'kind',
      'q',
      'active',
      'page',
      'pageSize',
      'orgId',
      'role',
      'lat',
      'lng',
      'start',
      'value',
      'unit',
      'action',
      'actorUserId',
      'from',
      'to',
      'cursor',
      'limit',
      'level',
    ),
  },
  { weight: 1, arbitrary: fc.oneof(anyText, fc.constantFrom('__proto__', 'constructor', 'a[b]', 'a.b')) },
);

const queryValue = fc.oneof(
  nastyNumberText,
  anyText,
  fc
    .date({ noInvalidDate: false })
    .map((d) => (Number.isNaN(d.getTime()) ? 'Invalid Date' : d.toISOString())),
  fc.constantFrom('true', 'false', 'all', 'grid', 'city', 'admin', 'working_days', 'calendar_hours', 'null'),
  fc.constant('x'.repeat(5_000)),
);

/** A query string of up to 5 pairs (a key may repeat, which makes an array). */
const queryString = fc
  .array(fc.tuple(queryKey, queryValue), { maxLength: 5 })
  .map((pairs) =>
    pairs.length === 0
      ? ''
      : `?${pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')}`,
  );

/** Values of the wrong type, or of the right type but out of bounds. */
const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1.5, 1e20, -1e20, INT4_MAX + 1, 2 ** 53, '', ' ', [], {}),
  fc.integer(),
  fc.double(),
  anyText,
  fc.array(fc.oneof(fc.integer(), anyText, fc.constant(null)), { maxLength: 4 }),
  fc.dictionary(anyText, fc.oneof(fc.integer(), anyText), { maxKeys: 3 }),
  fc.constant('长'.repeat(100_000)),
);

/** Keys the API's bodies know. */
const BODY_KEYS = [
  'username',
  'password',
  'displayName',
  'orgId',
  'roles',
  'phone',
  'version',
  'parentId',
  'code',
  'name',
  'kind',
  'boundary',
  'sort',
  'staff',
  'permissions',
  'periods',
  'year',
  'days',
  'papers',
  'defaultUnitCode',
  'priority',
  'acceptLimit',
  'resolveLimit',
  'police',
  'active',
] as const;

/** A deeply nested object or array. */
const deeplyNested = fc.tuple(fc.integer({ min: 50, max: 3_000 }), fc.boolean()).map(([depth, asArray]) => {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = asArray ? [value] : { name: value };
  return value;
});

/**
 * Bodies that are close to valid ones, each with one field broken or an unknown field added, so that the
 * requests get past the first checks into the services. Every template stays invalid in a second way
 * (a taken code or username, a kind not allowed there …) so that no mutation creates anything.
 */
const nearValidBody: fc.Arbitrary<unknown> = fc
  .tuple(
    fc.constantFrom<Record<string, unknown>>(
      // a grid directly under the city, with the city's own code
      { parentId: 1, code: '150300', name: '网格', kind: 'grid', sort: 1 },
      // a user who exists already, with a weak password
      { username: 'admin', displayName: '张三', orgId: 1, password: 'weak', roles: ['handler'] },
      { version: INT4_MAX, name: '改名', sort: 3 },
      { version: 0, parentId: INT4_MAX },
      {
        staff: [
          { role: 'leader', name: '甲' },
          { role: 'leader', name: '乙' },
        ],
      },
      { roles: ['handler', 'no_such_role'] },
      { permissions: ['org.read', 'no.such'] },
      { periods: [{ start: '12:00', end: '08:00' }] },
      {
        year: 2099,
        days: [
          { name: '元旦', date: '2099-01-01', isOffDay: true },
          { name: '元旦', date: '2099-01-01', isOffDay: true },
        ],
      },
      // a fourth level: the parent is a leaf (ids of leaves are in the thousands after the seed)
      { parentId: null, code: '01.01', name: '越级', defaultUnitCode: 'unit.housing' },
      { password: 'short' },
    ),
    fc.constantFrom(...BODY_KEYS, 'unknownField', '__proto__'),
    wrongValue,
  )
  .map(([template, key, value]) => {
    const body: Record<string, unknown> = { ...template };
    Object.defineProperty(body, key, { value, enumerable: true, configurable: true, writable: true });
    return body;
  });

/** What a request carries: nothing, a raw (often malformed) text, or a JSON value. */
type Payload = { kind: 'none' } | { kind: 'raw'; text: string } | { kind: 'json'; value: unknown };

const payload: fc.Arbitrary<Payload> = fc.oneof(
  { weight: 1, arbitrary: fc.constant<Payload>({ kind: 'none' }) },
  {
    weight: 2,
    arbitrary: fc
      .oneof(
        fc.constantFrom(
          '{',
          '{"a":',
          '[1,2',
          'nul',
          '"unterminated',
          '{"username": "admin", }',
          '{"__proto__": {"isAdmin": true}}',
          '{"constructor": {"prototype": {"x": 1}}}',
          '\u0000',
          '',
          ' ',
          '1e999999',
          '{"a":1}{"b":2}',
        ),
        anyText,
      )
      .map((text): Payload => ({ kind: 'raw', text })),
  },
  {
    weight: 6,
    arbitrary: fc
      .oneof(
        { weight: 3, arbitrary: nearValidBody },
        { weight: 2, arbitrary: fc.dictionary(fc.constantFrom(...BODY_KEYS), wrongValue, { maxKeys: 4 }) },
        { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
        { weight: 1, arbitrary: wrongValue },
        { weight: 1, arbitrary: deeplyNested },
        { weight: 1, arbitrary: fc.dictionary(anyText, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }) },
      )
      .map((value): Payload => ({ kind: 'json', value })),
  },
);

const contentType = fc.oneof(
  { weight: 6, arbitrary: fc.constant('application/json') },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=xyz',
      'application/xml',
      'application/json; charset=utf-8',
      'application/json; charset=latin1',
      'application/octet-stream',
      'json',
      '*/*',
    ),
  },
);

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** One generated request against one route of the API. */
const badRequest = fc
  .record({
    routeIndex: fc.nat(),
    params: fc.array(pathValue, { minLength: 3, maxLength: 3 }),
    query: queryString,
    payload,
    contentType,
    // one request in ten goes with a method the route does not have
    otherMethod: fc.oneof(
      { weight: 9, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: fc.constantFrom(...METHODS) },
    ),
  })
  .map((r) => {
    const route = routes[r.routeIndex % routes.length]!;
    let i = 0;
    const url = route.url.replace(/:(\w+)/g, () => r.params[i++ % r.params.length]!) + r.query;
    const options: InjectOptions = {
      method: r.otherMethod ?? (route.method as InjectOptions['method']),
      url,
      headers: { ...admin },
    };
    if (r.payload.kind !== 'none') {
      options.payload = r.payload.kind === 'raw' ? r.payload.text : JSON.stringify(r.payload.value);
      options.headers = { ...options.headers, 'content-type': r.contentType };
    }
    return { route: `${route.method} ${route.url}`, options };
  });

// ---------------------------------------------------------------------------------------------------------

async function orgCount(): Promise<number> {
  const [row] = await api.ctx.db.select({ n: count() }).from(orgs);
  return row!.n;
}

async function userCount(): Promise<number> {
  const [row] = await api.ctx.db.select({ n: count() }).from(users);
  return row!.n;
}

/** The assertion every answer must pass: no 5xx; a 4xx carries `{error:{code,message}}` with a known code. */
async function expectWellFormedRefusal(request: { route: string; options: InjectOptions }) {
  const response = await api.app.inject(request.options);
  const where = `${request.options.method} ${String(request.options.url).slice(0, 200)} → ${response.statusCode} ${response.body.slice(0, 300)}`;
  statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
  expect(response.statusCode, where).toBeLessThan(500);
  if (response.statusCode >= 400) {
    let body: { error?: { code?: unknown; message?: unknown } };
    try {
      body = response.json();
    } catch {
      throw new Error(`not JSON: ${where}`);
    }
    expect(typeof body.error?.code, where).toBe('string');
    expect(typeof body.error?.message, where).toBe('string');
    const code = body.error!.code as keyof typeof ERROR_CODES;
    expect(Object.keys(ERROR_CODES), where).toContain(code);
    expect(ERROR_CODES[code], where).toBe(response.statusCode);
  }
}

describe('bad requests', () => {
  it('never answers 5xx and always refuses in the one error shape, over 1,200 generated requests', async () => {
    const orgsBefore = await orgCount();
    const usersBefore = await userCount();
    await fc.assert(fc.asyncProperty(badRequest, expectWellFormedRefusal), { numRuns: 1_200 });
    expect(await orgCount()).toBe(orgsBefore);
    expect(await userCount()).toBe(usersBefore);
    // the run reached the validators, not only the router
    expect(statuses.get(400) ?? 0).toBeGreaterThan(300);
  });

  it('refuses bodies over the size limit with 413 PAYLOAD_TOO_LARGE', async () => {
    const response = await api.app.inject({
      method: 'POST',
      url: '/api/v1/orgs',
      headers: { ...admin, 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'x'.repeat(1_100_000) }),
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers an unknown API route with 404 ROUTE_NOT_FOUND', async () => {
    const response = await api.app.inject({ method: 'GET', url: '/api/v1/nowhere', headers: admin });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('ROUTE_NOT_FOUND');
  });

  it.each([
    ['an id beyond the integer range in a query', '/api/v1/orgs?within=3000000000'],
    ['a parent id beyond the integer range', '/api/v1/orgs/tree?parentId=3000000000'],
    ['an org id beyond the integer range in the users list', '/api/v1/users?orgId=3000000000'],
    ['a category parent beyond the integer range', '/api/v1/catalog/categories?parentId=3000000000'],
    // [3000000000] and [1e20] as opaque cursors
    ['an audit cursor beyond the integer range', '/api/v1/audit?cursor=WzMwMDAwMDAwMDBd'],
    ['an audit cursor beyond the safe integers', '/api/v1/audit?cursor=WzEwMDAwMDAwMDAwMDAwMDAwMDAwMF0'],
    ['a date PostgreSQL cannot hold', '/api/v1/audit?from=-100000-01-01T00:00:00.000Z'],
    ['a NUL character in a search', '/api/v1/orgs?q=a%00b'],
    [
      'a working limit longer than the calendar looks ahead',
      '/api/v1/calendar/deadline?start=2026-01-05T09:00:00%2B08:00&value=10000&unit=working_days',
    ],
  ])('answers a query with %s without a 5xx', async (_what, url) => {
    await expectWellFormedRefusal({ route: url, options: { method: 'GET', url, headers: admin } });
  });

  it.each([
    [
      'a parent id beyond the integer range',
      'POST',
      '/api/v1/orgs',
      { parentId: 3_000_000_000, code: 'T-BIG', name: '大', kind: 'unit' },
    ],
    ['a version beyond the integer range', 'PATCH', '/api/v1/orgs/1', { version: 3_000_000_000, name: '大' }],
    [
      'an org id beyond the integer range',
      'POST',
      '/api/v1/users',
      {
        username: 't_big',
        displayName: '大',
        orgId: 3_000_000_000,
        password: 'Street-Lamp-2026#',
        roles: ['handler'],
      },
    ],
    [
      'a NUL character in a name',
      'POST',
      '/api/v1/orgs',
      { parentId: 1, code: 'T-NUL', name: 'a\u0000b', kind: 'unit' },
    ],
  ] as const)('refuses a body with %s with a 4xx, not a 5xx', async (_what, method, url, body) => {
    const response = await api.app.inject({ method, url, headers: admin, payload: body });
    expect(response.statusCode, response.body).toBeGreaterThanOrEqual(400);
    expect(response.statusCode, response.body).toBeLessThan(500);
    expect(response.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('refuses a broken percent-escape in the path in the one error shape', async () => {
    for (const url of [
      '/api/v1/orgs/%',
      '/api/v1/calendar/years/%zz',
      '/api/v1/users/%E4%B8',
      `/api/v1/orgs/${'1'.repeat(150)}`,
    ]) {
      await expectWellFormedRefusal({ route: url, options: { method: 'GET', url, headers: admin } });
    }
  });

  afterAll(() => {
    const summary = [...statuses.entries()].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`);
    console.info(`bad-request statuses: ${summary.join(' ')}`);
  });
});
