import { gcj02ToWgs84 } from '@shanzhi/shared';
import { and, asc, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseBody } from '../cases/cases.test-support.js';
import { orgs } from '../orgs/orgs.tables.js';
import {
  CREATED_REQUEST_XSD,
  DISCOVERY_XSD,
  ERRORS_XSD,
  SERVICE_DEFINITION_XSD,
  SERVICE_REQUESTS_XSD,
  SERVICES_XSD,
  TOKEN_XSD,
} from './georeport-v2.xsd.test-support.js';
import {
  createOpen311World,
  expectSameResource,
  expectSpecJson,
  expectSpecXml,
  type Open311World,
  SPEC_JSON,
} from './open311.test-support.js';

let w: Open311World;
/** the service code of 挪车, published by the demo city with its plate number */
let parking: string;
/** a grid of 海勃湾区: its id and its centre on the platform's maps (GCJ-02) */
let grid: { id: number; lng: number; lat: number };

beforeAll(async () => {
  w = await createOpen311World();
  const services = (await w.call('GET', 'services.json')).json() as {
    service_code: string;
    service_name: string;
  }[];
  parking = services.find((s) => s.service_name === '挪车')!.service_code;
  const [district] = await w.api.ctx.db.select({ path: orgs.path }).from(orgs).where(eq(orgs.code, '150302'));
  const [first] = await w.api.ctx.db
    .select({ id: orgs.id, lng: orgs.centerLng, lat: orgs.centerLat })
    .from(orgs)
    .where(and(eq(orgs.kind, 'grid'), like(orgs.path, `${district!.path}%`)))
    .orderBy(asc(orgs.id))
    .limit(1);
  grid = { id: first!.id, lng: first!.lng!, lat: first!.lat! };
});
afterAll(() => w.api.close());

/** The grid's centre as a phone's GPS reports it (WGS-84). */
function gpsInGrid() {
  const wgs = gcj02ToWgs84({ lng: grid.lng, lat: grid.lat });
  return { lat: String(wgs.lat), long: String(wgs.lng) };
}

/** A request for 挪车 as a civic app posts it. */
function parkingReport(extra: Record<string, string | string[]> = {}) {
  return {
    api_key: w.key,
    jurisdiction_id: 'wuhai.gov.cn',
    service_code: parking,
    ...gpsInGrid(),
    description: '白色轿车堵住小区消防通道一整天，联系电话13947301234',
    first_name: '三',
    last_name: '张',
    phone: '13947301234',
    email: 'zhangsan@example.com',
    'attribute[plate]': '蒙C12345',
    'attribute[blocking]': 'fire_lane',
    'attribute[fixmystreet_id]': '4711',
    ...extra,
  };
}

async function postParking(format: 'json' | 'xml' = 'json', extra: Record<string, string | string[]> = {}) {
  const response = await w.call('POST', `requests.${format}`, { form: parkingReport(extra) });
  expect(response.statusCode, response.body).toBe(200);
  return response;
}

async function newRequestId(extra: Record<string, string | string[]> = {}): Promise<string> {
  return (await postParking('json', extra)).json()[0].service_request_id;
}

/** The case behind a request id, as the dispatcher reads it. */
async function caseOf(number: string): Promise<CaseBody & { category: { id: number; name: string } }> {
  const list = await w.get('dispatcher', `/api/v1/cases?q=${encodeURIComponent(number)}`);
  const found = list.json().items.find((c: { number: string }) => c.number === number);
  if (found)
    return (await w.read('dispatcher', found.id)) as CaseBody & { category: { id: number; name: string } };
  throw new Error(`no case ${number}`);
}

describe('service discovery', () => {
  it('names the GeoReport v2 endpoint with both formats, the same document in XML and JSON', async () => {
    const xml = await w.call('GET', 'discovery.xml');
    expect(xml.statusCode, xml.body).toBe(200);
    await expectSpecXml(xml, DISCOVERY_XSD);
    const json = await w.call('GET', 'discovery.json');
    const discovery = expectSpecJson(SPEC_JSON.discovery, json);
    expect(discovery.endpoints[0]).toMatchObject({
      specification: 'http://wiki.open311.org/GeoReport_v2',
      url: 'http://localhost:80/open311/v2',
      type: 'production',
      formats: ['text/xml', 'application/json'],
    });
    expect(discovery.changeset).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
    expect(Number.isNaN(Date.parse(discovery.changeset))).toBe(false);
    expectSameResource(xml.body, json.json());
  });
});

