type Json = unknown;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** An object schema with its `$`-named properties moved to `patternProperties`. */
function moveKeywordNamedProperties(schema: Record<string, Json>): Record<string, Json> {
  const properties = schema.properties;
  if (!properties || typeof properties !== 'object') return schema;
  const entries = Object.entries(properties);
  const named = entries.filter(([name]) => name.startsWith('$'));
  if (named.length === 0) return schema;
  const patterns = named.map(([name, child]) => [`^${escapeRegExp(name)}$`, child]);
  return {
    ...schema,
    properties: Object.fromEntries(entries.filter(([name]) => !name.startsWith('$'))),
    patternProperties: {
      ...(schema.patternProperties as object | undefined),
      ...Object.fromEntries(patterns),
    },
  };
}

/**
 * Rewrites a JSON Schema so that no property is named like a keyword (`$id`, `$schema`, `$ref`): each such
 * property becomes an exact `patternProperties` entry, which accepts the same documents. The holiday-cn file
 * format carries `$schema` and `$id` as data; schema resolvers (`json-schema-resolver` in @fastify/swagger,
 * OpenAPI validators) read a property named `$id` as the keyword and fail on it.
 */
export function hideKeywordNamedProperties<T extends Json>(value: T): T {
  if (Array.isArray(value)) return value.map(hideKeywordNamedProperties) as T;
  if (!value || typeof value !== 'object') return value;
  const walked = Object.fromEntries(
    Object.entries(value).map(([key, child]) => [key, hideKeywordNamedProperties(child)]),
  );
  return moveKeywordNamedProperties(walked) as T;
}
