import { z } from 'zod';

// The JSON shapes GeoReport v2 (and mySociety's extension) answer, for the OpenAPI document; the answers are
// written from the same records as their XML (`open311-document.ts`), one array per list.

const Text = z.string();
const W3cDateTime = z
  .string()
  .meta({ description: 'W3C date-time with its offset, e.g. 2026-09-30T10:00:00+08:00' });

export const Open311ErrorsJson = z
  .array(z.object({ code: z.number().int(), description: Text }))
  .meta({ description: 'GeoReport v2 errors: <errors><error><code/><description/></error></errors> in XML' });

export const Open311DiscoveryJson = z.object({
  changeset: Text,
  contact: Text,
  key_service: Text,
  endpoints: z.array(
    z.object({
      specification: Text,
      url: Text,
      changeset: Text,
      type: z.enum(['production', 'test']),
      formats: z.array(Text),
    }),
  ),
});

export const Open311ServicesJson = z.array(
  z.object({
    service_code: Text,
    service_name: Text,
    description: Text,
    metadata: z.boolean(),
    type: z.enum(['realtime', 'batch', 'blackbox']),
    keywords: Text,
    group: Text,
  }),
);

export const Open311ServiceDefinitionJson = z.object({
  service_code: Text,
  attributes: z.array(
    z.object({
      variable: z.boolean(),
      code: Text,
      datatype: z.enum(['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist']),
      required: z.boolean(),
      datatype_description: Text.nullable(),
      order: z.number().int(),
      description: Text,
      values: z.array(z.object({ key: Text, name: Text })).optional(),
    }),
  ),
});

export const Open311RequestsJson = z.array(
  z.object({
    service_request_id: Text,
    status: z.enum(['open', 'closed']),
    status_notes: Text.optional(),
    service_name: Text.optional(),
    service_code: Text.optional(),
    description: Text.optional(),
    agency_responsible: Text.optional(),
    requested_datetime: W3cDateTime,
    updated_datetime: W3cDateTime,
    expected_datetime: W3cDateTime.optional(),
    address: Text.optional(),
    lat: z.number().optional(),
    long: z.number().optional(),
    media_url: Text.optional(),
  }),
);

export const Open311CreatedJson = z.array(
  z.object({ service_request_id: Text, token: Text, service_notice: Text }),
);

export const Open311TokenJson = z.array(z.object({ service_request_id: Text, token: Text }));

export const Open311UpdatesJson = z.array(
  z.object({
    update_id: Text,
    service_request_id: Text,
    status: Text,
    updated_datetime: W3cDateTime,
    description: Text,
    media_url: Text,
  }),
);

export const Open311UpdateCreatedJson = z.array(z.object({ update_id: Text }));

/** A success answer in both formats. */
export function open311Answer(description: string, json: z.ZodType) {
  return {
    description,
    content: {
      'text/xml': { schema: z.string().meta({ description: 'the same resource in XML' }) },
      'application/json': { schema: json },
    },
  };
}

/** The error answers of an Open311 route, in both formats. */
export function open311Errors(statuses: readonly number[]) {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      {
        description: 'GeoReport v2 errors',
        content: { 'text/xml': { schema: z.string() }, 'application/json': { schema: Open311ErrorsJson } },
      },
    ]),
  );
}

/** `.xml` or `.json`: the format of the answer. */
export const FormatParams = z.object({ format: z.enum(['xml', 'json']) });

const Many = z.union([z.string(), z.array(z.string())]).optional();

/** What every call may carry: `jurisdiction_id` (accepted, the platform serves one city) and `api_key`. */
const COMMON = {
  jurisdiction_id: Many.meta({ description: 'accepted and ignored: the platform serves one jurisdiction' }),
  api_key: Many.meta({ description: 'the integrator’s API key (required for POST)' }),
};

export const Open311ReadQuery = z.object(COMMON);

export const Open311SearchQuery = z.object({
  ...COMMON,
  service_request_id: Many.meta({
    description: 'case numbers, comma separated; overrides the other filters',
  }),
  service_code: Many.meta({ description: 'service codes, comma separated' }),
  start_date: Many.meta({ description: 'W3C date-time; default 90 days before end_date' }),
  end_date: Many.meta({ description: 'W3C date-time; default now; at most 90 days after start_date' }),
  status: Many.meta({ description: 'open, closed or both, comma separated' }),
});

export const Open311UpdatesQuery = z.object({
  ...COMMON,
  start_date: Many.meta({ description: 'W3C date-time; default 90 days before end_date' }),
  end_date: Many.meta({ description: 'W3C date-time; default now' }),
});

export const Open311RequestBody = z
  .object({
    ...COMMON,
    service_code: Many,
    lat: Many.meta({ description: 'WGS-84 latitude' }),
    long: Many.meta({ description: 'WGS-84 longitude' }),
    address_string: Many,
    address_id: Many,
    email: Many,
    device_id: Many,
    account_id: Many,
    first_name: Many,
    last_name: Many,
    phone: Many,
    description: Many.meta({ description: 'at most 4,000 characters' }),
    media_url: Many,
  })
  .catchall(z.union([z.string(), z.array(z.string())]))
  .meta({ description: 'application/x-www-form-urlencoded; attribute[code]=value for each attribute' });

export const Open311UpdateBody = z
  .object({
    ...COMMON,
    service_request_id: Many,
    update_id: Many.meta({ description: 'the client’s own id of the update' }),
    status: Many.meta({ description: 'extended status: OPEN, CLOSED, FIXED, IN_PROGRESS …' }),
    updated_datetime: Many,
    description: Many,
    media_url: Many,
    email: Many,
    phone: Many,
    first_name: Many,
    last_name: Many,
  })
  .catchall(z.union([z.string(), z.array(z.string())]));