describe('GET services', () => {
  it('lists the services the city publishes, in XML and JSON, valid against the specification', async () => {
    const xml = await w.call('GET', 'services.xml', { query: { jurisdiction_id: 'wuhai.gov.cn' } });
    await expectSpecXml(xml, SERVICES_XSD);
    const json = await w.call('GET', 'services.json');
    const services = expectSpecJson(SPEC_JSON.services, json);
    expectSameResource(xml.body, json.json());
    expect(services.find((s) => s.service_code === parking)).toEqual({
      service_code: parking,
      service_name: '挪车',
      description: expect.stringContaining('便民服务 / 生活服务 / 挪车'),
      metadata: true,
      type: 'realtime',
      keywords: expect.stringContaining('挪车'),
      group: '便民服务',
    });
    expect(services.every((s) => s.type === 'realtime')).toBe(true);
  });

  it('lists a leaf once an administrator publishes it, and no longer once withdrawn', async () => {
    const leaves = (await w.api.get('/api/v1/open311/services')).json().items as {
      categoryId: number;
      code: string;
      published: boolean;
      name: string;
    }[];
    const hidden = leaves.find((l) => !l.published && l.name === '开锁')!;
    const codes = async () =>
      ((await w.call('GET', 'services.json')).json() as { service_code: string }[]).map(
        (s) => s.service_code,
      );
    expect(await codes()).not.toContain(hidden.code);
    const published = await w.api.send('PUT', `/api/v1/open311/services/${hidden.categoryId}`, {
      published: true,
      group: '生活便民',
    });
    expect(published.statusCode, published.body).toBe(200);
    const listed = (
      (await w.call('GET', 'services.json')).json() as { service_code: string; group: string }[]
    ).find((s) => s.service_code === hidden.code);
    expect(listed?.group).toBe('生活便民');
    await w.api.send('PUT', `/api/v1/open311/services/${hidden.categoryId}`, { published: false });
    expect(await codes()).not.toContain(hidden.code);
  });

  it('defines 挪车 with its plate number and the list of what a car blocks, in the standard datatypes', async () => {
    const xml = await w.call('GET', `services/${parking}.xml`);
    await expectSpecXml(xml, SERVICE_DEFINITION_XSD);
    const json = await w.call('GET', `services/${parking}.json`);
    const definition = expectSpecJson(SPEC_JSON.serviceDefinition, json);
    expectSameResource(xml.body, json.json());
    expect(definition.service_code).toBe(parking);
    expect(definition.attributes).toEqual([
      {
        variable: true,
        code: 'plate',
        datatype: 'string',
        required: true,
        datatype_description: '如 蒙C12345',
        order: 1,
        description: '车牌号',
      },
      expect.objectContaining({
        code: 'blocking',
        datatype: 'singlevaluelist',
        required: false,
        order: 2,
        values: expect.arrayContaining([{ key: 'fire_lane', name: '消防通道' }]),
      }),
    ]);
  });

  it('answers 404 in the standard shape for a service that is not published', async () => {
    for (const format of ['xml', 'json'] as const) {
      const response = await w.call('GET', `services/99.99.999.${format}`);
      expect(response.statusCode).toBe(404);
      if (format === 'xml') await expectSpecXml(response, ERRORS_XSD);
      else expect(expectSpecJson(SPEC_JSON.errors, response)[0]!.code).toBe(404);
    }
  });
});

