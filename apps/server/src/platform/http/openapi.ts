import type { FastifyDynamicSwaggerOptions } from '@fastify/swagger';
import { ERROR_CODES } from '@shanzhi/shared';
import { createJsonSchemaTransform, createJsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { hideKeywordNamedProperties } from './openapi-keyword-properties.js';
import { mustDeclareRequirement, requirementOf } from './route-permissions.js';

/** The OpenAPI version of the document; zod writes JSON Schema 2020-12, which OpenAPI 3.1 speaks natively. */
const OPENAPI_VERSION = '3.1.0';

const toJsonSchema = createJsonSchemaTransform({ schemaRegistry: z.globalRegistry });
const toComponents = createJsonSchemaTransformObject({ schemaRegistry: z.globalRegistry });

/** The stable error codes answered with `status`, from the one table of codes. */
export function errorCodesOf(status: number): string[] {
  return Object.entries(ERROR_CODES)
    .filter(([, codeStatus]) => codeStatus === status)
    .map(([code]) => code);
}

type JsonSchema = Record<string, unknown>;

/** Describes each error answer of a route with the error codes its status may carry. */
function describeErrorAnswers(response: Record<string, JsonSchema>): Record<string, JsonSchema> {
  return Object.fromEntries(
    Object.entries(response).map(([status, schema]) => {
      const codes = Number(status) >= 400 ? errorCodesOf(Number(status)) : [];
      return [
        status,
        codes.length > 0 ? { ...schema, description: `错误码 Error codes: ${codes.join(', ')}` } : schema,
      ];
    }),
  );
}

/**
 * The swagger options of the API: each route's zod schemas become JSON Schema, named shared schemas
 * (registered with `.meta({ id })`) become components referenced by `$ref`, and each operation carries the
 * requirement of its route (`x-permission`, also in its description) and the error codes of its error answers.
 */
export function openApiOptions(info: {
  title: string;
  version: string;
  description: string;
}): FastifyDynamicSwaggerOptions {
  return {
    openapi: {
      openapi: OPENAPI_VERSION,
      info,
      components: { securitySchemes: { session: { type: 'http', scheme: 'bearer' } } },
      security: [{ session: [] }],
    },
    transform: (document) => {
      const transformed = toJsonSchema(document);
      const schema = hideKeywordNamedProperties(transformed.schema) as JsonSchema & {
        response?: Record<string, JsonSchema>;
      };
      const requires = mustDeclareRequirement(document.url) ? requirementOf(document.route) : undefined;
      if (!requires) return { url: transformed.url, schema };
      const lead = typeof schema.description === 'string' ? `${schema.description}\n\n` : '';
      return {
        url: transformed.url,
        schema: {
          ...schema,
          description: `${lead}权限 Requires: \`${requires}\``,
          'x-permission': requires,
          ...(requires === 'public' ? { security: [] } : {}),
          ...(schema.response ? { response: describeErrorAnswers(schema.response) } : {}),
        },
      };
    },
    transformObject: (document) => hideKeywordNamedProperties(toComponents(document)),
  };
}
