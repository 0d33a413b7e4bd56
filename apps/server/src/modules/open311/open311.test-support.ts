import { XMLParser } from 'fast-xml-parser';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { z } from 'zod';
import { type CaseWorld, createCaseWorld } from '../cases/cases.test-support.js';

/** The containers of GeoReport v2 (and mySociety's extension) whose children make a list in JSON. */
const LISTS = new Set([
  'services',
  'attributes',
  'values',
  'endpoints',
  'formats',
  'service_requests',
  'service_request_updates',
  'errors',
]);

const parser = new XMLParser({ parseTagValue: false, ignoreDeclaration: true, trimValues: true });

/** Asserts that `xml` is valid against `xsd`, naming libxml2's complaints when it is not. */
export async function expectValidXml(xml: string, xsd: string): Promise<void> {
  const result = await validateXML({ xml: [{ fileName: 'answer.xml', contents: xml }], schema: [xsd] });
  expect(
    result.errors.map((e) => e.rawMessage),
    xml,
  ).toEqual([]);
  expect(result.valid).toBe(true);
}

/** A JSON value with its scalars as XML writes them: text, `true`/`false`, an empty element for null. */
function asXmlText(value: unknown): unknown {
  if (value === null) return '';
  if (Array.isArray(value)) return value.map(asXmlText);
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, asXmlText(v)]));
  }
  return String(value);
}

/** An XML element's content as the Spark convention writes it in JSON (a known container is an array). */
function spark(name: string, content: unknown): unknown {
  if (LISTS.has(name)) {
    if (content === '' || content === undefined) return [];
    const [[item, children]] = Object.entries(content as object) as [[string, unknown]];
    return (Array.isArray(children) ? children : [children]).map((child) => spark(item, child));
  }
  if (typeof content !== 'object' || content === null) return content;
  return Object.fromEntries(Object.entries(content).map(([field, value]) => [field, spark(field, value)]));
}

/**
 * Asserts that a resource's JSON is its XML by the standard's mapping (the Spark convention: the root
 * element dropped, each container a JSON array, even of one) — the same fields, in both, with the same text.
 */
export function expectSameResource(xml: string, json: unknown): void {
  const tree = parser.parse(xml) as Record<string, unknown>;
  const [[root, content]] = Object.entries(tree) as [[string, unknown]];
  expect(asXmlText(json)).toEqual(spark(root, content));
}

// The JSON shapes of the resources, from the specification's tables: only the fields it names.
const W3C = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/);

export const SPEC_JSON = {
  discovery: z.strictObject({
    changeset: z.string().min(1),
    contact: z.string().min(1),
    key_service: z.string().min(1),
    endpoints: z
      .array(
        z.strictObject({
          specification: z.string().url(),
          url: z.string().url(),
          changeset: z.string().min(1),
          type: z.enum(['production', 'test']),
          formats: z.array(z.string()).min(1),
        }),
      )
      .min(1),
  }),
  services: z.array(
    z.strictObject({
      service_code: z.string().min(1),
      service_name: z.string().min(1),
      description: z.string().nullable().optional(),
      metadata: z.boolean(),
      type: z.enum(['realtime', 'batch', 'blackbox']),
      keywords: z.string().nullable().optional(),
      group: z.string().nullable().optional(),
    }),
  ),
  serviceDefinition: z.strictObject({
    service_code: z.string().min(1),
    attributes: z.array(
      z.strictObject({
        variable: z.boolean(),
        code: z.string().min(1),
        datatype: z.enum(['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist']),
        required: z.boolean(),
        datatype_description: z.string().nullable(),
        order: z.number().int().positive(),
        description: z.string().min(1),
        values: z.array(z.strictObject({ key: z.string(), name: z.string() })).optional(),
      }),
    ),
  }),
  requests: z.array(
    z.strictObject({
      service_request_id: z.string().min(1),
      status: z.enum(['open', 'closed']),
      status_notes: z.string().nullable().optional(),
      service_name: z.string(),
      service_code: z.string(),
      description: z.string().nullable().optional(),
      agency_responsible: z.string().nullable().optional(),
      service_notice: z.string().nullable().optional(),
      requested_datetime: W3C,
      updated_datetime: W3C,
      expected_datetime: W3C.nullable().optional(),
      address: z.string().nullable().optional(),
      address_id: z.string().nullable().optional(),
      zipcode: z.string().nullable().optional(),
      lat: z.number().min(-90).max(90).optional(),
      long: z.number().min(-180).max(180).optional(),
      media_url: z.string().nullable().optional(),
    }),
  ),
  created: z
    .array(
      z.strictObject({
        service_request_id: z.string().min(1),
        token: z.string().optional(),
        service_notice: z.string().nullable().optional(),
        account_id: z.string().nullable().optional(),
      }),
    )
    .length(1),
  token: z
    .array(z.strictObject({ service_request_id: z.string().min(1), token: z.string().min(1) }))
    .length(1),
  updates: z.array(
    z.strictObject({
      update_id: z.string().min(1),
      service_request_id: z.string().min(1),
      status: z.enum([
        'OPEN',
        'INVESTIGATING',
        'IN_PROGRESS',
        'ACTION_SCHEDULED',
        'NO_FURTHER_ACTION',
        'NOT_COUNCILS_RESPONSIBILITY',
        'DUPLICATE',
        'INTERNAL_REFERRAL',
        'FIXED',
        'CLOSED',
        'REOPEN',
        'FOR_TRIAGE',
      ]),
      updated_datetime: W3C,
      description: z.string(),
      media_url: z.string(),
    }),
  ),
  createdUpdate: z.array(z.strictObject({ update_id: z.string().min(1) })).length(1),
  errors: z.array(z.strictObject({ code: z.number().int(), description: z.string().min(1) })).min(1),
};