describe('POST requests', () => {
  it('registers a case the dispatcher sees at once, on the key’s channel, located to the grid of its GPS point', async () => {
    const response = await postParking('json');
    const [created] = expectSpecJson(SPEC_JSON.created, response);
    expect(created!.service_request_id).toMatch(/^WH20260930\d{6}$/);
    expect(created!.service_notice).toContain(created!.service_request_id);

    const detail = await caseOf(created!.service_request_id);
    expect(detail).toMatchObject({
      source: 'online',
      channel: 'open311_test',
      state: 'registered',
      type: 'help',
      category: { name: '挪车' },
      grid: { id: grid.id },
      citizenName: '张三',
      citizenPhone: '13947301234',
    });
    // WGS-84 in, the platform's GCJ-02 stored: back on the grid's own point to within a millimetre
    const location = detail.location as { lng: number; lat: number };
    expect(location.lng).toBeCloseTo(grid.lng, 7);
    expect(location.lat).toBeCloseTo(grid.lat, 7);
    // the attributes reach the staff in the case's content; attributes the service does not ask are left aside
    expect(detail.description).toContain('【车牌号】蒙C12345');
    expect(detail.description).toContain('【车辆堵住了什么】消防通道');
    expect(detail.description).not.toContain('4711');
    // the title is the citizen's words, not the attributes, and never cut through the phone
    expect(detail.title).toBe('白色轿车堵住小区消防通道一整天，联系电话…');
    expect(detail.timeline[0]).toMatchObject({ action: 'register' });
    expect((detail.timeline[0] as unknown as { actor: { name: string } }).actor.name).toBe(
      '群众（开放接口·城市随手拍）',
    );
    // routed as any online request: to the centre of the district where it happened
    expect((detail.currentOrg as { id: number }).id).toBe(w.ids.hbwCentre);
  });

  it('answers in XML too, valid against the specification', async () => {
    const response = await postParking('xml');
    await expectSpecXml(response, CREATED_REQUEST_XSD);
    expect(response.body).toMatch(/<service_request_id>WH20260930\d{6}<\/service_request_id>/);
  });

  it('accepts an address alone, unlocated, and a multi-value answer sent as attribute[code][]', async () => {
    const { lat: _lat, long: _long, ...withoutPoint } = parkingReport();
    const response = await w.call('POST', 'requests.json', {
      form: { ...withoutPoint, address_string: '海勃湾区新华街道滨河小区3号楼门口' },
    });
    expect(response.statusCode, response.body).toBe(200);
    const detail = await caseOf(response.json()[0].service_request_id);
    expect(detail).toMatchObject({
      location: null,
      address: '海勃湾区新华街道滨河小区3号楼门口',
      grid: null,
    });
  });

  it('refuses a post without an API key with 403 in the standard shape, in both formats', async () => {
    const { api_key: _key, ...keyless } = parkingReport();
    const xml = await w.call('POST', 'requests.xml', { form: keyless });
    expect(xml.statusCode).toBe(403);
    await expectSpecXml(xml, ERRORS_XSD);
    expect(xml.body).toContain('<code>403</code>');
    const json = await w.call('POST', 'requests.json', { form: keyless });
    expect(json.statusCode).toBe(403);
    expect(expectSpecJson(SPEC_JSON.errors, json)).toEqual([
      { code: 403, description: expect.stringContaining('api_key') },
    ]);
    // also without anything else: the key is checked first
    expect((await w.call('POST', 'requests.json', { form: {} })).statusCode).toBe(403);
    const wrong = await w.call('POST', 'requests.json', { form: { ...keyless, api_key: 'o311_not-a-key' } });
    expect(wrong.statusCode).toBe(403);
  });

  it('is not concerned by the CSRF check: a form posted from another site’s page carries no cookie', async () => {
    const response = await w.api.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: 'https://civic-app.example.org',
        'sec-fetch-site': 'cross-site',
      },
      payload: new URLSearchParams(parkingReport()).toString(),
    });
    expect(response.statusCode, response.body).toBe(200);
  });

  it('refuses a post without service_code with 400 naming it, in both formats', async () => {
    const { service_code: _code, ...codeless } = parkingReport();
    const json = await w.call('POST', 'requests.json', { form: codeless });
    expect(json.statusCode).toBe(400);
    expect(expectSpecJson(SPEC_JSON.errors, json)).toEqual([
      { code: 400, description: expect.stringContaining('service_code') },
    ]);
    const xml = await w.call('POST', 'requests.xml', { form: codeless });
    expect(xml.statusCode).toBe(400);
    await expectSpecXml(xml, ERRORS_XSD);
  });

  it.each([
    ['no location at all', { lat: '', long: '' }, 400, 'lat'],
    ['a latitude without its longitude', { long: '' }, 400, 'long'],
    ['a point outside the city', { lat: '31.2304', long: '121.4737' }, 400, 'location'],
    ['a description over 4,000 characters', { description: '很'.repeat(4_001) }, 400, 'description'],
    ['a required attribute left out', { 'attribute[plate]': '' }, 400, 'attribute[plate]'],
    ['a value off an attribute’s list', { 'attribute[blocking]': 'roof' }, 400, 'attribute[blocking]'],
    ['a phone that is no phone', { phone: 'call me' }, 400, 'phone'],
    ['a media URL that is no URL', { media_url: 'javascript:alert(1)' }, 400, 'media_url'],
    ['a service that is not published', { service_code: '99.99.999' }, 404, 'service_code'],
  ])('refuses %s', async (_what, change, status, named) => {
    const response = await w.call('POST', 'requests.json', { form: parkingReport(change) });
    expect(response.statusCode, response.body).toBe(status);
    const errors = expectSpecJson(SPEC_JSON.errors, response);
    expect(errors.map((e) => e.description).join(' ')).toContain(named);
  });

  it('refuses every call with a revoked key, reads included', async () => {
    const issued = await w.issueKey({ name: '已停用的应用' });
    expect(
      (await w.call('POST', 'requests.json', { form: { ...parkingReport(), api_key: issued.key } }))
        .statusCode,
    ).toBe(200);
    const revoked = await w.api.send('POST', `/api/v1/open311/keys/${issued.apiKey.id}/revoke`, {});
    expect(revoked.statusCode, revoked.body).toBe(200);
    const post = await w.call('POST', 'requests.json', { form: { ...parkingReport(), api_key: issued.key } });
    expect(post.statusCode).toBe(403);
    expect(post.json()[0].description).toContain('revoked');
    expect((await w.call('GET', 'services.json', { query: { api_key: issued.key } })).statusCode).toBe(403);
  });
});

describe('GET requests', () => {
  it('returns a request by its id in XML and JSON: status, service, unit, times, WGS-84 place, and nothing personal', async () => {
    const id = await newRequestId({ media_url: 'https://img.example.com/p/1.jpg' });
    const xml = await w.call('GET', `requests/${id}.xml`);
    expect(xml.statusCode, xml.body).toBe(200);
    await expectSpecXml(xml, SERVICE_REQUESTS_XSD);
    const json = await w.call('GET', `requests/${id}.json`);
    const [request] = expectSpecJson(SPEC_JSON.requests, json);
    expectSameResource(xml.body, json.json());
    expect(request).toMatchObject({
      service_request_id: id,
      status: 'open',
      status_notes: '诉求已受理登记，等待派单',
      service_name: '挪车',
      service_code: parking,
      agency_responsible: expect.stringContaining('海勃湾区'),
      media_url: 'https://img.example.com/p/1.jpg',
    });
    expect(request!.requested_datetime).toBe('2026-09-30T10:00:00+08:00');
    expect(request!.expected_datetime).toMatch(/^2026-10-\d{2}T/);
    const wgs = gpsInGrid();
    expect(request!.lat).toBeCloseTo(Number(wgs.lat), 6);
    expect(request!.long).toBeCloseTo(Number(wgs.long), 6);
    // no name, phone or e-mail, and the numbers typed into the text are masked
    expect(json.body).not.toMatch(/张三|13947301234|zhangsan@example\.com|蒙C12345/);
    expect(request!.description).toContain('139****1234');
    expect(request!.description).toContain('蒙C***45');
    expect(xml.body).not.toMatch(/张三|13947301234|zhangsan/);
  });

  it('answers 404 in the standard shape for an id that is no visible request', async () => {
    const response = await w.call('GET', 'requests/WH20000101000001.json');
    expect(response.statusCode).toBe(404);
    expectSpecJson(SPEC_JSON.errors, response);
  });

  it('searches by ids (overriding the rest), service code, W3C dates and status, newest first', async () => {
    const first = await newRequestId();
    const second = await newRequestId();
    const ids = (r: { json(): { service_request_id: string }[] }) =>
      r.json().map((x) => x.service_request_id);

    const byIds = await w.call('GET', 'requests.json', {
      query: { service_request_id: `${first},${second}`, status: 'closed' },
    });
    expect(ids(byIds).sort()).toEqual([first, second].sort());

    const xml = await w.call('GET', 'requests.xml', { query: { service_code: parking, status: 'open' } });
    await expectSpecXml(xml, SERVICE_REQUESTS_XSD);
    const json = await w.call('GET', 'requests.json', { query: { service_code: parking, status: 'open' } });
    const found = expectSpecJson(SPEC_JSON.requests, json);
    expectSameResource(xml.body, json.json());
    expect(found.map((r) => r.service_request_id)).toEqual(expect.arrayContaining([first, second]));
    expect(found.every((r) => r.service_code === parking && r.status === 'open')).toBe(true);
    expect(found.findIndex((r) => r.service_request_id === second)).toBeLessThan(
      found.findIndex((r) => r.service_request_id === first),
    );

    expect(
      ids(await w.call('GET', 'requests.json', { query: { status: 'closed', service_code: parking } })),
    ).toEqual([]);
    const before = await w.call('GET', 'requests.json', {
      query: { start_date: '2026-06-01T00:00:00Z', end_date: '2026-08-01T00:00:00Z' },
    });
    expect(ids(before)).not.toContain(first);
  });

  it.each([
    ['a date without its time zone', { start_date: '2026-09-01T00:00:00' }, 'start_date'],
    [
      'a window of more than 90 days',
      { start_date: '2026-01-01T00:00:00Z', end_date: '2026-09-01T00:00:00Z' },
      'end_date',
    ],
    [
      'a start after the end',
      { start_date: '2026-09-02T00:00:00Z', end_date: '2026-09-01T00:00:00Z' },
      'start_date',
    ],
    ['a status that is neither open nor closed', { status: 'pending' }, 'status'],
  ])('refuses %s with 400', async (_what, query, named) => {
    const response = await w.call('GET', 'requests.json', { query });
    expect(response.statusCode).toBe(400);
    expect(expectSpecJson(SPEC_JSON.errors, response)[0]!.description).toContain(named);
  });

  it('never shows a case marked private (保密), by id, by search or by its updates', async () => {
    const secret = await w.newCase('agent', {
      content: '举报小区门口长期占道停车，请为我保密',
      categoryId: (await caseOf(await newRequestId())).category.id,
      keepPrivate: true,
    });
    expect((await w.call('GET', `requests/${secret.number}.json`)).statusCode).toBe(404);
    const search = await w.call('GET', 'requests.json', { query: { service_request_id: secret.number } });
    expect(search.json()).toEqual([]);
    const all = await w.call('GET', 'requests.json', { query: { service_code: parking } });
    expect(all.body).not.toContain(secret.number);
    expect((await w.call('GET', 'servicerequestupdates.json')).body).not.toContain(secret.number);
  });

  it('shows a hotline case of a published service, but none of a service the city does not publish', async () => {
    const published = await w.newCase('agent', {
      content: '小区门口车辆乱停堵住通道',
      categoryId: (await caseOf(await newRequestId())).category.id,
    });
    expect((await w.call('GET', `requests/${published.number}.json`)).statusCode).toBe(200);
    const hotline = await w.newCase('agent', { content: '楼道堆放杂物存在消防隐患' });
    expect((await w.call('GET', `requests/${hotline.number}.json`)).statusCode).toBe(404);
  });

  it('finds the request of a token in XML and JSON', async () => {
    const [created] = (await postParking('json')).json();
    const xml = await w.call('GET', `tokens/${created.token}.xml`);
    await expectSpecXml(xml, TOKEN_XSD);
    const json = await w.call('GET', `tokens/${created.token}.json`);
    expect(expectSpecJson(SPEC_JSON.token, json)).toEqual([
      { service_request_id: created.service_request_id, token: created.token },
    ]);
    expectSameResource(xml.body, json.json());
    expect((await w.call('GET', 'tokens/0000.json')).statusCode).toBe(404);
  });
});