/** Asserts a JSON answer has the spec's shape; answers it parsed. */
export function expectSpecJson<T>(schema: z.ZodType<T>, response: LightMyRequestResponse): T {
  expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
  const parsed = schema.safeParse(response.json());
  expect(parsed.error?.issues ?? [], response.body).toEqual([]);
  return parsed.data as T;
}

/** Asserts an XML answer: the standard's content type and declaration, valid against `xsd`. */
export async function expectSpecXml(response: LightMyRequestResponse, xsd: string): Promise<void> {
  expect(response.headers['content-type']).toBe('text/xml; charset=utf-8');
  expect(response.body.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
  await expectValidXml(response.body, xsd);
}

/** What an Open311 call sends: a form for a POST, a query for a GET. */
export interface Open311Call {
  form?: Record<string, string | string[]>;
  query?: Record<string, string>;
  ip?: string;
}

/** The demo city, its case helpers, an integrator's key, and Open311 calls. */
export interface Open311World extends CaseWorld {
  /** the key issued to the test integrator and its channel */
  key: string;
  channelCode: string;
  keyId: number;
  /** an Open311 call; a form is posted form-encoded, as the standard says */
  call(method: 'GET' | 'POST', path: string, call?: Open311Call): Promise<LightMyRequestResponse>;
  /** issues a key as the administrator */
  issueKey(
    body?: Record<string, unknown>,
  ): Promise<{ key: string; apiKey: { id: number; channelCode: string } }>;
}

/** Encodes a form as a browser does, repeating a field for each of its values. */
export function encodeForm(form: Record<string, string | string[]>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(form)) {
    for (const v of Array.isArray(value) ? value : [value]) params.append(name, v);
  }
  return params.toString();
}

let addresses = 0;

/** Builds the demo city once for a test file, with a key issued to an integrator (in `beforeAll`). */
export async function createOpen311World(): Promise<Open311World> {
  const world = await createCaseWorld();
  const issueKey = async (body: Record<string, unknown> = {}) => {
    const response = await world.api.send('POST', '/api/v1/open311/keys', { name: '城市随手拍', ...body });
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  };
  const issued = await issueKey({ channelCode: 'open311_test' });
  const call: Open311World['call'] = (method, path, options = {}) => {
    const query = options.query ? `?${new URLSearchParams(options.query).toString()}` : '';
    return world.api.app.inject({
      method,
      url: `/open311/v2/${path}${query}`,
      remoteAddress: options.ip ?? `10.31.1.${(addresses++ % 250) + 1}`,
      ...(options.form
        ? {
            headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
            payload: encodeForm(options.form),
          }
        : {}),
    });
  };
  return {
    ...world,
    key: issued.key,
    channelCode: issued.apiKey.channelCode,
    keyId: issued.apiKey.id,
    call,
    issueKey,
  };
}
